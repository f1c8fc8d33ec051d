/**
 * Contract section 1, "Continuity": the tab remembers its account; another
 * account on reload, on pageshow or on becoming visible is an identity-stop,
 * never a silent switch.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { HANAKO, TARO, inScreen, loginElsewhere, mountApp, readyAppAs, resetAll, submitLogin, waitForElement, waitForState } from '../support/app-harness.js';
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
    await readyAppAs(TARO.loginId, '#/contract');
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
});
