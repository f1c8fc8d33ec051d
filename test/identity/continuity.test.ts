/**
 * Contract section 1, "Continuity": the tab remembers its account; another
 * account on reload, on pageshow or on becoming visible is an identity-stop,
 * never a silent switch.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
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
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { foundOnPage } from '../support/page-strings.js';

const hanakoStrings = [HANAKO.loginId, ...fingerprintOf(HANAKO.accountId)];

describe('continuity', () => {
  it('a reload as the same account is ready again', async () => {
    await resetAll();
    await readyAppAs(TARO.loginId, '#/contract');
    fixtureCleanup();
    const app = await mountApp('#/contract');
    await waitForState(app, 'ready');
  });

  it('a reload after another login in the same browser stops, and says why', async () => {
    const mock = await resetAll();
    const first = await readyAppAs(TARO.loginId, '#/contract');
    // Taro's own contract read is over before the requests are counted (WebKit under load
    // once logged it after clearRequests, as if the reloaded page had asked).
    await waitForElement(() => inScreen(first, 'mp-contract-screen', '.plan'), 'no contract');
    await loginElsewhere(HANAKO.loginId);
    fixtureCleanup();
    mock.clearRequests();
    const app = await mountApp('#/contract');
    await waitForState(app, 'identity-stop');
    const reason = await waitForElement(() => inScreen(app, 'mp-identity-stop-screen', '.reason'), 'no reason');
    expect(reason.textContent).to.contain('別のアカウント');
    expect(foundOnPage(hanakoStrings)).to.deep.equal([]);
    expect(mock.requests.some((r) => r.path === '/api/contract')).to.equal(false);
  });

  it('becoming visible with another account drops the data on screen', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    await loginElsewhere(HANAKO.loginId);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitForState(app, 'identity-stop');
    expect(foundOnPage(['プレミアム', ...hanakoStrings])).to.deep.equal([]);
  });

  it('a page restored from the back/forward cache re-checks the session', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await loginElsewhere(HANAKO.loginId);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitForState(app, 'identity-stop');
  });

  it('session-switch: the session answering another account later stops the page', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    mock.configure({ scenario: 'session-switch', endpoint: 'session' });
    // First read after configure is still Taro's; the next is the partner's.
    document.dispatchEvent(new Event('visibilitychange'));
    document.dispatchEvent(new Event('visibilitychange'));
    await waitForState(app, 'identity-stop');
    expect(foundOnPage(hanakoStrings)).to.deep.equal([]);
  });

  it('after a stop, the customer continues as the new account only by logging in', async () => {
    await resetAll();
    await readyAppAs(TARO.loginId, '#/contract');
    await loginElsewhere(HANAKO.loginId);
    fixtureCleanup();
    const app = await mountApp('#/contract');
    await waitForState(app, 'identity-stop');
    (await waitForElement(() => inScreen(app, 'mp-identity-stop-screen', '.login-again'), 'no button')).click();
    await waitForState(app, 'signed-out');
    await submitLogin(app, HANAKO.loginId);
    await waitForState(app, 'ready');
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal(HANAKO.accountId);
  });

  it('a 401 from a data endpoint shows the login screen and drops the data', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    mock.configure({ scenario: 'unauthorized', endpoint: 'favorites' });
    location.hash = '#/favorites';
    await waitForState(app, 'signed-out');
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'form'), 'no login form');
    expect(foundOnPage(['プレミアム'])).to.deep.equal([]);
  });

  it('a reload after a stop stays stopped, whoever is logged in now, until a login in this tab', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await loginElsewhere(HANAKO.loginId);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitForState(app, 'identity-stop');
    // The stop ended that session; Hanako logs in again elsewhere in this browser.
    await waitForElement(
      () => (mock.requests.some((r) => r.path === '/api/auth/logout') ? document.body : null),
      'no logout',
    );
    await loginElsewhere(HANAKO.loginId);
    fixtureCleanup();
    mock.clearRequests();
    const reloaded = await mountApp('#/contract');
    await waitForState(reloaded, 'identity-stop');
    await waitForElement(() => inScreen(reloaded, 'mp-identity-stop-screen', '.reason'), 'no reason after the reload');
    expect(foundOnPage(hanakoStrings)).to.deep.equal([]);
    expect(mock.requests.filter((r) => r.path !== '/api/auth/session').map((r) => r.path)).to.deep.equal([]);

    // "Log in again", then a reload: the login form, still not Hanako's page.
    (await waitForElement(() => inScreen(reloaded, 'mp-identity-stop-screen', '.login-again'), 'no button')).click();
    await waitForState(reloaded, 'signed-out');
    fixtureCleanup();
    const again = await mountApp('#/contract');
    await waitForState(again, 'signed-out');
    await waitForElement(() => inScreen(again, 'mp-login-screen', 'form'), 'no login form');
    expect(foundOnPage(hanakoStrings)).to.deep.equal([]);

    // Only a login chosen here continues as Hanako.
    await submitLogin(again, HANAKO.loginId);
    await waitForState(again, 'ready');
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal(HANAKO.accountId);
  });

  it('the logout is sent at once, even while the identity report hangs', async () => {
    const mock = await resetAll();
    const realFetch = window.fetch;
    let reportStarted = false;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/api/security/identity-mismatch')) {
        reportStarted = true;
        return new Promise<Response>(() => undefined);
      }
      return realFetch(input, init);
    };
    try {
      const app = await readyAppAs(TARO.loginId, '#/');
      mock.configure({ scenario: 'foreign-account', endpoint: 'contract' });
      mock.clearRequests();
      location.hash = '#/contract';
      await waitForState(app, 'identity-stop');
      await waitForElement(
        () => (mock.requests.some((r) => r.path === '/api/auth/logout') ? document.body : null),
        'no logout while the report hangs',
      );
      expect(reportStarted).to.equal(true);
    } finally {
      window.fetch = realFetch;
    }
  });
});
