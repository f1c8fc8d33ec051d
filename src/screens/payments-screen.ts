/** #/payments: payment history, newest first, paged by cursor. */
import { LitElement, html } from 'lit';
import type { Payment } from '../api/account-schemas.js';
import { renderListMore } from '../components/list-more.js';
import '../components/mp-account-list.js';
import '../components/mp-details-dialog.js';
import '../components/mp-screen.js';
import { CursorListController } from '../data/cursor-list-controller.js';
import { OpenedRowController } from '../data/opened-row-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

function methodText(m: Messages, payment: Payment): string {
  if (payment.method === 'carrier') return m.payments.carrier(payment.carrier ?? '');
  return payment.cardLast3 ? m.payments.card(payment.cardLast3) : m.payments.cardUnknown;
}

export class PaymentsScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  private readonly _i18n = new I18nController(this);
  private readonly _payments = new CursorListController<Payment>(this, (api, cursor) =>
    api.read('payments', cursor ? { cursor } : undefined),
  );

  private readonly _opened = new OpenedRowController<Payment>(
    this,
    (row) => row.paymentId,
    () => (this._payments.status === 'ready' ? this._payments.items : undefined),
  );

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const list = this._payments;
    const opened = this._opened.row;
    return html`
      <mp-screen heading=${m.payments.heading}>
        ${list.render({
          empty: () => html`<p class="empty">${m.payments.empty}</p>`,
          ready: (items) =>
            html`<mp-account-list
                label=${m.payments.heading}
                @row-open=${this._opened.open}
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
                @close=${this._opened.close}
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
