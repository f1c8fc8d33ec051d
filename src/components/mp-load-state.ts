/**
 * What a view shows while its data is not there: loading, or an error in
 * plain words with a way to retry. The message is chosen from the error's
 * kind only; nothing from the failed answer is ever shown.
 */
import { LitElement, css, html } from 'lit';
import type { ApiError } from '../api/errors.js';
import { errorMessage } from '../i18n/error-message.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

export class MpLoadState extends LitElement {
  static override properties = {
    status: { type: String, reflect: true },
    error: { attribute: false },
  };

  declare status: 'loading' | 'error';
  declare error: ApiError | null;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.status = 'loading';
    this.error = null;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        padding: 1rem 0;
      }
      .error {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 1rem;
      }
    `,
  ];

  override render() {
    const { m } = this._i18n.value;
    if (this.status === 'loading') {
      return html`<p role="status" aria-live="polite" class="muted">${m.app.loading}</p>`;
    }
    return html`
      <div class="error" role="alert">
        <p>${errorMessage(m, this.error)}</p>
        <button class="retry" data-color-key="green" @click=${this._retry}>
          <span class="key-hint green" aria-hidden="true"></span>${m.errors.retry}
        </button>
      </div>
    `;
  }

  private _retry(): void {
    this.dispatchEvent(new Event('retry', { bubbles: true, composed: true }));
  }
}

customElements.define('mp-load-state', MpLoadState);

/** The load state of a data controller, wired to its reload. */
export function renderLoadState(data: {
  readonly status: 'loading' | 'ready' | 'error';
  readonly error: ApiError | null;
  reload(): void;
}) {
  return html`<mp-load-state
    .status=${data.status === 'error' ? 'error' : 'loading'}
    .error=${data.error}
    @retry=${() => data.reload()}
  ></mp-load-state>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-load-state': MpLoadState;
  }
}
