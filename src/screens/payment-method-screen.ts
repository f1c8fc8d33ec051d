/** #/payment-method: the registered card (last 3 digits only) or carrier billing. */
import { LitElement, css, html } from 'lit';
import type { PaymentMethod } from '../api/account-schemas.js';
import '../components/mp-screen.js';
import { hrefFor } from '../app/route-paths.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { detailStyles, sharedStyles } from '../styles/shared-styles.js';

function renderMethod(m: Messages, method: PaymentMethod) {
  if (method.type === 'card' && method.card) {
    const { card } = method;
    return html`<dl>
      <dt>${m.paymentMethod.type}</dt>
      <dd>${m.paymentMethod.card}</dd>
      <dt>${m.paymentMethod.brand}</dt>
      <dd class="text brand">${card.brand}</dd>
      <dt>${m.paymentMethod.cardNumber}</dt>
      <dd class="last3">${m.paymentMethod.cardNumberValue(card.last3)}</dd>
      <dt>${m.paymentMethod.expiry}</dt>
      <dd class="expiry">${m.paymentMethod.expiryValue(card.expiryMonth, card.expiryYear)}</dd>
    </dl>`;
  }
  if (method.type === 'carrier') {
    return html`<dl>
      <dt>${m.paymentMethod.type}</dt>
      <dd>${m.paymentMethod.carrier}</dd>
      <dt>${m.paymentMethod.carrierName}</dt>
      <dd class="text carrier">${method.carrier ?? ''}</dd>
    </dl>`;
  }
  return html`<p class="empty">${m.paymentMethod.none}</p>`;
}

export class PaymentMethodScreen extends LitElement {
  static override styles = [
    sharedStyles,
    detailStyles,
    css`
      .change {
        margin-top: 1.5rem;
      }
    `,
  ];

  private readonly _i18n = new I18nController(this);
  private readonly _method = new AccountResourceController<PaymentMethod>(this, (api) => api.read('paymentMethod'));

  override render() {
    const { m } = this._i18n.value;
    return html`
      <mp-screen heading=${m.paymentMethod.heading}>
        ${this._method.render({
          ready: (method) =>
            html`${renderMethod(m, method)}
              <p class="change">
                <a class="button primary" href=${hrefFor('/payment-method/card')} data-nav-key="change-card"
                  >${m.paymentMethod.change}</a
                >
              </p>`,
        })}
      </mp-screen>
    `;
  }
}

customElements.define('mp-payment-method-screen', PaymentMethodScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-payment-method-screen': PaymentMethodScreen;
  }
}
