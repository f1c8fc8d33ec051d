/**
 * Contract section 5 on the TV, end to end in the app against the mock (msw
 * worker): the code screen driven by the remote, the approval made through
 * the mock's QA endpoint (`POST /__mock/device/approve`, what the phone's
 * approve does, minus the phone page built elsewhere), every fault scenario
 * of the flow, and that nothing of the account is on the page before Yes.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { startDeviceAuthorization, pollDeviceToken } from '../../src/api/device-auth-api.js';
import { IdentityMismatchError } from '../../src/api/errors.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import { http, HttpResponse } from 'msw';
import {
  HANAKO,
  TARO,
  inScreen,
  mockWorker,
  mountApp,
  resetAll,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { sendsRawKeyCodes } from '../support/engine.js';
import { TV, arrowTo, press, tvKey, waitForFocus } from '../support/keys.js';
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { foundOnPage } from '../support/page-strings.js';

const taroStrings = [TARO.loginId, TARO.accountId, ...fingerprintOf(TARO.accountId)];
const hanakoStrings = [HANAKO.loginId, HANAKO.accountId, ...fingerprintOf(HANAKO.accountId)];

/** Short polls, so a test waits one second per poll instead of five. */
async function freshMock(): Promise<MockBackend> {
  const mock = await resetAll();
  mock.deviceTiming = { expiresIn: 600, interval: 1 };
  return mock;
}

const inLogin = (app: MyPageApp, selector: string) => inScreen(app, 'mp-login-screen', selector);

function deviceCode(app: MyPageApp): HTMLElement | null {
  return inLogin(app, 'mp-device-code');
}

/** Waits for the code on screen and returns it as shown. */
async function shownCode(app: MyPageApp, not?: string): Promise<string> {
  await waitUntil(
    () => {
      const code = deviceCode(app)?.getAttribute('user-code');
      return code && code !== not;
    },
    'no (new) code on screen',
    { timeout: 5000 },
  );
  return deviceCode(app)!.getAttribute('user-code')!;
}

async function approve(loginId: string, userCode?: string): Promise<Response> {
  return fetch('/__mock/device/approve', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(userCode ? { loginId, userCode } : { loginId }),
  });
}

function tokenPolls(mock: MockBackend): number {
  return mock.requests.filter((r) => r.path === '/api/auth/device/token').length;
}

async function sessionStatus(): Promise<number> {
  const answer = await fetch('/api/auth/session', {
    credentials: 'include',
    headers: { 'X-Request-Id': crypto.randomUUID() },
  });
  return answer.status;
}

/**
 * Scans the whole page (shadow roots, attributes, values) every frame until
 * stopped: an account string on screen for a single frame is caught.
 */
function watchForLeaks(candidates: readonly string[]): () => string[] {
  const seen = new Set<string>();
  let running = true;
  const scan = (): void => {
    if (!running) return;
    for (const found of foundOnPage(candidates)) seen.add(found);
    requestAnimationFrame(scan);
  };
  scan();
  return () => {
    running = false;
    for (const found of foundOnPage(candidates)) seen.add(found);
    return [...seen];
  };
}

async function confirmQuestion(app: MyPageApp): Promise<HTMLElement> {
  return waitForElement(() => inLogin(app, '[role=alertdialog]'), 'no account question', 10_000);
}

describe('TV sign-in with a code approved on the phone', () => {
  it('happy path by remote: code, address, QR, countdown; the question; Yes signs in', async () => {
    const mock = await freshMock();
    const app = await mountApp('#/login', { tv: true });
    await waitForState(app, 'signed-out');
    const code = await shownCode(app);
    expect(code).to.match(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);

    const panel = deviceCode(app)!.shadowRoot!;
    const spoken = panel.querySelector('.code')!;
    expect(spoken.textContent!.trim()).to.equal(code);
    const letters = (group: string) => group.split('').join(' ');
    expect(spoken.getAttribute('aria-label')).to.equal(
      `コード ${letters(code.slice(0, 4))}, ${letters(code.slice(5))}`,
    );
    expect(panel.querySelector('.address')!.textContent).to.equal(`${location.host}/#/activate`);
    await waitForElement(() => panel.querySelector('svg[data-qr]'), 'no QR code');
    expect(panel.querySelector('svg[data-qr]')!.getAttribute('data-qr')).to.equal(
      `${location.origin}/#/activate?code=${code.replace('-', '')}`,
    );
    expect(panel.querySelector('[role=timer]')!.textContent).to.match(/あと (10:00|9:5\d)/);

    // The nonce went out with the start, the TV's name too.
    const start = mock.requests.find((r) => r.path === '/api/auth/device/start')!;
    expect(start.body).to.deep.include({ purpose: 'sign-in', deviceName: 'TV' });

    const leaks = watchForLeaks(taroStrings);
    expect((await approve(TARO.loginId, code)).status).to.equal(200);
    const question = await confirmQuestion(app);
    expect(question.textContent).to.contain('ta***@example.jp としてログインしました。お客様のアカウントですか？');
    expect(question.textContent).to.contain('QA panel');
    const yes = inLogin(app, '[data-nav-key=device-yes]')!;
    await waitForFocus((el) => el === yes, 'focus not on Yes');
    expect(app.getAttribute('state')).to.equal('signed-out');
    // Still nobody's tab: a reload now would adopt no one.
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal('stop:awaiting-login');
    const asTaro = mock.requests.filter((r) => r.sessionAccountId === TARO.accountId);
    expect(asTaro.filter((r) => r.path !== '/api/auth/device/token')).to.deep.equal([]);
    expect(leaks()).to.deep.equal([]);

    await tvKey(TV.ok);
    await waitForState(app, 'ready');
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal(TARO.accountId);
    await waitForElement(() => app.shadowRoot!.querySelector('mp-menu-screen'), 'no menu after Yes');
  });

  it('No logs the approved session out and shows a new code; nothing of the account was shown', async () => {
    const mock = await freshMock();
    const app = await mountApp('#/login', { tv: true });
    const first = await shownCode(app);
    const leaks = watchForLeaks(taroStrings);
    await approve(TARO.loginId, first);
    await confirmQuestion(app);
    const no = inLogin(app, '[data-nav-key=device-no]')!;
    await arrowTo(no);
    await tvKey(TV.ok);
    const second = await shownCode(app, first);
    expect(second).not.to.equal(first);
    await waitForFocus((el) => el === inLogin(app, '[data-nav-key=use-password]'), 'focus lost after No');
    expect(app.getAttribute('state')).to.equal('signed-out');
    expect(await sessionStatus()).to.equal(401);
    const loggedOut = mock.requests.some((r) => r.path === '/api/auth/logout' && r.sessionAccountId === TARO.accountId);
    expect(loggedOut).to.equal(true);
    expect(leaks()).to.deep.equal([]);
  });

  it('Back on the question is No', async () => {
    await freshMock();
    const app = await mountApp('#/login', { tv: true });
    const first = await shownCode(app);
    await approve(TARO.loginId, first);
    await confirmQuestion(app);
    await waitForFocus((el) => el === inLogin(app, '[data-nav-key=device-yes]'), 'focus not on Yes');
    // Tizen's Back where raw key codes can be sent (Chromium), else the keyboard's Escape: both are Back.
    if (sendsRawKeyCodes) await tvKey(TV.tizenBack);
    else await press('Escape');
    await shownCode(app, first);
    expect(await sessionStatus()).to.equal(401);
    expect(app.getAttribute('state')).to.equal('signed-out');
  });

  it('a reload while the question is open adopts nobody', async () => {
    await freshMock();
    const app = await mountApp('#/login', { tv: true });
    await approve(TARO.loginId, await shownCode(app));
    await confirmQuestion(app);
    // The server session is set; only this tab's memory keeps it from being adopted.
    expect(await sessionStatus()).to.equal(200);
    const again = await mountApp('#/', { tv: true });
    await waitForState(again, 'signed-out');
    expect(foundOnPage(taroStrings)).to.deep.equal([]);
  });

  it("device-crossed: another TV's approval (other nonce, code, account) is an identity-stop", async () => {
    const mock = await freshMock();
    const app = await mountApp('#/login', { tv: true });
    await shownCode(app);
    const leaks = watchForLeaks([...taroStrings, ...hanakoStrings]);
    mock.configure({ scenario: 'device-crossed' });
    await waitForState(app, 'identity-stop', 10_000);
    await waitForElement(() => inScreen(app, 'mp-identity-stop-screen', '.reason'), 'no reason');
    await waitUntil(() => mock.requests.some((r) => r.path === '/api/security/identity-mismatch'), 'no report');
    const report = mock.requests.find((r) => r.path === '/api/security/identity-mismatch')!;
    expect(report.body).to.deep.include({ endpoint: '/auth/device/token', receivedAccountId: HANAKO.accountId });
    await waitUntil(() => mock.requests.some((r) => r.path === '/api/auth/logout'), 'no logout');
    mock.configure({ scenario: 'normal' });
    expect(await sessionStatus()).to.equal(401);
    expect(leaks()).to.deep.equal([]);
  });

  it('device-slow-down: the next poll comes 5 s later, and stays later for good', async function () {
    this.timeout(30_000);
    const mock = await freshMock();
    const app = await mountApp('#/login', { tv: true });
    const code = await shownCode(app);
    mock.configure({ scenario: 'device-slow-down' });
    await waitUntil(() => tokenPolls(mock) === 1, 'no first poll', { timeout: 5000 });
    const first = performance.now();
    mock.configure({ scenario: 'normal' });
    await waitUntil(() => tokenPolls(mock) === 2, 'no second poll', { timeout: 10_000 });
    const second = performance.now();
    await approve(TARO.loginId, code);
    await waitUntil(() => tokenPolls(mock) === 3, 'no third poll', { timeout: 10_000 });
    const third = performance.now();
    // interval 1 s + 5 s, measured with the 50 ms resolution of waitUntil.
    expect(second - first).to.be.greaterThan(5900);
    expect(third - second).to.be.greaterThan(5900);
    await confirmQuestion(app);
  });

  for (const [scenario, reason, text] of [
    ['device-expired', 'expired', 'コードの有効期限が切れました。'],
    ['device-denied', 'denied', 'スマートフォンでログインが拒否されました。'],
  ] as const) {
    it(`${scenario}: a clear message, OK gets a new code`, async () => {
      const mock = await freshMock();
      const app = await mountApp('#/login', { tv: true });
      const first = await shownCode(app);
      mock.configure({ scenario });
      const message = await waitForElement(() => inLogin(app, `[data-device-end=${reason}]`), 'no end message', 10_000);
      expect(message.textContent).to.equal(text);
      const polledCodes = () =>
        mock.requests
          .filter((r) => r.path === '/api/auth/device/token')
          .map((r) => (r.body as { deviceCode: string }).deviceCode);
      const oldCode = polledCodes()[0];
      const oldCodePolls = () => polledCodes().filter((code) => code === oldCode).length;
      const polls = oldCodePolls();
      expect(polls).to.equal(1);
      const again = inLogin(app, '[data-nav-key=device-new-code]')!;
      await waitForFocus((el) => el === again, 'focus not on "get a new code"');
      mock.configure({ scenario: 'normal' });
      await tvKey(TV.ok);
      const second = await shownCode(app, first);
      expect(second).not.to.equal(first);
      await waitForFocus((el) => el === inLogin(app, '[data-nav-key=use-password]'), 'focus lost after the new code');
      // The ended code is never polled again.
      expect(oldCodePolls()).to.equal(polls);
      expect(app.getAttribute('state')).to.equal('signed-out');
    });
  }

  it('a code approved after it expired signs nobody in: the TV says expired', async () => {
    const mock = await freshMock();
    const app = await mountApp('#/login', { tv: true });
    const code = await shownCode(app);
    mock.advanceClock(601_000);
    expect((await approve(TARO.loginId, code)).status).to.equal(404);
    await waitForElement(() => inLogin(app, '[data-device-end=expired]'), 'no expiry message', 10_000);
    expect(app.getAttribute('state')).to.equal('signed-out');
    expect(await sessionStatus()).to.equal(401);
  });

  it('desktop: the password form first, the code as an option', async () => {
    await freshMock();
    const app = await mountApp('#/login');
    await waitForElement(() => inLogin(app, 'form'), 'no login form');
    expect(deviceCode(app)).to.equal(null);
    (inLogin(app, '[data-nav-key=use-code]') as HTMLButtonElement).click();
    await shownCode(app);
    (inLogin(app, '[data-nav-key=use-password]') as HTMLButtonElement).click();
    await waitForElement(() => inLogin(app, 'form'), 'no login form again');
  });

  it('the English screen says the same', async () => {
    await freshMock();
    localStorage.setItem('my-page.locale', 'en');
    const app = await mountApp('#/login', { tv: true });
    const code = await shownCode(app);
    const spoken = deviceCode(app)!.shadowRoot!.querySelector('.code')!;
    expect(spoken.getAttribute('aria-label')).to.match(/^Code [A-Z] [A-Z] [A-Z] [A-Z], [A-Z] [A-Z] [A-Z] [A-Z]$/);
    await approve(HANAKO.loginId, code);
    expect((await confirmQuestion(app)).textContent).to.contain('Signed in as ha***@example.jp. Is this your account?');
    localStorage.removeItem('my-page.locale');
  });
});

describe('the device API checks every answer is for this code', () => {
  it('device-crossed: the token answer with another nonce and code is refused', async () => {
    const mock = await freshMock();
    const code = await startDeviceAuthorization({ purpose: 'sign-in', deviceName: 'Test TV' });
    mock.configure({ scenario: 'device-crossed' });
    const refused = await pollDeviceToken(code).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).to.be.instanceOf(IdentityMismatchError);
    expect((refused as IdentityMismatchError).check).to.equal('device-nonce');
  });

  it('a start answer that echoes another nonce is refused: no code is shown', async () => {
    await freshMock();
    const worker = await mockWorker();
    worker.use(
      http.post('/api/auth/device/start', () =>
        HttpResponse.json({
          deviceCode: 'dc_other',
          userCode: 'BCDF-GHJK',
          verificationUri: `${location.origin}/#/activate`,
          verificationUriComplete: `${location.origin}/#/activate?code=BCDFGHJK`,
          expiresIn: 600,
          interval: 1,
          nonce: 'another-tvs-nonce',
        }),
      ),
    );
    try {
      const refused = await startDeviceAuthorization({ purpose: 'sign-in', deviceName: 'Test TV' }).catch(
        (error: unknown) => error,
      );
      expect((refused as IdentityMismatchError).check).to.equal('device-nonce');
      const app = await mountApp('#/login', { tv: true });
      await waitForElement(() => inLogin(app, '[data-device-end=start-failed]'), 'no start failure');
      expect(deviceCode(app)).to.equal(null);
      expect(foundOnPage(['BCDF-GHJK'])).to.deep.equal([]);
    } finally {
      worker.resetHandlers();
    }
  });

  it('an approval with our nonce but another user code is refused and its session ended (identity-stop)', async () => {
    const mock = await freshMock();
    const worker = await mockWorker();
    const app = await mountApp('#/login', { tv: true });
    const code = await shownCode(app);
    const nonce = (mock.requests.find((r) => r.path === '/api/auth/device/start')!.body as { nonce: string }).nonce;
    const other = code === 'BCDF-GHJK' ? 'LMNP-QRST' : 'BCDF-GHJK';
    const leaks = watchForLeaks(hanakoStrings);
    worker.use(
      http.post('/api/auth/device/token', () =>
        HttpResponse.json({
          accountId: HANAKO.accountId,
          loginId: HANAKO.loginId,
          sessionId: 'ses_other',
          csrfToken: 'csrf_other',
          expiresAt: '2026-12-01T21:00:00+09:00',
          nonce,
          authTime: '2026-12-01T19:02:11+09:00',
          approval: { userCode: other, approvedOn: 'Android (Chrome)' },
        }),
      ),
    );
    try {
      await waitForState(app, 'identity-stop', 10_000);
      await waitUntil(() => mock.requests.some((r) => r.path === '/api/security/identity-mismatch'), 'no report');
      const report = mock.requests.find((r) => r.path === '/api/security/identity-mismatch')!;
      expect(report.body).to.deep.include({ endpoint: '/auth/device/token', receivedAccountId: HANAKO.accountId });
      await waitUntil(() => mock.requests.some((r) => r.path === '/api/auth/logout'), 'no logout');
      expect(leaks()).to.deep.equal([]);
    } finally {
      worker.resetHandlers();
    }
  });

  it('two TVs approved at the same moment by two accounts: each gets its own account', async () => {
    const mock = await freshMock();
    const [tv1, tv2] = await Promise.all([
      startDeviceAuthorization({ purpose: 'sign-in', deviceName: 'TV 1' }),
      startDeviceAuthorization({ purpose: 'sign-in', deviceName: 'TV 2' }),
    ]);
    expect(tv1.userCode).not.to.equal(tv2.userCode);
    const approvals = await Promise.all([approve(TARO.loginId, tv1.userCode), approve(HANAKO.loginId, tv2.userCode)]);
    expect(approvals.map((a) => a.status)).to.deep.equal([200, 200]);
    mock.advanceClock(2000);
    const [a1, a2] = await Promise.all([pollDeviceToken(tv1), pollDeviceToken(tv2)]);
    expect(a1.kind === 'approved' && [a1.session.accountId, a1.session.approval.userCode]).to.deep.equal([
      TARO.accountId,
      tv1.userCode,
    ]);
    expect(a2.kind === 'approved' && [a2.session.accountId, a2.session.approval.userCode]).to.deep.equal([
      HANAKO.accountId,
      tv2.userCode,
    ]);
  });
});
