/**
 * Issue 13 item 10: the remote's chrome (colour-key dots, digit badges, the
 * ring on focus that only landed) only on the TV profile; desktop type on a
 * 1366x768 desktop; on a 1080p TV focused full-width rows and fields stay
 * inside the 5% safe area (x 96-1824) and nothing is drawn in the overscan.
 */
import { expect } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { describeElement, press, waitForFocus } from '../support/keys.js';
import { allElements } from '../support/layout-checks.js';

async function appAt(width: number, height: number, hash: string, tv: boolean): Promise<MyPageApp> {
  await setViewport({ width, height });
  await resetAll();
  return readyAppAs(TARO.loginId, hash, { tv });
}

async function menuOf(app: MyPageApp): Promise<HTMLElement> {
  const first = await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a[data-route="/contract"]'), 'no menu');
  await waitForFocus((el) => el === first, 'focus did not land on the menu');
  return first;
}

const shown = (el: Element): boolean => el.getClientRects().length > 0;

/** Waits for the focus ring's transitions on `element` to end. */
async function settled(element: Element): Promise<void> {
  void getComputedStyle(element).transform;
  await Promise.all(element.getAnimations().map((a) => a.finished));
}

/** The painted box of a focused element: its (scaled) box grown by the outline and the halo. */
function painted(element: Element): { left: number; right: number; top: number; bottom: number } {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  // Outer shadows (blur + spread), scaled with the element like everything it paints.
  const scale = rect.width / (element as HTMLElement).offsetWidth || 1;
  const shadows = style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/);
  const spread = Math.max(
    0,
    ...shadows
      .filter((s) => !s.includes('inset'))
      .map((s) => {
        const [, , blur = 0, size = 0] = (s.match(/-?[\d.]+px/g) ?? []).map(parseFloat);
        return blur + size;
      }),
  );
  const grow = Math.max(outline, spread) * scale;
  return { left: rect.left - grow, right: rect.right + grow, top: rect.top - grow, bottom: rect.bottom + grow };
}

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('TV chrome only on a TV', () => {
  for (const [width, height] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    it(`${width}x${height} (not a TV): no key dots, digit badges or landing ring; desktop type`, async function () {
      const app = await appAt(width, height, '#/', false);
      const first = await menuOf(app);
      const all = allElements(app.shadowRoot!);
      expect(all.filter((el) => el.matches('.key-hint, .digit')).length).to.be.greaterThan(8);
      expect(all.filter((el) => el.matches('.key-hint, .digit') && shown(el)).map(describeElement)).to.deep.equal([]);
      // Landed, no key pressed yet: no ring, no scale.
      await settled(first);
      expect(getComputedStyle(first).outlineStyle).to.equal('none');
      expect(getComputedStyle(first).transform).to.equal('none');
      // The keyboard shows it at once.
      await press(width < 600 ? 'ArrowDown' : 'ArrowRight');
      const next = deepActiveElement()!;
      expect(describeElement(next)).to.not.equal(describeElement(first));
      await settled(next);
      // WebKitGTK under Xvfb: the test window never has focus, so :focus matches nothing there.
      if (!next.matches(':focus')) this.skip();
      expect(app.hasAttribute('data-quiet-focus')).to.equal(false);
      expect(getComputedStyle(next).outlineStyle).to.equal('solid');
      // A click or a tap hides it again (here on the language button, which stays on screen).
      const language = app.shadowRoot!.querySelector<HTMLElement>('button.language')!;
      const box = language.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 10), Math.round(box.top + box.height / 2)] });
      expect(app.hasAttribute('data-quiet-focus')).to.equal(true);
      const clicked = deepActiveElement();
      if (clicked) {
        await settled(clicked);
        expect(getComputedStyle(clicked).outlineStyle, describeElement(clicked)).to.equal('none');
      }
      await sendMouse({ type: 'move', position: [0, 0] });
      // Desktop type: a readable fixed size, not a tenth of the screen height.
      const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
      expect(root).to.be.within(16, 20);
      expect(parseFloat(getComputedStyle(first).fontSize)).to.be.at.most(20);
    });
  }

  it('1920x1080 TV: key dots and digit badges shown, the landing ring drawn, 10-foot type', async () => {
    const app = await appAt(1920, 1080, '#/', true);
    const first = await menuOf(app);
    const all = allElements(app.shadowRoot!);
    const hints = all.filter((el) => el.matches('.key-hint, .digit'));
    expect(hints.length).to.be.greaterThan(8);
    expect(hints.every(shown)).to.equal(true);
    await settled(first);
    expect(getComputedStyle(first).outlineStyle).to.equal('solid');
    expect(getComputedStyle(first).transform).to.not.equal('none');
    expect(parseFloat(getComputedStyle(document.documentElement).fontSize)).to.be.closeTo(32, 0.5);
  });
});

describe('1080p TV safe area', () => {
  for (const [hash, tag, selector] of [
    ['#/payments', 'mp-payments-screen', 'li[tabindex]'],
    ['#/history', 'mp-history-screen', 'li button'],
    ['#/payment-method/card', 'mp-card-change-screen', 'input, button'],
  ] as const) {
    it(`${hash}: every focused ${selector} is painted inside x 96-1824`, async () => {
      const app = await appAt(1920, 1080, hash, true);
      const screen = await waitForElement(() => screenOf(app, tag), `no ${tag}`);
      await waitForElement(() => screen.shadowRoot!.querySelector(selector), `no ${selector}`);
      const targets = [...screen.shadowRoot!.querySelectorAll<HTMLElement>(selector)].slice(0, 12);
      expect(targets.length).to.be.greaterThan(3);
      for (const target of targets) {
        target.focus({ preventScroll: true });
        await settled(target);
        const box = painted(target);
        const what = `${describeElement(target)} ${target.textContent!.trim().slice(0, 20)}`;
        expect(box.left, what).to.be.at.least(96);
        expect(box.right, what).to.be.at.most(1920 - 96);
      }
    });
  }

  it('nothing of a scrolled list is drawn in the bottom or top 5%', async () => {
    const app = await appAt(1920, 1080, '#/history', true);
    const screen = await waitForElement(() => screenOf(app, 'mp-history-screen'), 'no history');
    await waitForElement(() => screen.shadowRoot!.querySelector('li[aria-posinset]'), 'no rows');
    // The rows scroll in their own area (the list's scroller) where it holds
    // enough of them, else with the page: scroll whichever it is.
    const scroller = screen.shadowRoot!.querySelector<HTMLElement>('[data-nav-scroller]');
    if (scroller) {
      scroller.scrollTop = 600;
      await waitForElement(() => (scroller.scrollTop > 0 ? scroller : null), 'the list did not scroll');
    } else {
      scrollTo(0, 600);
      await waitForElement(() => (scrollY === 600 ? document.body : null), 'did not scroll');
    }
    const root = app.shadowRoot!;
    for (const y of [1080 - 20, 1080 - 50, 10, 50]) {
      const hit = root.elementFromPoint(960, y);
      expect(describeElement(hit), `y=${y}`).to.match(/^div\.overscan/);
    }
    // Every row's visible part (clipped by its scroller) is inside the safe area.
    const clip = scroller?.getBoundingClientRect() ?? { top: 0, bottom: 1080 };
    for (const row of screen.shadowRoot!.querySelectorAll('li')) {
      const box = row.getBoundingClientRect();
      const top = Math.max(box.top, clip.top);
      const bottom = Math.min(box.bottom, clip.bottom);
      if (bottom <= top) continue;
      expect(top, describeElement(row)).to.be.at.least(54 - 1);
      expect(bottom, describeElement(row)).to.be.at.most(1080 - 54 + 1);
    }
  });
});
