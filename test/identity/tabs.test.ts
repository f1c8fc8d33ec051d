/**
 * Issue 12, "other tabs learn at once": a login, logout or identity-stop in
 * one tab drops the account data in every other tab of the origin without
 * waiting for a read or a visibility change. The other tab is a real second
 * BroadcastChannel of the same name (or, for the fallback, a same-origin
 * iframe writing localStorage), as another tab's would be.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { TabAccountMemory } from '../../src/identity/tab-account-memory.js';
import { TAB_CHANNEL, TAB_SIGNAL_KEY, watchTabs } from '../../src/identity/tab-broadcast.js';
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
import { press, waitForFocus } from '../support/keys.js';
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { foundOnPage } from '../support/page-strings.js';

const taroStrings = [TARO.loginId, ...fingerprintOf(TARO.accountId)];
const hanakoStrings = [HANAKO.loginId, ...fingerprintOf(HANAKO.accountId)];

/** Another tab's channel: what it hears, and a way to speak. */
function otherTab() {
  const channel = new BroadcastChannel(TAB_CHANNEL);
  const heard: unknown[] = [];
  channel.onmessage = (event) => heard.push(event.data);
  return {
    heard,
    post: (kind: string) => channel.postMessage({ tab: 'other-tab', kind }),
    close: () => channel.close(),
  };
}

async function contractShown(app: MyPageApp): Promise<void> {
  await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
}

describe('other tabs', () => {
  let tab: ReturnType<typeof otherTab>;
  beforeEach(() => {
    tab = otherTab();
  });
  afterEach(() => tab.close());

  it('a login in another tab drops the data at once; check again as another account is an identity-stop', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await contractShown(app);
    await loginElsewhere(HANAKO.loginId);
    mock.clearRequests();
    tab.post('login');
    await waitUntil(() => app.dataset.lock === 'other-tab-login', 'no lock');
    expect(app.getAttribute('state')).to.equal('loading');
    expect(app.identity.snapshot.lock).to.equal('other-tab-login');
    // Learned from the message alone: nothing was read, nothing adopted.
    expect(mock.requests).to.deep.equal([]);
    expect(foundOnPage(['プレミアム', ...taroStrings, ...hanakoStrings])).to.deep.equal([]);
    const reason = await waitForElement(() => inScreen(app, 'mp-lock-screen', '.reason'), 'no reason');
    expect(reason.textContent).to.contain('別のタブでログイン');
    await waitForFocus('.unlock');
    await press('Enter');
    // The session read goes through the worker; Firefox ESR under a loaded CI machine is slow there.
    await waitForState(app, 'identity-stop', 15_000);
    expect(app.identity.snapshot.stopCause).to.equal('account-changed');
    expect(app.hasAttribute('data-lock')).to.equal(false);
    expect(foundOnPage(hanakoStrings)).to.deep.equal([]);
  });

  it('check again after a login of the same account elsewhere is ready again and reloads the data', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await contractShown(app);
    tab.post('login');
    await waitUntil(() => app.dataset.lock === 'other-tab-login', 'no lock');
    mock.clearRequests();
    (await waitForFocus('.unlock')).click();
    await waitForState(app, 'ready');
    await contractShown(app);
    const paths = mock.requests.map((r) => r.path.split('?')[0]);
    expect(paths.indexOf('/api/auth/session')).to.be.lessThan(paths.indexOf('/api/contract'));
  });

  it('a logout in another tab drops the data; check again shows the login screen', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await contractShown(app);
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
    tab.post('logout');
    await waitUntil(() => app.dataset.lock === 'other-tab-logout', 'no lock');
    expect(foundOnPage(['プレミアム', ...taroStrings])).to.deep.equal([]);
    (await waitForFocus('.unlock')).click();
    await waitForState(app, 'signed-out');
  });

  it('this tab tells the others of its login, logout and stop, with no id but its tab id', async () => {
    await resetAll();
    const app = await mountApp('#/');
    await waitForState(app, 'signed-out');
    await submitLogin(app, TARO.loginId);
    await waitForState(app, 'ready');
    await waitUntil(() => tab.heard.length === 1, 'no login message');
    (await waitForElement(() => app.shadowRoot!.querySelector('.logout'), 'no logout')).click();
    const dialog = await waitForElement(() => app.shadowRoot!.querySelector('mp-confirm-dialog'), 'no confirmation');
    (dialog.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    await waitUntil(() => tab.heard.length === 2, 'no logout message');
    await submitLogin(app, TARO.loginId);
    await waitForState(app, 'ready');
    await loginElsewhere(HANAKO.loginId);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitForState(app, 'identity-stop');
    await waitUntil(() => tab.heard.length === 4, 'no stop message');
    expect(tab.heard.map((m) => (m as { kind: string }).kind)).to.deep.equal(['login', 'logout', 'login', 'stop']);
    for (const message of tab.heard) expect(Object.keys(message as object).sort()).to.deep.equal(['kind', 'tab']);
    const text = JSON.stringify(tab.heard);
    for (const secret of [...taroStrings, ...hanakoStrings]) expect(text).not.to.contain(secret);
  });

  it('a tab ignores its own messages', async () => {
    await resetAll();
    await loginElsewhere(TARO.loginId);
    const store = new IdentityStore(new TabAccountMemory(null));
    await store.start();
    expect(store.state, 'the session read failed').to.equal('ready');
    const stop = watchTabs(store, { tabId: 'me' });
    const self = new BroadcastChannel(TAB_CHANNEL);
    self.postMessage({ tab: 'me', kind: 'login' });
    self.postMessage({ tab: 'someone-else', kind: 'logout' });
    // Delivered in order: had the first counted, its reason would have stayed.
    await waitUntil(() => store.lock !== null, 'no lock');
    expect(store.lock).to.equal('other-tab-logout');
    self.close();
    stop();
  });

  it('a signed-out tab is not pulled towards the account another tab logged in', async () => {
    await resetAll();
    const signedOut = new IdentityStore(new TabAccountMemory(null));
    signedOut.startOver();
    const stopSignedOut = watchTabs(signedOut);
    await loginElsewhere(TARO.loginId);
    const ready = new IdentityStore(new TabAccountMemory(null));
    await ready.start();
    expect(ready.state, 'the session read failed').to.equal('ready');
    const stopReady = watchTabs(ready);
    tab.post('login');
    // Both channels get the message in the order they were opened: once the
    // later one has acted, the earlier one has decided too.
    await waitUntil(() => ready.lock === 'other-tab-login', 'the ready tab did not lock');
    expect(signedOut.lock).to.equal(null);
    expect(signedOut.state).to.equal('signed-out');
    stopSignedOut();
    stopReady();
  });

  describe('without BroadcastChannel (the storage event)', () => {
    let frame: HTMLIFrameElement;
    beforeEach(async () => {
      frame = document.createElement('iframe');
      document.body.append(frame);
      await waitUntil(() => frame.contentWindow?.document.readyState === 'complete', 'no frame');
    });
    afterEach(() => frame.remove());

    it('learns from another document of the origin and tells it', async () => {
      await resetAll();
      await loginElsewhere(TARO.loginId);
      const store = new IdentityStore(new TabAccountMemory(null));
      await store.start();
      expect(store.state, 'the session read failed').to.equal('ready');
      const drops: number[] = [];
      store.on('drop', () => drops.push(1));
      const stop = watchTabs(store, { forceStorage: true });
      const heard: string[] = [];
      frame.contentWindow!.addEventListener('storage', (event) => {
        if (event.key === TAB_SIGNAL_KEY && event.newValue) heard.push(event.newValue);
      });
      frame.contentWindow!.localStorage.setItem(TAB_SIGNAL_KEY, JSON.stringify({ tab: 'frame', kind: 'stop' }));
      await waitUntil(() => store.lock === 'other-tab-stop', 'no lock');
      expect(drops.length).to.equal(1);
      expect(store.verifiedSession).to.equal(null);
      await store.unlock();
      expect(store.state).to.equal('ready');
      await store.logout();
      await waitUntil(() => heard.length === 1, 'the frame heard nothing');
      expect(JSON.parse(heard[0]!)).to.include({ kind: 'logout' });
      expect(localStorage.getItem(TAB_SIGNAL_KEY)).to.equal(null);
      stop();
    });
  });
});
