/**
 * One mock, two transports, one contract. Tests and static builds reach the
 * mock through msw's Service Worker (`/api`, src/mocks/browser.ts); `npm
 * start` and `npm run preview`, and so every TV on the LAN, reach it through
 * the Node middleware of the server (src/mocks/node-middleware.ts). Both run
 * the same handlers, but the transports differ in what they carry: request
 * bodies, cookies, several Set-Cookie headers, status codes without a body,
 * problem+json content types. So every exchange below is made over both,
 * checked against the contract on each, and the two answers compared:
 * status, content type, the headers the client reads, and the JSON body,
 * after replacing what is different by design (session tokens, their expiry,
 * card tokens) with placeholders.
 *
 * The Node middleware is mounted in wtr's own server at /server-api, with its
 * control endpoints at /server-mock (web-test-runner.config.mjs). Both use the
 * `mp_session` cookie with Path=/, yet cannot see each other's: the server's
 * is a real HttpOnly cookie, which a Service Worker never gets to see, and the
 * worker's lives in msw's cookie store. The tests still log out of both before
 * each test, and one test proves the two sessions stay apart.
 */
import { expect } from '@open-wc/testing';

// msw merges the cookies of its store into every request it resolves: a
// session left there by another test file must not log these tests in.
localStorage.removeItem('__msw-cookie-store__');
document.cookie = 'mp_session=; path=/; max-age=0';
const { MockBackend } = await import('../../src/mocks/mock-backend.js');
const { startMockWorker } = await import('../../src/mocks/browser.js');
await startMockWorker(new MockBackend(), { readConfigFromUrl: false });

interface Transport {
  name: string;
  api: string;
  control: string;
}

const WORKER: Transport = { name: 'msw worker', api: '/api', control: '/__mock' };
const SERVER: Transport = { name: 'node middleware', api: '/server-api', control: '/server-mock' };
const TRANSPORTS = [WORKER, SERVER] as const;

const TARO = 'acc_4f2b9c';
const HANAKO = 'acc_7d1e3a';
const PASSWORD = 'mypage-demo';
/** The headers a client of the contract reads (others, like Date, differ by nature). */
const COMPARED_HEADERS = ['content-type', 'cache-control', 'vary', 'retry-after', 'idempotent-replayed'];
/** Values that differ between any two sessions or device codes, whatever the transport. */
const PER_SESSION = [
  'sessionId',
  'csrfToken',
  'expiresAt',
  'cardToken',
  'authTime',
  'deviceCode',
  'userCode',
  'verificationUriComplete',
  'requestedAt',
];

interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The JSON body with per-session values, the echoed request id and the API base replaced; null if none or not JSON. */
  json: any;
  /** The JSON body as received. */
  raw: any;
  text: string;
  requestId: string;
  ms: number;
}

interface SendOptions {
  body?: unknown;
  /** A body sent as is (not JSON-encoded). */
  rawBody?: string;
  headers?: Record<string, string>;
}

function normalize(value: unknown, requestId: string, api: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, requestId, api));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (PER_SESSION.includes(key) && typeof inner === 'string') return [key, `<${key}>`];
      if (key === 'requestId' && inner === requestId) return [key, '<the X-Request-Id sent>'];
      // A problem's detail may name the path asked for, base included.
      if (key === 'detail' && typeof inner === 'string') return [key, inner.split(`${api}/`).join('<api>/')];
      return [key, normalize(inner, requestId, api)];
    }),
  );
}

/** A request as the app's http-client makes it: credentials, no-store, a fresh X-Request-Id. */
async function send(transport: Transport, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
  const requestId = crypto.randomUUID();
  const headers = new Headers(options.headers);
  headers.set('X-Request-Id', requestId);
  let body: string | null = options.rawBody ?? null;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== null) headers.set('Content-Type', 'application/json');
  const base = path.startsWith('control:') ? transport.control : transport.api;
  const started = performance.now();
  const response = await fetch(`${base}${path.replace(/^control:/, '')}`, {
    method,
    headers,
    body,
    credentials: 'include',
    cache: 'no-store',
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const picked: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return {
    status: response.status,
    headers: picked,
    json: normalize(raw, requestId, transport.api),
    raw,
    text,
    requestId,
    ms,
  };
}

/** What two transports must agree on, exactly. */
const comparable = (answer: Answer): unknown => ({
  status: answer.status,
  headers: answer.headers,
  body: answer.raw === null ? answer.text : answer.json,
});

/**
 * Runs `exchange` over each transport in turn (never interleaved, so the
 * latency and log checks see only their own requests), then requires the
 * two results to be identical.
 */
async function overBoth<T>(exchange: (t: Transport) => Promise<T>): Promise<[T, T]> {
  const results: T[] = [];
  for (const transport of TRANSPORTS) {
    try {
      results.push(await exchange(transport));
    } catch (error) {
      if (error instanceof Error) error.message = `${transport.name}: ${error.message}`;
      throw error;
    }
  }
  const [worker, server] = results as [T, T];
  expect(server, 'node middleware answers differ from the msw worker').to.deep.equal(worker);
  return [worker, server];
}

async function login(t: Transport, loginId = 'taro@example.jp', nonce: string = crypto.randomUUID()): Promise<Answer> {
  return send(t, 'POST', '/auth/login', { body: { loginId, password: PASSWORD, nonce } });
}

/** A mutation with what the contract requires, from a fresh read of the session. */
async function mutate(
  t: Transport,
  method: string,
  path: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const session = await send(t, 'GET', '/auth/session');
  expect(session.status, 'session before the mutation').to.equal(200);
  return send(t, method, path, {
    body: { expectedAccountId: session.raw.accountId, ...body },
    headers: { 'X-CSRF-Token': session.raw.csrfToken, 'Idempotency-Key': crypto.randomUUID(), ...headers },
  });
}

function expectProblem(answer: Answer, status: number, slug: string): void {
  expect(answer.status).to.equal(status);
  expect(answer.headers['content-type']).to.equal('application/problem+json; charset=utf-8');
  expect(answer.raw).to.include({ type: `https://mypage.example.jp/problems/${slug}`, status });
  expect(answer.raw.title).to.be.a('string');
  expect(answer.raw.detail).to.be.a('string');
}

function expectEnvelope(answer: Answer, accountId = TARO): void {
  expect(answer.status).to.equal(200);
  expect(answer.headers['content-type']).to.equal('application/json; charset=utf-8');
  expect(answer.headers['cache-control']).to.equal('no-store');
  expect(answer.raw).to.have.all.keys('accountId', 'requestId', 'data');
  expect(answer.raw).to.include({ accountId, requestId: answer.requestId });
}

beforeEach(async () => {
  for (const t of TRANSPORTS) {
    // Logging out clears the cookie; a reset alone would leave a session the fresh backend still accepts.
    expect((await send(t, 'POST', '/auth/logout')).status).to.equal(204);
    expect((await send(t, 'POST', 'control:/reset')).status).to.equal(204);
  }
});

after(async () => {
  for (const t of TRANSPORTS) await send(t, 'POST', '/auth/logout');
});

describe('mock transports: msw worker (/api) and node middleware (/server-api)', () => {
  it('each base is answered by its own transport only', async () => {
    await send(SERVER, 'GET', '/auth/session');
    await send(WORKER, 'GET', '/auth/session');
    const paths = async (t: Transport): Promise<string[]> =>
      ((await send(t, 'GET', 'control:/requests')).raw as Array<{ path: string }>).map((entry) => entry.path);
    expect(await paths(SERVER)).to.deep.equal(['/server-api/auth/session']);
    expect(await paths(WORKER)).to.deep.equal(['/api/auth/session']);

    const [config] = await overBoth(async (t) => comparable(await send(t, 'GET', 'control:/config')));
    expect((config as { body: { config: unknown } }).body.config).to.deep.equal({
      scenario: 'normal',
      endpoint: null,
      latencyMs: 0,
    });
  });

  it('login: envelope of the session, nonce and stored loginId echoed, session kept in an HttpOnly cookie', async () => {
    const nonce = 'nonce-7f3a';
    await overBoth(async (t) => {
      const answer = await login(t, '  Taro@Example.JP ', nonce);
      expect(answer.status).to.equal(200);
      expect(answer.headers['content-type']).to.equal('application/json; charset=utf-8');
      expect(answer.raw).to.include({ accountId: TARO, loginId: 'taro@example.jp', nonce });
      expect(answer.raw.expiresAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(answer.raw.csrfToken).to.be.a('string').and.not.equal('');
      // The cookie is sent back, but no script can read it.
      expect(document.cookie).not.to.contain('mp_session');
      const session = await send(t, 'GET', '/auth/session');
      expect(session.status).to.equal(200);
      expect(session.raw).to.include({
        accountId: TARO,
        nonce: null,
        csrfToken: answer.raw.csrfToken,
        sessionId: answer.raw.sessionId,
      });
      return [comparable(answer), comparable(session)];
    });
  });

  it("keeps the two transports' sessions apart although both cookies are mp_session, Path=/", async () => {
    expect((await login(SERVER, 'hanako@example.jp')).status).to.equal(200);
    expect((await send(WORKER, 'GET', '/auth/session')).status).to.equal(401);
    expect((await login(WORKER)).status).to.equal(200);
    expect((await send(SERVER, 'GET', '/auth/session')).raw.accountId).to.equal(HANAKO);
    expect((await send(WORKER, 'GET', '/auth/session')).raw.accountId).to.equal(TARO);
    expect((await send(SERVER, 'POST', '/auth/logout')).status).to.equal(204);
    expect((await send(WORKER, 'GET', '/auth/session')).raw.accountId).to.equal(TARO);
  });

  it('without a session: 401 problem+json on session, reads and mutations; logout still 204', async () => {
    await overBoth(async (t) => {
      const answers = [
        await send(t, 'GET', '/auth/session'),
        await send(t, 'GET', '/contract'),
        await send(t, 'GET', '/viewing-history'),
        await send(t, 'DELETE', '/devices/dev_8a31f0', { body: { expectedAccountId: TARO } }),
      ];
      for (const answer of answers) {
        expectProblem(answer, 401, 'unauthenticated');
        expect(answer.raw).to.have.all.keys('type', 'title', 'status', 'detail');
      }
      const logout = await send(t, 'POST', '/auth/logout');
      expect(logout.status).to.equal(204);
      expect(logout.text).to.equal('');
      return [...answers, logout].map(comparable);
    });
  });

  it('every read endpoint: the envelope, and cursor paging to the end', async () => {
    await overBoth(async (t) => {
      await login(t);
      const answers: unknown[] = [];
      for (const path of ['/contract', '/devices', '/payment-method', '/downloads', '/favorites']) {
        const answer = await send(t, 'GET', path);
        expectEnvelope(answer);
        answers.push(comparable(answer));
      }
      for (const [path, total, pages] of [
        ['/payments', 30, 2],
        ['/viewing-history', 80, 2],
      ] as const) {
        const ids = new Set<string>();
        let cursor: string | null = null;
        let count = 0;
        do {
          const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
          const page: Answer = await send(t, 'GET', `${path}${query}`);
          expectEnvelope(page);
          for (const item of page.raw.data.items) ids.add(item.paymentId ?? item.entryId);
          cursor = page.raw.data.nextCursor;
          count += 1;
          answers.push(comparable(page));
        } while (cursor !== null && count < 10);
        expect(count, `${path} pages`).to.equal(pages);
        expect(ids.size, `${path} items`).to.equal(total);
      }
      const badCursor = await send(t, 'GET', '/payments?cursor=not-ours');
      expectProblem(badCursor, 400, 'invalid-cursor');
      answers.push(comparable(badCursor));
      return answers;
    });
  });

  it('a mutation needs CSRF and an Idempotency-Key; a retry with the same key replays the answer', async () => {
    await overBoth(async (t) => {
      await login(t);
      const path = '/devices/dev_8a31f0';
      const forged = await mutate(t, 'DELETE', path, {}, { 'X-CSRF-Token': 'forged' });
      expectProblem(forged, 403, 'csrf');
      const session = (await send(t, 'GET', '/auth/session')).raw;
      const noKey = await send(t, 'DELETE', path, {
        body: { expectedAccountId: TARO },
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      expectProblem(noKey, 400, 'missing-idempotency-key');

      const key = { 'Idempotency-Key': 'remove-living-room-tv' };
      const first = await mutate(t, 'DELETE', path, {}, key);
      expectEnvelope(first);
      expect(first.raw.data.items).to.have.length(3);
      const replay = await mutate(t, 'DELETE', path, {}, key);
      expectEnvelope(replay);
      expect(replay.headers['idempotent-replayed']).to.equal('true');
      expect(replay.raw.data).to.deep.equal(first.raw.data);
      const reused = await mutate(t, 'DELETE', '/devices/dev_2c77d1', {}, key);
      expectProblem(reused, 409, 'idempotency-key-reused');
      const devices = await send(t, 'GET', '/devices');
      expect(devices.raw.data.items).to.have.length(3);

      // A POST body crosses the transport whole; the number never comes back.
      const card = await mutate(t, 'POST', '/card-tokens', {
        number: '5555 5555 5555 4444',
        expMonth: 12,
        expYear: 2031,
        cvc: '321',
        holderName: 'TARO YAMADA',
      });
      expectEnvelope(card);
      expect(card.raw.data).to.include({ brand: 'Mastercard', last3: '444' });
      expect(card.text).not.to.contain('5555');
      return [forged, noKey, first, replay, reused, devices, card].map(comparable);
    });
  });

  it('section 5: a TV code approved from a phone session, the token answer with its cookie, reauth and reauthentication-required', async () => {
    await overBoth(async (t) => {
      await login(t);
      // The same on both transports, so the echoed nonces compare equal.
      const nonce = 'tv-nonce-1';
      const start = await send(t, 'POST', '/auth/device/start', {
        body: { nonce, deviceName: 'リビングのテレビ', purpose: 'sign-in' },
      });
      expect(start.status).to.equal(200);
      expect(start.raw.verificationUri).to.equal(`${location.origin}/#/activate`);
      const poll = (): Promise<Answer> =>
        send(t, 'POST', '/auth/device/token', { body: { deviceCode: start.raw.deviceCode, nonce } });
      const pending = await poll();
      expectProblem(pending, 400, 'authorization-pending');
      expectProblem(await poll(), 400, 'slow-down');
      const lookup = await mutate(t, 'POST', '/auth/device/lookup', { userCode: start.raw.userCode.toLowerCase() });
      expectEnvelope(lookup);
      const approve = await mutate(t, 'POST', '/auth/device/approve', { userCode: start.raw.userCode });
      expectEnvelope(approve);
      expect((await send(t, 'POST', 'control:/clock', { body: { advanceMs: 11_000 } })).status).to.equal(200);
      const token = await poll();
      expect(token.status).to.equal(200);
      expect(token.raw).to.include({ accountId: TARO, nonce });
      expect(token.raw.approval.userCode).to.equal(start.raw.userCode);
      const session = await send(t, 'GET', '/auth/session');
      expect(session.raw.sessionId, 'the token answer set the cookie').to.equal(token.raw.sessionId);

      expect((await send(t, 'POST', 'control:/clock', { body: { advanceMs: 301_000 } })).status).to.equal(200);
      const stale = await mutate(t, 'POST', '/auth/logout-all', {});
      expectProblem(stale, 403, 'reauthentication-required');
      expect(stale.raw.maxAge).to.equal(300);
      const reauth = await send(t, 'POST', '/auth/reauth', {
        body: { password: PASSWORD, nonce: 'n-1', expectedAccountId: TARO },
        headers: { 'X-CSRF-Token': session.raw.csrfToken },
      });
      expect(reauth.raw).to.include({ accountId: TARO, nonce: 'n-1' });
      expect((await send(t, 'GET', '/auth/session')).raw.sessionId).to.equal(reauth.raw.sessionId);
      return [start, pending, lookup, approve, token, stale, reauth].map(comparable);
    });
  });

  it('problem+json for refused logins, invalid JSON and unknown paths', async () => {
    await overBoth(async (t) => {
      const wrong = await send(t, 'POST', '/auth/login', {
        body: { loginId: 'taro@example.jp', password: 'x', nonce: 'n' },
      });
      expectProblem(wrong, 401, 'invalid-credentials');
      const missing = await send(t, 'POST', '/auth/login', { body: { loginId: 'taro@example.jp' } });
      expectProblem(missing, 422, 'validation');
      expect(missing.raw.errors).to.deep.equal([
        { field: 'password', code: 'required' },
        { field: 'nonce', code: 'required' },
      ]);
      const invalid = await send(t, 'POST', '/auth/login', { rawBody: '{"loginId":' });
      expectProblem(invalid, 400, 'invalid-json');
      const unknown = await send(t, 'GET', '/no-such-endpoint');
      expectProblem(unknown, 404, 'not-found');
      return [wrong, missing, invalid, unknown].map(comparable);
    });
  });

  it('every /api answer, success, problem, empty or gateway page, carries Cache-Control: no-store and Vary: Cookie', async () => {
    await overBoth(async (t) => {
      const answers = [
        await send(t, 'GET', '/auth/session'),
        await send(t, 'GET', '/no-such-endpoint'),
        await login(t),
        await send(t, 'GET', '/contract'),
        await send(t, 'POST', '/auth/login', { rawBody: '{' }),
      ];
      await send(t, 'POST', 'control:/config', { body: { scenario: 'server-error', endpoint: 'devices' } });
      answers.push(await send(t, 'GET', '/devices'));
      await send(t, 'POST', 'control:/config', { body: { scenario: 'malformed-json', endpoint: 'payments' } });
      answers.push(await send(t, 'GET', '/payments'));
      answers.push(await send(t, 'POST', '/auth/logout'));
      expect(answers.map((a) => a.status)).to.deep.equal([401, 404, 200, 200, 400, 503, 200, 204]);
      for (const answer of answers) {
        expect(answer.headers['cache-control'], `${answer.status} cache-control`).to.equal('no-store');
        expect(answer.headers['vary'], `${answer.status} vary`).to.equal('Cookie');
      }
      return answers.map((a) => ({ status: a.status, headers: a.headers }));
    });
  });

  it('faults set through the control endpoint: foreign-account on one endpoint, server-error with Retry-After', async () => {
    await overBoth(async (t) => {
      await login(t);
      const configured = await send(t, 'POST', 'control:/config', {
        body: { scenario: 'foreign-account', endpoint: 'contract' },
      });
      expect(configured.raw.config).to.deep.equal({ scenario: 'foreign-account', endpoint: 'contract', latencyMs: 0 });
      const contract = await send(t, 'GET', '/contract');
      expectEnvelope(contract, HANAKO);
      expect(contract.raw.data).to.include({ planName: 'スタンダード', status: 'cancel_scheduled' });
      const devices = await send(t, 'GET', '/devices');
      expectEnvelope(devices, TARO);

      await send(t, 'POST', 'control:/config', { body: { scenario: 'server-error', endpoint: 'payments' } });
      const busy = await send(t, 'GET', '/payments');
      expectProblem(busy, 503, 'service-unavailable');
      expect(busy.headers['retry-after']).to.equal('5');
      return [configured, contract, devices, busy].map(comparable);
    });
  });

  it('POST /__mock/reset, as the README says: data, sessions, settings and request log as new', async () => {
    await overBoth(async (t) => {
      await login(t);
      const removed = await mutate(t, 'DELETE', '/devices/dev_8a31f0', {});
      expect(removed.raw.data.items).to.have.length(3);
      const faulty = { scenario: 'server-error', endpoint: 'payments', latencyMs: 20 };
      await send(t, 'POST', 'control:/config', { body: faulty });

      const reset = await send(t, 'POST', 'control:/reset');
      expect(reset.status).to.equal(204);
      const log = (await send(t, 'GET', 'control:/requests')).raw as Array<{ path: string }>;
      expect(log.map((entry) => entry.path)).to.deep.equal([]);
      // The cookie of the session opened before is still sent, and is refused.
      const before = await send(t, 'GET', '/auth/session');
      expectProblem(before, 401, 'unauthenticated');
      const config = await send(t, 'GET', 'control:/config');
      expect(config.raw.config).to.deep.equal({ scenario: 'normal', endpoint: null, latencyMs: 0 });
      expect((await login(t)).status).to.equal(200);
      const devices = await send(t, 'GET', '/devices');
      expectEnvelope(devices);
      expect(devices.raw.data.items).to.have.length(4);
      return [reset, before, config, devices].map(comparable);
    });
  });

  it('latency set through the control endpoint delays every answer', async () => {
    const latencyMs = 250;
    await overBoth(async (t) => {
      const configured = await send(t, 'POST', 'control:/config', { body: { latencyMs } });
      expect(configured.raw.config.latencyMs).to.equal(latencyMs);
      const session = await send(t, 'GET', '/auth/session');
      expect(session.ms, `${t.name} answered in ${session.ms} ms`).to.be.at.least(latencyMs - 5);
      return [configured, session].map(comparable);
    });
  });
});
