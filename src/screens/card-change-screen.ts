/**
 * #/payment-method/card: change the credit card. The flow (check, tokenize,
 * register, the retry rule, wiping on `drop`) is `CardChangeController` in
 * data/card-change-controller.ts; this element keeps the fields, formats them
 * as typed, and renders what the flow says.
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
import { ProblemError, type ApiError } from '../api/errors.js';
import type { PaymentMethod } from '../api/account-schemas.js';
import { servicesContext } from '../api/services-context.js';
import { identityContext } from '../identity/identity-context.js';
import { isTvDevice } from '../app/device-profile.js';
import { hrefFor } from '../app/route-paths.js';
import { errorMessage } from '../i18n/error-message.js';
import '../components/mp-number-pad.js';
import '../components/mp-phone-handoff.js';
import { renderReauthPrompt } from '../components/mp-reauth-prompt.js';
import '../components/mp-screen.js';
import { registerPhoneStepUp } from './step-up-panel.js';
import { CardChangeController } from '../data/card-change-controller.js';
import { ReauthController } from '../data/reauth-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { NavController } from '../navigation/nav-controller.js';
import {
  brandOf,
  digitsOnly,
  formatExpiryInput,
  groupCardNumber,
  type CardField,
  type CardProblem,
} from '../payment/card-rules.js';
import { fieldStyles, sharedStyles } from '../styles/shared-styles.js';

/** Fields the number pad and digit keys can type into. */
type DigitField = Exclude<CardField, 'cardHolder'>;

function problemText(m: Messages, problem: CardProblem, cvcDigits: number): string {
  return problem === 'cvc' ? m.card.errors.cvc(cvcDigits) : m.card.errors[problem];
}

export class CardChangeScreen extends LitElement {
  static override properties = {
    brandName: { state: true },
    proven: { state: true },
  };

  declare brandName: string;
  /** The fresh proof of identity the card change needs was given (or was fresh already): the form may show. */
  declare proven: boolean;

  private readonly _i18n = new I18nController(this);
  private readonly _services = new ContextConsumer(this, { context: servicesContext });
  /** Provided from the start (the account API comes later): the proof is asked before anything else. */
  private readonly _identity = new ContextConsumer(this, { context: identityContext });
  private readonly _tv = isTvDevice();
  private _activeField: DigitField = 'cardNumber';
  private readonly _reauth = new ReauthController(this, {
    identity: () => this._identity.value,
    tv: this._tv,
  });
  private readonly _flow = new CardChangeController(this, {
    api: () => this._services.value?.api,
    identity: () => this._services.value?.identity,
    values: () => ({
      number: this._value('cardNumber'),
      expiry: this._value('cardExpiry'),
      cvc: this._value('cardCvc'),
      holder: this._value('cardHolder'),
    }),
    wipe: () => this._wipeSecrets(),
    focusField: (name) => this._input(name)?.focus(),
    sensitive: (send) => this._reauth.guard(send),
  });

  private readonly _onPageHide = (): void => this._wipeSecrets();

  constructor() {
    super();
    // The TV's first re-authentication choice; read by the prompt when it opens.
    registerPhoneStepUp();
    this.brandName = '';
    this.proven = false;
    new NavController(this);
  }

  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      .layout {
        display: flex;
        gap: 3rem;
        align-items: flex-start;
        flex-wrap: wrap;
      }
      .main {
        flex: 1 1 30rem;
        min-width: 0;
        max-width: 60rem;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        max-width: 30rem;
      }
      input {
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
      /*
       * A TV: the whole form, the pad and the QR inside the safe area of one
       * 16:9 screen (1080p and 720p alike, rem follows the height), errors
       * included: two columns, the form left with each label beside its field
       * and the error under both, the pad over the QR on the right. The fields
       * stay one above the other, so Right from any of them reaches the pad.
       */
      .tv .main {
        max-width: none;
      }
      .layout.tv {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        column-gap: 2.4rem;
        flex-wrap: nowrap;
      }
      .tv .intro {
        margin-bottom: 0.4rem;
        line-height: 1.25;
      }
      /* Each field a whole row, then the submit with the detected brand beside it (grid places by order). */
      .tv form {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        gap: 0.25rem 1rem;
        max-width: none;
      }
      .tv form > * {
        grid-column: 1 / -1;
      }
      .tv form > button[type='submit'] {
        grid-column: 1;
        order: 1;
      }
      .tv form > .brand {
        grid-column: 2;
        order: 2;
      }
      .tv label {
        display: grid;
        grid-template-columns: 11rem minmax(0, 1fr);
        column-gap: 0.8rem;
        align-items: center;
      }
      .tv .field-error {
        grid-column: 1 / -1;
        line-height: 1.15;
      }
      .tv input {
        padding: 0.15rem 0.8rem;
        line-height: 1.25;
      }
      .tv .aside {
        gap: 0.8rem;
        flex: none;
        width: 20rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._onPageHide);
    this.addEventListener('nav-digit', this._onDigitKey as EventListener);
    void this._proveFirst();
  }

  /**
   * Contract section 5: the fresh proof comes before the customer types a
   * card number, so the form is not even rendered until it is given.
   */
  private async _proveFirst(): Promise<void> {
    const identity = this._identity.value;
    // Fresh already: the form renders in the very first frame.
    this.proven = !!identity?.verifiedSession && !identity.needsFreshProof();
    if (this.proven) return;
    const proven = await this._reauth.ensureFresh();
    if (!this.isConnected) return;
    if (proven) {
      this.proven = true;
      await this.updateComplete;
      this._input('cardNumber')?.focus();
    } else if (identity?.verifiedSession) {
      // Declined: the card change is not available without the proof.
      location.hash = hrefFor('/payment-method');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this._onPageHide);
    this.removeEventListener('nav-digit', this._onDigitKey as EventListener);
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      <mp-screen heading=${m.card.heading} back-href=${hrefFor('/payment-method')}>
        ${
          this._flow.step === 'done' && this._flow.result
            ? this._renderDone(m, this._flow.result)
            : this.proven
              ? this._renderForm(m)
              : html`<p class="intro">${m.card.intro}</p>`
        }
        ${renderReauthPrompt(this._reauth)}
      </mp-screen>
    `;
  }

  private _renderDone(m: Messages, method: PaymentMethod) {
    return html`<div role="status" class="done">
      <p class="result">${method.card ? m.card.done(method.card.brand, method.card.last3) : m.paymentMethod.none}</p>
      <p><a class="button primary" href=${hrefFor('/payment-method')} data-nav-default>${m.card.back}</a></p>
    </div>`;
  }

  private _renderForm(m: Messages) {
    const { failure, step } = this._flow;
    const sending = step === 'sending';
    const cvcDigits = brandOf(digitsOnly(this._value('cardNumber')))?.cvcLength ?? 3;
    const field = (
      name: CardField,
      label: string,
      attributes: {
        autocomplete: `cc-${'number' | 'exp' | 'csc' | 'name'}`;
        inputmode: string;
        placeholder?: string;
        maxlength: number;
      },
    ) => {
      const problem = this._flow.problems[name];
      return html`<label>
        <span class="label-text">${label}</span>
        <input
          name=${name}
          autocomplete=${attributes.autocomplete}
          inputmode=${attributes.inputmode}
          placeholder=${attributes.placeholder ?? ''}
          maxlength=${attributes.maxlength}
          autocapitalize=${name === 'cardHolder' ? 'characters' : 'off'}
          spellcheck="false"
          ?data-nav-default=${name === 'cardNumber'}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${`${name}-error`}
          @input=${this._onInput}
          @focus=${() => this._onFocusField(name)}
        />
        <span id=${`${name}-error`} class="field-error" aria-live="polite"
          >${problem ? problemText(m, problem, cvcDigits) : ''}</span
        >
      </label>`;
    };
    return html`
      <div class="layout ${this._tv ? 'tv' : ''}">
        <div class="main">
          <p class="intro">${m.card.intro}</p>
          <form novalidate @submit=${this._submit} data-nav-container data-nav-enter="last">
            ${field('cardNumber', m.card.number, { autocomplete: 'cc-number', inputmode: 'numeric', maxlength: 23, placeholder: '0000 0000 0000 0000' })}
            ${this.brandName ? html`<p class="brand muted" aria-live="polite">${m.card.brandDetected(this.brandName)}</p>` : null}
            ${field('cardExpiry', m.card.expiry, { autocomplete: 'cc-exp', inputmode: 'numeric', maxlength: 5, placeholder: 'MM/YY' })}
            ${field('cardCvc', m.card.cvc, { autocomplete: 'cc-csc', inputmode: 'numeric', maxlength: 4 })}
            ${field('cardHolder', m.card.holder, { autocomplete: 'cc-name', inputmode: 'text', maxlength: 26, placeholder: 'TARO YAMADA' })}
            ${failure ? html`<p class="form-error" role="alert">${this._failureText(m, failure)}</p>` : null}
            <button type="submit" class="primary" aria-disabled=${sending ? 'true' : 'false'}>
              ${sending ? m.card.submitting : this._flow.retriesToken ? m.errors.retry : m.card.submit}
            </button>
          </form>
        </div>
        ${
          this._tv
            ? html`<div class="aside">
                <mp-number-pad
                  aria-label=${m.card.pad}
                  @pad-digit=${(e: CustomEvent<string>) => this._typeDigit(e.detail)}
                  @pad-delete=${this._deleteDigit}
                ></mp-number-pad>
                <mp-phone-handoff url=${this._handoffUrl()}></mp-phone-handoff>
              </div>`
            : null
        }
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
    this._flow.edited(name);
  }

  /** The remote's digit keys, when focus is not in a field (e.g. on the pad). */
  private readonly _onDigitKey = (event: CustomEvent<string>): void => {
    if (this._flow.step !== 'form') return;
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

  private _submit(event: Event): void {
    event.preventDefault();
    void this._flow.submit();
  }
}

customElements.define('mp-card-change-screen', CardChangeScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-card-change-screen': CardChangeScreen;
  }
}
