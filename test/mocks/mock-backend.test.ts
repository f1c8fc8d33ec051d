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
    let json: unknown = null;
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
  async mutate(method: string, path: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
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
    expect(tab.backend.lastSetCookie).to.match(/HttpOnly/).and.match(/Path=\//).and.match(/SameSite=Lax/);
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
    const wrong = await tab.send('POST', '/api/auth/login', { body: { loginId: 'taro@example.jp', password: 'x', nonce: 'n' } });
    const unknown = await tab.send('POST', '/api/auth/login', { body: { loginId: 'who@example.jp', password: 'x', nonce: 'n' } });
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
    const titles: string[] = (await tab.send('GET', '/api/viewing-history')).json.data.items.map((i: { title: string }) => i.title);
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
    expect(bad.json.errors.map((e: { field: string }) => e.field)).to.have.members(['number', 'expMonth', 'cvc', 'holderName']);

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
