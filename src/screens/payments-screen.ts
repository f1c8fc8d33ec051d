/** #/payments: payment history, newest first, paged by cursor. */
import { LitElement, html } from 'lit';
import type { Payment } from '../api/account-schemas.js';
import { renderListMore } from '../components/list-more.js';
import '../components/mp-account-list.js';
import '../components/mp-details-dialog.js';
import '../components/mp-screen.js';
import { CursorListController } from '../data/cursor-list-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

function methodText(m: Messages, payment: Payment): string {
  if (payment.method === 'carrier') return m.payments.carrier(payment.carrier ?? '');
  return payment.cardLast3 ? m.payments.card(payment.cardLast3) : m.payments.cardUnknown;
}

export class PaymentsScreen extends LitElement {
  static override properties = {
    opened: { state: true },
  };

  /**
   * The id of the row whose details are shown (OK on a row); the values come
   * from the controller's data, so dropping that drops them here too.
   */
  declare opened: string | null;

  static override styles = [sharedStyles, listStyles];

  constructor() {
    super();
    this.opened = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.opened = null;
  }

  private readonly _i18n = new I18nController(this);
  private readonly _payments = new CursorListController<Payment>(this, (api, cursor) =>
    api.read('payments', cursor ? { cursor } : undefined),
  );

  private readonly _openRow = (event: CustomEvent<Payment>): void => {
    this.opened = event.detail.paymentId;
  };

  private readonly _closeRow = (): void => {
    this.opened = null;
  };

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const list = this._payments;
    const opened = list.status === 'ready' ? list.items.find((p) => p.paymentId === this.opened) : undefined;
    return html`
      <mp-screen heading=${m.payments.heading}>
        ${list.render({
          empty: () => html`<p class="empty">${m.payments.empty}</p>`,
          ready: (items) =>
            html`<mp-account-list
                label=${m.payments.heading}
                @row-open=${this._openRow}
                ?has-more=${list.hasMore}
                ?loading=${list.moreStatus === 'loading'}
                @load-more=${() => list.loadMore()}
                .items=${items}
                .keyOf=${(payment: Payment) => payment.paymentId}
                .renderRow=${(payment: Payment) => html`
                  <p class="row-title text">${payment.description}</p>
                  <p class="row-meta">
                    <span class="amount">${m.payments.amount}: ${i18n.money(payment.amount)}</span>
                    <span>${m.payments.paidAt}: ${i18n.dateTime(payment.paidAt)}</span>
                    <span class="text">${m.payments.method}: ${methodText(m, payment)}</span>
                  </p>
                `}
              ></mp-account-list>
              ${renderListMore(list, m)}`,
        })}
        ${
          opened
            ? html`<mp-details-dialog
                heading=${opened.description}
                @close=${this._closeRow}
                .lines=${[
                  { label: m.payments.amount, value: i18n.money(opened.amount) },
                  { label: m.payments.paidAt, value: i18n.dateTime(opened.paidAt) },
                  { label: m.payments.method, value: methodText(m, opened) },
                ]}
              ></mp-details-dialog>`
            : null
        }
      </mp-screen>
    `;
  }
}

customElements.define('mp-payments-screen', PaymentsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-payments-screen': PaymentsScreen;
  }
}
