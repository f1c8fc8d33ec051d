/**
 * #/activate in the whole app against the mock backend: a phone approving a
 * TV (contract section 5). The "TV" is the mock's own device flow, asked for
 * a code with fetch in the same page (the msw backend lives in this page), so
 * its token poll shows what the phone's answer did on the server.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { ja } from '../../src/i18n/messages-ja.js';
import { jaScreens } from '../../src/i18n/messages-ja-screens.js';
import { en } from '../../src/i18n/messages-en.js';
import { DATE_TIME_OPTIONS } from '../../src/i18n/i18n.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import {
  HANAKO,
  TARO,
  inScreen,
  loginElsewhere,
  mountApp,
  readyAppAs,
  resetAll,
  submitLogin,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { engine } from '../support/engine.js';
import { TV, tvKey, waitForFocus } from '../support/keys.js';
import { foundOnPage } from '../support/page-strings.js';

const m = { ...ja, ...jaScreens };
const TAG = 'mp-activate-screen';

interface TvCode {
  readonly userCode: string;
  readonly deviceCode: string;
  readonly nonce: string;
  /** The mock's clock when the TV asked: the phone must show it, in Tokyo time. */
  readonly askedAt: number;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
}

/** The TV asks for a code (no session needed for a sign-in). */
async function tvStarts(mock: MockBackend, deviceName: string): Promise<TvCode> {
  const nonce = crypto.randomUUID();
  const response = await post('/api/auth/device/start', { nonce, deviceName, purpose: 'sign-in' });
  expect(response.status).to.equal(200);
  const answer = (await response.json()) as { userCode: string; deviceCode: string };
  return { userCode: answer.userCode, deviceCode: answer.deviceCode, nonce, askedAt: mock.now() };
}

/** The TV's next poll: what the server now says about its code. */
async function tvPolls(code: TvCode): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await post('/api/auth/device/token', { deviceCode: code.deviceCode, nonce: code.nonce });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const tokyoTime = (ms: number): string => new Intl.DateTimeFormat('ja-JP', DATE_TIME_OPTIONS).format(new Date(ms));

const phoneRequests = (mock: MockBackend) =>
  mock.requests.filter((r) => /^\/api\/auth\/device\/(lookup|approve|deny)/.test(r.path));

function part(app: MyPageApp, selector: string): HTMLElement | null {
  return inScreen(app, TAG, selector);
}

async function waitForPart(app: MyPageApp, selector: string, message = `no ${selector}`): Promise<HTMLElement> {
  return waitForElement(() => part(app, selector), message);
}

/** A finger's tap at the middle of `element` (CDP touch events: pointerType "touch"). */
async function tap(element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  const x = Math.round(box.left + box.width / 2);
  const y = Math.round(box.top + box.height / 2);
  const result = await executeServerCommand<{ delivered: boolean }, { x: number; y: number }>('touch-tap', { x, y });
  expect(result?.delivered, 'touch not delivered').to.equal(true);
}

/** Types a code into the field and submits it with a tap. */
async function enterCode(app: MyPageApp, typed: string): Promise<void> {
  const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
  await tap(input);
  await waitForFocus('input[name=userCode]', 'a tap did not focus the code field');
  input.select();
  await sendKeys({ type: typed });
  await tap(part(app, 'button.lookup')!);
}

function touchOnly(context: Mocha.Context): void {
  // Touch events need CDP; the WebDriver engines run the other tests.
  if (engine !== 'chromium') context.skip();
}

describe('#/activate: a phone approves a TV', () => {
  const pointerTypes: string[] = [];
  const notePointer = (event: PointerEvent): void => void pointerTypes.push(event.pointerType);

  before(async () => {
    await setViewport({ width: 390, height: 844 });
    document.addEventListener('pointerdown', notePointer, true);
  });
  after(async () => {
    document.removeEventListener('pointerdown', notePointer, true);
    await setViewport({ width: 800, height: 600 });
  });
  beforeEach(() => {
    pointerTypes.length = 0;
  });

  it('by touch at 390x844: code typed, the TV named with its time and code, approved in words', async function () {
    touchOnly(this);
    const mock = await resetAll();
    const code = await tvStarts(mock, 'リビングのテレビ');
    const app = await readyAppAs(TARO.loginId, '#/activate');
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('text');
    mock.clearRequests();

    // Lower case with a space instead of the dash: the page takes it as the TV shows it.
    await enterCode(app, `${code.userCode.slice(0, 4).toLowerCase()} ${code.userCode.slice(5).toLowerCase()}`);
    const question = await waitForPart(app, '.question', 'no question after the lookup');
    expect(question.textContent).to.equal(m.activate.question(code.userCode));
    expect(question.textContent).to.match(/^テレビに [B-Z]{4}-[B-Z]{4} と表示されていますか？$/);
    expect(part(app, '.device-name')!.textContent).to.equal('リビングのテレビ');
    expect(part(app, '.requested-at')!.textContent).to.equal(tokyoTime(code.askedAt));
    expect(part(app, '.code')!.textContent).to.equal(code.userCode);
    // The safe choice is where focus lands, never Approve.
    await waitForFocus('button.deny', 'focus did not land on Decline');
    expect(location.hash).to.equal(`#/activate?code=${code.userCode.replace('-', '')}`);

    await tap(part(app, 'button.approve')!);
    const outcome = await waitForPart(app, '.outcome[data-outcome=approved]', 'no approval in words');
    expect(outcome.textContent!.trim()).to.equal(m.activate.approved('リビングのテレビ'));
    expect(outcome.getAttribute('role')).to.equal('status');
    // A used code is not kept in the URL.
    expect(location.hash).to.equal('#/activate');
    // Three taps: the field, Continue, Approve; each a touch, no mouse.
    expect(pointerTypes.length).to.equal(3);
    expect([...new Set(pointerTypes)]).to.deep.equal(['touch']);

    // Lookup and approve went through the one mutation path.
    const sent = phoneRequests(mock);
    expect(sent.map((r) => r.path)).to.deep.equal(['/api/auth/device/lookup', '/api/auth/device/approve']);
    for (const request of sent) {
      expect(request.headers['x-csrf-token']).to.match(/^csrf_/);
      expect(request.headers['idempotency-key']).to.be.a('string');
      expect(request.body).to.deep.equal({ userCode: code.userCode, expectedAccountId: TARO.accountId });
      const before = mock.requests.slice(0, mock.requests.indexOf(request));
      expect(before.at(-1)?.path, 'session not re-read right before').to.equal('/api/auth/session');
    }
    expect(sent[0]!.headers['idempotency-key']).to.not.equal(sent[1]!.headers['idempotency-key']);

    // The TV now gets Taro's session, bound to its own code.
    const poll = await tvPolls(code);
    expect(poll.status).to.equal(200);
    expect(poll.body['accountId']).to.equal(TARO.accountId);
    expect((poll.body['approval'] as { userCode: string }).userCode).to.equal(code.userCode);
  });

  it('?code= of the QR prefills the field; by remote, OK looks it up, OK on the focused Decline declines', async () => {
    const mock = await resetAll();
    const code = await tvStarts(mock, '寝室のテレビ');
    const app = await readyAppAs(TARO.loginId, `#/activate?code=${code.userCode.replace('-', '')}`);
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    expect(input.value).to.equal(code.userCode.replace('-', ''));
    // Prefilled: focus lands on Continue, one OK away.
    await waitForFocus('button.lookup', 'focus did not land on Continue');
    await tvKey(TV.ok);
    await waitForFocus('button.deny', 'focus did not land on Decline');
    expect(part(app, '.device-name')!.textContent).to.equal('寝室のテレビ');
    await tvKey(TV.ok);
    const outcome = await waitForPart(app, '.outcome[data-outcome=denied]', 'not declined');
    expect(outcome.textContent!.trim()).to.equal(m.activate.denied);
    expect(phoneRequests(mock).map((r) => r.path)).to.deep.equal(['/api/auth/device/lookup', '/api/auth/device/deny']);
    const poll = await tvPolls(code);
    expect(poll.status).to.equal(400);
    expect(String(poll.body['type'])).to.match(/\/access-denied$/);
  });

  it('in English: "Does your TV show BCDF-GHJK?" and the approval in words', async () => {
    const mock = await resetAll();
    localStorage.setItem('my-page.locale', 'en');
    const code = await tvStarts(mock, 'Living room TV');
    const app = await readyAppAs(TARO.loginId, `#/activate?code=${code.userCode}`);
    (await waitForPart(app, 'button.lookup')).click();
    const question = await waitForPart(app, '.question');
    expect(question.textContent).to.equal(`Does your TV show ${code.userCode}?`);
    expect(part(app, 'button.deny')!.textContent!.trim()).to.equal(en.activate.deny);
    part(app, 'button.approve')!.click();
    const outcome = await waitForPart(app, '.outcome[data-outcome=approved]');
    expect(outcome.textContent!.trim()).to.equal(en.activate.approved('Living room TV'));
  });

  it('no session on the phone: log in first, then back on #/activate with the code kept', async () => {
    const mock = await resetAll();
    const code = await tvStarts(mock, '子ども部屋のテレビ');
    const hash = `#/activate?code=${code.userCode.replace('-', '')}`;
    const app = await mountApp(hash);
    await waitForState(app, 'signed-out');
    const notice = await waitForElement(() => app.shadowRoot!.querySelector('.login-first'), 'no word on why');
    expect(notice.textContent).to.equal(m.activate.loginFirst);
    await submitLogin(app, TARO.loginId);
    await waitForState(app, 'ready');
    expect(location.hash).to.equal(hash);
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    expect(input.value).to.equal(code.userCode.replace('-', ''));
    (await waitForPart(app, 'button.lookup')).click();
    await waitForPart(app, 'button.approve', 'no question after logging in');
    expect(part(app, '.device-name')!.textContent).to.equal('子ども部屋のテレビ');
  });

  it('a typed code survives a session that ended meanwhile: login, and the code is back in the field', async () => {
    const mock = await resetAll();
    const code = await tvStarts(mock, '台所のテレビ');
    const app = await readyAppAs(TARO.loginId, '#/activate');
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    // Ended elsewhere (another tab's logout, the server's expiry): the page does not know yet.
    await post('/api/auth/logout', {});
    input.value = code.userCode.toLowerCase();
    input.dispatchEvent(new Event('input'));
    part(app, 'button.lookup')!.click();
    await waitForState(app, 'signed-out');
    expect(location.hash).to.equal(`#/activate?code=${code.userCode.replace('-', '')}`);
    await submitLogin(app, TARO.loginId);
    await waitForState(app, 'ready');
    const again = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    expect(again.value).to.equal(code.userCode.replace('-', ''));
  });

  it('a wrong code, then a malformed one: each its own message; the malformed one is not sent', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/activate');
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    mock.clearRequests();
    input.value = 'BCDF-BCDF';
    input.dispatchEvent(new Event('input'));
    part(app, 'button.lookup')!.click();
    const wrong = await waitForPart(app, '[data-problem=wrong-code]', 'no wrong-code message');
    expect(wrong.textContent!.trim()).to.equal(m.activate.wrongCode);
    expect(wrong.getAttribute('role')).to.equal('alert');
    expect(phoneRequests(mock)).to.have.length(1);

    input.value = 'ABCD-1234';
    input.dispatchEvent(new Event('input'));
    part(app, 'button.lookup')!.click();
    const invalid = await waitForPart(app, '[data-problem=invalid-code]', 'no format message');
    expect(invalid.textContent!.trim()).to.equal(m.activate.invalidCode);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(phoneRequests(mock)).to.have.length(1);
  });

  it('after 5 wrong codes: 429, and the page says how long to wait (Retry-After)', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/activate');
    const input = (await waitForPart(app, 'input[name=userCode]')) as HTMLInputElement;
    const wrongCodes = ['BCDF-BCDF', 'BCDF-BCDG', 'BCDF-BCDH', 'BCDF-BCDJ', 'BCDF-BCDK'];
    for (const [i, wrong] of wrongCodes.entries()) {
      input.value = wrong;
      input.dispatchEvent(new Event('input'));
      part(app, 'button.lookup')!.click();
      await waitUntil(
        () =>
          phoneRequests(mock).length === i + 1 &&
          part(app, '[data-problem=wrong-code]') &&
          !part(app, '[aria-disabled=true]'),
        `wrong code ${i + 1} not answered`,
      );
    }
    // Most of the 10-minute window has passed: the wait is in seconds.
    mock.advanceClock(560_000);
    input.value = 'BCDF-BCDL';
    input.dispatchEvent(new Event('input'));
    part(app, 'button.lookup')!.click();
    const limited = await waitForPart(app, '[data-problem=rate-limited]', 'no rate-limit message');
    const seconds = Number(/(\d+)秒後/.exec(limited.textContent ?? '')?.[1]);
    expect(seconds).to.be.within(30, 40);
    expect(limited.textContent!.trim()).to.equal(m.activate.rateLimited(seconds));
    expect(phoneRequests(mock)).to.have.length(6);
  });

  it('a code that expires while the question is open: "expired", and no Approve any more', async function () {
    touchOnly(this);
    const mock = await resetAll();
    const code = await tvStarts(mock, '書斎のテレビ');
    const app = await readyAppAs(TARO.loginId, '#/activate');
    await enterCode(app, code.userCode);
    await waitForPart(app, 'button.approve');
    mock.advanceClock(11 * 60_000);
    await tap(part(app, 'button.approve')!);
    const expired = await waitForPart(app, '[data-problem=expired]', 'no expired message');
    expect(expired.textContent!.trim()).to.equal(m.activate.expired);
    expect(part(app, 'button.approve')).to.equal(null);
    expect(part(app, 'button.deny')).to.equal(null);
    await tap(part(app, 'button.other-code')!);
    await waitForPart(app, 'input[name=userCode]', 'no way to a new code');
    const poll = await tvPolls(code);
    expect(String(poll.body['type'])).to.match(/\/expired-token$/);
  });

  it('an approve answer naming another account stops the page; nothing of it is shown', async () => {
    const mock = await resetAll();
    const code = await tvStarts(mock, '客間のテレビ-7Q');
    const app = await readyAppAs(TARO.loginId, `#/activate?code=${code.userCode}`);
    (await waitForPart(app, 'button.lookup')).click();
    await waitForPart(app, 'button.approve');
    mock.configure({ scenario: 'foreign-account', endpoint: 'device-approve' });
    part(app, 'button.approve')!.click();
    await waitForState(app, 'identity-stop');
    expect(app.shadowRoot!.querySelector(TAG)).to.equal(null);
    expect(foundOnPage(['客間のテレビ-7Q', m.activate.approved('客間のテレビ-7Q'), code.userCode])).to.deep.equal([]);
    await waitUntil(() => mock.identityReports.length === 1, 'no identity report');
    expect(mock.identityReports[0]).to.include({ expectedAccountId: TARO.accountId, endpoint: '/auth/device/approve' });
    await waitUntil(() => mock.requests.some((r) => r.path === '/api/auth/logout'), 'the session was not ended');
  });

  for (const scenario of ['foreign-account', 'foreign-nested', 'wrong-request-id'] as const) {
    it(`a lookup answer failing the guard (${scenario}) stops the page before the TV is named`, async () => {
      const mock = await resetAll();
      const code = await tvStarts(mock, '玄関のテレビ-3K');
      const app = await readyAppAs(TARO.loginId, `#/activate?code=${code.userCode}`);
      mock.configure({ scenario, endpoint: 'device-lookup' });
      (await waitForPart(app, 'button.lookup')).click();
      await waitForState(app, 'identity-stop');
      expect(foundOnPage(['玄関のテレビ-3K', 'hanako@example.jp'])).to.deep.equal([]);
      await waitUntil(() => mock.identityReports.length === 1, 'no identity report');
    });
  }

  it('a lookup answer breaking the schema: a plain error, nothing of it shown, the session goes on', async () => {
    const mock = await resetAll();
    const code = await tvStarts(mock, '和室のテレビ-5P');
    const app = await readyAppAs(TARO.loginId, `#/activate?code=${code.userCode}`);
    mock.configure({ scenario: 'schema-break', endpoint: 'device-lookup' });
    (await waitForPart(app, 'button.lookup')).click();
    const failed = await waitForPart(app, '[data-problem=failed]', 'no error message');
    expect(failed.textContent!.trim()).to.equal(m.errors.generic);
    expect(app.getAttribute('state')).to.equal('ready');
    expect(part(app, 'button.approve')).to.equal(null);
    expect(foundOnPage(['和室のテレビ-5P'])).to.deep.equal([]);
    mock.configure({ scenario: 'normal' });
    part(app, 'button.lookup')!.click();
    await waitForPart(app, 'button.approve', 'no question once the answers are right again');
  });

  it("another account's step-up code: the server's 409 /account-mismatch stops the phone's page", async () => {
    const mock = await resetAll();
    // Hanako's TV asks to confirm it is her (a step-up needs her session and CSRF token).
    await loginElsewhere(HANAKO.loginId);
    const sessionAnswer = await fetch('/api/auth/session', { credentials: 'include' });
    const session = (await sessionAnswer.json()) as { csrfToken: string };
    const started = await fetch('/api/auth/device/start', {
      method: 'POST',
      credentials: 'include',
      headers: {
        'Content-Type': 'application/json',
        'X-Request-Id': crypto.randomUUID(),
        'X-CSRF-Token': session.csrfToken,
      },
      body: JSON.stringify({
        nonce: 'n-stepup',
        deviceName: '花子のテレビ-9W',
        purpose: 'step-up',
        expectedAccountId: HANAKO.accountId,
      }),
    });
    const { userCode } = (await started.json()) as { userCode: string };
    // Taro's phone types it.
    const app = await readyAppAs(TARO.loginId, `#/activate?code=${userCode}`);
    (await waitForPart(app, 'button.lookup')).click();
    await waitForState(app, 'identity-stop');
    expect(foundOnPage(['花子のテレビ-9W'])).to.deep.equal([]);
    expect(phoneRequests(mock).map((r) => r.path)).to.deep.equal(['/api/auth/device/lookup']);
  });

  it('a lost answer to Approve: "try again" sends the same key; the TV is approved once', async function () {
    touchOnly(this);
    const mock = await resetAll();
    const code = await tvStarts(mock, 'リビングのテレビ');
    const app = await readyAppAs(TARO.loginId, '#/activate');
    await enterCode(app, code.userCode);
    await waitForPart(app, 'button.approve');
    const realFetch = window.fetch;
    let lost = 0;
    // The approval reaches the server, which acts; its answer never reaches the phone.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      const response = await realFetch(input, init);
      if (url.includes('/api/auth/device/approve') && lost === 0) {
        lost++;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    try {
      mock.clearRequests();
      await tap(part(app, 'button.approve')!);
      const problem = await waitForPart(app, '[data-problem=network]', 'no network message');
      expect(problem.textContent).to.contain(m.errors.network);
      await tap(part(app, 'button.retry')!);
      await waitForPart(app, '.outcome[data-outcome=approved]', 'the retry did not approve');
    } finally {
      window.fetch = realFetch;
    }
    const approvals = phoneRequests(mock);
    expect(approvals.map((r) => r.path)).to.deep.equal(['/api/auth/device/approve', '/api/auth/device/approve']);
    expect(approvals[1]!.headers['idempotency-key']).to.equal(approvals[0]!.headers['idempotency-key']);
    const poll = await tvPolls(code);
    expect(poll.status).to.equal(200);
    expect(poll.body['accountId']).to.equal(TARO.accountId);
  });
});
