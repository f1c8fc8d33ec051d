/**
 * An on-screen number pad for a remote's D-pad: 1-9, delete, 0. It types into
 * whatever field its owner says is active, through `pad-digit` / `pad-delete`
 * events, and never holds what was typed.
 */
import { LitElement, css, html } from 'lit';
import { I18nController } from '../i18n/i18n-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'delete', '0'] as const;

export class MpNumberPad extends LitElement {
  private readonly _i18n = new I18nController(this);

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-block;
      }
      .keys {
        display: inline-grid;
        grid-template-columns: repeat(3, 3.2rem);
        gap: 0.5rem;
      }
      button {
        min-height: 2.6rem;
        padding: 0;
        font-size: 1.1rem;
      }
      .delete {
        font-size: 0.9rem;
      }
    `,
  ];

  override render() {
    const { m } = this._i18n.value;
    // The container is inside the shadow root, beside its keys: entering it finds its default key there.
    return html`<div class="keys" data-nav-container data-nav-enter="last">
      ${KEYS.map((key) =>
        key === 'delete'
          ? html`<button type="button" class="delete" aria-label=${m.card.clear} @click=${this._delete}>⌫</button>`
          : // Entering the pad from a field lands on 1, wherever the field is (not on the key beside it).
            html`<button
              type="button"
              class="digit"
              data-digit=${key}
              ?data-nav-default=${key === '1'}
              @click=${() => this._digit(key)}
            >
              ${key}
            </button>`,
      )}
    </div>`;
  }

  private _digit(digit: string): void {
    this.dispatchEvent(new CustomEvent('pad-digit', { detail: digit }));
  }

  private _delete(): void {
    this.dispatchEvent(new Event('pad-delete'));
  }
}

customElements.define('mp-number-pad', MpNumberPad);

declare global {
  interface HTMLElementTagNameMap {
    'mp-number-pad': MpNumberPad;
  }
}
