/**
 * A load the screen no longer wants is cancelled, not only ignored: leaving
 * the screen (hostDisconnected) or a drop aborts its request, and the abort
 * is never shown as an error.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import { tracedExchanges } from '../../src/qa/qa-trace.js';
import {
  TARO,
  inScreen,
  readyAppAs,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';

/** Every request the page makes from now on, with the signal fetch was given. */
function watchRequests(): { readonly sent: Array<{ url: string; signal: AbortSignal | null }>; restore(): void } {
  const original = window.fetch;
  const sent: Array<{ url: string; signal: AbortSignal | null }> = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    sent.push({ url: request?.url ?? String(input), signal: init?.signal ?? request?.signal ?? null });
    return original.call(window, input, init);
  };
  return { sent, restore: () => (window.fetch = original) };
}

/** Any alert in the app or its screens (load errors, list errors, dialog errors). */
function alertShown(app: MyPageApp): boolean {
  const roots: ShadowRoot[] = [app.shadowRoot!];
  for (let i = 0; i < roots.length; i++) {
    if (roots[i]!.querySelector('[role=alert]')) return true;
    roots[i]!.querySelectorAll('*').forEach((el) => el.shadowRoot && roots.push(el.shadowRoot));
  }
  return false;
}

let watch: ReturnType<typeof watchRequests> | null = null;
afterEach(() => {
  watch?.restore();
  watch = null;
});

async function contractRequestOnItsWay(app: MyPageApp, mock: MockBackend) {
  mock.configure({ latencyMs: 4000 });
  watch = watchRequests();
  location.hash = '#/contract';
  await waitUntil(
    () => mock.requests.some((r) => r.path === '/api/contract'),
    'the contract request never reached the mock',
    { timeout: 5000 },
  );
  await waitForElement(() => inScreen(app, 'mp-contract-screen', 'mp-load-state'), 'no loading state');
  const sent = watch.sent.find((r) => new URL(r.url, location.href).pathname === '/api/contract');
  expect(sent, 'the read went through fetch').to.exist;
  expect(sent!.signal, 'the read carries a signal').to.not.equal(null);
  expect(sent!.signal!.aborted).to.equal(false);
  return sent!.signal!;
}

describe('an abandoned load is cancelled', () => {
  it('leaving a screen aborts its request in flight; nothing shows an error; coming back loads afresh', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a[data-route]'), 'no menu');
    const signal = await contractRequestOnItsWay(app, mock);

    location.hash = '#/';
    await waitUntil(() => signal.aborted, 'leaving the screen did not abort its request', { timeout: 3000 });
    await waitUntil(
      () =>
        tracedExchanges().some((e) => e.endpoint === '/contract' && e.verdict === 'failed' && e.detail === 'aborted'),
      'the network layer did not report the abort',
      { timeout: 3000 },
    );
    await waitForElement(() => screenOf(app, 'mp-menu-screen'), 'not at the menu');
    expect(alertShown(app), 'an abort shown as an error').to.equal(false);
    expect(app.getAttribute('state')).to.equal('ready');

    mock.configure({ latencyMs: 0 });
    location.hash = '#/contract';
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract after coming back');
    expect(alertShown(app)).to.equal(false);
  });

  it('a logout (the store drops every piece of data) aborts the request of the screen on show', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a[data-route]'), 'no menu');
    const signal = await contractRequestOnItsWay(app, mock);

    void app.identity.logout();
    await waitUntil(() => signal.aborted, 'the drop did not abort the request', { timeout: 3000 });
    await waitForState(app, 'signed-out');
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'form'), 'no login');
    expect(alertShown(app), 'an abort shown as an error').to.equal(false);
  });
});
