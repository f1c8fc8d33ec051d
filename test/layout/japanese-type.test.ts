/**
 * Issue 13 item 9: Japanese breaks between phrases, never inside a word,
 * with `word-break: auto-phrase` (Chromium 119+) and with page.css's fallback
 * for older engines (keep-all); menu entries of a row equally tall; one
 * primary action per screen that looks primary.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { HANAKO, TARO, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { allElements, linesOf } from '../support/layout-checks.js';

/** The word-break page.css gives <html> outside @supports: what an engine without auto-phrase gets. */
function fallbackWordBreak(): string {
  for (const sheet of document.styleSheets) {
    if (!sheet.href?.endsWith('/page.css')) continue;
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSStyleRule && rule.selectorText === 'html' && rule.style.wordBreak) {
        return rule.style.wordBreak;
      }
    }
  }
  throw new Error('page.css has no word-break for html');
}

async function screenAt(loginId: string, hash: string, tag: keyof HTMLElementTagNameMap, ready: string) {
  await setViewport({ width: 390, height: 844 });
  await resetAll();
  const app = await readyAppAs(loginId, hash);
  const screen = await waitForElement(() => screenOf(app, tag), `no ${tag}`);
  await waitForElement(() => screen.shadowRoot!.querySelector(ready), `no ${ready}`);
  await document.fonts.ready;
  return { app, screen };
}

/** Every word seen broken (issue 13) stays on one line wherever it is on these screens. */
const CASES = [
  // The word alone in its element: it fits whenever its element does, nothing to prove without the rule.
  {
    loginId: HANAKO.loginId,
    hash: '#/payment-method',
    tag: 'mp-payment-method-screen',
    ready: 'dd',
    word: 'キャリア決済',
    alone: true,
  },
  { loginId: HANAKO.loginId, hash: '#/payments', tag: 'mp-payments-screen', ready: 'li', word: 'キャリア決済' },
  {
    loginId: TARO.loginId,
    hash: '#/membership',
    tag: 'mp-membership-screen',
    ready: '.logout-all',
    word: 'ログアウト',
  },
  {
    loginId: TARO.loginId,
    hash: '#/payment-method/card',
    tag: 'mp-card-change-screen',
    ready: '.intro',
    word: '消去されます。',
  },
] as const;

/**
 * For every element showing `word`, the most lines the word takes as the
 * element is narrowed from 14 em wider than the word down to 1 em wider:
 * 1 means it never split, at any width where it fits a line.
 */
function worstLines(app: MyPageApp, word: string, narrow = true): number[] {
  return allElements(app.shadowRoot!)
    .filter((el) => el.children.length === 0 && el.textContent!.includes(word) && el.getClientRects().length)
    .map((found) => {
      const box = (getComputedStyle(found).display === 'inline' ? found.parentElement! : found) as HTMLElement;
      let worst = linesOf(found, word);
      for (let extra = 14; narrow && extra >= 1; extra--) {
        box.style.width = `${word.length + extra}em`;
        box.style.maxWidth = 'none';
        worst = Math.max(worst, linesOf(found, word));
      }
      box.style.removeProperty('width');
      box.style.removeProperty('max-width');
      return worst;
    });
}

afterEach(async () => {
  document.documentElement.style.removeProperty('word-break');
  await setViewport({ width: 800, height: 600 });
});

describe('Japanese line breaks', () => {
  it('page.css: auto-phrase where supported, keep-all otherwise', () => {
    expect(fallbackWordBreak()).to.equal('keep-all');
    if (CSS.supports('word-break', 'auto-phrase')) {
      expect(getComputedStyle(document.documentElement).wordBreak).to.equal('auto-phrase');
    }
  });

  /*
   * auto-phrase: at every width the word fits. The fallback (keep-all) only
   * breaks at spaces and punctuation, so a clause longer than its line still
   * breaks at the edge: it is held to the screen as laid out. normal: the
   * same narrowing does split the word, so the first check can fail.
   */
  for (const { loginId, hash, tag, ready, word, ...rest } of CASES) {
    const modes =
      'alone' in rest ? (['auto-phrase', 'fallback'] as const) : (['auto-phrase', 'fallback', 'normal'] as const);
    for (const mode of modes) {
      const title = mode === 'normal' ? 'splits without it (the check can fail)' : `never split (${mode})`;
      it(`390x844 ${hash}: "${word}" ${title}`, async function () {
        // Firefox and WebKit have no auto-phrase: they get (and are tested with) the fallback.
        if (mode === 'auto-phrase' && !CSS.supports('word-break', 'auto-phrase')) this.skip();
        const { app } = await screenAt(loginId, hash, tag, ready);
        if (mode !== 'auto-phrase') {
          document.documentElement.style.wordBreak = mode === 'fallback' ? fallbackWordBreak() : 'normal';
        }
        const lines = worstLines(app, word, mode !== 'fallback');
        expect(lines.length, `"${word}" not on the screen`).to.be.greaterThan(0);
        if (mode === 'normal')
          expect(
            lines.some((n) => n > 1),
            `"${word}" lines: ${lines.join(',')}`,
          ).to.equal(true);
        else
          expect(
            lines.every((n) => n === 1),
            `"${word}" lines: ${lines.join(',')}`,
          ).to.equal(true);
      });
    }
  }
});

describe('menu rows and primary actions', () => {
  for (const [width, height, tv] of [
    [1920, 1080, true],
    [1366, 768, false],
  ] as const) {
    it(`${width}x${height}: the entries of each menu row are equally tall`, async () => {
      await setViewport({ width, height });
      await resetAll();
      const app = await readyAppAs(TARO.loginId, '#/', { tv });
      const menu = await waitForElement(() => screenOf(app, 'mp-menu-screen'), 'no menu');
      await waitForElement(() => menu.shadowRoot!.querySelector('a'), 'no entries');
      const rows = new Map<number, number[]>();
      for (const link of menu.shadowRoot!.querySelectorAll('a')) {
        const rect = link.getBoundingClientRect();
        rows.set(Math.round(rect.top), [...(rows.get(Math.round(rect.top)) ?? []), Math.round(rect.height)]);
      }
      expect([...rows.values()].some((heights) => heights.length > 1)).to.equal(true);
      for (const heights of rows.values()) expect(new Set(heights).size, heights.join(',')).to.equal(1);
    });
  }

  for (const [hash, tag, ready] of [
    ['#/payment-method', 'mp-payment-method-screen', 'dd'],
    ['#/payment-method/card', 'mp-card-change-screen', 'form'],
  ] as const) {
    it(`${hash}: one primary action, filled unlike the others`, async () => {
      const { screen } = await screenAt(TARO.loginId, hash, tag, ready);
      const controls = allElements(screen.shadowRoot!).filter(
        (el) => el.matches('button, a.button') && el.getClientRects().length,
      );
      const primary = controls.filter((el) => el.matches('.primary'));
      expect(primary.length).to.equal(1);
      const fill = getComputedStyle(primary[0]!).backgroundColor;
      const others = controls.filter((el) => !el.matches('.primary'));
      expect(others.length).to.be.greaterThan(0);
      for (const other of others) expect(getComputedStyle(other).backgroundColor).to.not.equal(fill);
    });
  }
});
