/** #/contract: plan, status, monthly fee, next billing date, card last 3 digits. */
import { LitElement, html } from 'lit';
import type { Contract } from '../api/account-schemas.js';
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
    return html`
      <mp-screen heading=${m.contract.heading}>
        ${this._contract.render({
          ready: (contract) => html`
            <dl>
              <dt>${m.contract.plan}</dt>
              <dd class="text plan">${contract.planName}</dd>
              <dt>${m.contract.status}</dt>
              <dd class="status">${m.contract.statuses[contract.status]}</dd>
              <dt>${m.contract.monthlyFee}</dt>
              <dd class="fee">${i18n.money(contract.monthlyFee)}</dd>
              <dt>${m.contract.nextBillingDate}</dt>
              <dd class="billing">${i18n.date(contract.nextBillingDate)}</dd>
              <dt>${m.contract.card}</dt>
              <dd class="text card">
                ${contract.card ? m.contract.cardValue(contract.card.brand, contract.card.last3) : m.contract.noCard}
              </dd>
            </dl>
          `,
        })}
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
