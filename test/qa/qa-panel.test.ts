/**
 * The QA panel: opened by `?qa` or Yellow x4, driven by the remote alone, it
 * switches the mock's scenario and the page reacts; it shows the identity
 * state, each exchange with the guard's verdict, and each key with what it
 * was mapped to.
 */
import { expect } from '@open-wc/testing';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { SCENARIOS } from '../../src/mocks/index.js';
import { composedContains, deepActiveElement } from '../../src/navigation/dom.js';
import { clearTrace } from '../../src/qa/qa-trace.js';
import type { MpQaPanel } from '../../src/qa/qa-panel.js';
import {
  HANAKO,
  TARO,
  inScreen,
  mountApp,
  readyAppAs,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { needsRawKeyCodes } from '../support/engine.js';
import { TV, arrowTo, describeElement, press, tvKey, waitForFocus } from '../support/keys.js';

function panelOf(app: MyPageApp): MpQaPanel | null {
  return screenOf(app, 'mp-qa-panel');
}

function inPanel(app: MyPageApp, selector: string): HTMLElement | null {
  return panelOf(app)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function withQaParam(on: boolean): void {
  const search = new URLSearchParams(location.search);
  if (on) search.set('qa', '');
  else search.delete('qa');
  history.replaceState(null, '', `${location.pathname}?${search}${location.hash}`);
}

async function openPanelWithQaParam(hash: string, options: { tv?: boolean } = {}): Promise<MyPageApp> {
  withQaParam(true);
  const app = await mountApp(hash, options);
  await waitForElement(() => inPanel(app, 'button[data-scenario="normal"]'), 'the panel did not read the mock');
  return app;
}

describe('the QA panel', () => {
  beforeEach(async () => {
    await resetAll();
    clearTrace();
  });

  afterEach(() => withQaParam(false));

  it('opens with ?qa, traps focus, offers every scenario of the mock, and Back closes it', async () => {
    const app = await openPanelWithQaParam('#/');
    await waitForState(app, 'signed-out');
    const scenarios = [...panelOf(app)!.shadowRoot!.querySelectorAll('button[data-scenario]')].map((b) =>
      b.getAttribute('data-scenario'),
    );
    expect(scenarios).to.deep.equal(SCENARIOS.map((s) => s.name));
    expect(inPanel(app, 'button[data-scenario="normal"]')!.getAttribute('aria-pressed')).to.equal('true');
    // Focus is inside the panel, and arrows cannot leave it.
    await waitForFocus((el) => panelOf(app)!.shadowRoot!.contains(el), 'focus not in the panel');
    for (let i = 0; i < 6; i++) await press('ArrowLeft');
    expect(panelOf(app)!.shadowRoot!.contains(deepActiveElement())).to.equal(true);
    await press('Escape');
    await waitForElement(() => (panelOf(app) ? null : app), 'Back did not close the panel');
    // Opened while the page was still loading: focus comes back to the app (where it was), not to <body>.
    await waitForFocus((el) => el !== app && composedContains(app, el), 'focus lost to <body>');
  });

  it('closing the panel returns focus to where it was', async () => {
    const app = await readyAppAs(TARO.loginId, '#/');
    const opener = await waitForFocus((el) => el.matches('a[data-route]'), 'no menu item focused');
    await press('ArrowDown');
    const before = deepActiveElement()!;
    expect(before).not.to.equal(opener);
    (app as unknown as { _toggleQa(): void })._toggleQa();
    await waitForFocus((el) => panelOf(app)?.shadowRoot?.contains(el) ?? false, 'focus not in the panel');
    await press('Escape');
    await waitForFocus((el) => el === before, `focus did not return to ${describeElement(before)}`);
  });

  it('switches the scenario with arrows and OK, and the page reacts: foreign-account stops the contract screen', async () => {
    const app = await readyAppAs(TARO.loginId, '#/contract');
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'no contract');
    withQaParam(true);
    app.remove();
    const again = await openPanelWithQaParam('#/contract');
    await waitForState(again, 'ready');
    await waitForFocus((el) => panelOf(again)!.shadowRoot!.contains(el), 'focus not in the panel');
    await arrowTo(inPanel(again, 'button[data-scenario="foreign-account"]')!);
    await press('Enter');
    await waitForElement(
      () =>
        inPanel(again, 'button[data-scenario="foreign-account"]')?.getAttribute('aria-pressed') === 'true'
          ? again
          : null,
      'the scenario was not applied',
    );
    // Applies to the mock backend itself (what a reload would also see).
    const config = (await (await fetch('/__mock/config')).json()) as { config: { scenario: string } };
    expect(config.config.scenario).to.equal('foreign-account');

    // Limit it to the contract endpoint, still by remote.
    await arrowTo(inPanel(again, 'button[data-endpoint="contract"]')!);
    await press('Enter');
    await waitForElement(
      () =>
        inPanel(again, 'button[data-endpoint="contract"]')?.getAttribute('aria-pressed') === 'true' ? again : null,
      'the endpoint was not applied',
    );
    await press('Escape');
    await waitForElement(() => (panelOf(again) ? null : again), 'the panel stayed open');

    // The contract screen reads again: the answer is foreign, the guard refuses it, the page stops.
    location.hash = '#/';
    await waitForElement(() => screenOf(again, 'mp-menu-screen'), 'no menu');
    location.hash = '#/contract';
    await waitForState(again, 'identity-stop');
    await waitForElement(() => inScreen(again, 'mp-identity-stop-screen', '.reason'), 'no identity-stop screen');
  });

  it('shows each request with its requestId, the accountId received and the verdict of the guard', async () => {
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await waitForElement(() => inScreen(app, 'mp-favorites-screen', 'li'), 'no favorites');
    await fetch('/__mock/config', {
      method: 'POST',
      body: JSON.stringify({ scenario: 'foreign-account', endpoint: 'contract' }),
    });
    location.hash = '#/contract';
    await waitForState(app, 'identity-stop');
    sessionStorage.setItem('my-page.qa-open', '1');
    app.remove();
    const again = await mountApp('#/');
    const refused = await waitForElement(
      () => inPanel(again, 'tr[data-request-id] td.refused'),
      'no refused answer listed',
    );
    const row = refused.closest('tr')!;
    expect(row.textContent).to.contain('GET /contract');
    expect(row.textContent).to.contain(HANAKO.accountId);
    expect(row.textContent).to.contain('identity: envelope-account');
    expect(row.getAttribute('data-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const accepted = [...panelOf(again)!.shadowRoot!.querySelectorAll('tr[data-request-id] td.accepted')].map(
      (td) => td.closest('tr')!.textContent ?? '',
    );
    expect(accepted.filter((text) => text.includes('GET /favorites') && text.includes(TARO.accountId))).to.have.length(
      1,
    );
  });

  it('logs in as the chosen demo account through the real login', async () => {
    const app = await openPanelWithQaParam('#/');
    await waitForState(app, 'signed-out');
    await arrowTo(inPanel(app, `button[data-login-id="${HANAKO.loginId}"]`)!);
    await press('Enter');
    await waitForState(app, 'ready');
    expect(app.identity.snapshot.loginId).to.equal(HANAKO.loginId);
    await waitForElement(
      () =>
        inPanel(app, `button[data-login-id="${HANAKO.loginId}"]`)?.getAttribute('aria-pressed') === 'true' ? app : null,
      'the panel does not show who is logged in',
    );
  });

  it("approves the TV's code as a demo account, and the TV asks its account question", async () => {
    const app = await openPanelWithQaParam('#/', { tv: true });
    await waitForState(app, 'signed-out');
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'mp-device-code'), 'no code on the TV');
    await arrowTo(inPanel(app, `button[data-approve-as="${TARO.loginId}"]`)!);
    await press('Enter');
    const question = await waitForElement(() => inScreen(app, 'mp-login-screen', '.question'), 'no account question');
    expect(question.textContent).to.contain('ta***@example.jp');
    // Nothing is adopted before the customer's Yes.
    expect(app.getAttribute('state')).to.equal('signed-out');
  });

  it('lists the key codes received with what they were mapped to, and Yellow x4 toggles it', async function () {
    needsRawKeyCodes(this);
    const app = await readyAppAs(TARO.loginId, '#/');
    expect(panelOf(app)).to.equal(null);
    for (let i = 0; i < 4; i++) await tvKey(TV.yellow);
    const table = await waitForElement(() => inPanel(app, 'table.keys'), 'Yellow x4 did not open the panel');
    const rows = [...table.querySelectorAll('tr')].slice(1).map((tr) =>
      [...tr.querySelectorAll('td')]
        .slice(1)
        .map((td) => td.textContent)
        .join(' '),
    );
    expect(rows.slice(0, 4)).to.deep.equal(Array(4).fill('405 ColorF2Yellow  color:yellow'));
    await tvKey(TV.tizenBack);
    await waitForElement(() => (panelOf(app) ? null : app), 'Tizen Back did not close the panel');
    for (let i = 0; i < 4; i++) await tvKey(TV.yellow);
    await waitForElement(() => inPanel(app, 'table.keys'), 'the panel did not open again');
    const newest = inPanel(app, 'table.keys tr:nth-child(6) td:last-child');
    expect(newest?.textContent).to.equal('back');
    expect(describeElement(deepActiveElement())).to.not.equal('(nothing)');
  });
});
