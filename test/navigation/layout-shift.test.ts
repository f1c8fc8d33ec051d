/**
 * Issue 13, "also seen": on a phone the page shifted when the header filled
 * in (CLS 0.18-0.20). The header reserves its space, so the load of a
 * returning customer (loading, then the menu) and of a new one (loading, then
 * the login form) stays under 0.1, measured by the browser's own
 * `layout-shift` entries.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  TARO,
  inScreen,
  loginElsewhere,
  mountApp,
  resetAll,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { nextFrame } from '../support/keys.js';

interface LayoutShift extends PerformanceEntry {
  readonly value: number;
  readonly hadRecentInput: boolean;
  readonly sources?: ReadonlyArray<{ node?: Node | null }>;
}

/** Collects layout shifts from now on; `stop()` gives their sum and what moved. */
function watchShifts(): { stop(): Promise<{ cls: number; moved: string[] }> } {
  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as LayoutShift[])));
  observer.observe({ type: 'layout-shift', buffered: false });
  return {
    async stop() {
      // Entries are delivered asynchronously: two frames let the last ones arrive.
      await nextFrame();
      shifts.push(...(observer.takeRecords() as LayoutShift[]));
      observer.disconnect();
      const counted = shifts.filter((shift) => !shift.hadRecentInput);
      const moved = counted.flatMap((shift) =>
        (shift.sources ?? []).map((source) => {
          const node = source.node;
          return node instanceof Element
            ? `${node.tagName.toLowerCase()}.${node.className} (${shift.value.toFixed(3)})`
            : `#text (${shift.value.toFixed(3)})`;
        }),
      );
      return { cls: counted.reduce((sum, shift) => sum + shift.value, 0), moved };
    },
  };
}

describe('layout shift on a phone (390x844)', () => {
  before(async function () {
    // Only Chromium reports layout shifts; elsewhere the sum would be 0 whatever moved.
    if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) this.skip();
    await setViewport({ width: 390, height: 844 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('a returning customer: loading, then the menu with the header filled in, CLS < 0.1', async () => {
    await resetAll();
    await loginElsewhere(TARO.loginId);
    const shifts = watchShifts();
    const app = await mountApp('#/');
    await waitForState(app, 'ready');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a[data-route]'), 'no menu');
    await waitForElement(
      () => (app.shadowRoot!.querySelector('.who')?.textContent ? app : null),
      'header never named the login',
    );
    await document.fonts.ready;
    const { cls, moved } = await shifts.stop();
    expect(cls, `shifted: ${moved.join(', ')}`).to.be.below(0.1);
  });

  it('a new customer: loading, then the login form, CLS < 0.1', async () => {
    await resetAll();
    const shifts = watchShifts();
    const app = await mountApp('#/');
    await waitForState(app, 'signed-out');
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'input[name=loginId]'), 'no login form');
    await document.fonts.ready;
    const { cls, moved } = await shifts.stop();
    expect(cls, `shifted: ${moved.join(', ')}`).to.be.below(0.1);
  });
});
