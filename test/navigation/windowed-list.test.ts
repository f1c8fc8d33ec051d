/**
 * Fast remote presses through a windowed list (issue 10, item 3): each Down
 * moves exactly one row or is dropped whole, never skips rows, and never
 * leaves the list while rows remain, because the list steps by index and
 * renders the next row on the spot instead of waiting for the scroll.
 */
import { expect } from '@open-wc/testing';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import {
  inScreen,
  loadedRows,
  readyAppAs,
  renderedRows,
  resetAll,
  screenOf,
  waitForElement,
} from '../support/app-harness.js';
import { needsHeldKeys, needsRawKeyCodes } from '../support/engine.js';
import { FakeClock } from '../support/fake-clock.js';
import { POSITION_INTERVAL_MS } from '../../src/components/mp-account-list.js';
import { TV, describeElement, inRow, nextFrame, tapKeys, tvKey, waitForFocus } from '../support/keys.js';

const HEAVY = 'heavy@example.jp';
const TAG = 'mp-history-screen';

/** 1-based position of the focused row, or 0 when focus is not on a row of the list. */
function focusedRow(): number {
  const row = deepActiveElement()?.closest('li[aria-posinset]');
  return row ? Number(row.getAttribute('aria-posinset')) : 0;
}

async function heavyHistory(): Promise<MyPageApp> {
  await resetAll();
  const app = await readyAppAs(HEAVY, '#/history');
  await waitForFocus(inRow, 'no row focused');
  expect(focusedRow()).to.equal(1);
  return app;
}

function pageRequests(mock: { requests: Array<{ path: string }> }): number {
  return mock.requests.filter((r) => r.path.includes('viewing-history') && r.path.includes('cursor=')).length;
}

describe('windowed list: fast presses', () => {
  // Back-to-back taps need CDP key dispatch. Over WebDriver (Firefox ESR), 40
  // concurrent tv-key calls moved 18 rows; whether Firefox or the driver loses
  // them is not known yet (issue 10), so these two run in Chromium only.
  it('taps dispatched back to back move exactly one row each and stay in the list', async function () {
    needsRawKeyCodes(this);
    const app = await heavyHistory();
    await tapKeys(TV.down, 40);
    expect(focusedRow(), describeElement(deepActiveElement())).to.equal(41);
    // The second page was asked for before focus got near its end.
    await waitForElement(() => (loadedRows(app, TAG) >= 100 ? document.body : null), 'no prefetch');
    await tapKeys(TV.down, 40);
    expect(focusedRow(), describeElement(deepActiveElement())).to.equal(81);
    await tapKeys(TV.up, 25);
    expect(focusedRow()).to.equal(56);
    expect(renderedRows(app, TAG)).to.be.below(70);
  });

  it('a held key moves one row per handled press, never skips, and stops on release', async function () {
    needsHeldKeys(this);
    const app = await heavyHistory();
    const steps: number[] = [];
    let previous = focusedRow();
    // On the document after the engine's capture listener: it sees where each press landed.
    const record = (event: KeyboardEvent): void => {
      if (event.key !== 'ArrowDown') return;
      const now = focusedRow();
      steps.push(now - previous);
      previous = now;
    };
    document.addEventListener('keydown', record, true);
    try {
      for (let burst = 0; burst < 3; burst++) await tvKey(TV.down, { repeat: 20, gapMs: 8 });
    } finally {
      document.removeEventListener('keydown', record, true);
    }
    expect(steps.length).to.equal(63);
    expect(
      steps.filter((step) => step !== 0 && step !== 1),
      `steps ${steps.join(',')}`,
    ).to.deep.equal([]);
    expect(focusedRow()).to.equal(1 + steps.filter((step) => step === 1).length);
    expect(focusedRow()).to.be.greaterThan(20);
    const released = focusedRow();
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(focusedRow()).to.equal(released);
    expect(loadedRows(app, TAG)).to.be.at.least(100);
  });

  it('at the last loaded row while the next page loads, presses are dropped, not sent to "load more"', async function () {
    needsRawKeyCodes(this);
    const mock = await resetAll();
    const app = await readyAppAs(HEAVY, '#/history');
    await waitForFocus(inRow, 'no row focused');
    mock.configure({ scenario: 'slow' });
    mock.clearRequests();
    await tapKeys(TV.down, 60);
    expect(describeElement(deepActiveElement())).to.match(/^li/);
    expect(focusedRow()).to.equal(50);
    // The request may still be on its way to the worker on a loaded machine.
    await waitForElement(() => (pageRequests(mock) > 0 ? document.body : null), 'no page request');
    expect(pageRequests(mock)).to.equal(1);
    mock.configure({ scenario: 'normal' });
    await waitForElement(() => (loadedRows(app, TAG) >= 100 ? document.body : null), 'second page never came');
    await tapKeys(TV.down, 1);
    expect(focusedRow()).to.equal(51);
  });

  it('the next page is requested while focus is still well above the last loaded row', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(HEAVY, '#/history');
    await waitForFocus(inRow, 'no row focused');
    mock.clearRequests();
    let row = 1;
    while (pageRequests(mock) === 0 && row < 50) {
      await tvKey(TV.down);
      row = focusedRow();
    }
    expect(pageRequests(mock)).to.equal(1);
    expect(row).to.be.at.most(50 - 15);
    expect(inScreen(app, TAG, 'button.load-more')).to.exist;
  });
});

/** The positions (aria-posinset) of the rows in the DOM, in order. */
function renderedPositions(app: MyPageApp): number[] {
  const rows = screenOf(app, TAG)!.shadowRoot!.querySelectorAll('li[aria-posinset]');
  return [...rows].map((row) => Number(row.getAttribute('aria-posinset'))).sort((a, b) => a - b);
}

describe('windowed list: what a press costs (issue 10)', () => {
  it("a press whose row is rendered moves focus only: the window follows after the press's frame", async function () {
    needsRawKeyCodes(this);
    // Rows rendered while each press is handled: from a window capture listener added before the
    // app (so before its engine's) to a bubble listener, which runs after the engine and its microtasks.
    let inPress: number | null = null;
    let renderedOutside = 0;
    const perPress: number[] = [];
    const start = (event: KeyboardEvent): void => {
      if (event.key === 'ArrowDown') inPress = 0;
    };
    const end = (event: KeyboardEvent): void => {
      if (event.key !== 'ArrowDown' || inPress === null) return;
      perPress.push(inPress);
      inPress = null;
    };
    window.addEventListener('keydown', start, true);
    window.addEventListener('keydown', end);
    try {
      const app = await heavyHistory();
      const list = screenOf(app, TAG)!.shadowRoot!.querySelector('mp-account-list')!;
      const renderRow = list.renderRow;
      list.renderRow = (item, index) => {
        if (inPress === null) renderedOutside++;
        else inPress++;
        return renderRow(item, index);
      };
      // 20 presses cross the window's 8-row blocks twice; the window moves each time.
      for (let i = 0; i < 20; i++) {
        await tvKey(TV.down);
        await waitForElement(
          () => (renderedPositions(app).includes(focusedRow() + 8) ? document.body : null),
          `the window did not follow focus to row ${focusedRow()}`,
        );
      }
    } finally {
      window.removeEventListener('keydown', start, true);
      window.removeEventListener('keydown', end);
    }
    expect(focusedRow()).to.equal(21);
    expect(perPress.join(','), 'rows rendered in each press').to.equal(Array.from({ length: 20 }, () => 0).join(','));
    expect(renderedOutside, 'the window never moved').to.be.greaterThan(0);
  });

  it('moving the window renders only the rows that come into it', async function () {
    needsRawKeyCodes(this);
    const app = await heavyHistory();
    const list = screenOf(app, TAG)!.shadowRoot!.querySelector('mp-account-list')!;
    const rendered: number[] = [];
    const renderRow = list.renderRow;
    list.renderRow = (item, index) => {
      rendered.push(index + 1);
      return renderRow(item, index);
    };
    // A new renderRow renders every row once (a screen passing a new one means new rows): that first.
    list.requestUpdate();
    await list.updateComplete;
    const before = renderedPositions(app);
    expect(rendered.sort((a, b) => a - b)).to.deep.equal(before);
    rendered.length = 0;
    await tapKeys(TV.down, 12);
    await waitForElement(
      () => (renderedPositions(app).at(-1)! > before.at(-1)! ? document.body : null),
      'the window never moved',
    );
    await list.updateComplete;
    const added = renderedPositions(app).filter((row) => !before.includes(row));
    expect(rendered.sort((a, b) => a - b)).to.deep.equal(added);
  });

  it('the position above the rows is written once per interval while presses come fast, then with its final value', async function () {
    needsRawKeyCodes(this);
    const app = await heavyHistory();
    const list = screenOf(app, TAG)!.shadowRoot!.querySelector('mp-account-list')!;
    const position = inScreen(app, TAG, '.list-position')!;
    // A clock that stands still: every press below comes inside one interval, however slow the machine.
    const clock = new FakeClock();
    list.clock = clock;
    const shows = (row: number): string => `${row} / ${list.items.length}${list.hasMore ? '+' : ''}`;
    const writes: string[] = [];
    const observer = new MutationObserver(() => writes.push(position.textContent ?? ''));
    observer.observe(position, { characterData: true, childList: true, subtree: true });
    try {
      // 12 presses, each with its frame (where the position is written) and crossing a block of the window.
      for (let i = 0; i < 12; i++) {
        await tvKey(TV.down);
        await nextFrame();
      }
      await list.updateComplete;
      await nextFrame();
      expect(focusedRow()).to.equal(13);
      // The first press wrote its position and opened the interval; the other 11 wrote nothing.
      expect(writes.length, `written: ${writes.join(', ')}`).to.equal(1);
      expect(writes[0]).to.match(/^2 \/ /);
      clock.advance(POSITION_INTERVAL_MS);
      // Written in the frame after the interval, as a press's position is, not from the timer's task.
      expect(position.textContent).to.match(/^2 \/ /);
      await nextFrame();
      expect(position.textContent).to.equal(shows(13));
      expect(writes.length, `written: ${writes.join(', ')}`).to.equal(2);
      // Nothing came in the interval that write opened: nothing more is written.
      clock.advance(POSITION_INTERVAL_MS);
      await nextFrame();
      expect(writes.length, `written: ${writes.join(', ')}`).to.equal(2);
      // A press after a quiet interval shows its own position in its next frame, the clock still standing.
      await tvKey(TV.down);
      await waitForElement(
        () => (position.textContent === shows(14) ? position : null),
        `the position says ${position.textContent}`,
      );
    } finally {
      observer.disconnect();
    }
  });

  it('a focused row has its ring and halo, without a scale, a z-index or a transition (each cost a restyle or a layout per press)', async function () {
    needsRawKeyCodes(this);
    await heavyHistory();
    // A key first: off the TV, focus that only landed draws no ring.
    await tvKey(TV.down);
    const row = deepActiveElement()!;
    expect(focusedRow()).to.equal(2);
    const style = getComputedStyle(row);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.boxShadow).to.not.equal('none');
    expect(style.transform).to.equal('none');
    expect(style.zIndex).to.equal('auto');
    expect(style.transitionDuration.split(',').every((d) => parseFloat(d) === 0)).to.equal(true);
  });
});
