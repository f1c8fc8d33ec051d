/**
 * Issue 13 deliver 3: `prefers-reduced-motion` turns off the focus scale and
 * the engine's smooth scrolling; `forced-colors` keeps the focus ring (an
 * outline in the system colour) and the selected mark; a desktop at 200%
 * text zoom, or 200% page zoom, loses nothing.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { closestComposed, collectNavigable, deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { engine } from '../support/engine.js';
import { TV, describeElement, press, tapKeys, waitForFocus } from '../support/keys.js';
import { allElements, clippedTexts } from '../support/layout-checks.js';

type Feature = { name: string; value: string };

async function media(...features: Feature[]): Promise<void> {
  await executeServerCommand('media-features', features);
}

async function tvApp(hash: string): Promise<MyPageApp> {
  await setViewport({ width: 1920, height: 1080 });
  await resetAll();
  return readyAppAs(TARO.loginId, hash, { tv: true });
}

async function settled(element: Element): Promise<void> {
  void getComputedStyle(element).transform;
  await Promise.all(element.getAnimations().map((a) => a.finished));
}

/**
 * Presses Down on the history list until the engine scrolls, and says where
 * the page was the moment the key had been handled: at the scroll's goal
 * (instant) or still on its way (smooth). `presses`: one after another;
 * `taps`: 30 dispatched at once, a run of quick taps however busy the
 * machine is; `single`: focus put on the last row in view first, then one
 * press (the first key the engine sees) makes the scroll.
 */
async function scrollOnPress(
  app: MyPageApp,
  how: 'presses' | 'taps' | 'single' = 'presses',
): Promise<{ at: number; goal: number }> {
  await waitForFocus((el) => el.closest('li') !== null, 'no row focused');
  if (how === 'single') {
    const rows = closestComposed(deepActiveElement(), '[data-nav-scroller]')!;
    const bottom = rows.getBoundingClientRect().bottom;
    const inView = [...rows.querySelectorAll<HTMLElement>('li[aria-posinset]')]
      .filter((row) => row.getBoundingClientRect().bottom <= bottom)
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')));
    inView.at(-1)!.focus();
  }
  let seen: { at: number; goal: number } | null = null;
  const onKey = (): void => {
    const goal = app.dataset.navScrollTo;
    // The engine scrolls the row's own scroller (the list's area) or else the page.
    const scroller = closestComposed(deepActiveElement(), '[data-nav-scroller]') ?? document.scrollingElement!;
    if (goal !== undefined && !seen) seen = { at: scroller.scrollTop, goal: Number(goal) };
  };
  // Bubbling phase: after the engine's capture listener has moved focus and scrolled.
  addEventListener('keydown', onKey);
  try {
    if (how === 'taps') await tapKeys(TV.down, 30);
    for (let i = 0; i < (how === 'single' ? 1 : 30) && !seen; i++) await press('ArrowDown');
  } finally {
    removeEventListener('keydown', onKey);
  }
  expect(seen, 'the engine never scrolled').to.not.equal(null);
  return seen!;
}

afterEach(async () => {
  if (engine === 'chromium') await media();
  document.documentElement.style.removeProperty('font-size');
  await setViewport({ width: 800, height: 600 });
});

describe('prefers-reduced-motion', () => {
  beforeEach(function () {
    if (engine !== 'chromium') this.skip();
  });

  it('no focus scale, no transition', async () => {
    await media({ name: 'prefers-reduced-motion', value: 'reduce' });
    const app = await tvApp('#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a'), 'no menu');
    await press('ArrowRight');
    const focused = deepActiveElement()!;
    await settled(focused);
    expect(getComputedStyle(focused).transform).to.equal('none');
    expect(
      getComputedStyle(focused)
        .transitionDuration.split(',')
        .every((d) => parseFloat(d) === 0),
    ).to.equal(true);
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
  });

  it('without it, focus scales (the check above can fail)', async () => {
    const app = await tvApp('#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a'), 'no menu');
    await press('ArrowRight');
    const focused = deepActiveElement()!;
    await settled(focused);
    expect(getComputedStyle(focused).transform).to.not.equal('none');
  });

  it('the engine scrolls instantly: the page is at the goal when the key has been handled', async () => {
    await media({ name: 'prefers-reduced-motion', value: 'reduce' });
    const app = await tvApp('#/history');
    const { at, goal } = await scrollOnPress(app);
    expect(at).to.be.closeTo(goal, 1);
  });

  it('without it, a single press scrolls smoothly (still on its way then)', async () => {
    const app = await tvApp('#/history');
    const { at, goal } = await scrollOnPress(app, 'single');
    expect(Math.abs(at - goal)).to.be.greaterThan(1);
  });

  it('without it, taps in quick succession scroll at once, as a held key does', async () => {
    const app = await tvApp('#/history');
    const { at, goal } = await scrollOnPress(app, 'taps');
    expect(at).to.be.closeTo(goal, 1);
  });
});

describe('forced-colors', () => {
  beforeEach(function () {
    if (engine !== 'chromium') this.skip();
  });

  it('the focus ring stays an outline in the system highlight; selected keeps its mark', async () => {
    await media({ name: 'forced-colors', value: 'active' });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const app = await tvApp('#/');
    const contract = await waitForElement(
      () => inScreen(app, 'mp-menu-screen', 'a[data-route="/contract"]'),
      'no menu',
    );
    await waitForFocus((el) => el === contract, 'menu not focused');
    await press('Enter');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    await press('Escape');
    await waitForFocus((el) => el.getAttribute('aria-current') === 'true', 'not back on the menu');
    await press('ArrowRight');
    const focused = deepActiveElement()!;
    await settled(focused);
    const ring = getComputedStyle(focused);
    expect(ring.outlineStyle).to.equal('solid');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(6);
    // Forced colours drop box-shadows: the selected entry needs a mark that is not one.
    const selected = getComputedStyle(inScreen(app, 'mp-menu-screen', 'a[data-route="/contract"]')!);
    expect(selected.borderLeftStyle).to.equal('solid');
    expect(parseFloat(selected.borderLeftWidth)).to.be.at.least(6);
    expect(selected.outlineStyle).to.equal('none');
  });
});

describe('desktop zoom', () => {
  const SCREENS = [
    ['#/', 'mp-menu-screen', 'a'],
    ['#/contract', 'mp-contract-screen', '.plan'],
    ['#/devices', 'mp-devices-screen', 'li'],
    ['#/payments', 'mp-payments-screen', 'li'],
    ['#/payment-method', 'mp-payment-method-screen', 'dd'],
    ['#/payment-method/card', 'mp-card-change-screen', 'form'],
    ['#/history', 'mp-history-screen', 'li'],
    ['#/downloads', 'mp-downloads-screen', 'li'],
    ['#/favorites', 'mp-favorites-screen', 'li'],
    ['#/membership', 'mp-membership-screen', '.logout-all'],
  ] as const;

  for (const [label, width, height, fontSize] of [
    ['200% text zoom', 1366, 768, '225%'],
    ['200% page zoom', 683, 384, ''],
  ] as const) {
    it(`1366x768 at ${label}: no screen scrolls sideways, cuts text or puts a control off screen`, async function () {
      // Ten screens in one test: slower engines need more than the suite's 10 s.
      this.timeout(40000);
      await setViewport({ width, height });
      await resetAll();
      // A browser font size of 32 px instead of 16: the root's 112.5% gives 36 px.
      if (fontSize) document.documentElement.style.fontSize = fontSize;
      const app = await readyAppAs(TARO.loginId, '#/');
      for (const [hash, tag, ready] of SCREENS) {
        location.hash = hash;
        const screen = await waitForElement(() => screenOf(app, tag), `no ${tag}`);
        await waitForElement(() => screen.shadowRoot!.querySelector(ready), `${hash}: no ${ready}`);
        await (screen as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const wide = allElements(document).filter((el) => el.getBoundingClientRect().right > width + 0.5);
        const sideways = `${hash} scrolls sideways: ${wide.map(describeElement).join(' ')}`;
        expect(document.documentElement.scrollWidth, sideways).to.be.at.most(width);
        expect(clippedTexts(app.shadowRoot!), `${hash} cut text`).to.deep.equal([]);
        for (const control of collectNavigable(app.shadowRoot!)) {
          const rect = control.getBoundingClientRect();
          expect(rect.width, `${hash} ${describeElement(control)}`).to.be.greaterThan(0);
          expect(rect.left, `${hash} ${describeElement(control)}`).to.be.at.least(0);
          expect(rect.right, `${hash} ${describeElement(control)}`).to.be.at.most(width);
        }
      }
      if (fontSize) expect(parseFloat(getComputedStyle(document.documentElement).fontSize)).to.equal(36);
    });
  }
});
