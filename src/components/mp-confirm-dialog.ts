/**
 * Confirmation of a procedure (deregister a device, cancel the contract...).
 * Modal: focus is trapped inside while it is open, the safe choice (cancel)
 * is focused first, Back dismisses it, and focus returns to the control that
 * opened it. It emits `confirm` and `cancel`; the caller runs the mutation and
 * shows its progress and error here, so a retry is one press away.
 */
import { LitElement, css, html } from 'lit';
import type { ApiError } from '../api/errors.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { trapFocus } from '../navigation/focus-trap.js';
import { modalStyles, sharedStyles } from '../styles/shared-styles.js';
import { errorMessage } from '../i18n/error-message.js';

export class MpConfirmDialog extends LitElement {
  static override properties = {
    heading: { type: String },
    message: { type: String },
    confirmLabel: { type: String, attribute: 'confirm-label' },
    busy: { type: Boolean, reflect: true },
    error: { attribute: false },
  };

  declare heading: string;
  declare message: string;
  declare confirmLabel: string;
  declare busy: boolean;
  declare error: ApiError | null;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.heading = '';
    this.message = '';
    this.confirmLabel = '';
    this.busy = false;
    this.error = null;
  }

  static override styles = [
    sharedStyles,
    modalStyles,
    css`
      .actions {
        display: flex;
        gap: 1.5rem;
        flex-wrap: wrap;
      }
      .confirm {
        background: var(--mp-danger, #8e2a2a);
      }
      .error {
        color: var(--mp-error, #ff9a8a);
      }
    `,
  ];

  override firstUpdated(): void {
    const dialog = this.renderRoot.querySelector<HTMLElement>('[role=alertdialog]')!;
    dialog.addEventListener('nav-dismiss', () => this._cancel());
    trapFocus(dialog);
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      <div role="alertdialog" aria-modal="true" aria-labelledby="heading" aria-describedby="message">
        <h2 id="heading">${this.heading}</h2>
        <p id="message" class="text">${this.message}</p>
        <slot></slot>
        ${this.error ? html`<p class="error" role="alert">${errorMessage(m, this.error)}</p>` : null}
        <div class="actions">
          <button class="cancel" data-nav-default @click=${this._cancel}>${m.dialog.cancel}</button>
          <button class="confirm" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._confirm}>
            ${this.busy ? m.dialog.working : this.error ? m.errors.retry : this.confirmLabel}
          </button>
        </div>
      </div>
    `;
  }

  private _confirm(): void {
    if (this.busy) return;
    this.dispatchEvent(new Event('confirm'));
  }

  private _cancel(): void {
    if (this.busy) return;
    this.dispatchEvent(new Event('cancel'));
  }
}

customElements.define('mp-confirm-dialog', MpConfirmDialog);

export interface ConfirmTexts {
  readonly heading: string;
  readonly message: string;
  readonly confirmLabel: string;
}

/** What the dialog reads of a procedure's flow (a ConfirmFlowController). */
export interface ConfirmFlow<T> {
  readonly target: T | null;
  readonly busy: boolean;
  readonly error: ApiError | null;
  confirm(): unknown;
  cancel(): void;
}

/** The dialog of a ConfirmFlowController, when it has an item to ask about. */
export function renderConfirmDialog<T>(
  flow: ConfirmFlow<T>,
  texts: (target: T) => ConfirmTexts,
  content: unknown = null,
) {
  if (flow.target === null) return null;
  const { heading, message, confirmLabel } = texts(flow.target);
  return html`<mp-confirm-dialog
    heading=${heading}
    message=${message}
    confirm-label=${confirmLabel}
    ?busy=${flow.busy}
    .error=${flow.error}
    @confirm=${() => flow.confirm()}
    @cancel=${() => flow.cancel()}
    >${content}</mp-confirm-dialog
  >`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-confirm-dialog': MpConfirmDialog;
  }
}
