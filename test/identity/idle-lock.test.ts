/**
 * Issue 12, idle TVs (ASVS 5.0 7.3.1): after the timeout without activity the
 * page drops all account data and shows the lock screen; OK re-reads the
 * session through the guard and the screen loads its data again. The minutes
 * run on an injected clock; the activity is real key and pointer input.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendMouse } from '@web/test-runner-commands';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { OTHER_IDLE_MS, TV_IDLE_MS, watchIdle } from '../../src/identity/idle-lock.js';
import { TabAccountMemory } from '../../src/identity/tab-account-memory.js';
import {
  TARO,
  inScreen,
  loginElsewhere,
  readyAppAs,
  resetAll,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { press, waitForFocus } from '../support/keys.js';
import { fingerprintOf } from '../support/leak-fingerprint.js';
import { FakeClock } from '../support/fake-clock.js';
import { foundOnPage } from '../support/page-strings.js';

const MINUTE = 60_000;

async function readyStore(): Promise<IdentityStore> {
  await resetAll();
  await loginElsewhere(TARO.loginId);
  const store = new IdentityStore(new TabAccountMemory(null));
  await store.start();
  expect(store.state).to.equal('ready');
  return store;
}

describe('idle lock', () => {
  afterEach(() => {
    const search = new URLSearchParams(location.search);
    search.delete('idle');
    history.replaceState(null, '', `${location.pathname}?${search}`);
  });

  it('a TV locks after 10 minutes without a key; keys count, the pointer does not', async () => {
    const store = await readyStore();
    const clock = new FakeClock();
    let drops = 0;
    store.on('drop', () => drops++);
    const stop = watchIdle(store, { tv: true, clock });
    expect(TV_IDLE_MS).to.equal(10 * MINUTE);
    clock.advance(9 * MINUTE);
    await press('Shift');
    clock.advance(9 * MINUTE);
    expect(store.lock).to.equal(null);
    await sendMouse({ type: 'move', position: [20, 20] });
    await sendMouse({ type: 'move', position: [60, 60] });
    clock.advance(1 * MINUTE + 1);
    expect(store.lock).to.equal('idle');
    expect(store.state).to.equal('loading');
    expect(store.verifiedSession).to.equal(null);
    expect(drops).to.equal(1);
    stop();
  });

  it('elsewhere the pointer counts, and the default is 15 minutes', async () => {
    const store = await readyStore();
    const clock = new FakeClock();
    const stop = watchIdle(store, { tv: false, clock });
    clock.advance(14 * MINUTE);
    await sendMouse({ type: 'move', position: [30, 30] });
    await sendMouse({ type: 'move', position: [90, 90] });
    clock.advance(14 * MINUTE);
    expect(store.lock).to.equal(null);
    clock.advance(OTHER_IDLE_MS - 14 * MINUTE);
    expect(store.lock).to.equal('idle');
    stop();
  });

  it('the timeout is an option, and it arms again only after the re-check', async () => {
    const store = await readyStore();
    const clock = new FakeClock();
    const stop = watchIdle(store, { tv: true, clock, timeoutMs: 5000 });
    clock.advance(5000);
    expect(store.lock).to.equal('idle');
    clock.advance(60 * MINUTE);
    await store.unlock();
    expect(store.state).to.equal('ready');
    clock.advance(4999);
    expect(store.lock).to.equal(null);
    clock.advance(1);
    expect(store.lock).to.equal('idle');
    stop();
  });

  it('the app drops the screen and its data, locks with a focused OK, and OK reloads through the guard', async function () {
    // A real 3 s timeout: long enough for the contract to show on a loaded machine.
    this.timeout(20000);
    const mock = await resetAll();
    const search = new URLSearchParams(location.search);
    search.set('idle', '3');
    history.replaceState(null, '', `${location.pathname}?${search}`);
    const app = await readyAppAs(TARO.loginId, '#/contract', { tv: true });
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    await waitUntil(() => app.dataset.lock === 'idle', 'never locked', { timeout: 10000 });
    expect(app.getAttribute('state')).to.equal('loading');
    expect(foundOnPage(['プレミアム', TARO.loginId, ...fingerprintOf(TARO.accountId)])).to.deep.equal([]);
    const heading = await waitForElement(() => inScreen(app, 'mp-lock-screen', 'mp-screen'), 'no lock screen');
    expect(heading.getAttribute('heading')).to.contain('プライバシー');
    await waitForFocus('.unlock');
    mock.clearRequests();
    await press('Enter');
    await waitForState(app, 'ready');
    await waitUntil(() => mock.requests.some((r) => r.path.startsWith('/api/contract')), 'no reload');
    const paths = mock.requests.map((r) => r.path.split('?')[0]);
    expect(paths.indexOf('/api/auth/session')).to.be.lessThan(paths.indexOf('/api/contract'));
  });

  it('the lock screen speaks English too', async () => {
    await resetAll();
    localStorage.setItem('my-page.locale', 'en');
    const search = new URLSearchParams(location.search);
    search.set('idle', '1');
    history.replaceState(null, '', `${location.pathname}?${search}`);
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitUntil(() => app.dataset.lock === 'idle', 'never locked', { timeout: 8000 });
    const screen = await waitForElement(() => inScreen(app, 'mp-lock-screen', 'mp-screen'), 'no lock screen');
    await waitUntil(() => screen.getAttribute('heading') === 'Locked for your privacy', 'not in English');
    expect(inScreen(app, 'mp-lock-screen', '.unlock')?.textContent?.trim()).to.equal('OK');
  });
});
