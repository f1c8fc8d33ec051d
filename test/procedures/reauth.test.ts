/**
 * Re-authentication before the sensitive actions (contract section 5): the
 * card change, the contract cancel and sign-out-all ask for a fresh proof
 * when authTime is older than 5 minutes (the mock's clock is moved on through
 * /__mock/clock, not waited for), before a card number can be typed.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import { DEMO_PASSWORD } from '../../src/mocks/demo-accounts.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import {
  HANAKO,
  TARO,
  inScreen,
  loginElsewhere,
  mountApp,
  readyAppAs,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { sendsRawKeyCodes } from '../support/engine.js';
import { TV, describeElement, press, tvKey, waitForFocus } from '../support/keys.js';
import { pageText } from '../support/page-strings.js';

const SIX_MINUTES = 6 * 60_000;

/** Ages every session's authTime on the server's clock, as the QA helper does. */
async function ageSessions(ms = SIX_MINUTES): Promise<void> {
  const response = await fetch('/__mock/clock', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  expect(response.status).to.equal(200);
}

/**
 * Ages the proof of an open page: the page learns the server's time from the
 * Date header of its session reads (on becoming visible, before each
 * mutation), so after the jump it reads the session once, as it would.
 */
async function ageOpenPage(mock: MockBackend, app: MyPageApp): Promise<void> {
  await ageSessions();
  const reads = requestsTo(mock, '/api/auth/session').length;
  document.dispatchEvent(new Event('visibilitychange'));
  await waitForRequests(mock, '/api/auth/session', reads + 1);
  // The read reached the mock; its answer (and the server time in it) must reach the page too.
  await waitForElement(() => (app.identity.needsFreshProof() ? app : null), 'the page never learned the new time');
}

/** Logged in more than 5 minutes ago (on the server's clock), then the app mounted at `hash`. */
async function agedAppAs(loginId: string, hash: string, options: { tv?: boolean } = {}): Promise<MyPageApp> {
  await loginElsewhere(loginId);
  await ageSessions();
  const app = await mountApp(hash, options);
  await waitForState(app, 'ready');
  return app;
}

const inCard = (app: MyPageApp, selector: string) => inScreen(app, 'mp-card-change-screen', selector);
const inMembership = (app: MyPageApp, selector: string) => inScreen(app, 'mp-membership-screen', selector);

function promptIn(app: MyPageApp, tag: keyof HTMLElementTagNameMap): HTMLElement | null {
  return inScreen(app, tag, 'mp-reauth-prompt');
}

function inPrompt(prompt: HTMLElement, selector: string): HTMLElement | null {
  return prompt.shadowRoot!.querySelector<HTMLElement>(selector);
}

type ScreenTag = keyof HTMLElementTagNameMap;

async function waitForPrompt(app: MyPageApp, tag: ScreenTag = 'mp-card-change-screen'): Promise<HTMLElement> {
  return waitForElement(() => promptIn(app, tag), 'no re-authentication prompt');
}

/** Types the password with real key events and presses Enter in the field. */
async function typePassword(prompt: HTMLElement, password: string): Promise<void> {
  const input = inPrompt(prompt, 'input[name=password]') as HTMLInputElement;
  input.focus();
  await sendKeys({ type: password });
  await press('Enter');
}

function requestsTo(mock: MockBackend, path: string) {
  return mock.requests.filter((r) => r.path === path);
}

async function waitForRequests(mock: MockBackend, path: string, count: number): Promise<void> {
  const arrived = () => (requestsTo(mock, path).length >= count ? document.body : null);
  await waitForElement(arrived, `${count} × ${path} never arrived`);
}

/** The step-up code the TV shows inside the prompt (the phone method's panel). */
async function waitForStepUpCode(app: MyPageApp): Promise<string> {
  const code = await waitForElement(
    () => inCard(app, 'mp-step-up-panel')?.shadowRoot?.querySelector<HTMLElement>('mp-device-code') ?? null,
    'no step-up code',
  );
  return code.getAttribute('user-code')!;
}

/** The phone's approval, as the QA panel sends it (the phone page has its own tests). */
async function approveOnPhone(loginId: string, userCode: string): Promise<Response> {
  return fetch('/__mock/device/approve', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ loginId, userCode }),
  });
}

async function waitForCardForm(app: MyPageApp): Promise<HTMLInputElement> {
  const form = await waitForElement(() => inCard(app, 'input[name=cardNumber]'), 'no card form');
  return form as HTMLInputElement;
}

async function fillCard(app: MyPageApp): Promise<void> {
  for (const [name, value] of [
    ['cardNumber', '4242424242424242'],
    ['cardExpiry', '0829'],
    ['cardCvc', '987'],
    ['cardHolder', 'TARO YAMADA'],
  ] as const) {
    (inCard(app, `input[name=${name}]`) as HTMLInputElement).focus();
    await sendKeys({ type: value });
  }
}

describe('re-authentication before the sensitive actions', () => {
  it('card change, fresh login: no prompt, the form at once', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    expect(promptIn(app, 'mp-card-change-screen')).to.equal(null);
    expect(requestsTo(mock, '/api/auth/reauth')).to.deep.equal([]);
  });

  it('card change, old authTime: the prompt first, no card field until the password is given', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card');
    const prompt = await waitForPrompt(app);
    // The dialog traps focus and starts in the password field.
    await waitForFocus('input[name=password]');
    expect(inPrompt(prompt, 'input[name=password]')!.getAttribute('autocomplete')).to.equal('current-password');
    expect(inCard(app, 'input[name=cardNumber]')).to.equal(null);
    expect(inPrompt(prompt, '[role=dialog]')!.getAttribute('aria-modal')).to.equal('true');

    // Tab stays inside the dialog.
    for (let i = 0; i < 4; i++) {
      await press('Tab');
      expect(prompt.shadowRoot!.contains(deepActiveElement())).to.equal(true, `Tab ${i + 1} left the dialog`);
    }

    const oldCsrf = (await fetch('/api/auth/session').then((r) => r.json())).csrfToken as string;
    await typePassword(prompt, DEMO_PASSWORD);
    const number = await waitForCardForm(app);
    await waitForFocus('input[name=cardNumber]');
    expect(promptIn(app, 'mp-card-change-screen')).to.equal(null);
    const [reauth] = requestsTo(mock, '/api/auth/reauth');
    expect(reauth!.headers['x-csrf-token']).to.equal(oldCsrf);
    expect((reauth!.body as Record<string, unknown>).expectedAccountId).to.equal(TARO.accountId);
    expect(reauth!.headers['idempotency-key']).to.equal(undefined);
    expect(number.value).to.equal('');
    expect(pageText()).not.to.contain(DEMO_PASSWORD);

    // The renewed session's token is the one the card change now sends.
    mock.clearRequests();
    await fillCard(app);
    await press('Enter');
    await waitForElement(() => inCard(app, '.result'), 'card change did not finish');
    const register = requestsTo(mock, '/api/payment-method/card')[0]!;
    expect(register.headers['x-csrf-token']).not.to.equal(oldCsrf);
    const current = (await fetch('/api/auth/session').then((r) => r.json())).csrfToken as string;
    expect(register.headers['x-csrf-token']).to.equal(current);
  });

  it('a wrong password says so, keeps the session and the prompt; the right one then opens the form', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card');
    const prompt = await waitForPrompt(app);
    await typePassword(prompt, 'not-the-password');
    const said = () => (inPrompt(prompt, '.error')!.textContent!.trim() ? prompt : null);
    await waitForElement(said, 'no wrong-password message');
    expect(inPrompt(prompt, '.error')!.textContent).to.contain('パスワードが正しくありません');
    expect(inPrompt(prompt, 'input[name=password]')!.getAttribute('aria-invalid')).to.equal('true');
    expect((inPrompt(prompt, 'input[name=password]') as HTMLInputElement).value).to.equal('');
    expect(app.getAttribute('state')).to.equal('ready');
    expect(inCard(app, 'input[name=cardNumber]')).to.equal(null);

    await typePassword(prompt, DEMO_PASSWORD);
    await waitForCardForm(app);
    expect(requestsTo(mock, '/api/auth/reauth')).to.have.length(2);
  });

  it('5 wrong passwords end the session: the login screen, and no card field ever rendered', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card');
    const prompt = await waitForPrompt(app);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await typePassword(prompt, `wrong-${attempt}`);
      await waitForRequests(mock, '/api/auth/reauth', attempt);
      await waitForElement(() => (inPrompt(prompt, '.error')?.textContent?.trim() ? prompt : null), 'no message');
      expect(app.getAttribute('state')).to.equal('ready');
    }
    await typePassword(prompt, 'wrong-5');
    await waitForState(app, 'signed-out');
    await waitForElement(() => screenOf(app, 'mp-login-screen'), 'no login screen');
    expect(requestsTo(mock, '/api/auth/reauth')).to.have.length(5);
    expect(requestsTo(mock, '/api/card-tokens')).to.deep.equal([]);
  });

  it("reauth-swap: another account's session is an identity-stop, never a switch; no card sent", async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card');
    const prompt = await waitForPrompt(app);
    mock.configure({ scenario: 'reauth-swap' });
    await typePassword(prompt, DEMO_PASSWORD);
    await waitForState(app, 'identity-stop');
    expect(screenOf(app, 'mp-card-change-screen')).to.equal(null);
    expect(requestsTo(mock, '/api/card-tokens')).to.deep.equal([]);
    expect(requestsTo(mock, '/api/payment-method/card')).to.deep.equal([]);
    // The swapped session is ended and the stop reported.
    await waitForRequests(mock, '/api/auth/logout', 1);
    await waitForRequests(mock, '/api/security/identity-mismatch', 1);
    const session = await fetch('/api/auth/session');
    expect(session.status).to.equal(401);
  });

  it('a 403 /reauthentication-required on the registration: the prompt, then the same Idempotency-Key', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillCard(app);
    // The proof runs out while the customer types: the server's clock decides.
    await ageSessions();
    mock.clearRequests();
    await press('Enter');
    const prompt = await waitForPrompt(app);
    const [refused] = requestsTo(mock, '/api/payment-method/card');
    expect(refused).to.exist;
    await typePassword(prompt, DEMO_PASSWORD);
    const result = await waitForElement(() => inCard(app, '.result'), 'card change did not finish');
    expect(result.textContent).to.contain('242');
    const registers = requestsTo(mock, '/api/payment-method/card');
    expect(registers).to.have.length(2);
    expect(registers[1]!.headers['idempotency-key']).to.equal(registers[0]!.headers['idempotency-key']);
    expect(registers[1]!.headers['x-csrf-token']).not.to.equal(registers[0]!.headers['x-csrf-token']);
    expect(requestsTo(mock, '/api/card-tokens')).to.have.length(1);
    expect(mock.state(TARO.accountId).paymentMethod.card?.last3).to.equal('242');
  });

  it('declining the prompt leaves the card change without sending anything', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card');
    const prompt = await waitForPrompt(app);
    (inPrompt(prompt, 'button.cancel') as HTMLButtonElement).click();
    await waitForElement(() => screenOf(app, 'mp-payment-method-screen'), 'did not go back to the payment method');
    expect(requestsTo(mock, '/api/auth/reauth')).to.deep.equal([]);
    expect(requestsTo(mock, '/api/card-tokens')).to.deep.equal([]);
  });

  it('on a TV the phone comes first: a step-up code, approved on the phone, opens the form; no password sent', async () => {
    const mock = await resetAll();
    mock.deviceTiming = { expiresIn: 600, interval: 1 };
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card', { tv: true });
    const prompt = await waitForPrompt(app);
    expect(inPrompt(prompt, 'button.method[aria-pressed="true"]')?.dataset['method']).to.equal('phone');
    const code = await waitForStepUpCode(app);
    const [start] = requestsTo(mock, '/api/auth/device/start');
    expect(start!.body as Record<string, unknown>).to.include({
      purpose: 'step-up',
      expectedAccountId: TARO.accountId,
    });
    expect(inCard(app, 'input[name=cardNumber]')).to.equal(null);
    expect((await approveOnPhone(TARO.loginId, code)).status).to.equal(200);
    await waitForCardForm(app);
    expect(prompt.isConnected).to.equal(false);
    expect(requestsTo(mock, '/api/auth/reauth')).to.deep.equal([]);
    expect(app.getAttribute('state')).to.equal('ready');
  });

  it('stepup-other-account: a step-up approved by a phone of another account is an identity-stop; no card form, no card sent', async () => {
    const mock = await resetAll();
    mock.deviceTiming = { expiresIn: 600, interval: 1 };
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card', { tv: true });
    await waitForPrompt(app);
    const code = await waitForStepUpCode(app);
    mock.configure({ scenario: 'stepup-other-account' });
    expect((await approveOnPhone(HANAKO.loginId, code)).status).to.equal(200);
    await waitForState(app, 'identity-stop');
    expect(screenOf(app, 'mp-card-change-screen')).to.equal(null);
    expect(requestsTo(mock, '/api/card-tokens')).to.deep.equal([]);
    expect(requestsTo(mock, '/api/payment-method/card')).to.deep.equal([]);
    expect(pageText(app)).to.not.contain(HANAKO.loginId);
  });

  it('on a TV, by remote: the password is the second choice, answered with OK; Back declines', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/payment-method/card', { tv: true });
    const prompt = await waitForPrompt(app);
    const byPassword = await waitForElement(
      () => inPrompt(prompt, 'button.method[data-method="password"]'),
      'no choice',
    );
    byPassword.focus();
    await tvKey(TV.ok);
    const field = await waitForElement(() => inPrompt(prompt, 'input[name=password]'), 'no password field');
    field.focus();
    await tvKey(TV.ok);
    await sendKeys({ type: DEMO_PASSWORD });
    await press('Enter');
    await waitForCardForm(app);
    expect(requestsTo(mock, '/api/auth/reauth')).to.have.length(1);
    expect(prompt.isConnected).to.equal(false);

    await ageOpenPage(mock, app);
    location.hash = '#/membership';
    const button = await waitForElement(() => inMembership(app, 'button.logout-all'), 'no membership');
    button.focus();
    await tvKey(TV.ok);
    await waitForPrompt(app, 'mp-membership-screen');
    // Tizen's Back where raw key codes can be sent (Chromium), else the keyboard's Escape: both are Back.
    if (sendsRawKeyCodes) await tvKey(TV.tizenBack);
    else await press('Escape');
    const closed = () => (promptIn(app, 'mp-membership-screen') ? null : document.body);
    await waitForElement(closed, 'Back did not close the prompt');
    // The engine gives focus back at its next repair after the dialog left the DOM (WebKitGTK
    // once ran this check before it): wait for it, then check where it is.
    const back = await waitForFocus((element) => describeElement(element) === 'button.logout-all').catch(() =>
      deepActiveElement(),
    );
    expect(describeElement(back)).to.equal('button.logout-all');
    expect(requestsTo(mock, '/api/auth/logout-all')).to.deep.equal([]);
  });

  it('membership: cancelling the contract and signing out everywhere ask first when authTime is old', async () => {
    const mock = await resetAll();
    const app = await agedAppAs(TARO.loginId, '#/membership');
    const cancel = await waitForElement(() => inMembership(app, 'button.cancel-contract'), 'no cancel');
    cancel.click();
    let prompt = await waitForPrompt(app, 'mp-membership-screen');
    expect(inMembership(app, 'mp-confirm-dialog')).to.equal(null);
    await typePassword(prompt, DEMO_PASSWORD);
    const dialog = await waitForElement(() => inMembership(app, 'mp-confirm-dialog'), 'no confirm dialog');
    (dialog.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    await waitForElement(() => inMembership(app, '.notice'), 'no notice');
    expect(requestsTo(mock, '/api/contract/cancel')).to.have.length(1);

    await ageOpenPage(mock, app);
    mock.clearRequests();
    (inMembership(app, 'button.logout-all') as HTMLButtonElement).click();
    prompt = await waitForPrompt(app, 'mp-membership-screen');
    expect(inMembership(app, 'mp-confirm-dialog')).to.equal(null);
    await typePassword(prompt, DEMO_PASSWORD);
    const second = await waitForElement(() => inMembership(app, 'mp-confirm-dialog'), 'no confirm dialog');
    (second.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    await waitForState(app, 'signed-out');
    expect(requestsTo(mock, '/api/auth/logout-all')).to.have.length(1);
    expect(requestsTo(mock, '/api/auth/reauth')).to.have.length(1);
  });

  it('membership: a 403 on the cancel leads to the prompt, then the same Idempotency-Key', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership');
    const cancel = await waitForElement(() => inMembership(app, 'button.cancel-contract'), 'no cancel');
    cancel.click();
    const dialog = await waitForElement(() => inMembership(app, 'mp-confirm-dialog'), 'no confirm dialog');
    await ageSessions();
    mock.clearRequests();
    (dialog.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    const prompt = await waitForPrompt(app, 'mp-membership-screen');
    await typePassword(prompt, DEMO_PASSWORD);
    await waitForElement(() => inMembership(app, '.notice'), 'no notice');
    const cancels = requestsTo(mock, '/api/contract/cancel');
    expect(cancels).to.have.length(2);
    expect(cancels[1]!.headers['idempotency-key']).to.equal(cancels[0]!.headers['idempotency-key']);
    expect(mock.state(TARO.accountId).contract.status).to.equal('cancel_scheduled');
  });
});
