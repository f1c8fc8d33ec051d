/**
 * Rows focus as rows (issue 13 item 8): in history, favorites and devices the
 * row is the focus stop and its Remove / Deregister button a second stop,
 * reached by Right or OK; moving down never highlights it. Membership lands
 * on Back, not on "Cancel contract". The rows scroll inside their own area,
 * so the screen's header and the position ("12 / 80") stay on screen.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { TV, describeElement, press, scrollSettled, tvKey, waitForFocus } from '../support/keys.js';

/** 1-based position of the focused row, 0 when focus is not on a row itself. */
function focusedRowIndex(): number {
  const active = deepActiveElement();
  return active?.tagName === 'LI' ? Number(active.getAttribute('aria-posinset')) : 0;
}

function headerOf(app: MyPageApp, tag: keyof HTMLElementTagNameMap): HTMLElement {
  return screenOf(app, tag)!.shadowRoot!.querySelector('mp-screen')!.shadowRoot!.querySelector('h1')!;
}

const lists = [
  { hash: '#/history', tag: 'mp-history-screen' },
  { hash: '#/favorites', tag: 'mp-favorites-screen' },
  { hash: '#/devices', tag: 'mp-devices-screen' },
] as const;

describe('list rows: the row is the focus stop, its action a second one', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const { hash, tag } of lists) {
    it(`${hash}: Down moves row to row and never onto Remove; Right and OK reach it, Left returns`, async () => {
      await resetAll();
      const app = await readyAppAs(TARO.loginId, hash);
      await waitForFocus((el) => el.tagName === 'LI', `${hash}: focus did not land on a row`);
      expect(focusedRowIndex()).to.equal(1);
      // Devices has four rows: the walk stays above the last one.
      for (let row = 2; row <= 3; row++) {
        await press('ArrowDown');
        expect(focusedRowIndex(), describeElement(deepActiveElement())).to.equal(row);
      }
      await press('ArrowRight');
      expect(describeElement(deepActiveElement())).to.equal('button.remove');
      expect(deepActiveElement()!.closest('li')!.getAttribute('aria-posinset')).to.equal('3');
      // Down from the action goes to the next row, not to the next action.
      await press('ArrowDown');
      expect(focusedRowIndex(), describeElement(deepActiveElement())).to.equal(4);
      await press('ArrowRight');
      await press('ArrowLeft');
      expect(focusedRowIndex()).to.equal(4);
      // OK on the row opens its actions: focus on Remove, nothing sent, no dialog yet.
      await tvKey(TV.ok);
      expect(describeElement(deepActiveElement())).to.equal('button.remove');
      expect(inScreen(app, tag, 'mp-confirm-dialog')).to.equal(null);
    });
  }

  for (const { hash, tag, title } of [
    { hash: '#/downloads', tag: 'mp-downloads-screen', title: '.row-title' },
    { hash: '#/payments', tag: 'mp-payments-screen', title: '.row-title' },
  ] as const) {
    it(`${hash}: a row without an action opens its details on OK; Back closes them, focus back on the row`, async () => {
      await resetAll();
      const app = await readyAppAs(TARO.loginId, hash);
      await waitForFocus((el) => el.tagName === 'LI', 'no row focused');
      await press('ArrowDown');
      expect(focusedRowIndex()).to.equal(2);
      const row = deepActiveElement()!;
      const rowTitle = row.querySelector(title)!.textContent!.trim();
      await tvKey(TV.ok);
      const dialog = await waitForElement(() => inScreen(app, tag, 'mp-details-dialog'), 'OK opened nothing');
      await waitForFocus('button.close', 'Close not focused');
      expect(dialog.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal(rowTitle);
      expect(dialog.shadowRoot!.querySelectorAll('dd').length).to.equal(3);
      // Trapped: arrows stay on Close.
      await press('ArrowUp', 'ArrowLeft');
      expect(describeElement(deepActiveElement())).to.equal('button.close');
      await press('Escape');
      await waitForElement(() => (inScreen(app, tag, 'mp-details-dialog') ? null : app), 'Back did not close');
      await waitForFocus((el) => el === row, 'focus not back on the row');
    });
  }

  it('the action buttons are named starting with their visible text', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/devices');
    const button = await waitForElement(() => inScreen(app, 'mp-devices-screen', 'li button.remove'), 'no rows');
    const visible = button.textContent!.trim();
    expect(visible).to.equal('登録解除');
    expect(button.getAttribute('aria-label')!.startsWith(visible)).to.equal(true);
  });

  it('"this device" is marked in the device list, once', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/devices');
    await waitForElement(() => inScreen(app, 'mp-devices-screen', 'li'), 'no rows');
    const rows = [...screenOf(app, 'mp-devices-screen')!.shadowRoot!.querySelectorAll('li')];
    const marked = rows.filter((row) => row.querySelector('.this-device'));
    expect(marked.map((row) => row.querySelector('.row-title')!.textContent!.trim())).to.deep.equal([
      '太郎のiPhone この端末',
    ]);
  });

  it('membership opens with focus on Back, not on "Cancel contract"', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership');
    await waitForElement(() => inScreen(app, 'mp-membership-screen', 'button.cancel-contract'), 'no membership');
    const focused = await waitForFocus('a.back', 'focus not on Back');
    // Still there once the data has rendered (landing keeps going until a key is pressed).
    await waitForElement(() => inScreen(app, 'mp-membership-screen', 'button.logout-all'), 'no sign-out-all');
    expect(deepActiveElement()).to.equal(focused);
  });

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const) {
    it(`${width}x${height}: rows scroll in their area; the header and "21 / 80" stay on screen`, async () => {
      await setViewport({ width, height });
      await resetAll();
      const app = await readyAppAs(TARO.loginId, '#/history', { tv: width > 1000 });
      await waitForFocus((el) => el.tagName === 'LI', 'no row');
      const scroller = await waitForElement(
        () => inScreen(app, 'mp-history-screen', '.list-scroller[data-nav-scroller]'),
        'no inner scroller',
      );
      const position = inScreen(app, 'mp-history-screen', '.list-position')!;
      // Of the rows loaded ("+": more pages behind a cursor); the next page may already be prefetched.
      const loaded = (): string => {
        const list = screenOf(app, 'mp-history-screen')!.shadowRoot!.querySelector('mp-account-list')!;
        return `${list.items.length}${list.hasMore ? '+' : ''}`;
      };
      expect(position.textContent).to.equal(`1 / ${loaded()}`);
      for (let i = 0; i < 20; i++) await press('ArrowDown');
      await scrollSettled(app, scroller);
      expect(focusedRowIndex()).to.equal(21);
      await waitForElement(
        () => (position.textContent === `21 / ${loaded()}` ? position : null),
        `position says ${position.textContent}`,
      );
      expect(scroller.scrollTop).to.be.greaterThan(0);
      expect(document.scrollingElement!.scrollTop).to.equal(0);
      const inside = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      };
      expect(inside(headerOf(app, 'mp-history-screen')), 'heading off screen').to.equal(true);
      expect(inside(position), 'position off screen').to.equal(true);
      const area = scroller.getBoundingClientRect();
      // The position is a box of its own size (a layout boundary: its text changes on every press), so
      // its text must fit that box's line and width and never run into the rows below it.
      const text = document.createRange();
      text.selectNodeContents(position);
      const [inner, outer] = [text.getBoundingClientRect(), position.getBoundingClientRect()];
      // Where the rows start to show: the scroller's padding is room for the focus ring.
      const rowsTop = area.top + parseFloat(getComputedStyle(scroller).paddingTop);
      expect(inner.width, 'position text empty').to.be.greaterThan(0);
      expect(outer.height, 'position box shorter than its line').to.be.at.least(inner.height * 0.8);
      expect(inner.left, 'position text wider than its box').to.be.at.least(outer.left - 0.5);
      expect(inner.bottom, 'position text over the rows').to.be.at.most(rowsTop + 0.5);
      const row = deepActiveElement()!.getBoundingClientRect();
      expect(row.top).to.be.at.least(area.top - 1);
      expect(row.bottom).to.be.at.most(area.bottom + 1);
      // The footer ("load more") is on screen too, below the rows.
      expect(inside(inScreen(app, 'mp-history-screen', '.more')!), 'footer off screen').to.equal(true);
    });
  }
});
