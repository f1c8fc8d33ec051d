/**
 * Fast remote presses through a windowed list (issue 10, item 3): each Down
 * moves exactly one row or is dropped whole, never skips rows, and never
 * leaves the list while rows remain, because the list steps by index and
 * renders the next row on the spot instead of waiting for the scroll.
 */
import { expect } from '@open-wc/testing';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { inScreen, loadedRows, readyAppAs, renderedRows, resetAll, waitForElement } from '../support/app-harness.js';
import { needsHeldKeys, needsRawKeyCodes } from '../support/engine.js';
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
    // Registered after the engine's capture listener: it sees where each press landed.
    const record = (event: KeyboardEvent): void => {
      if (event.key !== 'ArrowDown') return;
      const now = focusedRow();
      steps.push(now - previous);
      previous = now;
    };
    window.addEventListener('keydown', record, true);
    try {
      for (let burst = 0; burst < 3; burst++) await tvKey(TV.down, { repeat: 20, gapMs: 8 });
    } finally {
      window.removeEventListener('keydown', record, true);
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
