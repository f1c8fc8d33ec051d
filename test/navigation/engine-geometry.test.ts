/**
 * A move depends on the layout, never on when it is read: arrows pressed
 * while the focus scale is still in transition land where they land on the
 * settled screen; boxes kept across a scroller's scrolling still place every
 * element right; a text change re-measures the element it changed.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { FocusEngine } from '../../src/navigation/focus-engine.js';
import { TARO, readyAppAs, resetAll, screenOf } from '../support/app-harness.js';
import { arrowTo, press, scrollSettled, waitForFocus } from '../support/keys.js';
import { engine as browserEngine } from '../support/engine.js';

let engine: FocusEngine | null = null;

async function mount(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div style="position:relative">${template}</div>`);
  engine = new FocusEngine({ root, host: root, onBack: () => undefined });
  engine.connect();
  return root;
}

afterEach(() => {
  engine?.disconnect();
  engine = null;
  fixtureCleanup();
});

const focused = (): string => deepActiveElement()?.id || deepActiveElement()?.dataset.route || '(none)';

/** Holds every running transition of `elements` at `fraction` of its duration (the middle of a focus change). */
function holdTransitions(elements: readonly Element[], fraction: number): number {
  let held = 0;
  for (const animation of elements.flatMap((el) => el.getAnimations())) {
    const duration = Number(animation.effect?.getTiming().duration ?? 0);
    animation.pause();
    animation.currentTime = duration * fraction;
    held++;
  }
  return held;
}

describe('engine geometry', () => {
  /*
   * A scale from the top-left corner (so it moves the centre) that takes 30 s
   * and only shows at its end (steps(1, end)), both ways: after Left from B,
   * B still draws 1.5x and A 1x, which puts B's drawn centre below A's.
   */
  const styles = html`<style>
    .pair button {
      position: absolute;
      top: 20px;
      width: 120px;
      height: 60px;
      transform-origin: 0 0;
      transition: transform 30s steps(1, end);
    }
    .pair button:focus {
      transform: scale(1.5);
    }
    .pair.still button {
      transition: none;
    }
  </style>`;
  const pair = (still: boolean) =>
    html`${styles}
      <div class="pair ${still ? 'still' : ''}" style="height:200px">
        <button id="a" style="left:20px">A</button><button id="b" style="left:200px">B</button>
      </div>`;

  for (const still of [true, false]) {
    it(`Down beside a scaled neighbour stays, ${still ? 'settled' : 'during the focus transition'}`, async function () {
      const root = await mount(pair(true));
      root.querySelector<HTMLElement>('#b')!.focus();
      // B is now drawn scaled for good; from here on, transitions run (or not).
      root.querySelector('.pair')!.classList.toggle('still', still);
      await press('ArrowLeft');
      expect(focused()).to.equal('a');
      if (!still) {
        const running = [...root.querySelectorAll('button')].flatMap((b) => b.getAnimations());
        noTransitionsHere(this, running.length);
        expect(running.length, 'both focus transitions are running').to.equal(2);
      }
      await press('ArrowDown');
      expect(focused()).to.equal('a');
      await press('ArrowRight');
      expect(focused()).to.equal('b');
    });
  }

  describe('on the menu', () => {
    function links(app: MyPageApp): HTMLElement[] {
      return [...screenOf(app, 'mp-menu-screen')!.shadowRoot!.querySelectorAll<HTMLElement>('a[data-route]')];
    }

    /** Keys pressed from the 8th entry: where each lands, with the focus transitions held midway or finished. */
    async function walk(context: Mocha.Context, app: MyPageApp, midway: boolean): Promise<string[]> {
      const menu = screenOf(app, 'mp-menu-screen')!.shadowRoot!;
      // Long transitions, so the next key surely arrives before they end (80 ms on a busy machine may not).
      const slow = new CSSStyleSheet();
      slow.replaceSync('a { transition-duration: 60s !important; }');
      menu.adoptedStyleSheets = [...menu.adoptedStyleSheets, slow];
      const landed: string[] = [];
      const keys = ['ArrowLeft', 'ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowUp', 'ArrowDown'];
      for (const [i, key] of keys.entries()) {
        // From the second key on, the previous key's transitions are running: held midway.
        if (midway && i > 0) {
          const held = holdTransitions(links(app), 0.5);
          noTransitionsHere(context, held);
          expect(held, 'a focus transition is running').to.be.greaterThan(0);
        } else if (!midway) for (const animation of links(app).flatMap((el) => el.getAnimations())) animation.finish();
        await press(key);
        landed.push(focused());
      }
      menu.adoptedStyleSheets = menu.adoptedStyleSheets.filter((sheet) => sheet !== slow);
      return landed;
    }

    it('the same keys land on the same entries during the focus transition as when settled', async function () {
      await resetAll();
      const app = await readyAppAs(TARO.loginId, '#/');
      await waitForFocus((el) => el.dataset.route === '/contract', 'no focus on the menu');
      await arrowTo(links(app)[7]!);
      await scrollSettled(app);
      const settled = await walk(this, app, false);
      await arrowTo(links(app)[7]!);
      await scrollSettled(app);
      const midway = await walk(this, app, true);
      expect(midway).to.deep.equal(settled);
      // Down from the 7th entry: what the layout says (nothing below it at 800x600: it stays).
      expect(settled[1]).to.equal(settled[0]);
    });
  });

  describe('boxes kept across scrolling', () => {
    /** A menu column beside a scroller of 3 x 30 cards (a bench page in small). */
    const page = html`<div style="display:flex;gap:20px;align-items:flex-start">
      <div style="display:flex;flex-direction:column;gap:15px;width:120px">
        ${[0, 1, 2].map((i) => html`<button id="m${i}" style="height:90px">m${i}</button>`)}
      </div>
      <div data-nav-scroller style="height:300px;width:460px;overflow:auto">
        ${Array.from(
          { length: 90 },
          (_, i) =>
            html`<button id="c${i}" style="display:inline-block;width:120px;height:80px;margin:10px;vertical-align:top">
              c${i}
            </button>`,
        )}
      </div>
    </div>`;

    it('after a scroll the next moves follow the scrolled geometry', async () => {
      const root = await mount(page);
      const scroller = root.querySelector<HTMLElement>('[data-nav-scroller]')!;
      root.querySelector<HTMLElement>('#c0')!.focus();
      for (let i = 0; i < 10; i++) await press('ArrowDown');
      expect(focused()).to.equal('c30');
      await scrollSettled(root, scroller);
      expect(scroller.scrollTop).to.be.greaterThan(500);
      // The scroller moved every card; the kept boxes must have moved with it.
      await press('ArrowRight');
      expect(focused()).to.equal('c31');
      await press('ArrowUp');
      expect(focused()).to.equal('c28');
      await press('ArrowLeft');
      expect(focused()).to.equal('c27');
      // Beside it now: the menu item its scrolled box overlaps most.
      const card = deepActiveElement()!.getBoundingClientRect();
      const overlap = (id: string): number => {
        const item = root.querySelector(`#${id}`)!.getBoundingClientRect();
        return Math.min(item.bottom, card.bottom) - Math.max(item.top, card.top);
      };
      const beside = ['m0', 'm1', 'm2'].sort((p, q) => overlap(q) - overlap(p))[0];
      await press('ArrowLeft');
      expect(focused()).to.equal(beside);
    });

    it('Down from the last menu item stays: the cards below it are scrolled out of view', async () => {
      const root = await mount(page);
      const scroller = root.querySelector<HTMLElement>('[data-nav-scroller]')!;
      root.querySelector<HTMLElement>('#m2')!.focus();
      await press('ArrowDown');
      expect(focused()).to.equal('m2');
      scroller.scrollTop = 1000;
      await waitForScrollEvent(scroller);
      await press('ArrowDown');
      expect(focused()).to.equal('m2');
      await press('ArrowRight');
      const card = deepActiveElement()!.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      expect(card.bottom, 'entered the scroller at a card it shows').to.be.greaterThan(view.top);
      expect(card.top).to.be.lessThan(view.bottom);
    });
  });

  it('a text change re-measures the element it changed', async () => {
    const root = await mount(
      html`<div style="height:200px">
        <button id="f" style="position:absolute;left:300px;top:0;width:100px;height:40px">f</button>
        <button id="x" style="position:absolute;left:0;top:100px;height:40px;white-space:nowrap;width:max-content">
          x
        </button>
        <button id="y" style="position:absolute;left:550px;top:100px;width:100px;height:40px">y</button>
      </div>`,
    );
    root.querySelector<HTMLElement>('#f')!.focus();
    await press('ArrowDown');
    expect(focused()).to.equal('y', 'y is nearer sideways than the narrow x');
    await press('ArrowUp');
    expect(focused()).to.equal('f');
    // A text node's data (as Lit writes it), not new nodes: x grows under f.
    (root.querySelector('#x')!.firstChild as Text).data =
      'a label long enough to reach far to the right, under f and beyond';
    expect(root.querySelector('#x')!.getBoundingClientRect().right).to.be.greaterThan(400);
    await press('ArrowDown');
    expect(focused()).to.equal('x');
    await press('ArrowUp');
    // New text nodes (`textContent =`): x narrow again.
    root.querySelector('#x')!.textContent = 'x';
    await press('ArrowDown');
    expect(focused()).to.equal('y');
  });

  it('a text change and a removal in one batch: the next press measures the new list', async () => {
    const root = await mount(
      html`<div style="height:200px">
        <button id="f" style="position:absolute;left:0;top:0;width:100px;height:40px">f</button>
        <button id="x" style="position:absolute;left:0;top:100px;width:100px;height:40px">x</button>
        <button id="y" style="position:absolute;left:0;top:160px;width:100px;height:40px">y</button>
      </div>`,
    );
    root.querySelector<HTMLElement>('#f')!.focus();
    await press('ArrowDown');
    expect(focused()).to.equal('x');
    await press('ArrowUp');
    // The change marks the last element (index 2) for re-measuring; the removal leaves two elements.
    (root.querySelector('#y')!.firstChild as Text).data = 'y, longer';
    root.querySelector('#x')!.remove();
    await press('ArrowDown');
    expect(focused()).to.equal('y');
  });
});

/**
 * WebKitGTK in the runner's window runs no CSS transitions at all (it draws
 * the end state at once): nothing is in transition there, so nothing to hold.
 */
function noTransitionsHere(context: Mocha.Context, running: number): void {
  if (running === 0 && browserEngine === 'webkit') context.skip();
}

function waitForScrollEvent(scroller: Element): Promise<void> {
  return new Promise((resolve) => scroller.addEventListener('scroll', () => resolve(), { once: true }));
}
