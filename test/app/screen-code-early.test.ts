/**
 * A page opened on a screen behind the menu fetches that screen's code while
 * the session read is still out (my-page-app `_fetchScreenCode`), not one
 * round trip after it, and still asks nothing of the account before the
 * session has answered. This file's page has never loaded the screen.
 */
import { expect } from '@open-wc/testing';
import {
  TARO,
  holdSessionRead,
  loginElsewhere,
  mountApp,
  resetAll,
  screenOf,
  waitForState,
} from '../support/app-harness.js';
import { waitUntil } from '../support/wait.js';

/** Paths of the /api requests this page started since `since` (performance.now()), the session read aside. */
function accountRequestsSince(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since)
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/api/') && path !== '/api/auth/session');
}

describe('screen code during the session read', () => {
  it('#/history: the screen module is there before the session answers, and no account request went out', async () => {
    await resetAll();
    await loginElsewhere(TARO.loginId);
    const session = await holdSessionRead();
    try {
      const mountedAt = performance.now();
      const app = await mountApp('#/history');
      await waitUntil(
        () => customElements.get('mp-history-screen') !== undefined,
        'the history screen module did not load while the session read was out',
      );
      expect(session.asked()).to.equal(true);
      expect(app.getAttribute('state')).to.equal('loading');
      expect(accountRequestsSince(mountedAt)).to.deep.equal([]);
      session.release();
      await waitForState(app, 'ready');
      await waitUntil(() => screenOf(app, 'mp-history-screen') !== null, 'the history screen never showed');
    } finally {
      session.done();
    }
  });
});
