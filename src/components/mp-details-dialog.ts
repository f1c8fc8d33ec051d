/**
 * The details of one list row (a download, a payment), opened by OK on a row
 * that has no action of its own: a row that takes focus does something, and
 * here every value is shown whole (a row cuts its title to one line). Modal
 * like the confirmation: focus trapped, Close focused, Back closes, focus
 * returns to the row. It emits `close`.
 */
import { LitElement, css, html } from 'lit';
import { I18nController } from '../i18n/i18n-controller.js';
import { trapFocus } from '../navigation/nav-controller.js';
import { detailStyles, modalStyles, sharedStyles } from '../styles/shared-styles.js';

export interface DetailLine {
  readonly label: string;
  readonly value: string;
}

export class MpDetailsDialog extends LitElement {
  static override properties = {
    heading: { type: String },
    lines: { attribute: false },
  };

  declare heading: string;
  declare lines: readonly DetailLine[];

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.heading = '';
    this.lines = [];
  }

  static override styles = [
    sharedStyles,
    detailStyles,
    modalStyles,
    css`
      [role='dialog'] {
        align-items: flex-start;
      }
    `,
  ];

  override firstUpdated(): void {
    const dialog = this.renderRoot.querySelector<HTMLElement>('[role=dialog]')!;
    dialog.addEventListener('nav-dismiss', () => this._close());
    trapFocus(dialog);
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      <div role="dialog" aria-modal="true" aria-labelledby="heading">
        <h2 id="heading" class="text">${this.heading}</h2>
        <dl>
          ${this.lines.map(
            (line) =>
              html`<dt>${line.label}</dt>
                <dd class="text">${line.value}</dd>`,
          )}
        </dl>
        <button class="close" data-nav-default @click=${this._close}>${m.dialog.close}</button>
      </div>
    `;
  }

  private _close(): void {
    this.dispatchEvent(new Event('close'));
  }
}

customElements.define('mp-details-dialog', MpDetailsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'mp-details-dialog': MpDetailsDialog;
  }
}
