/**
 * Issue 13 item 2: a phone (390x844) shows every value of every list row:
 * no ellipsis, no hidden overflow, nothing past the row; the action button
 * is not half the row; Back stays one line.
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
  await setViewport({ width: 800, height: 600 });
});

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
