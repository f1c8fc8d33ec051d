/**
 * Issue 10, cold load: while the page's first session read is out, the app
 * draws nothing for a glance (LOADING_GLANCE_MS), so a quick answer makes the
 * screen itself the first content on screen, instead of a bar and a loading
 * line laid out, focused and painted only to be replaced. A slow answer
 * still gets its loading line, and a failed one its Retry, at once.
 */
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement as deepActive } from '../../src/navigation/dom.js';
import {
  TARO,
  holdSessionRead,
  inScreen,
  loginElsewhere,
  mockWorker,
  mountApp,
  resetAll,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { nextFrame } from '../support/keys.js';
import { waitUntil } from '../support/wait.js';

/** What each frame showed, from now until `stop()`. */
function recordFrames(app: () => MyPageApp | null) {
  const frames: Array<{ bar: boolean; status: boolean; menu: boolean }> = [];
  let running = true;
  const tick = (): void => {
    const root = app()?.shadowRoot;
    if (root) {
      frames.push({
        bar: !!root.querySelector('.bar'),
        status: !!root.querySelector('[role=status]'),
        menu: !!root.querySelector('mp-menu-screen')?.shadowRoot?.querySelector('a[data-route]'),
      });
    }
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    frames,
    stop: () => (running = false),
  };
}

describe('the first start-up read: a glance of nothing, then the loading line', () => {
  beforeEach(async () => {
    await resetAll();
    await loginElsewhere(TARO.loginId);
  });

  it('draws nothing while the read is out within the glance; the first content drawn is the menu', async () => {
    const session = await holdSessionRead();
    let app: MyPageApp | null = null;
    const recording = recordFrames(() => app);
    try {
      app = await mountApp('#/', { loadingGlanceMs: 60_000 });
      await waitUntil(() => session.asked(), 'the session was never read');
      await nextFrame();
      await nextFrame();
      expect(app.getAttribute('state')).to.equal('loading');
      // Styles aside (engines without adoptedStyleSheets put them in the root): no element at all.
      const drawn = [...app.shadowRoot!.children].filter((element) => element.localName !== 'style');
      expect(drawn.length, app.shadowRoot!.innerHTML).to.equal(0);
      session.release();
      await waitForState(app, 'ready');
      await waitUntil(() => recording.frames.some((frame) => frame.menu), 'the menu never reached a frame');
      recording.stop();
      const first = recording.frames.find((frame) => frame.bar);
      expect(first, 'a frame showed the bar before the menu').to.deep.equal({ bar: true, status: false, menu: true });
      expect(recording.frames.some((frame) => frame.status)).to.equal(false);
      await waitUntil(() => deepActive()?.closest('a[data-route]') !== null, 'focus never landed on the menu');
    } finally {
      recording.stop();
      session.done();
    }
  });

  it('a read that outlasts the glance shows the loading line with focus on the bar, then the menu', async () => {
    const session = await holdSessionRead();
    try {
      const app = await mountApp('#/', { loadingGlanceMs: 50 });
      const status = await waitForElement(() => app.shadowRoot!.querySelector('[role=status]'), 'no loading line');
      expect(status.textContent).to.contain('読み込み中');
      await waitUntil(
        () => deepActive() === app.shadowRoot!.querySelector('button.language'),
        'focus did not land on the bar while loading',
      );
      session.release();
      await waitForState(app, 'ready');
      await waitUntil(
        () => deepActive() === inScreen(app, 'mp-menu-screen', 'a[data-route]'),
        'focus did not move to the menu once it came',
      );
    } finally {
      session.done();
    }
  });

  it('Retry after a failed read shows the loading line at once, with focus kept on the page', async () => {
    const worker = await mockWorker();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    // Every read fails (the store's own retries too) until the Retry button is shown; then the next one is held.
    let failing = true;
    worker.use(
      http.get('/api/auth/session', async () => {
        reads++;
        if (failing) return HttpResponse.error();
        await held;
        return undefined;
      }),
    );
    try {
      const app = await mountApp('#/', { loadingGlanceMs: 60_000 });
      const retry = await waitForElement(() => app.shadowRoot!.querySelector('button.retry'), 'no Retry');
      failing = false;
      const before = reads;
      retry.click();
      await waitUntil(() => reads > before, 'Retry did not read the session again');
      await waitForElement(() => app.shadowRoot!.querySelector('[role=status]'), 'the retried read drew nothing');
      await waitUntil(
        () => deepActive() === app.shadowRoot!.querySelector('button.language'),
        'focus was lost with the Retry button',
      );
      release();
      await waitForState(app, 'ready');
    } finally {
      release();
      worker.resetHandlers();
    }
  });

  it('a failed read shows its Retry at once, within the glance', async () => {
    const worker = await mockWorker();
    worker.use(http.get('/api/auth/session', () => HttpResponse.error()));
    try {
      const app = await mountApp('#/', { loadingGlanceMs: 60_000 });
      const retry = await waitForElement(() => app.shadowRoot!.querySelector('button.retry'), 'no Retry');
      expect(app.getAttribute('state')).to.equal('loading');
      await waitUntil(() => deepActive() === retry, 'focus did not land on Retry');
    } finally {
      worker.resetHandlers();
    }
  });
});
