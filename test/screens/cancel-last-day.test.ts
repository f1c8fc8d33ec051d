/** Cancelling says the last day of use (the day before nextBillingDate), in both languages. */
import { expect } from '@open-wc/testing';
import { createI18n, dayBefore, loadMessages } from '../../src/i18n/i18n.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';

describe('cancellation last day', () => {
  it('the day before crosses month and year ends', () => {
    expect(dayBefore('2026-12-01')).to.equal('2026-11-30');
    expect(dayBefore('2028-03-01')).to.equal('2028-02-29');
    expect(dayBefore('2027-01-01')).to.equal('2026-12-31');
  });

  it('membership and its confirmation name 11月30日 for a next billing date of 12月1日', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership');
    const section = await waitForElement(
      () => inScreen(app, 'mp-membership-screen', 'section[aria-labelledby=cancel] p'),
      'no cancel text',
    );
    expect(section.textContent).to.contain('11月30日');
    expect(section.textContent).not.to.contain('前日');
    inScreen(app, 'mp-membership-screen', 'button.cancel-contract')!.click();
    const dialog = await waitForElement(
      () => screenOf(app, 'mp-membership-screen')!.shadowRoot!.querySelector('mp-confirm-dialog'),
      'no dialog',
    );
    await (dialog as HTMLElementTagNameMap['mp-confirm-dialog']).updateComplete;
    const message = dialog.shadowRoot!.querySelector('#message')!.textContent!;
    expect(message).to.contain('11月30日');
    expect(message).not.to.contain('12月1日');
  });

  it('English names the same last day', async () => {
    const en = createI18n('en', await loadMessages('en'));
    const text = en.m.procedures.cancelMessage(en.date(dayBefore('2026-12-01')));
    expect(text).to.contain('Nov 30');
    expect(text).not.to.contain('day before');
  });
});
