/**
 * #/membership: the procedures (cancel contract, sign out of all devices),
 * read-only until the mutation flows land; shows the contract state they act on.
 */
import { LitElement, css, html } from 'lit';
import type { Contract } from '../api/schemas.js';
import { renderLoadState } from '../components/mp-load-state.js';
import '../components/mp-screen.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { detailStyles, sharedStyles } from '../styles/shared-styles.js';

export class MembershipScreen extends LitElement {
  static override styles = [
    sharedStyles,
    detailStyles,
    css`
      section {
        margin-top: 1.5rem;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      h2 {
        font-size: 1.15rem;
      }
    `,
  ];

  readonly #i18n = new I18nController(this);
  readonly #contract = new AccountResourceController<Contract>(this, (api) => api.read('contract'));

  override render() {
    const i18n = this.#i18n.value;
    const { m } = i18n;
    const contract = this.#contract.value;
    return html`
      <mp-screen heading=${m.membership.heading}>
        ${contract
          ? html`
              <dl>
                <dt>${m.membership.currentPlan}</dt>
                <dd class="text plan">${contract.planName}</dd>
                <dt>${m.contract.status}</dt>
                <dd class="status">${m.contract.statuses[contract.status]}</dd>
              </dl>
              <section aria-labelledby="cancel">
                <h2 id="cancel">${m.membership.cancelHeading}</h2>
                <p>
                  ${contract.status === 'cancel_scheduled'
                    ? m.membership.cancelScheduled(i18n.date(contract.nextBillingDate))
                    : m.membership.cancelBody}
                </p>
                <p class="muted">${m.membership.notYet}</p>
              </section>
              <section aria-labelledby="logout-all">
                <h2 id="logout-all">${m.membership.logoutAllHeading}</h2>
                <p>${m.membership.logoutAllBody}</p>
                <p class="muted">${m.membership.notYet}</p>
              </section>
            `
          : renderLoadState(this.#contract)}
      </mp-screen>
    `;
  }
}

customElements.define('mp-membership-screen', MembershipScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-membership-screen': MembershipScreen;
  }
}
