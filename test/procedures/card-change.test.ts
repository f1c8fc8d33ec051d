/**
 * The card change (#/payment-method/card), the action the 2023 failure let
 * customers perform on another customer's account.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { RefusedError } from '../../src/api/errors.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import {
  HANAKO,
  TARO,
  inScreen,
  loginElsewhere,
  readyAppAs,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { TV, arrowTo, press, tvKey, waitForFocus } from '../support/keys.js';
import { pageText } from '../support/page-strings.js';

const VISA = '4242424242424242';
const GROUPED = '4242 4242 4242 4242';
const CVC = '987';

function field(app: MyPageApp, name: string): HTMLInputElement {
  return inScreen(app, 'mp-card-change-screen', `input[name=${name}]`) as HTMLInputElement;
}

function cardRequests(mock: MockBackend) {
  return mock.requests.filter((r) => r.path === '/api/card-tokens' || r.path === '/api/payment-method/card');
}

/** The card number and security code appear nowhere the page can keep them. */
async function expectNoCardSecrets(): Promise<void> {
  const everywhere = [
    pageText(),
    location.href,
    document.cookie,
    JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage }),
  ].join('\n');
  for (const secret of [VISA, GROUPED, '4242424242']) expect(everywhere).not.to.include(secret);
  // Three digits occur in dates and amounts: look for the code only where it could be typed.
  expect(pageStringsOfInputs()).not.to.include(CVC);
  const databases = (await indexedDB.databases?.()) ?? [];
  expect(databases.map((d) => d.name)).to.deep.equal([]);
}

/** Values of every input on the page (the CVC is short, so look only where it could be typed). */
function pageStringsOfInputs(): string[] {
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    root.querySelectorAll('*').forEach((el) => {
      if (el instanceof HTMLInputElement) out.push(el.value);
      if (el.shadowRoot) visit(el.shadowRoot);
    });
  };
  visit(document);
  return out;
}

async function fillByKeyboard(
  app: MyPageApp,
  values: { number?: string; expiry?: string; cvc?: string; holder?: string },
) {
  for (const [name, value] of [
    ['cardNumber', values.number],
    ['cardExpiry', values.expiry],
    ['cardCvc', values.cvc],
    ['cardHolder', values.holder],
  ] as const) {
    if (value === undefined) continue;
    field(app, name).focus();
    await sendKeys({ type: value });
  }
}

async function submit(app: MyPageApp): Promise<void> {
  (inScreen(app, 'mp-card-change-screen', 'button[type=submit]') as HTMLButtonElement).click();
}

async function waitForDone(app: MyPageApp): Promise<string> {
  const result = await waitForElement(
    () => inScreen(app, 'mp-card-change-screen', '.result'),
    'card change did not finish',
  );
  return result.textContent!.trim();
}

describe('card change', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('with a remote alone: number pad, digit keys, on-screen keyboard; then the verified brand and last 3', async () => {
    await setViewport({ width: 1920, height: 1080 });
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card', { tv: true });
    const number = await waitForFocus('input[name=cardNumber]');
    const pad = await waitForElement(
      () => inScreen(app, 'mp-card-change-screen', 'mp-number-pad'),
      'no number pad on a TV',
    );
    expect(inScreen(app, 'mp-card-change-screen', 'mp-phone-handoff')).to.exist;

    // The number on the on-screen pad, with arrows and OK.
    for (const digit of VISA) {
      await arrowTo(pad.shadowRoot!.querySelector(`button[data-digit="${digit}"]`)!);
      await tvKey(TV.ok);
    }
    expect((number as HTMLInputElement).value).to.equal(GROUPED);
    expect(inScreen(app, 'mp-card-change-screen', '.brand')!.textContent).to.contain('Visa');

    // Expiry and security code with the remote's digit keys, focus on the pad.
    for (const [name, digits] of [
      ['cardExpiry', '0829'],
      ['cardCvc', CVC],
    ] as const) {
      await arrowTo(field(app, name));
      await arrowTo(pad.shadowRoot!.querySelector('button[data-digit="5"]')!);
      for (const digit of digits) await press(digit);
    }
    expect(field(app, 'cardExpiry').value).to.equal('08/29');
    expect(field(app, 'cardCvc').value).to.equal(CVC);

    // The name through the TV's on-screen keyboard: OK starts typing.
    await arrowTo(field(app, 'cardHolder'));
    await tvKey(TV.ok);
    await sendKeys({ type: 'TARO YAMADA' });
    await arrowTo(inScreen(app, 'mp-card-change-screen', 'button[type=submit]')!);
    mock.clearRequests();
    await tvKey(TV.ok);

    expect(await waitForDone(app)).to.contain('Visa（下3桁 242）');
    // Request order: session re-read before each of tokenize and register.
    const order = mock.requests.map((r) => `${r.method} ${r.path}`);
    expect(order).to.deep.equal([
      'GET /api/auth/session',
      'POST /api/card-tokens',
      'GET /api/auth/session',
      'POST /api/payment-method/card',
    ]);
    const [token, register] = cardRequests(mock);
    for (const request of [token!, register!]) {
      expect(request.headers['x-csrf-token']).to.match(/^csrf_/);
      expect(request.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
      expect((request.body as Record<string, unknown>).expectedAccountId).to.equal(TARO.accountId);
    }
    expect(token!.headers['idempotency-key']).not.to.equal(register!.headers['idempotency-key']);
    expect(Object.keys(register!.body as object).sort()).to.deep.equal(['cardToken', 'expectedAccountId']);
    await expectNoCardSecrets();
  });

  it('with a keyboard: fields, grouping as typed, Enter submits; the number is gone afterwards', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    expect(inScreen(app, 'mp-card-change-screen', 'mp-number-pad')).to.equal(null);
    for (const [name, autocomplete, inputmode] of [
      ['cardNumber', 'cc-number', 'numeric'],
      ['cardExpiry', 'cc-exp', 'numeric'],
      ['cardCvc', 'cc-csc', 'numeric'],
      ['cardHolder', 'cc-name', 'text'],
    ]) {
      expect(field(app, name!).getAttribute('autocomplete')).to.equal(autocomplete);
      expect(field(app, name!).getAttribute('inputmode')).to.equal(inputmode);
    }
    await fillByKeyboard(app, { number: '378282246310005', expiry: '1130', cvc: '1234', holder: 'Hanako Sato' });
    expect(field(app, 'cardNumber').value).to.equal('3782 822463 10005');
    expect(field(app, 'cardExpiry').value).to.equal('11/30');
    await press('Enter');
    expect(await waitForDone(app)).to.contain('005');
    expect(pageText()).not.to.contain('378282246310005');
    expect(pageText()).not.to.contain('3782 822463 10005');
  });

  it('every check before sending says what is wrong, next to the field, and sends nothing', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    const errorOf = (name: string) => inScreen(app, 'mp-card-change-screen', `#${name}-error`)!.textContent!.trim();
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{}, 'cardNumber', /入力してください/],
      [{ number: '4242424242424241' }, 'cardNumber', /正しくありません/],
      [{ number: '9999999999999995' }, 'cardNumber', /ご利用いただけない/],
      [{ number: '424242424242426' }, 'cardNumber', /桁数/],
      [{ expiry: '1329' }, 'cardExpiry', /月\/年/],
      [{ expiry: '0120' }, 'cardExpiry', /期限が切れて/],
      [{ number: VISA, cvc: '12' }, 'cardCvc', /3桁/],
      [{ number: '378282246310005', cvc: '123' }, 'cardCvc', /4桁/],
      [{ holder: '   ' }, 'cardHolder', /名義/],
    ];
    for (const [values, name, message] of cases) {
      for (const input of ['cardNumber', 'cardExpiry', 'cardCvc', 'cardHolder']) field(app, input).value = '';
      await fillByKeyboard(app, values);
      await submit(app);
      await waitForElement(
        () => (errorOf(name) ? document.body : null),
        `no error for ${name} with ${JSON.stringify(values)}`,
      );
      expect(errorOf(name)).to.match(message);
      expect(field(app, name).getAttribute('aria-invalid')).to.equal('true');
    }
    expect(cardRequests(mock)).to.deep.equal([]);
  });

  it('no card request at all when the session re-check answers another account', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    await loginElsewhere(HANAKO.loginId);
    mock.clearRequests();
    await submit(app);
    await waitForState(app, 'identity-stop');
    expect(cardRequests(mock)).to.deep.equal([]);
    await expectNoCardSecrets();
  });

  it('a session re-read that fails refuses the card change unsent, in words, and a retry goes through', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    mock.configure({ scenario: 'server-error', endpoint: 'session' });
    mock.clearRequests();
    await submit(app);
    const error = await waitForElement(() => inScreen(app, 'mp-card-change-screen', '.form-error'), 'no error');
    expect(error.textContent!.trim()).not.to.equal('');
    expect(mock.requests.map((r) => r.path)).to.deep.equal(['/api/auth/session']);
    expect(app.getAttribute('state')).to.equal('ready');
    await expectNoCardSecrets();

    mock.configure({ scenario: 'normal' });
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    await submit(app);
    expect(await waitForDone(app)).to.contain('242');
  });

  it('session switched after tokenizing: the card is never registered', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    mock.configure({ scenario: 'session-switch-before-card' });
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    mock.clearRequests();
    await submit(app);
    await waitForState(app, 'identity-stop');
    expect(cardRequests(mock).map((r) => r.path)).to.deep.equal(['/api/card-tokens']);
    expect(mock.state(TARO.accountId).paymentMethod.card?.last3).to.equal('123');
    expect(mock.state(HANAKO.accountId).paymentMethod.card).to.equal(null);
    await expectNoCardSecrets();
  });

  it('after an identity-stop, a card change sends nothing', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    mock.configure({ scenario: 'foreign-account', endpoint: 'contract' });
    await app.api!.read('contract').catch(() => undefined);
    await waitForState(app, 'identity-stop');
    mock.clearRequests();
    const refused = await app
      .api!.mutate('createCardToken', { body: { number: VISA, expMonth: 8, expYear: 2029, cvc: CVC, holderName: 'X' } })
      .catch((error: Error) => error);
    expect(refused).to.be.instanceOf(RefusedError);
    expect(cardRequests(mock)).to.deep.equal([]);
  });

  it('a double press sends one tokenization and one registration', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    mock.configure({ latencyMs: 200 });
    mock.clearRequests();
    await submit(app);
    await submit(app);
    await submit(app);
    await waitForDone(app);
    expect(cardRequests(mock).map((r) => r.path)).to.deep.equal(['/api/card-tokens', '/api/payment-method/card']);
  });

  it('a registration that timed out (the server had acted) is retried with the same Idempotency-Key', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    app.api!.mutationTimeoutMs = 400;
    mock.configure({ scenario: 'mutation-timeout', endpoint: 'payment-method-card' });
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    mock.clearRequests();
    await submit(app);
    const error = await waitForElement(() => inScreen(app, 'mp-card-change-screen', '.form-error'), 'no timeout error');
    expect(error.textContent).to.contain('応答がありませんでした');
    // The number is already gone; the retry needs only the token.
    await expectNoCardSecrets();
    await submit(app);
    expect(await waitForDone(app)).to.contain('242');
    const registers = cardRequests(mock).filter((r) => r.path === '/api/payment-method/card');
    expect(registers).to.have.length(2);
    expect(registers[0]!.headers['idempotency-key']).to.equal(registers[1]!.headers['idempotency-key']);
    expect(cardRequests(mock).filter((r) => r.path === '/api/card-tokens')).to.have.length(1);
  });

  it('a refused card (422) says so and wipes the number', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    mock.configure({ scenario: 'validation', endpoint: 'card-tokens' });
    await fillByKeyboard(app, { number: VISA, expiry: '0829', cvc: CVC, holder: 'TARO YAMADA' });
    await submit(app);
    const error = await waitForElement(() => inScreen(app, 'mp-card-change-screen', '.form-error'), 'no error');
    expect(error.textContent).to.contain('登録できませんでした');
    expect(app.getAttribute('state')).to.equal('ready');
    await expectNoCardSecrets();
  });

  it('leaving the screen, page hide and an identity-stop wipe a typed number', async () => {
    await resetAll();
    let app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillByKeyboard(app, { number: VISA, cvc: CVC });
    // Into the back/forward cache: the whole account screen goes at once (before
    // the page is frozen), the number with it; the restore re-checks, then shows it empty.
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(screenOf(app, 'mp-card-change-screen')).to.equal(null);
    await expectNoCardSecrets();
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await waitForState(app, 'ready');
    await waitForFocus('input[name=cardNumber]');
    expect(field(app, 'cardNumber').value).to.equal('');
    await fillByKeyboard(app, { number: VISA, cvc: CVC });
    location.hash = '#/';
    await waitForElement(() => screenOf(app, 'mp-menu-screen'), 'no menu');
    await expectNoCardSecrets();

    fixtureCleanup();
    await resetAll();
    app = await readyAppAs(TARO.loginId, '#/payment-method/card');
    await waitForFocus('input[name=cardNumber]');
    await fillByKeyboard(app, { number: VISA, cvc: CVC });
    await loginElsewhere(HANAKO.loginId);
    document.dispatchEvent(new Event('visibilitychange'));
    await waitForState(app, 'identity-stop');
    await expectNoCardSecrets();
  });
});
