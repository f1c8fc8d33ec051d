/**
 * The re-authentication prompt (contract section 5). Modal: the engine's
 * one focus trap (navigation/focus-trap.ts) keeps arrows, OK and Tab inside
 * while it is open and Back dismisses it, and focus starts in the password
 * field. With several methods (a TV: the phone first, the password second) a
 * row of choices comes first, and a method other than the password shows its
 * panel, slotted in by `renderReauthPrompt`.
 *
 * The password lives only in its input and in the `reauth-password` event of
 * one attempt; the input is emptied as the attempt starts.
 */
import { LitElement, css, html } from 'lit';
import { isApiError, type ApiError } from '../api/errors.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { trapFocus } from '../navigation/nav-controller.js';
import { fieldStyles, modalStyles, sharedStyles } from '../styles/shared-styles.js';
import { errorMessage } from '../i18n/error-message.js';

export type ReauthMethodKind = 'password' | 'phone';
export type ReauthError = 'required' | 'wrong-password' | ApiError;

/**
 * What the prompt needs of its flow (data/reauth-controller.ts), as a plain
 * shape: elements never import the controllers that render them.
 */
export interface ReauthPromptFlow {
  readonly open: boolean;
  readonly methods: readonly ReauthMethodKind[];
  readonly method: ReauthMethodKind;
  readonly busy: boolean;
  readonly error: ReauthError | null;
  submitPassword(password: string): unknown;
  choose(kind: ReauthMethodKind): void;
  cancel(): void;
  renderPanel(): unknown;
}

const METHOD_LABEL: Record<ReauthMethodKind, (m: Messages) => string> = {
  password: (m) => m.reauth.methodPassword,
  phone: (m) => m.reauth.methodPhone,
};

export class MpReauthPrompt extends LitElement {
  static override properties = {
    methods: { attribute: false },
    method: { type: String, reflect: true },
    busy: { type: Boolean, reflect: true },
    error: { attribute: false },
  };

  /** The methods offered, first choice first. */
  declare methods: readonly ReauthMethodKind[];
  /** The chosen method. */
  declare method: ReauthMethodKind;
  declare busy: boolean;
  declare error: ReauthError | null;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.methods = ['password'];
    this.method = 'password';
    this.busy = false;
    this.error = null;
  }

  static override styles = [
    sharedStyles,
    modalStyles,
    fieldStyles,
    css`
      /* Above a confirm dialog that may have asked for it. */
      :host {
        z-index: 20;
        background: rgba(5, 8, 14, 0.88);
      }
      [role='dialog'] {
        max-width: min(50rem, 92vw);
        max-height: 92vh;
      }
      .methods,
      .actions {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .methods button[aria-pressed='true'] {
        outline: 0.15rem solid var(--mp-accent, #7fb4ff);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 1rem;
      }
      input[aria-invalid='true'] {
        border-color: var(--mp-error, #ff9a8a);
        border-width: 0.2rem;
      }
      .error {
        color: var(--mp-error, #ff9a8a);
      }
    `,
  ];

  override firstUpdated(): void {
    const dialog = this.renderRoot.querySelector<HTMLElement>('[role=dialog]')!;
    dialog.addEventListener('nav-dismiss', () => this._cancel());
    trapFocus(dialog);
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      <div role="dialog" aria-modal="true" aria-labelledby="heading" aria-describedby="intro">
        <h2 id="heading">${m.reauth.heading}</h2>
        <p id="intro" class="text">${m.reauth.intro}</p>
        ${
          this.methods.length > 1
            ? html`<div class="methods" role="group" aria-label=${m.reauth.methods}>
                ${this.methods.map(
                  (kind) =>
                    html`<button
                      type="button"
                      class="method"
                      data-method=${kind}
                      aria-pressed=${kind === this.method ? 'true' : 'false'}
                      @click=${() => this._choose(kind)}
                    >
                      ${METHOD_LABEL[kind](m)}
                    </button>`,
                )}
              </div>`
            : null
        }
        ${
          this.method === 'password'
            ? this._renderPassword(m)
            : html`<slot></slot>${this._renderError(m)}
                <div class="actions">${this._renderCancel(m)}</div>`
        }
      </div>
    `;
  }

  private _renderCancel(m: Messages) {
    return html`<button type="button" class="cancel" @click=${this._cancel}>${m.reauth.cancel}</button>`;
  }

  private _renderPassword(m: Messages) {
    const invalid = this.error === 'required' || this.error === 'wrong-password';
    return html`<form id="reauth-form" novalidate @submit=${this._submit}>
      <label>
        ${m.reauth.password}
        <input
          type="password"
          name="password"
          autocomplete="current-password"
          spellcheck="false"
          autocapitalize="off"
          data-nav-default
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="reauth-error reauth-warning"
        />
      </label>
      ${this._renderError(m)}
      <p id="reauth-warning" class="muted">${m.reauth.lockoutWarning}</p>
      <div class="actions">
        <button type="submit" class="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? m.reauth.submitting : m.reauth.submit}
        </button>
        ${this._renderCancel(m)}
      </div>
    </form>`;
  }

  private _renderError(m: Messages) {
    const error = this.error;
    const text =
      error === 'required'
        ? m.reauth.required
        : error === 'wrong-password'
          ? m.reauth.wrongPassword
          : isApiError(error)
            ? errorMessage(m, error)
            : '';
    return html`<p id="reauth-error" class="error" role="alert">${text}</p>`;
  }

  private _submit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=password]');
    const password = input?.value ?? '';
    if (input) input.value = '';
    this.dispatchEvent(new CustomEvent('reauth-password', { detail: password }));
  }

  private _choose(kind: ReauthMethodKind): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('reauth-method', { detail: kind }));
  }

  private _cancel(): void {
    if (this.busy) return;
    this.dispatchEvent(new Event('reauth-cancel'));
  }
}

customElements.define('mp-reauth-prompt', MpReauthPrompt);

/** The prompt of a ReauthController while it asks, with the chosen TV method's panel slotted in. */
export function renderReauthPrompt(flow: ReauthPromptFlow) {
  if (!flow.open) return null;
  return html`<mp-reauth-prompt
    .methods=${flow.methods}
    method=${flow.method}
    ?busy=${flow.busy}
    .error=${flow.error}
    @reauth-password=${(event: CustomEvent<string>) => void flow.submitPassword(event.detail)}
    @reauth-method=${(event: CustomEvent<ReauthMethodKind>) => flow.choose(event.detail)}
    @reauth-cancel=${() => flow.cancel()}
    >${flow.renderPanel()}</mp-reauth-prompt
  >`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-reauth-prompt': MpReauthPrompt;
  }
}
