/**
 * #/payment-method/card: change the credit card. Checked here first (brand,
 * lengths, Luhn, expiry in Tokyo, holder), then tokenized (the number goes to
 * the tokenizer and nowhere else), then registered; the result shown is the
 * verified answer's brand and last 3 digits.
 *
 * The card number and security code live only in their two inputs, and in a
 * local variable for the one tokenization request. They are wiped from the
 * DOM as soon as the attempt ends (success or failure), when the screen is
 * left, on an identity-stop (the screen is removed) and on page hide. Nothing
 * here writes to storage, the URL or a log.
 *
 * On a TV: an on-screen number pad for the D-pad, the remote's digit keys type
 * into the active field (the field last focused), and a QR code hands the task
 * to a phone. The fields are stacked so Right from any of them reaches the pad
 * without passing through another field.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { isApiError, ProblemError, type ApiError } from '../api/errors.js';
import type { PaymentMethod } from '../api/account-schemas.js';
import { servicesContext } from '../app/contexts.js';
import { isTvDevice } from '../app/device-profile.js';
import { hrefFor } from '../app/routes.js';
import { errorMessage } from '../components/mp-load-state.js';
import '../components/mp-number-pad.js';
import '../components/mp-phone-handoff.js';
import '../components/mp-screen.js';
import { MutationIntent } from '../data/mutation-intent.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { NavController } from '../navigation/nav-controller.js';
import {
  brandOf,
  digitsOnly,
  formatExpiryInput,
  groupCardNumber,
  validateCard,
  type CardField,
  type CardProblem,
} from '../payment/card-rules.js';
import { sharedStyles } from '../styles/shared-styles.js';

type Step = 'form' | 'sending' | 'done';
/** Fields the number pad and digit keys can type into. */
type DigitField = Exclude<CardField, 'cardHolder'>;

function problemText(m: Messages, problem: CardProblem, cvcDigits: number): string {
  return problem === 'cvc' ? m.card.errors.cvc(cvcDigits) : m.card.errors[problem];
}

export class CardChangeScreen extends LitElement {
  static override properties = {
    step: { state: true },
    problems: { state: true },
    failure: { state: true },
    result: { state: true },
    brandName: { state: true },
  };

  declare step: Step;
  declare problems: Partial<Record<CardField, CardProblem>>;
  declare failure: ApiError | null;
  declare result: PaymentMethod | null;
  declare brandName: string;

  private readonly _i18n = new I18nController(this);
  private readonly _services = new ContextConsumer(this, { context: servicesContext });
  private readonly _tv = isTvDevice();
  private readonly _tokenize = new MutationIntent();
  private readonly _register = new MutationIntent();
  /** A token already issued whose registration failed: retried without the card number. */
  private _pendingToken: string | null = null;
  private _activeField: DigitField = 'cardNumber';
  private _dropUnsubscribe: (() => void) | null = null;

  private readonly _onPageHide = (): void => this._wipeSecrets();

  constructor() {
    super();
    this.step = 'form';
    this.problems = {};
    this.failure = null;
    this.result = null;
    this.brandName = '';
    new NavController(this);
  }

  static override styles = [
    sharedStyles,
    css`
      .layout {
        display: flex;
        gap: 3rem;
        align-items: flex-start;
        flex-wrap: wrap;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        flex: 0 1 30rem;
        min-width: 0;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
      }
      input {
        font: inherit;
        font-size: 1rem;
        padding: 0.45rem 0.8rem;
        border-radius: 0.4rem;
        border: 0.1rem solid var(--mp-line, #5b6478);
        background: #fff;
        color: #111;
        letter-spacing: 0.05em;
      }
      input[aria-invalid='true'] {
        border-color: var(--mp-error, #ff9a8a);
        border-width: 0.2rem;
      }
      .field-error,
      .form-error {
        color: var(--mp-error, #ff9a8a);
      }
      .aside {
        display: flex;
        flex-direction: column;
        gap: 1.5rem;
        flex: 1 1 16rem;
        min-width: 0;
      }
      .intro {
        margin-bottom: 1rem;
        max-width: 60rem;
      }
      button[type='submit'] {
        align-self: flex-start;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._onPageHide);
    this.addEventListener('nav-digit', this._onDigitKey as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this._onPageHide);
    this.removeEventListener('nav-digit', this._onDigitKey as EventListener);
    this._dropUnsubscribe?.();
    this._wipeSecrets();
    this._pendingToken = null;
  }

  override firstUpdated(): void {
    // An identity-stop removes this screen anyway; dropping here is belt and braces.
    this._dropUnsubscribe = this._services.value?.identity.on('drop', () => this._wipeSecrets()) ?? null;
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      <mp-screen heading=${m.card.heading} back-href=${hrefFor('/payment-method')}>
        ${this.step === 'done' && this.result ? this._renderDone(m, this.result) : this._renderForm(m)}
      </mp-screen>
    `;
  }

  private _renderDone(m: Messages, method: PaymentMethod) {
    return html`<div role="status" class="done">
      <p class="result">${method.card ? m.card.done(method.card.brand, method.card.last3) : m.paymentMethod.none}</p>
      <p><a class="button" href=${hrefFor('/payment-method')} data-nav-default>${m.card.back}</a></p>
    </div>`;
  }

  private _renderForm(m: Messages) {
    const cvcDigits = brandOf(digitsOnly(this._value('cardNumber')))?.cvcLength ?? 3;
    const field = (name: CardField, label: string, attributes: { autocomplete: `cc-${'number' | 'exp' | 'csc' | 'name'}`; inputmode: string; placeholder?: string; maxlength: number }) => {
      const problem = this.problems[name];
      return html`<label>
        ${label}
        <input name=${name} autocomplete=${attributes.autocomplete} inputmode=${attributes.inputmode}
          placeholder=${attributes.placeholder ?? ''} maxlength=${attributes.maxlength}
          autocapitalize=${name === 'cardHolder' ? 'characters' : 'off'} spellcheck="false"
          aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${`${name}-error`}
          @input=${this._onInput} @focus=${() => this._onFocusField(name)} />
        <span id=${`${name}-error`} class="field-error" aria-live="polite">${problem ? problemText(m, problem, cvcDigits) : ''}</span>
      </label>`;
    };
    return html`
      <p class="intro">${m.card.intro}</p>
      <div class="layout">
        <form novalidate @submit=${this._submit} data-nav-container data-nav-enter="last">
          ${field('cardNumber', m.card.number, { autocomplete: 'cc-number', inputmode: 'numeric', maxlength: 23, placeholder: '0000 0000 0000 0000' })}
          ${this.brandName ? html`<p class="brand muted" aria-live="polite">${m.card.brandDetected(this.brandName)}</p>` : null}
          ${field('cardExpiry', m.card.expiry, { autocomplete: 'cc-exp', inputmode: 'numeric', maxlength: 5, placeholder: 'MM/YY' })}
          ${field('cardCvc', m.card.cvc, { autocomplete: 'cc-csc', inputmode: 'numeric', maxlength: 4 })}
          ${field('cardHolder', m.card.holder, { autocomplete: 'cc-name', inputmode: 'text', maxlength: 26, placeholder: 'TARO YAMADA' })}
          ${this.failure ? html`<p class="form-error" role="alert">${this._failureText(m, this.failure)}</p>` : null}
          <button type="submit" aria-disabled=${this.step === 'sending' ? 'true' : 'false'}>
            ${this.step === 'sending' ? m.card.submitting : this.failure && this._pendingToken ? m.errors.retry : m.card.submit}
          </button>
        </form>
        ${this._tv
          ? html`<div class="aside">
              <mp-number-pad aria-label=${m.card.pad} data-nav-container data-nav-enter="last"
                @pad-digit=${(e: CustomEvent<string>) => this._typeDigit(e.detail)} @pad-delete=${this._deleteDigit}></mp-number-pad>
              <mp-phone-handoff url=${this._handoffUrl()}></mp-phone-handoff>
            </div>`
          : null}
      </div>
    `;
  }

  private _failureText(m: Messages, failure: ApiError): string {
    if (failure instanceof ProblemError && failure.status === 422) return m.card.errors.server;
    return errorMessage(m, failure);
  }

  /** This page's card-change URL without query or session: the phone logs in itself. */
  private _handoffUrl(): string {
    return `${location.origin}${location.pathname}${hrefFor('/payment-method/card')}`;
  }

  private _input(name: CardField): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`);
  }

  private _value(name: CardField): string {
    return this._input(name)?.value ?? '';
  }

  private _onFocusField(name: CardField): void {
    if (name !== 'cardHolder') this._activeField = name;
  }

  /** Formats as the customer types; anything they change is a new intent. */
  private _onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const name = input.name as CardField;
    if (name === 'cardNumber') {
      const digits = digitsOnly(input.value).slice(0, 19);
      input.value = groupCardNumber(digits);
      this.brandName = brandOf(digits)?.name ?? '';
    } else if (name === 'cardExpiry') {
      input.value = formatExpiryInput(input.value);
    } else if (name === 'cardCvc') {
      input.value = digitsOnly(input.value).slice(0, 4);
    }
    if (this.problems[name]) this.problems = { ...this.problems, [name]: undefined };
    this._tokenize.renew();
    this._pendingToken = null;
    this.failure = null;
  }

  /** The remote's digit keys, when focus is not in a field (e.g. on the pad). */
  private readonly _onDigitKey = (event: CustomEvent<string>): void => {
    if (this.step !== 'form') return;
    event.preventDefault();
    this._typeDigit(event.detail);
  };

  private _typeDigit(digit: string): void {
    const input = this._input(this._activeField);
    if (!input) return;
    input.value += digit;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  private _deleteDigit(): void {
    const input = this._input(this._activeField);
    if (!input) return;
    input.value = input.value.replace(/\D?\d$/, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Removes the card number and security code from the DOM (and so from memory). */
  private _wipeSecrets(): void {
    for (const name of ['cardNumber', 'cardCvc'] as const) {
      const input = this._input(name);
      if (input) input.value = '';
    }
    this.brandName = '';
  }

  private async _submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.step === 'sending') return;
    const api = this._services.value?.api;
    if (!api) return;
    this.failure = null;

    let token = this._pendingToken;
    if (!token) {
      const checked = validateCard({
        number: this._value('cardNumber'),
        expiry: this._value('cardExpiry'),
        cvc: this._value('cardCvc'),
        holder: this._value('cardHolder'),
      });
      if (!checked.ok) {
        this.problems = checked.problems;
        const first = (['cardNumber', 'cardExpiry', 'cardCvc', 'cardHolder'] as const).find((name) => checked.problems[name]);
        if (first) this._input(first)?.focus();
        return;
      }
      this.problems = {};
      this.step = 'sending';
      const { number, expMonth, expYear, cvc, holderName } = checked.card;
      try {
        const issued = await this._tokenize.run((idempotencyKey) =>
          api.mutate('createCardToken', { body: { number, expMonth, expYear, cvc, holderName }, idempotencyKey }),
        );
        if (!issued) return;
        token = issued.cardToken;
        // A new token is a new registration intent.
        this._register.renew();
      } catch (error) {
        this._fail(error);
        return;
      } finally {
        // The number's only use is over, whatever happened.
        this._wipeSecrets();
      }
      this._pendingToken = token;
    }

    this.step = 'sending';
    try {
      const method = await this._register.run((idempotencyKey) =>
        api.mutate('registerCard', { body: { cardToken: token }, idempotencyKey }),
      );
      if (!method) return;
      this._pendingToken = null;
      this.result = method;
      this.step = 'done';
    } catch (error) {
      this._fail(error);
    }
  }

  private _fail(error: unknown): void {
    this.step = 'form';
    if (!isApiError(error)) throw error;
    if (error.kind === 'refused' || error.kind === 'identity') return;
    this.failure = error;
    // A refused registration (422, 409) needs a new card; a lost answer is retried as is.
    if (!(error.kind === 'timeout' || error.kind === 'network' || (error instanceof ProblemError && error.status >= 500))) {
      this._pendingToken = null;
    }
  }
}

customElements.define('mp-card-change-screen', CardChangeScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-card-change-screen': CardChangeScreen;
  }
}
