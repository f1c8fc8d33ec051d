/**
 * 10-foot layout: type size at 1080p and 720p, everything inside the 5%
 * overscan-safe area (also after scrolling to a focused row), focus that is
 * not colour alone and differs from "selected", and the same elements as a
 * phone layout.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { collectNavigable, deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { describeElement, inRow, press, scrollSettled, waitForFocus } from '../support/keys.js';

/** Font sizes of every visible text run in the app, across shadow roots. */
function textSizes(root: Node): number[] {
  const sizes: number[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() && node.parentElement) {
      const parent = node.parentElement;
      if (!parent.closest('[aria-hidden="true"]') && parent.getClientRects().length) {
        sizes.push(parseFloat(getComputedStyle(parent).fontSize));
      }
    }
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return sizes;
}

/** Waits for the CSS transitions (focus ring, scale) running on `elements` to finish. */
async function transitionsDone(...elements: Element[]): Promise<void> {
  // Reading the style starts any transition the last focus change asked for.
  for (const element of elements) void getComputedStyle(element).transform;
  await Promise.all(elements.flatMap((element) => element.getAnimations()).map((animation) => animation.finished));
}

/** The TV profile at TV sizes (10-foot type, safe area), the desktop and phone one elsewhere. */
async function appAt(width: number, height: number, hash: string): Promise<MyPageApp> {
  await setViewport({ width, height });
  await resetAll();
  return readyAppAs(TARO.loginId, hash, { tv: width >= 1280 });
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('10-foot layout', () => {
  for (const [width, height, minimum] of [
    [1920, 1080, 32],
    [1280, 720, 21],
  ] as const) {
    it(`${width}x${height}: body text at least ${minimum} px, everything inside the safe area`, async () => {
      const app = await appAt(width, height, '#/');
      await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a'), 'no menu');
      const sizes = textSizes(app);
      expect(sizes.length).to.be.greaterThan(10);
      expect(Math.min(...sizes)).to.be.at.least(minimum);

      const safeX = width * 0.05;
      const safeY = height * 0.05;
      for (const element of collectNavigable(app.shadowRoot!)) {
        const rect = element.getBoundingClientRect();
        expect(rect.left, describeElement(element)).to.be.at.least(safeX - 1);
        expect(rect.right, describeElement(element)).to.be.at.most(width - safeX + 1);
        expect(rect.top, describeElement(element)).to.be.at.least(safeY - 1);
      }
    });
  }

  it('1920x1080: every row the remote reaches is scrolled inside the safe area', async () => {
    const app = await appAt(1920, 1080, '#/history');
    await waitForFocus(inRow, 'no row');
    const scroller = inScreen(app, 'mp-history-screen', '.list-scroller[data-nav-scroller]')!;
    for (let i = 0; i < 12; i++) {
      await press('ArrowDown');
      await scrollSettled(app, scroller);
      const rect = deepActiveElement()!.getBoundingClientRect();
      expect(rect.top, `row ${i}`).to.be.at.least(54 - 1);
      expect(rect.bottom, `row ${i}`).to.be.at.most(1080 - 54 + 1);
    }
    // The rows scrolled inside their own area; the page did not.
    expect(scroller.scrollTop).to.be.greaterThan(0);
    expect(document.scrollingElement!.scrollTop).to.equal(0);
    expect(screenOf(app, 'mp-history-screen')).to.exist;
  });

  it('focus is an outline plus scale, selected is a side bar: they look different', async () => {
    const app = await appAt(1920, 1080, '#/');
    const contract = await waitForElement(
      () => inScreen(app, 'mp-menu-screen', 'a[data-route="/contract"]'),
      'no menu',
    );
    await waitForElement(() => (deepActiveElement() === contract ? contract : null), 'menu not focused');
    await press('Enter');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    await press('Escape');
    const selected = await waitForElement(() => {
      const link = inScreen(app, 'mp-menu-screen', 'a[data-route="/contract"]');
      return link?.getAttribute('aria-current') === 'true' && deepActiveElement() === link ? link : null;
    }, 'not back on contract');
    await press('ArrowRight');
    const focused = deepActiveElement()!;
    await transitionsDone(focused, selected);
    expect(describeElement(focused)).to.equal('a[/devices]');
    const f = getComputedStyle(focused);
    const s = getComputedStyle(selected);
    expect(f.outlineStyle).to.equal('solid');
    expect(parseFloat(f.outlineWidth)).to.be.at.least(6);
    expect(f.transform).to.not.equal('none');
    expect(s.outlineStyle).to.equal('none');
    expect(s.transform).to.equal('none');
    expect(s.boxShadow).to.contain('inset');
  });

  it('focus inside a screen never scales the screen, and a dialog stays fixed to the viewport', async () => {
    const app = await appAt(1920, 1080, '#/favorites');
    await waitForFocus(inRow, 'no row');
    const screen = screenOf(app, 'mp-favorites-screen')!;
    expect(getComputedStyle(screen).transform).to.equal('none');
    expect(getComputedStyle(screen.shadowRoot!.querySelector('mp-screen')!).transform).to.equal('none');
    for (let i = 0; i < 6; i++) await press('ArrowDown');
    // OK on the row moves to its action, the second presses it.
    await press('Enter');
    await waitForFocus('button.remove', 'OK did not reach the row action');
    await press('Enter');
    const dialog = await waitForElement(() => screen.shadowRoot!.querySelector('mp-confirm-dialog'), 'no dialog');
    await waitForFocus(() => describeElement(deepActiveElement()) === 'button.cancel', 'no dialog focus');
    expect(getComputedStyle(dialog).position).to.equal('fixed');
    expect(getComputedStyle(dialog).transform).to.equal('none');
    // The viewport, less a scrollbar where the engine draws one (Firefox).
    const rect = dialog.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    expect([innerWidth, innerHeight]).to.deep.equal([1920, 1080]);
    expect([rect.top, rect.left, rect.width, rect.height].map(Math.round)).to.deep.equal([
      0,
      0,
      clientWidth,
      clientHeight,
    ]);
  });

  it('a phone gets one column and readable type from the same elements', async () => {
    const app = await appAt(390, 844, '#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a'), 'no menu');
    const items = [...screenOf(app, 'mp-menu-screen')!.shadowRoot!.querySelectorAll('li')];
    const lefts = new Set(items.map((li) => Math.round(li.getBoundingClientRect().left)));
    expect(lefts.size).to.equal(1);
    expect(Math.min(...textSizes(app))).to.be.at.least(16);
    expect(document.documentElement.scrollWidth).to.be.at.most(390);
  });
});
