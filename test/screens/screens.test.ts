/** Every screen renders the verified account's data from the mock backend. */
import { expect } from '@open-wc/testing';
import { TARO, inScreen, loadedRows, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { pageText } from '../support/page-strings.js';
import { dataScreens, listScreens } from '../support/screens.js';

describe('screens', () => {
  it('the menu links every screen by its contract route', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForElement(() => inScreen(app, 'mp-menu-screen', 'a[data-route]'), 'no menu');
    const routes = [...screenOf(app, 'mp-menu-screen')!.shadowRoot!.querySelectorAll('a[data-route]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(routes).to.deep.equal([
      '#/contract',
      '#/devices',
      '#/payments',
      '#/payment-method',
      '#/history',
      '#/downloads',
      '#/favorites',
      '#/membership',
    ]);
  });

  it('contract: plan, status, fee in JPY, next billing date and card last 3', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    const text = (selector: string) => inScreen(app, 'mp-contract-screen', selector)!.textContent!.trim();
    expect(text('.plan')).to.equal('プレミアム');
    expect(text('.status')).to.equal('ご契約中');
    expect(text('.fee')).to.match(/^[￥¥]2,530$/);
    expect(text('.card')).to.contain('123');
    expect(text('.billing')).to.match(/^\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('every screen of an endpoint renders its data (devices, payment method, membership...)', async function () {
    // Every data screen in one test: WebKitGTK under Xvfb on 2 busy cores took over 10 s for five.
    this.timeout(60_000);
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/devices');
    await waitForElement(() => inScreen(app, 'mp-devices-screen', 'li'), 'no devices');
    for (const { hash, tag, shown } of dataScreens()) {
      location.hash = hash;
      await waitForElement(() => inScreen(app, tag, shown), `${tag} shows nothing`);
      if (tag === 'mp-membership-screen') expect(inScreen(app, tag, '.plan')!.textContent).to.equal('プレミアム');
    }
  });

  it('payments and viewing history page by cursor to the end', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/history');
    await waitForElement(() => inScreen(app, 'mp-history-screen', 'li'), 'no history');
    const rows = () => loadedRows(app, 'mp-history-screen');
    const first = rows();
    expect(first).to.equal(50);
    for (let guard = 0; guard < 10; guard++) {
      const more = inScreen(app, 'mp-history-screen', 'button.load-more') as HTMLButtonElement | null;
      if (!more) break;
      const before = rows();
      more.click();
      await waitForElement(() => (rows() > before ? document.body : null), 'next page never came');
    }
    expect(inScreen(app, 'mp-history-screen', '.end')).to.exist;
    expect(rows()).to.be.greaterThan(first);

    // A short list: the second page is prefetched without a key press, up to the end.
    location.hash = '#/payments';
    await waitForElement(() => inScreen(app, 'mp-payments-screen', '.end'), 'payments not loaded to the end');
    expect(loadedRows(app, 'mp-payments-screen')).to.equal(30);
  });

  it('an account with empty lists says so on every list screen', async () => {
    await resetAll();
    const app = await readyAppAs('empty@example.jp', '#/devices');
    for (const { hash, tag } of listScreens()) {
      location.hash = hash;
      await waitForElement(() => inScreen(app, tag, '.empty'), `${tag} has no empty state`);
    }
  });

  it('English is selectable, and dates and money follow it', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    (app.shadowRoot!.querySelector('button.language') as HTMLButtonElement).click();
    await waitForElement(
      () => (inScreen(app, 'mp-contract-screen', '.status')?.textContent?.trim() === 'Active' ? document.body : null),
      'not English',
    );
    expect(document.documentElement.lang).to.equal('en');
    expect(inScreen(app, 'mp-contract-screen', '.billing')!.textContent).to.match(
      /[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    );
    expect(pageText()).to.contain('Log out');
    expect(localStorage.getItem('my-page.locale')).to.equal('en');
  });

  it('times are shown in Asia/Tokyo whatever the device zone', async () => {
    const { createI18n, loadMessages, shellI18n } = await import('../../src/i18n/i18n.js');
    // 2026-01-31T15:30Z is 1 Feb 00:30 in Tokyo.
    expect(shellI18n().dateTime('2026-01-31T15:30:00Z')).to.contain('2月1日');
    expect(createI18n('en', await loadMessages('en')).dateTime('2026-01-31T15:30:00Z')).to.contain('Feb 1');
    expect(shellI18n().date('2026-02-01')).to.contain('2月1日');
  });

  it('logout returns to the login screen with nothing of the account left', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    (app.shadowRoot!.querySelector('button.logout') as HTMLButtonElement).click();
    const dialog = await waitForElement(() => app.shadowRoot!.querySelector('mp-confirm-dialog'), 'no confirmation');
    (dialog.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'form'), 'no login');
    expect(pageText()).not.to.contain('プレミアム');
    expect(pageText()).not.to.contain(TARO.loginId);
  });
});
