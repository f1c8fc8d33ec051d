/**
 * Issue 13 item 2: a phone (390x844) shows every value of every list row:
 * no ellipsis, no hidden overflow, nothing past the row; the action button
 * is not half the row; Back stays one line. Rows of one list are equally
 * tall with equal gaps, and the app bar takes at most two lines, in Japanese
 * and English.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { TARO, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { clippedTexts, linesOf } from '../support/layout-checks.js';

const LISTS = [
  ['#/devices', 'mp-devices-screen'],
  ['#/payments', 'mp-payments-screen'],
  ['#/history', 'mp-history-screen'],
  ['#/downloads', 'mp-downloads-screen'],
  ['#/favorites', 'mp-favorites-screen'],
] as const;

afterEach(async () => {
  localStorage.removeItem('my-page.locale');
  await setViewport({ width: 800, height: 600 });
});

/** Lines the app bar's parts take: parts whose boxes overlap vertically share a line; a wrapped text adds lines. */
function barLines(bar: Element): number {
  const parts = [...bar.children].filter((el) => el.getBoundingClientRect().height > 0);
  const lines: Array<{ top: number; bottom: number; extra: number }> = [];
  for (const part of parts) {
    const box = part.getBoundingClientRect();
    const text = part.localName === 'span' ? linesOf(part, part.textContent!.trim()) : 1;
    const line = lines.find((l) => box.top < l.bottom && box.bottom > l.top);
    if (line) line.extra = Math.max(line.extra, text - 1);
    else lines.push({ top: box.top, bottom: box.bottom, extra: Math.max(0, text - 1) });
  }
  return lines.reduce((sum, line) => sum + 1 + line.extra, 0);
}

describe('phone rows at 390x844', () => {
  for (const [hash, tag] of LISTS) {
    it(`${hash}: every value of every row visible, the action a small part of its row, Back on one line`, async () => {
      await setViewport({ width: 390, height: 844 });
      await resetAll();
      const app = await readyAppAs(TARO.loginId, hash);
      const screen = await waitForElement(() => screenOf(app, tag), `no ${tag}`);
      await waitForElement(() => screen.shadowRoot!.querySelector('li[aria-posinset]'), 'no rows');
      await (screen as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await document.fonts.ready;

      const rows = [...screen.shadowRoot!.querySelectorAll<HTMLElement>('li[aria-posinset]')];
      expect(rows.length).to.be.greaterThan(2);
      for (const row of rows) {
        const label = row.querySelector('.row-title')!.textContent!.trim();
        expect(clippedTexts(row), label).to.deep.equal([]);
        const box = row.getBoundingClientRect();
        for (const part of row.querySelectorAll('p, span, button')) {
          const rect = part.getBoundingClientRect();
          if (!rect.width) continue;
          expect(rect.left, `${label}: ${part.textContent}`).to.be.at.least(box.left - 1);
          expect(rect.right, `${label}: ${part.textContent}`).to.be.at.most(box.right + 1);
          expect(rect.bottom, `${label}: ${part.textContent}`).to.be.at.most(box.bottom + 1);
        }
        for (const button of row.querySelectorAll('button')) {
          expect(button.getBoundingClientRect().width, `${label}: action width`).to.be.below(box.width / 2);
        }
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(390);
      const back = screen.shadowRoot!.querySelector('mp-screen')!.shadowRoot!.querySelector('.back')!;
      expect(linesOf(back, '戻る')).to.equal(1);
    });
  }
});

describe('phone rows and app bar at 390x844, ja and en', () => {
  for (const locale of ['ja', 'en'] as const) {
    for (const [hash, tag] of LISTS) {
      it(`${locale} ${hash}: rows equally tall with equal gaps, the app bar on at most two lines`, async () => {
        await setViewport({ width: 390, height: 844 });
        await resetAll();
        if (locale === 'en') localStorage.setItem('my-page.locale', 'en');
        const app = await readyAppAs(TARO.loginId, hash);
        const screen = await waitForElement(() => screenOf(app, tag), `no ${tag}`);
        await waitForElement(() => screen.shadowRoot!.querySelector('li[aria-posinset]'), 'no rows');
        await (screen as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        await document.fonts.ready;
        const list = screen.shadowRoot!.querySelector('mp-account-list')!;
        await list.updateComplete;
        expect(document.documentElement.lang).to.equal(locale);

        const boxes = [...screen.shadowRoot!.querySelectorAll<HTMLElement>('li[aria-posinset]')]
          .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
          .map((row) => row.getBoundingClientRect());
        expect(boxes.length).to.be.greaterThan(2);
        const heights = boxes.map((box) => Math.round(box.height));
        expect(Math.max(...heights) - Math.min(...heights), `row heights ${heights.join(', ')}`).to.be.at.most(1);
        const gaps = boxes.slice(1).map((box, i) => Math.round(box.top - boxes[i]!.bottom));
        expect(Math.max(...gaps) - Math.min(...gaps), `gaps ${gaps.join(', ')}`).to.be.at.most(1);

        const bar = app.shadowRoot!.querySelector('header.bar')!;
        expect(bar.textContent).to.contain(TARO.loginId);
        const parts = [...bar.children].map((el) => {
          const box = el.getBoundingClientRect();
          return `${el.className} ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`;
        });
        expect(barLines(bar), parts.join('; ')).to.be.at.most(2);
      });
    }
  }
});
