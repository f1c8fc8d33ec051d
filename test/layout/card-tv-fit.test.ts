/**
 * Issue 13 item 5: the card change fits one TV screen. At 1920x1080 and
 * 1280x720 (TV profile) the form, the number pad and the QR code are all
 * inside the 5% safe area, with every field error shown, in both languages;
 * the QR caption breaks only between words; Right from a field enters the
 * pad at its first key.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { describeElement, press, waitForFocus } from '../support/keys.js';
import { expectInsideSafeArea, safeArea, visibleBoxes } from '../support/layout-checks.js';

const INVALID = { cardNumber: '4111111111111112', cardExpiry: '1320', cardCvc: '12', cardHolder: '' };

async function cardScreen(width: number, height: number, locale: 'ja' | 'en'): Promise<MyPageApp> {
  await setViewport({ width, height });
  await resetAll();
  if (locale === 'en') localStorage.setItem('my-page.locale', 'en');
  const app = await readyAppAs(TARO.loginId, '#/payment-method/card', { tv: true });
  await waitForFocus('input[name=cardNumber]');
  const handoff = await waitForElement(() => inScreen(app, 'mp-card-change-screen', 'mp-phone-handoff'), 'no QR');
  await waitForElement(() => handoff.shadowRoot!.querySelector('svg'), 'QR never drawn');
  await document.fonts.ready;
  return app;
}

/** Types the invalid card as a customer would (input events) and submits it: every field shows its error. */
async function showErrors(app: MyPageApp): Promise<void> {
  const root = screenOf(app, 'mp-card-change-screen')!.shadowRoot!;
  for (const [name, value] of Object.entries(INVALID)) {
    const input = root.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
  }
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await waitUntilErrors(root);
}

async function waitUntilErrors(root: ShadowRoot): Promise<void> {
  await waitForElement(
    () =>
      root.querySelectorAll('.field-error').length === 4 &&
      [...root.querySelectorAll('.field-error')].every((e) => e.textContent!.trim())
        ? root.host
        : null,
    'not every field shows its error',
  );
  await (root.host as MyPageApp).updateComplete;
}

/** What the screen draws: its controls, texts and the QR. */
const TEXTS_AND_CONTROLS = 'input, button, a, p, span, h1, h2, svg';

afterEach(async () => {
  localStorage.removeItem('my-page.locale');
  await setViewport({ width: 800, height: 600 });
});

describe('card change on a TV screen', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const locale of ['ja', 'en'] as const) {
      it(`${width}x${height} ${locale}: form, pad and QR inside the safe area, with every error shown`, async () => {
        const app = await cardScreen(width, height, locale);
        const root = screenOf(app, 'mp-card-change-screen')!.shadowRoot!;
        await showErrors(app);
        expect(document.scrollingElement!.scrollTop).to.equal(0);
        const all = visibleBoxes(root, TEXTS_AND_CONTROLS);
        expect(all.length).to.be.greaterThan(25);
        expectInsideSafeArea(all, width, height);
        const safe = safeArea(width, height);
        // The last control (submit), the pad's last key and the QR are among them: named so a miss says which.
        const submit = root.querySelector('button[type=submit]')!.getBoundingClientRect();
        expect(submit.bottom).to.be.at.most(safe.bottom + 1);
        const pad = root.querySelector('mp-number-pad')!.getBoundingClientRect();
        const qr = root.querySelector('mp-phone-handoff')!.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
        expect(pad.bottom).to.be.at.most(safe.bottom + 1);
        expect(qr.bottom).to.be.at.most(safe.bottom + 1);
        // The detected brand is shown and covers no field.
        const brand = root.querySelector('.brand')!.getBoundingClientRect();
        expect(brand.width).to.be.greaterThan(0);
        for (const input of root.querySelectorAll('input')) {
          const r = input.getBoundingClientRect();
          const overlaps = brand.left < r.right && brand.right > r.left && brand.top < r.bottom && brand.bottom > r.top;
          expect(overlaps, `brand over ${input.name}`).to.equal(false);
        }
        // Two columns: the pad and the QR to the right of the fields.
        const number = root.querySelector('input[name=cardNumber]')!.getBoundingClientRect();
        expect(pad.left).to.be.greaterThan(number.right);
        expect(qr.left).to.be.greaterThan(number.right);
      });
    }
  }

  it('the QR caption breaks only between words', async () => {
    const app = await cardScreen(1280, 720, 'ja');
    const handoff = inScreen(app, 'mp-card-change-screen', 'mp-phone-handoff')!;
    const heading = handoff.shadowRoot!.querySelector('h2')!;
    // Each word of the heading on one line: its characters' boxes share a top.
    for (const word of ['スマートフォン', '続ける']) {
      const text = [...heading.childNodes].find(
        (n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.textContent!.trim(),
      )!;
      const start = text.data.indexOf(word);
      expect(start, word).to.be.at.least(0);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + word.length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      expect(tops.size, `"${word}" split across lines`).to.equal(1);
    }
  });

  it("Right from a field lands on the pad's first key", async () => {
    const app = await cardScreen(1920, 1080, 'ja');
    const root = screenOf(app, 'mp-card-change-screen')!.shadowRoot!;
    for (const name of ['cardCvc', 'cardNumber']) {
      await resetFocusTo(root, name);
      await press('ArrowRight');
      const pad = root.querySelector('mp-number-pad')!;
      await waitForFocus((el) => pad.shadowRoot!.contains(el), 'Right did not reach the pad');
      expect(describeElement(deepActiveElement())).to.equal('button.digit');
      expect(deepActiveElement()!.dataset.digit, `Right from ${name}`).to.equal('1');
      if (name === 'cardCvc') {
        // Back to the field: the pad's memory then returns to the key last used, which is the first one here.
        await press('ArrowLeft');
        await waitForFocus('input', 'Left did not return to a field');
      }
    }
  });
});

async function resetFocusTo(root: ShadowRoot, name: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  input.focus();
  await waitForFocus(`input[name=${name}]`);
}
