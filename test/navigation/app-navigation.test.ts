/**
 * The My Page with a remote alone: arrows, OK, Back (and the TV key codes),
 * from login through every screen, with focus always somewhere visible.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { MENU_ROUTES } from '../../src/app/route-paths.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import {
  TARO,
  inScreen,
  loadedRows,
  mountApp,
  readyAppAs,
  renderedRows,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { TV, arrowTo, describeElement, inRow, nextFrame, press, tvKey, waitForFocus } from '../support/keys.js';
import { needsHeldKeys, needsRawKeyCodes, sendsHeldKeys } from '../support/engine.js';

function menuLink(app: MyPageApp, route: string): HTMLElement {
  return inScreen(app, 'mp-menu-screen', `a[data-route="${route}"]`)!;
}

/** Every menu entry: where it leads, what shows its data, where focus lands. */
const screens = MENU_ROUTES.map(({ path, tag, shows, lands }) => ({ route: path, tag, ready: shows, first: lands }));

describe('the My Page with a remote alone', () => {
  it('logs in with arrows, OK and typing on the on-screen keyboard', async () => {
    await resetAll();
    const app = await mountApp('#/');
    await waitForState(app, 'signed-out');
    const loginId = await waitForFocus((el) => el.getAttribute('name') === 'loginId', 'focus not on the login id');
    await tvKey(TV.ok);
    expect(describeElement(deepActiveElement())).to.equal(describeElement(loginId));
    await sendKeys({ type: TARO.loginId });
    await press('ArrowDown');
    expect(deepActiveElement()!.getAttribute('name')).to.equal('password');
    await tvKey(TV.ok);
    await sendKeys({ type: 'mypage-demo' });
    await press('ArrowDown');
    expect(deepActiveElement()!.getAttribute('type')).to.equal('submit');
    await tvKey(TV.ok);
    await waitForState(app, 'ready');
    await waitForFocus((el) => el.dataset.route === '/contract', 'focus did not land on the first menu item');
  });

  it('opens every screen from the menu, lands on its first useful element, and Back returns to the opener', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForFocus((el) => el.dataset.route === '/contract', 'no focus on the menu');
    for (const { route, tag, ready, first } of screens) {
      await arrowTo(menuLink(app, route));
      await tvKey(TV.ok);
      await waitForElement(() => inScreen(app, tag, ready), `${route} did not render`);
      await waitForFocus(
        (el) => el.matches(first) && (first === 'a.back' || !!screenOf(app, tag)?.shadowRoot?.contains(el)),
        `${route}: focus not on ${first}`,
      );
      await press('Escape');
      const back = await waitForFocus((el) => el.dataset.route === route, `Back did not return focus to ${route}`);
      expect(back.getAttribute('aria-current')).to.equal('true');
    }
  });

  it('Tizen (10009) and webOS (461) Back keys go back; Back at the menu leaves via history', async function () {
    needsRawKeyCodes(this);
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForFocus((el) => el.dataset.route === '/contract', 'no menu focus');
    await tvKey(TV.ok);
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    await tvKey(TV.tizenBack);
    await waitForFocus((el) => el.dataset.route === '/contract', 'Tizen Back');
    await arrowTo(menuLink(app, '/favorites'));
    await tvKey(TV.ok);
    await waitForElement(() => inScreen(app, 'mp-favorites-screen', 'li'), 'no favorites');
    await tvKey(TV.webosBack);
    await waitForFocus((el) => el.dataset.route === '/favorites', 'webOS Back');
  });

  it('a screen opened directly by URL goes Back to the menu, not out of the app', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/devices');
    await waitForElement(() => inScreen(app, 'mp-devices-screen', 'li'), 'no devices');
    await press('Escape');
    await waitForElement(() => screenOf(app, 'mp-menu-screen'), 'not at the menu');
    expect(location.hash).to.equal('#/');
  });

  it('digit keys open menu entries; blue switches the language; yellow loads more; red goes to the menu', async function () {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForFocus((el) => el.dataset.route === '/contract', 'no menu focus');
    await press('5');
    await waitForElement(() => inScreen(app, 'mp-history-screen', 'li'), 'digit 5 did not open the history');
    const rows = () => loadedRows(app, 'mp-history-screen');
    expect(rows()).to.equal(50);
    needsRawKeyCodes(this);
    await tvKey(TV.yellow);
    await waitForElement(() => (rows() > 50 ? document.body : null), 'yellow did not load more');
    await tvKey(TV.blue);
    await waitForElement(
      () => (document.documentElement.lang === 'en' ? document.body : null),
      'blue did not switch language',
    );
    await tvKey(TV.red);
    await waitForElement(() => screenOf(app, 'mp-menu-screen'), 'red did not go to the menu');
  });

  it('holding Down through 5,000 entries prefetches pages ahead of focus; the DOM stays small', async function () {
    needsHeldKeys(this);
    await resetAll();
    const app = await readyAppAs('heavy@example.jp', '#/history');
    await waitForFocus((el) => inRow(el), 'no row focused');
    expect(loadedRows(app, 'mp-history-screen')).to.equal(50);
    for (let burst = 0; burst < 4; burst++) await tvKey(TV.down, { repeat: 15, gapMs: 35 });
    // More pages arrived without anyone pressing "more", and focus is still on a row.
    await waitForElement(() => (loadedRows(app, 'mp-history-screen') >= 100 ? document.body : null), 'no prefetch');
    await nextFrame();
    expect(inRow(deepActiveElement())).to.equal(true);
    expect(renderedRows(app, 'mp-history-screen')).to.be.below(60);
    // The rows scroll inside their own area; the page (and the screen's header) stays.
    expect(inScreen(app, 'mp-history-screen', '.list-scroller')!.scrollTop).to.be.greaterThan(1000);
  });

  it('at the end of a list the footer says so and focus stays on a row', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/history');
    await waitForFocus((el) => inRow(el), 'no row focused');
    if (sendsHeldKeys) for (let i = 0; i < 6; i++) await tvKey(TV.down, { repeat: 15, gapMs: 30 });
    else for (let i = 0; i < 96; i++) await tvKey(TV.down);
    await waitForElement(() => inScreen(app, 'mp-history-screen', '.end'), 'no end of list');
    expect(loadedRows(app, 'mp-history-screen')).to.equal(80);
    expect(inRow(deepActiveElement())).to.equal(true);
  });

  it('focus survives a route change', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/history');
    await waitForFocus((el) => inRow(el), 'no row focused');
    location.hash = '#/favorites';
    await waitForFocus(
      (el) => inRow(el) && !!screenOf(app, 'mp-favorites-screen')?.shadowRoot?.contains(el),
      'focus lost on route change',
    );
  });

  it('on an identity-stop, focus lands on "log in again"', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    await waitForFocus((el) => el.dataset.route === '/contract', 'no menu focus');
    mock.configure({ scenario: 'foreign-account', endpoint: 'contract' });
    await tvKey(TV.ok);
    await waitForState(app, 'identity-stop');
    await waitForFocus((el) => el.classList.contains('login-again'), 'focus not on log in again');
    await tvKey(TV.ok);
    await waitForState(app, 'signed-out');
    await waitForFocus((el) => el.getAttribute('name') === 'loginId', 'focus not on the login form');
  });

  it('moving up from the content reaches the header, and down returns to where it left the content', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await waitForFocus((el) => inRow(el), 'no row');
    await press('ArrowDown', 'ArrowDown');
    let lastInContent = describeElement(deepActiveElement());
    for (let i = 0; i < 8 && !/^button\.(language|logout)/.test(describeElement(deepActiveElement())); i++) {
      lastInContent = describeElement(deepActiveElement());
      await press('ArrowUp');
    }
    expect(describeElement(deepActiveElement())).to.match(/^button\.(language|logout)$/);
    await press('ArrowDown');
    expect(describeElement(deepActiveElement())).to.equal(lastInContent);
    expect(app.getAttribute('state')).to.equal('ready');
  });
});
