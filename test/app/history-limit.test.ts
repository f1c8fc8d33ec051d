/**
 * WebKit refuses more than 100 pushState/replaceState calls in 10 s with a
 * SecurityError: a route change must still
 * happen, and nothing may throw out of it (the soak met it in WebKitGTK).
 * Last in this file, the real limit of the engine running the test.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HashRouteController } from '../../src/app/hash-route-controller.js';
import { replaceHistoryEntry } from '../../src/app/history-entry.js';
import { waitUntil } from '../support/wait.js';

/** What a LitElement gives a controller, counting the renders it asks for. */
function fakeHost(): ReactiveControllerHost & { updates: number } {
  const host = {
    updates: 0,
    addController: (_controller: ReactiveController) => {},
    removeController: () => {},
    requestUpdate: () => void host.updates++,
    updateComplete: Promise.resolve(true),
  };
  return host;
}

function refuseReplaceState(): () => void {
  const original = History.prototype.replaceState;
  History.prototype.replaceState = () => {
    throw new DOMException('Attempt to use history.replaceState() more than 100 times per 10 seconds', 'SecurityError');
  };
  return () => (History.prototype.replaceState = original);
}

const start = location.href.replace(/#.*$/, '');
let controller: HashRouteController | null = null;

afterEach(() => {
  controller?.hostDisconnected();
  controller = null;
});

describe('history writes refused by the engine', () => {
  it('a redirect still changes the route and the URL, and its hashchange adds no depth', async () => {
    history.replaceState(null, '', `${start}#/`);
    const host = fakeHost();
    const changes: string[] = [];
    controller = new HashRouteController(host, (from, to) => changes.push(`${from} → ${to}`));
    controller.hostConnected();
    const restore = refuseReplaceState();
    try {
      const seen = new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
      controller.replace('/contract');
      expect(controller.path).to.equal('/contract');
      expect(changes).to.deep.equal(['/ → /contract']);
      expect(host.updates, 'the redirect asks for a render').to.be.greaterThan(0);
      await seen;
      expect(location.hash).to.equal('#/contract');
      expect(controller.path).to.equal('/contract');
      // Still the entry it was: Back from here leaves the app, as it would have.
      expect(controller.canGoBack).to.equal(false);
      expect(changes).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('other errors are not swallowed, and a write to the URL shown is not made twice', () => {
    const restore = refuseReplaceState();
    try {
      expect(replaceHistoryEntry({ a: 1 }, location.href)).to.equal('refused');
      expect(replaceHistoryEntry({ a: 1 })).to.equal('refused');
    } finally {
      restore();
    }
    const original = History.prototype.replaceState;
    History.prototype.replaceState = () => {
      throw new TypeError('not a limit');
    };
    try {
      expect(() => replaceHistoryEntry(null)).to.throw(TypeError);
    } finally {
      History.prototype.replaceState = original;
    }
  });

  it("at the engine's own limit, a redirect still lands", async () => {
    history.replaceState(null, '', `${start}#/`);
    controller = new HashRouteController(fakeHost());
    controller.hostConnected();
    let refused = false;
    // Chromium ignores calls past its limit rather than throwing: there the loop ends at 400.
    for (let i = 0; i < 400 && !refused; i++) {
      try {
        history.replaceState(null, '', `${start}#/`);
      } catch {
        refused = true;
      }
    }
    controller.replace('/devices');
    expect(controller.path).to.equal('/devices');
    await waitUntil(() => location.hash === '#/devices', `hash ${location.hash}`);
  });
});
