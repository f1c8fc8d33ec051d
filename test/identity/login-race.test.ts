/**
 * Contract section 1, "Auth response": a login answer that is not the answer
 * to this attempt (nonce) or not for this login id is refused, and whatever
 * session the server set is ended.
 */
import { expect } from '@open-wc/testing';
import {
  HANAKO,
  TARO,
  inScreen,
  mountApp,
  resetAll,
  submitLogin,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { foundOnPage } from '../support/page-strings.js';

describe('login race', () => {
  for (const scenario of ['login-swap', 'login-swap-echo'] as const) {
    it(`${scenario}: refuses the other customer's session and ends it`, async () => {
      const mock = await resetAll();
      const app = await mountApp('#/contract');
      await waitForState(app, 'signed-out');
      mock.configure({ scenario });

      await submitLogin(app, TARO.loginId);
      await waitForState(app, 'identity-stop');
      const reason = await waitForElement(() => inScreen(app, 'mp-identity-stop-screen', '.reason'), 'no reason');
      expect(reason.textContent).to.contain('ログイン');

      expect(foundOnPage([HANAKO.loginId, HANAKO.accountId, ...fingerprintOf(HANAKO.accountId)])).to.deep.equal([]);
      await waitForElement(
        () => (mock.requests.some((r) => r.path === '/api/auth/logout') ? document.body : null),
        'no logout',
      );
      // Sent together with the logout, which never waits for it: it may arrive second.
      await waitForElement(
        () => (mock.requests.some((r) => r.path === '/api/security/identity-mismatch') ? document.body : null),
        'no report',
      );
      const report = mock.requests.find((r) => r.path === '/api/security/identity-mismatch');
      expect((report?.body as Record<string, unknown>).receivedAccountId).to.equal(HANAKO.accountId);

      // The swapped session really is gone.
      mock.configure({ scenario: 'normal' });
      const session = await fetch('/api/auth/session', { credentials: 'include', headers: { 'X-Request-Id': 'x' } });
      expect(session.status).to.equal(401);
    });
  }

  it('a normal login reaches ready, remembers the account and shows the requested screen', async () => {
    await resetAll();
    const app = await mountApp('#/contract');
    await waitForState(app, 'signed-out');
    await submitLogin(app, '  TARO@example.jp ');
    await waitForState(app, 'ready');
    const plan = await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    expect(plan.textContent?.trim()).to.equal('プレミアム');
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal(TARO.accountId);
    // The password is not kept anywhere in the DOM.
    expect(foundOnPage(['mypage-demo'])).to.deep.equal([]);
  });

  it('wrong credentials say so and stay signed out', async () => {
    await resetAll();
    const app = await mountApp('#/');
    await waitForState(app, 'signed-out');
    await submitLogin(app, TARO.loginId, 'wrong-password');
    const alert = await waitForElement(() => inScreen(app, 'mp-login-screen', '[role=alert]'), 'no error');
    expect(alert.textContent).to.contain('正しくありません');
    expect(app.getAttribute('state')).to.equal('signed-out');
  });

  it('empty fields are refused before sending', async () => {
    const mock = await resetAll();
    const app = await mountApp('#/');
    await waitForState(app, 'signed-out');
    await submitLogin(app, '', '');
    await waitForElement(() => inScreen(app, 'mp-login-screen', '.field-error'), 'no field error');
    expect(mock.requests.filter((r) => r.path === '/api/auth/login')).to.have.length(0);
  });
});
