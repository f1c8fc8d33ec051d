/**
 * The mock backend against the API contract, in a real browser, calling the
 * msw handlers directly through getResponse (no Service Worker involved).
 *
 * Browsers neither let a script set a Cookie request header nor show it a
 * Set-Cookie response header. So this test keeps the session cookie itself
 * (from the response, or from backend.lastSetCookie where it is hidden) and
 * sends it through document.cookie, which msw reads for same-origin
 * requests, exactly as the browser would have sent it.
 */
import { expect } from '@open-wc/testing';
import type { HttpHandler } from 'msw';
import type { MockConfig } from '../../src/mocks/index.js';

// msw keeps cookies of worker-mocked responses in localStorage and merges
// them into every same-origin request it resolves, ahead of document.cookie.
// A session left there by another test file must not leak into these tests,
// so the store is emptied before msw loads.
localStorage.removeItem('__msw-cookie-store__');
const { getResponse } = await import('msw');
const { createHandlers, HOSTILE_STRINGS, MockBackend } = await import('../../src/mocks/index.js');
type Backend = InstanceType<typeof MockBackend>;

const TARO = 'acc_4f2b9c';
const HANAKO = 'acc_7d1e3a';
const PASSWORD = 'mypage-demo';

interface Answer {
  status: number;
  headers: Headers;
  json: any;
  text: string;
  requestId: string | null;
}

interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false: send no X-Request-Id. */
  requestId?: string | false;
  /** Override the client's cookie for this one request (null: none). */
  cookie?: string | null;
}

function setDocumentCookie(value: string | null): void {
  document.cookie = value === null ? 'mp_session=; path=/; max-age=0' : `mp_session=${value}; path=/`;
}

/** A browser tab talking to the mock: keeps the session cookie between requests. */
class Tab {
  cookie: string | null = null;
  readonly handlers: HttpHandler[];

  constructor(readonly backend: Backend) {
    this.handlers = createHandlers(backend);
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const requestId = options.requestId === false ? null : (options.requestId ?? crypto.randomUUID());
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    const headers = new Headers(options.headers);
    if (requestId !== null) headers.set('X-Request-Id', requestId);
    if (options.body !== undefined) headers.set('Content-Type', 'application/json');
    if (cookie !== null) headers.set('Cookie', `mp_session=${cookie}`); // kept by non-browser runners only
    setDocumentCookie(cookie);
    this.backend.lastSetCookie = null;

    const request = new Request(`${location.origin}${path}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
    const response = await getResponse(this.handlers, request, { baseUrl: location.origin });
    if (!response) throw new Error(`no handler answered ${method} ${path}`);

    const setCookie = response.headers.get('set-cookie') ?? this.backend.lastSetCookie;
    if (setCookie !== null && options.cookie === undefined) {
      const value = /^mp_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
      this.cookie = /Max-Age=0/i.test(setCookie) || value === '' ? null : value;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, json, text, requestId };
  }

  async login(loginId: string, nonce = crypto.randomUUID()): Promise<Answer & { nonce: string }> {
    const answer = await this.send('POST', '/api/auth/login', { body: { loginId, password: PASSWORD, nonce } });
    return { ...answer, nonce };
  }

  /** A mutation with everything the contract requires, unless overridden. */
  async mutate(
    method: string,
    path: string,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const session = await this.send('GET', '/api/auth/session');
    return this.send(method, path, {
      body: { expectedAccountId: session.json.accountId, ...body },
      headers: { 'X-CSRF-Token': session.json.csrfToken, 'Idempotency-Key': crypto.randomUUID(), ...headers },
    });
  }
}

async function signedIn(loginId = 'taro@example.jp', config: Partial<MockConfig> = {}): Promise<Tab> {
  const tab = new Tab(new MockBackend());
  await tab.login(loginId);
  tab.backend.configure(config);
  return tab;
}

/** Every value of every `accountId` property at any depth. */
function nestedAccountIds(value: unknown, found: unknown[] = []): unknown[] {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'accountId') found.push(inner);
      nestedAccountIds(inner, found);
    }
  }
  return found;
}

afterEach(() => setDocumentCookie(null));

describe('mock backend: auth', () => {
  it('logs in, echoes nonce and stored loginId, and keeps the session in an HttpOnly cookie', async () => {
    const tab = new Tab(new MockBackend());
    const login = await tab.login('  Taro@Example.JP ');
    expect(login.status).to.equal(200);
    expect(login.json).to.include({ accountId: TARO, loginId: 'taro@example.jp', nonce: login.nonce });
    expect(login.json.expiresAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(tab.backend.lastSetCookie)
      .to.match(/HttpOnly/)
      .and.match(/Path=\//)
      .and.match(/SameSite=Lax/);
    expect(tab.cookie).to.be.a('string');

    const session = await tab.send('GET', '/api/auth/session');
    expect(session.status).to.equal(200);
    expect(session.json).to.include({ accountId: TARO, nonce: null, csrfToken: login.json.csrfToken });

    const anonymous = await tab.send('GET', '/api/auth/session', { cookie: null });
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('content-type')).to.contain('application/problem+json');
    expect(anonymous.json).to.have.all.keys('type', 'title', 'status', 'detail');
  });

  it('refuses wrong credentials with one neutral 401 and missing fields with 422', async () => {
    const tab = new Tab(new MockBackend());
    const wrong = await tab.send('POST', '/api/auth/login', {
      body: { loginId: 'taro@example.jp', password: 'x', nonce: 'n' },
    });
    const unknown = await tab.send('POST', '/api/auth/login', {
      body: { loginId: 'who@example.jp', password: 'x', nonce: 'n' },
    });
    expect(wrong.status).to.equal(401);
    expect(unknown.json).to.deep.equal(wrong.json);
    const missing = await tab.send('POST', '/api/auth/login', { body: { loginId: 'taro@example.jp' } });
    expect(missing.status).to.equal(422);
    expect(missing.json.errors).to.deep.equal([
      { field: 'password', code: 'required' },
      { field: 'nonce', code: 'required' },
    ]);
  });

  it('logout answers 204, clears the cookie and ends the session', async () => {
    const tab = await signedIn();
    const before = tab.cookie;
    const logout = await tab.send('POST', '/api/auth/logout');
    expect(logout.status).to.equal(204);
    expect(tab.cookie).to.equal(null);
    expect((await tab.send('GET', '/api/auth/session', { cookie: before })).status).to.equal(401);
  });
});

describe('mock backend: data endpoints', () => {
  it('wraps data in an envelope echoing X-Request-Id, never cacheable', async () => {
    const tab = await signedIn();
    const contract = await tab.send('GET', '/api/contract', { requestId: 'req-123' });
    expect(contract.json).to.deep.equal({
      accountId: TARO,
      requestId: 'req-123',
      data: {
        planName: 'プレミアム',
        planCode: 'premium',
        status: 'active',
        monthlyFee: { amount: 2530, currency: 'JPY' },
        nextBillingDate: '2026-12-01',
        card: { brand: 'Visa', last3: '123' },
      },
    });
    expect(contract.headers.get('cache-control')).to.equal('no-store');
    expect((await tab.send('GET', '/api/contract', { requestId: false })).status).to.equal(400);
  });

  it("pages through taro's whole viewing history, newest first", async () => {
    const tab = await signedIn();
    const entries: Array<{ entryId: string; viewedAt: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const page: Answer = await tab.send('GET', `/api/viewing-history${query}`);
      expect(page.status).to.equal(200);
      entries.push(...page.json.data.items);
      cursor = page.json.data.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).to.equal(2);
    expect(entries).to.have.length(80);
    expect(new Set(entries.map((e) => e.entryId)).size).to.equal(80);
    entries.slice(1).forEach((entry, i) => expect(entry.viewedAt < entries[i]!.viewedAt).to.equal(true));
    expect((await tab.send('GET', '/api/viewing-history?cursor=not-ours')).status).to.equal(400);
  });
});

describe('mock backend: scenarios', () => {
  it('foreign-account answers with the partner account and its real data', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'foreign-account', endpoint: 'contract' });
    const contract = await tab.send('GET', '/api/contract');
    expect(contract.json.accountId).to.equal(HANAKO);
    expect(contract.json.data).to.include({ planName: 'スタンダード', status: 'cancel_scheduled' });
    expect((await tab.send('GET', '/api/devices')).json.accountId).to.equal(TARO);
  });

  it('foreign-nested keeps the envelope but nests a partner accountId in data', async () => {
    const tab = await signedIn('hanako@example.jp', { scenario: 'foreign-nested' });
    for (const path of ['/api/contract', '/api/favorites', '/api/payments']) {
      const answer = await tab.send('GET', path);
      expect(answer.json.accountId).to.equal(HANAKO);
      expect(nestedAccountIds(answer.json.data)).to.deep.equal([TARO]);
    }
  });

  it('wrong-request-id answers another requestId', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'wrong-request-id' });
    const answer = await tab.send('GET', '/api/devices', { requestId: 'mine' });
    expect(answer.json.accountId).to.equal(TARO);
    expect(answer.json.requestId).to.be.a('string').and.not.equal('mine');
  });

  it('schema-break keeps the envelope right and breaks data', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'schema-break' });
    const contract = await tab.send('GET', '/api/contract');
    expect(contract.json).to.include({ accountId: TARO, requestId: contract.requestId });
    expect(contract.json.data.monthlyFee).to.equal('2530円');
    expect((await tab.send('GET', '/api/devices')).json.data.items).not.to.be.an('array');
  });

  it('unauthorized answers 401 on data endpoints', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'unauthorized' });
    expect((await tab.send('GET', '/api/favorites')).status).to.equal(401);
  });

  it('server-error answers 503 problem+json with Retry-After', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'server-error' });
    const answer = await tab.send('GET', '/api/payments');
    expect(answer.status).to.equal(503);
    expect(answer.headers.get('retry-after')).to.equal('5');
    expect(answer.json.status).to.equal(503);
  });

  it('malformed-json answers 200 with HTML', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'malformed-json' });
    const answer = await tab.send('GET', '/api/contract');
    expect(answer.status).to.equal(200);
    expect(answer.json).to.equal(null);
    expect(answer.text).to.contain('<html');
  });

  it('hostile-strings puts markup, long, RTL and ZWJ text in valid answers', async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'hostile-strings' });
    const titles: string[] = (await tab.send('GET', '/api/viewing-history')).json.data.items.map(
      (i: { title: string }) => i.title,
    );
    for (const hostile of HOSTILE_STRINGS) expect(titles).to.include(hostile);
    expect(titles.some((t) => t.length === 10_000)).to.equal(true);
    expect(titles.some((t) => t.includes('\u202E'))).to.equal(true);
    expect(titles.some((t) => t.includes('\u200D'))).to.equal(true);
  });

  it("session-switch answers the partner's session from the second call on", async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'session-switch' });
    expect((await tab.send('GET', '/api/auth/session')).json.accountId).to.equal(TARO);
    const second = await tab.send('GET', '/api/auth/session');
    expect(second.json).to.include({ accountId: HANAKO, loginId: 'hanako@example.jp' });
    expect((await tab.send('GET', '/api/auth/session')).json.accountId).to.equal(HANAKO);
  });

  it("login-swap answers the partner's session with another nonce; login-swap-echo echoes it", async () => {
    const tab = new Tab(new MockBackend({ scenario: 'login-swap' }));
    const swapped = await tab.login('taro@example.jp');
    expect(swapped.json).to.include({ accountId: HANAKO, loginId: 'hanako@example.jp' });
    expect(swapped.json.nonce).not.to.equal(swapped.nonce);
    tab.backend.configure({ scenario: 'login-swap-echo' });
    const echoed = await tab.login('hanako@example.jp');
    expect(echoed.json).to.include({ accountId: TARO, loginId: 'taro@example.jp', nonce: echoed.nonce });
  });
});

describe('mock backend: mutations', () => {
  it('refuses a missing CSRF token, a missing Idempotency-Key and another expectedAccountId', async () => {
    const tab = await signedIn();
    const path = '/api/devices/dev_8a31f0';
    const noCsrf = await tab.mutate('DELETE', path, {}, { 'X-CSRF-Token': 'forged' });
    expect(noCsrf.status).to.equal(403);
    const session = (await tab.send('GET', '/api/auth/session')).json;
    const noKey = await tab.send('DELETE', path, {
      body: { expectedAccountId: TARO },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(noKey.status).to.equal(400);
    const otherAccount = await tab.mutate('DELETE', path, { expectedAccountId: HANAKO });
    expect(otherAccount.status).to.equal(409);
    expect(otherAccount.json.type).to.match(/account-mismatch$/);
    expect((await tab.send('GET', '/api/devices')).json.data.items).to.have.length(4);
  });

  it('replays an idempotent retry without acting twice, with the new requestId', async () => {
    const tab = await signedIn();
    const key = { 'Idempotency-Key': 'remove-living-room-tv' };
    const first = await tab.mutate('DELETE', '/api/devices/dev_8a31f0', {}, key);
    expect(first.status).to.equal(200);
    expect(first.json.data.items).to.have.length(3);
    const retry = await tab.mutate('DELETE', '/api/devices/dev_8a31f0', {}, key);
    expect(retry.status).to.equal(200);
    expect(retry.json.requestId).to.equal(retry.requestId);
    expect(retry.requestId).not.to.equal(first.requestId);
    expect(retry.json.data).to.deep.equal(first.json.data);
    expect((await tab.send('GET', '/api/devices')).json.data.items).to.have.length(3);
  });

  it('answers 422 with field errors for a bad card and never keeps the number', async () => {
    const tab = await signedIn();
    const bad = await tab.mutate('POST', '/api/card-tokens', {
      number: '4242 4242 4242 4241',
      expMonth: 13,
      expYear: 2020,
      cvc: '12',
      holderName: '',
    });
    expect(bad.status).to.equal(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field)).to.have.members([
      'number',
      'expMonth',
      'cvc',
      'holderName',
    ]);

    const good = await tab.mutate('POST', '/api/card-tokens', {
      number: '5555 5555 5555 4444',
      expMonth: 12,
      expYear: 2031,
      cvc: '321',
      holderName: 'TARO YAMADA',
    });
    expect(good.json.data).to.include({ brand: 'Mastercard', last3: '444' });
    const log = JSON.stringify(tab.backend.requests);
    expect(log).not.to.contain('4242 4242 4242 4241');
    expect(log).not.to.contain('5555 5555 5555 4444');
    expect(log).not.to.contain('"cvc":"321"');
  });
});

// --- contract section 5: a TV signed in from a phone, and re-authentication ---------

const CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;
const JST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/;
const { createControlHandlers } = await import('../../src/mocks/index.js');

/** A TV that asked for a code, and the poll it repeats. */
async function tvWithCode(tv: Tab, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const nonce: string = crypto.randomUUID();
  const start = await tv.send('POST', '/api/auth/device/start', {
    body: { nonce, deviceName: 'リビングのテレビ', purpose: 'sign-in', ...body },
    headers,
  });
  const poll = (sentNonce = nonce): Promise<Answer> =>
    tv.send('POST', '/api/auth/device/token', { body: { deviceCode: start.json.deviceCode, nonce: sentNonce } });
  return { start, nonce, poll };
}

/** The server's wait between polls, so a poll is never "too early" by accident. */
const waitInterval = (tab: Tab, seconds = 5): void => tab.backend.advanceClock(seconds * 1000 + 1);

async function phoneOf(backend: Backend, loginId = 'taro@example.jp'): Promise<Tab> {
  const phone = new Tab(backend);
  await phone.login(loginId);
  return phone;
}

const problemSlug = (answer: Answer): string => String(answer.json?.type ?? '').replace(/^.*\//, '');

describe('mock backend: TV sign-in from a phone (contract section 5)', () => {
  it('start needs no session and answers the code, the activation URIs, timing and the echoed nonce', async () => {
    const tv = new Tab(new MockBackend());
    const { start, nonce } = await tvWithCode(tv);
    expect(start.status).to.equal(200);
    expect(start.headers.get('cache-control')).to.equal('no-store');
    expect(start.json).to.include({ expiresIn: 600, interval: 5, nonce });
    expect(start.json.userCode).to.match(CODE);
    // dc_ and 40 hex digits: 160 random bits.
    expect(start.json.deviceCode).to.match(/^dc_[0-9a-f]{40}$/);
    expect(start.json.verificationUri).to.equal(`${location.origin}/#/activate`);
    expect(start.json.verificationUriComplete).to.equal(
      `${location.origin}/#/activate?code=${start.json.userCode.replace('-', '')}`,
    );

    const bad = await tv.send('POST', '/api/auth/device/start', {
      body: { nonce, deviceName: 'TV', purpose: 'admin' },
    });
    expect(bad.status).to.equal(422);
    expect(bad.json.errors).to.deep.equal([{ field: 'purpose', code: 'invalid' }]);
    tv.backend.deviceTiming = { expiresIn: 60, interval: 1 };
    expect((await tvWithCode(tv)).start.json).to.include({ expiresIn: 60, interval: 1 });
  });

  it('polls: pending, slow-down (+5 s for every later poll) when too early, then the approved session with cookie, nonce, authTime and approval', async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const { start, nonce, poll } = await tvWithCode(tv);
    expect(problemSlug(await poll())).to.equal('authorization-pending');
    const early = await poll();
    expect(early.status).to.equal(400);
    expect(early.headers.get('content-type')).to.contain('application/problem+json');
    expect(problemSlug(early)).to.equal('slow-down');
    waitInterval(tv, 5);
    expect(problemSlug(await poll()), 'the interval is 10 s now').to.equal('slow-down');
    waitInterval(tv, 15);
    expect(problemSlug(await poll())).to.equal('authorization-pending');

    const phone = await phoneOf(backend);
    const typed = ` ${start.json.userCode.toLowerCase().replace('-', ' - ')} `;
    const lookup = await phone.mutate('POST', '/api/auth/device/lookup', { userCode: typed });
    expect(lookup.status).to.equal(200);
    expect(lookup.json).to.include({ accountId: TARO, requestId: lookup.requestId });
    expect(lookup.json.data).to.include({
      userCode: start.json.userCode,
      deviceName: 'リビングのテレビ',
      purpose: 'sign-in',
    });
    expect(lookup.json.data.requestedAt).to.match(JST);
    expect(lookup.json.data.expiresAt).to.match(JST);
    const approve = await phone.mutate('POST', '/api/auth/device/approve', { userCode: start.json.userCode });
    expect(approve.json.data).to.deep.equal({
      userCode: start.json.userCode,
      deviceName: 'リビングのテレビ',
      approved: true,
    });

    waitInterval(tv, 15);
    const token = await poll();
    expect(token.status).to.equal(200);
    expect(token.json).to.include({ accountId: TARO, loginId: 'taro@example.jp', nonce });
    expect(token.json.authTime).to.match(JST);
    expect(token.json.approval.userCode).to.equal(start.json.userCode);
    expect(token.json.approval.approvedOn).to.be.a('string').and.not.equal('');
    expect(tv.cookie).to.be.a('string').and.not.equal(phone.cookie);
    expect((await tv.send('GET', '/api/auth/session')).json).to.include({
      accountId: TARO,
      sessionId: token.json.sessionId,
    });
    waitInterval(tv, 15);
    expect(problemSlug(await poll()), 'a device code is used once').to.equal('expired-token');
  });

  it('a poll with another nonce is refused; a denied code answers access-denied; an expired one expired-token and 404 on the phone', async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const phone = await phoneOf(backend);
    const first = await tvWithCode(tv);
    expect(problemSlug(await first.poll('someone-else'))).to.equal('invalid-grant');
    const deny = await phone.mutate('POST', '/api/auth/device/deny', { userCode: first.start.json.userCode });
    expect(deny.json.data).to.deep.equal({ userCode: first.start.json.userCode, approved: false });
    waitInterval(tv);
    expect(problemSlug(await first.poll())).to.equal('access-denied');

    const second = await tvWithCode(tv);
    backend.advanceClock(600_000);
    expect(problemSlug(await second.poll())).to.equal('expired-token');
    const late = await phone.mutate('POST', '/api/auth/device/lookup', { userCode: second.start.json.userCode });
    expect(late.status).to.equal(404);
    expect(problemSlug(late)).to.equal('unknown-code');
  });

  it('5 wrong codes in 10 minutes: the phone session gets 429 with Retry-After, until the window passes', async () => {
    const backend = new MockBackend();
    const { start } = await tvWithCode(new Tab(backend));
    const phone = await phoneOf(backend);
    for (let i = 0; i < 5; i += 1) {
      expect((await phone.mutate('POST', '/api/auth/device/lookup', { userCode: 'BBBB-BBBB' })).status).to.equal(404);
    }
    const limited = await phone.mutate('POST', '/api/auth/device/lookup', { userCode: start.json.userCode });
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 600);
    const otherPhone = await phoneOf(backend);
    expect(
      (await otherPhone.mutate('POST', '/api/auth/device/lookup', { userCode: start.json.userCode })).status,
    ).to.equal(200);
    backend.advanceClock(600_000);
    expect((await phone.mutate('POST', '/api/auth/device/lookup', { userCode: 'BBBB-BBBB' })).status).to.equal(404);
  });

  it('phone requests pass the mutation gate: CSRF, Idempotency-Key, expectedAccountId, no session', async () => {
    const backend = new MockBackend();
    const { start } = await tvWithCode(new Tab(backend));
    const phone = await phoneOf(backend);
    const userCode = start.json.userCode;
    expect(
      (await phone.mutate('POST', '/api/auth/device/approve', { userCode }, { 'X-CSRF-Token': 'forged' })).status,
    ).to.equal(403);
    expect(
      (await phone.mutate('POST', '/api/auth/device/approve', { userCode, expectedAccountId: HANAKO })).status,
    ).to.equal(409);
    const csrf = (await phone.send('GET', '/api/auth/session')).json.csrfToken;
    const noKey = await phone.send('POST', '/api/auth/device/approve', {
      body: { userCode, expectedAccountId: TARO },
      headers: { 'X-CSRF-Token': csrf },
    });
    expect(noKey.status).to.equal(400);
    const anonymous = await phone.send('POST', '/api/auth/device/approve', {
      body: { userCode, expectedAccountId: TARO },
      cookie: null,
    });
    expect(anonymous.status).to.equal(401);
    expect((await phone.send('GET', '/api/auth/session')).status).to.equal(200);
  });

  it('step-up: under the TV session with CSRF; a phone of another account gets 409; the renewal is a new session of the same account', async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const login = await tv.login('taro@example.jp');
    const oldCookie = tv.cookie;
    const stepUp = { purpose: 'step-up', expectedAccountId: TARO };
    expect((await tvWithCode(tv, stepUp)).start.status, 'no CSRF header').to.equal(403);
    const csrf = { 'X-CSRF-Token': login.json.csrfToken };
    expect((await tvWithCode(tv, { ...stepUp, expectedAccountId: HANAKO }, csrf)).start.status).to.equal(409);
    const anonymous = new Tab(backend);
    expect((await tvWithCode(anonymous, stepUp, csrf)).start.status).to.equal(401);

    const { start, nonce, poll } = await tvWithCode(tv, stepUp, csrf);
    expect(start.status).to.equal(200);
    const hanakoPhone = await phoneOf(backend, 'hanako@example.jp');
    const refused = await hanakoPhone.mutate('POST', '/api/auth/device/approve', { userCode: start.json.userCode });
    expect(refused.status).to.equal(409);
    expect(problemSlug(refused)).to.equal('account-mismatch');
    expect(
      (await hanakoPhone.mutate('POST', '/api/auth/device/lookup', { userCode: start.json.userCode })).status,
    ).to.equal(409);
    expect(
      (await hanakoPhone.mutate('POST', '/api/auth/device/deny', { userCode: start.json.userCode })).status,
    ).to.equal(409);
    const taroPhone = await phoneOf(backend);
    const lookup = await taroPhone.mutate('POST', '/api/auth/device/lookup', { userCode: start.json.userCode });
    expect(lookup.json.data.purpose).to.equal('step-up');
    await taroPhone.mutate('POST', '/api/auth/device/approve', { userCode: start.json.userCode });

    backend.advanceClock(60_000);
    const renewed = await poll();
    expect(renewed.status).to.equal(200);
    expect(renewed.json).to.include({ accountId: TARO, nonce });
    expect(renewed.json.sessionId).not.to.equal(login.json.sessionId);
    expect(renewed.json.csrfToken).not.to.equal(login.json.csrfToken);
    expect(Date.parse(renewed.json.authTime)).to.be.greaterThan(Date.parse(login.json.authTime));
    expect(
      (await tv.send('GET', '/api/auth/session', { cookie: oldCookie })).status,
      'the old TV session ends',
    ).to.equal(401);
  });

  it('QA helper: POST /__mock/device/approve approves the newest code as any demo account', async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const { start, poll } = await tvWithCode(tv);
    const control = createControlHandlers(backend);
    const approve = async (body: unknown): Promise<Response> =>
      (await getResponse(
        control,
        new Request(`${location.origin}/__mock/device/approve`, { method: 'POST', body: JSON.stringify(body) }),
        {
          baseUrl: location.origin,
        },
      ))!;
    expect((await approve({ loginId: 'nobody@example.jp' })).status).to.equal(400);
    const approved = await approve({ loginId: 'hanako@example.jp' });
    expect(await approved.json()).to.include({ approved: true, userCode: start.json.userCode, accountId: HANAKO });
    expect((await poll()).json).to.include({ accountId: HANAKO });
  });
});

describe('mock backend: re-authentication (contract section 5)', () => {
  it('every session answer carries authTime', async () => {
    const tab = new Tab(new MockBackend());
    const login = await tab.login('taro@example.jp');
    expect(login.json.authTime).to.match(JST);
    expect((await tab.send('GET', '/api/auth/session')).json.authTime).to.equal(login.json.authTime);
  });

  it('card change, cancel and logout-all answer 403 /reauthentication-required with maxAge 300 once authTime is 5 minutes old', async () => {
    const tab = await signedIn();
    tab.backend.advanceClock(300_001);
    for (const [path, body] of [
      ['/api/payment-method/card', { cardToken: 'tok_x' }],
      ['/api/contract/cancel', { reason: null }],
      ['/api/auth/logout-all', {}],
    ] as const) {
      const refused = await tab.mutate('POST', path, body);
      expect(refused.status, path).to.equal(403);
      expect(refused.headers.get('content-type')).to.contain('application/problem+json');
      expect(refused.json).to.include({ status: 403, maxAge: 300 });
      expect(problemSlug(refused)).to.equal('reauthentication-required');
    }
    expect(
      (await tab.mutate('DELETE', '/api/favorites/none', {})).status,
      'other mutations need no recent proof',
    ).to.equal(404);
    expect(tab.backend.state(TARO).contract.status).to.equal('active');

    const session = (await tab.send('GET', '/api/auth/session')).json;
    const reauth = await tab.send('POST', '/api/auth/reauth', {
      body: { password: PASSWORD, nonce: 'n-1', expectedAccountId: TARO },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(reauth.status).to.equal(200);
    expect((await tab.mutate('POST', '/api/contract/cancel', { reason: null })).json.data.status).to.equal(
      'cancel_scheduled',
    );
  });

  it('reauth: CSRF needed, a wrong password is 422 and keeps the session, success renews it; 5 wrong passwords end it', async () => {
    const tab = await signedIn();
    const before = (await tab.send('GET', '/api/auth/session')).json;
    const reauth = (password: string, csrf = before.csrfToken, nonce = 'n-2'): Promise<Answer> =>
      tab.send('POST', '/api/auth/reauth', {
        body: { password, nonce, expectedAccountId: TARO },
        headers: { 'X-CSRF-Token': csrf },
      });
    expect((await reauth(PASSWORD, 'forged')).status).to.equal(403);
    const wrong = await reauth('nope');
    expect(wrong.status).to.equal(422);
    expect(problemSlug(wrong)).to.equal('invalid-credentials');
    expect((await tab.send('GET', '/api/auth/session')).status).to.equal(200);

    const oldCookie = tab.cookie;
    tab.backend.advanceClock(1000);
    const renewed = await reauth(PASSWORD);
    expect(renewed.json).to.include({ accountId: TARO, nonce: 'n-2' });
    expect(renewed.json.sessionId).not.to.equal(before.sessionId);
    expect(renewed.json.csrfToken).not.to.equal(before.csrfToken);
    expect(Date.parse(renewed.json.authTime)).to.be.greaterThan(Date.parse(before.authTime));
    expect((await tab.send('GET', '/api/auth/session', { cookie: oldCookie })).status).to.equal(401);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await reauth('nope', renewed.json.csrfToken)).status);
    expect(statuses).to.deep.equal([422, 422, 422, 422, 401]);
    expect((await tab.send('GET', '/api/auth/session')).status).to.equal(401);
  });
});

describe('mock backend: section 5 scenarios', () => {
  it("device-crossed: the poll answers another account's session with another nonce and code", async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const { start, nonce, poll } = await tvWithCode(tv);
    const phone = await phoneOf(backend);
    await phone.mutate('POST', '/api/auth/device/approve', { userCode: start.json.userCode });
    backend.configure({ scenario: 'device-crossed' });
    const crossed = await poll();
    expect(crossed.status).to.equal(200);
    expect(crossed.json.accountId).to.equal(HANAKO);
    expect(crossed.json.nonce).not.to.equal(nonce);
    expect(crossed.json.approval.userCode).to.match(CODE).and.not.equal(start.json.userCode);
  });

  it('device-slow-down, device-denied and device-expired answer their problem on every poll', async () => {
    for (const [scenario, slug] of [
      ['device-slow-down', 'slow-down'],
      ['device-denied', 'access-denied'],
      ['device-expired', 'expired-token'],
    ] as const) {
      const backend = new MockBackend();
      const tv = new Tab(backend);
      const { poll, start } = await tvWithCode(tv);
      backend.configure({ scenario });
      expect(problemSlug(await poll()), scenario).to.equal(slug);
      if (scenario === 'device-expired') {
        const phone = await phoneOf(backend);
        backend.configure({ scenario });
        expect(
          (await phone.mutate('POST', '/api/auth/device/lookup', { userCode: start.json.userCode })).status,
        ).to.equal(404);
      }
    }
  });

  it("stepup-other-account: a phone of another account may approve, and the TV's renewal is that account's session", async () => {
    const backend = new MockBackend();
    const tv = new Tab(backend);
    const login = await tv.login('taro@example.jp');
    const { start, poll } = await tvWithCode(
      tv,
      { purpose: 'step-up', expectedAccountId: TARO },
      { 'X-CSRF-Token': login.json.csrfToken },
    );
    const phone = await phoneOf(backend, 'hanako@example.jp');
    backend.configure({ scenario: 'stepup-other-account' });
    expect((await phone.mutate('POST', '/api/auth/device/approve', { userCode: start.json.userCode })).status).to.equal(
      200,
    );
    const renewed = await poll();
    expect(renewed.json.accountId).to.equal(HANAKO);
    expect(renewed.json.approval.userCode).to.equal(start.json.userCode);
  });

  it("reauth-swap: the nonce is echoed but the session is the partner's", async () => {
    const tab = await signedIn('taro@example.jp', { scenario: 'reauth-swap' });
    const session = (await tab.send('GET', '/api/auth/session')).json;
    const swapped = await tab.send('POST', '/api/auth/reauth', {
      body: { password: PASSWORD, nonce: 'n-3', expectedAccountId: TARO },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(swapped.json).to.include({ accountId: HANAKO, nonce: 'n-3' });
    expect((await tab.send('GET', '/api/auth/session')).json.accountId).to.equal(HANAKO);
  });
});
