/** #/contract: plan, status, monthly fee, next billing date, card last 3 digits. */
import { LitElement, html } from 'lit';
import type { Contract } from '../api/account-schemas.js';
import { renderLoadState } from '../components/mp-load-state.js';
import '../components/mp-screen.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { detailStyles, sharedStyles } from '../styles/shared-styles.js';

export class ContractScreen extends LitElement {
  static override styles = [sharedStyles, detailStyles];

  private readonly _i18n = new I18nController(this);
  private readonly _contract = new AccountResourceController<Contract>(this, (api) => api.read('contract'));

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const data = this._contract;
    return html`
      <mp-screen heading=${m.contract.heading}>
        ${data.value
          ? html`
              <dl>
                <dt>${m.contract.plan}</dt>
                <dd class="text plan">${data.value.planName}</dd>
                <dt>${m.contract.status}</dt>
                <dd class="status">${m.contract.statuses[data.value.status]}</dd>
                <dt>${m.contract.monthlyFee}</dt>
                <dd class="fee">${i18n.money(data.value.monthlyFee)}</dd>
                <dt>${m.contract.nextBillingDate}</dt>
                <dd class="billing">${i18n.date(data.value.nextBillingDate)}</dd>
                <dt>${m.contract.card}</dt>
                <dd class="text card">
                  ${data.value.card ? m.contract.cardValue(data.value.card.brand, data.value.card.last3) : m.contract.noCard}
                </dd>
              </dl>
            `
          : renderLoadState(data)}
      </mp-screen>
    `;
  }
}

customElements.define('mp-contract-screen', ContractScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-contract-screen': ContractScreen;
  }
}
