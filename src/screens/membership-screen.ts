/**
 * #/membership: cancel the contract (with an optional reason) and sign out of
 * all devices. Each asks first; the screen then shows only what the verified
 * answer says (the scheduled end date, the number of devices signed out).
 * Both need a fresh proof of identity (contract section 5): asked before the
 * confirmation opens, and again if the server answers 403 meanwhile.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import type { Contract } from '../api/account-schemas.js';
import { servicesContext } from '../api/services-context.js';
import { identityContext } from '../identity/identity-context.js';
import { isTvDevice } from '../app/device-profile.js';
import { renderConfirmDialog } from '../components/mp-confirm-dialog.js';
import { renderReauthPrompt } from '../components/mp-reauth-prompt.js';
import '../components/mp-screen.js';
import { registerPhoneStepUp } from './step-up-panel.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { ConfirmFlowController } from '../data/confirm-flow-controller.js';
import { ReauthController } from '../data/reauth-controller.js';
import { dayBefore } from '../i18n/i18n.js';
import { I18nController } from '../i18n/i18n-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { detailStyles, sharedStyles } from '../styles/shared-styles.js';

type Reason = keyof Messages['procedures']['reasons'];
const REASONS: readonly Reason[] = ['none', 'price', 'content', 'usage', 'other'];

export class MembershipScreen extends LitElement {
  static override properties = {
    reason: { state: true },
    notice: { state: true },
  };

  declare reason: Reason;
  /** The outcome of the last procedure, from its verified answer. */
  declare notice: string;

  private readonly _i18n = new I18nController(this);
  private readonly _services = new ContextConsumer(this, { context: servicesContext });
  /** Provided from the start (the account API comes later): the proof is asked before anything else. */
  private readonly _identity = new ContextConsumer(this, { context: identityContext });
  private readonly _contract = new AccountResourceController<Contract>(this, (api) => api.read('contract'));
  /** Both procedures here need a proof of identity younger than 5 minutes (contract section 5). */
  private readonly _reauth = new ReauthController(this, {
    identity: () => this._identity.value,
    tv: isTvDevice(),
  });

  private readonly _cancel = new ConfirmFlowController<Contract>(this, async (_contract, idempotencyKey) => {
    const api = this._contract.api;
    if (!api) return;
    const body = { reason: this.reason === 'none' ? null : this.reason };
    const answer = await this._reauth.guard(() => api.mutate('cancelContract', { body, idempotencyKey }));
    this._contract.set(answer);
    const { m, date } = this._i18n.value;
    this.notice = m.procedures.cancelDone(date(dayBefore(answer.nextBillingDate)));
  });

  private readonly _logoutAll = new ConfirmFlowController<true>(this, async (_target, idempotencyKey) => {
    const services = this._services.value;
    if (!services) return;
    const answer = await this._reauth.guard(() => services.api.mutate('logoutAll', { idempotencyKey }));
    this.notice = this._i18n.value.m.procedures.logoutAllDone(answer.signedOutDevices);
    // This device was signed out too: drop everything and show the login screen.
    await services.identity.logout();
  });

  constructor() {
    super();
    // The TV's first re-authentication choice; read by the prompt when it opens.
    registerPhoneStepUp();
    this.reason = 'none';
    this.notice = '';
  }

  static override styles = [
    sharedStyles,
    detailStyles,
    css`
      section {
        margin-top: 1.5rem;
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.6rem;
      }
      h2 {
        font-size: 1.15rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      legend {
        padding: 0;
        margin-bottom: 0.5rem;
      }
      /*
       * TV-sized choices, readable from 3 m: each reason is a whole row with a
       * large dot. Selected = filled dot, accent fill and side bar; focused =
       * the yellow ring around the row. The two never look alike.
       */
      .choice {
        display: flex;
        gap: 0.8rem;
        align-items: center;
        min-height: 2.6rem;
        padding: 0.3rem 1rem;
        border-radius: 0.5rem;
        border: 0.1rem solid var(--mp-line, #5b6478);
        background: var(--mp-surface-2, #2a3142);
        cursor: pointer;
      }
      .choice.checked {
        background: #17385a;
        border-color: var(--mp-accent, #4fb3ff);
        box-shadow: inset 0.35rem 0 0 var(--mp-accent, #4fb3ff);
        font-weight: 700;
      }
      input[type='radio'] {
        -webkit-appearance: none;
        appearance: none;
        flex: none;
        margin: 0;
        width: 1.1rem;
        height: 1.1rem;
        border-radius: 50%;
        border: 0.15rem solid var(--mp-text, #f4f6fb);
        background: transparent;
      }
      input[type='radio']:checked {
        border-color: var(--mp-accent, #4fb3ff);
        background: radial-gradient(circle, var(--mp-accent, #4fb3ff) 0 45%, transparent 50%);
      }
      /* The ring goes round the whole row (engines without :focus-within keep it on the dot). */
      .choice:focus-within {
        outline: var(--mp-ring-outline, 0.2rem solid var(--mp-focus, #ffd23f));
        outline-offset: 0.15rem;
      }
      .choice:focus-within input {
        outline: none;
        box-shadow: none;
      }
      @media (forced-colors: active) {
        .choice:focus-within {
          outline: 0.25rem solid Highlight;
        }
      }
    `,
  ];

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    return html`
      <mp-screen heading=${m.membership.heading} land-on-back>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : null}
        ${this._contract.render({
          ready: (contract) => html`
            <dl>
              <dt>${m.membership.currentPlan}</dt>
              <dd class="text plan">${contract.planName}</dd>
              <dt>${m.contract.status}</dt>
              <dd class="status">${m.contract.statuses[contract.status]}</dd>
            </dl>
            <section aria-labelledby="cancel">
              <h2 id="cancel">${m.membership.cancelHeading}</h2>
              <p>
                ${
                  contract.status === 'cancel_scheduled'
                    ? m.membership.cancelScheduled(i18n.date(dayBefore(contract.nextBillingDate)))
                    : m.membership.cancelBody(i18n.date(dayBefore(contract.nextBillingDate)))
                }
              </p>
              ${
                contract.status === 'active'
                  ? html`<button class="cancel-contract" @click=${() => void this._openCancel(contract)}>
                      ${m.procedures.cancelContract}
                    </button>`
                  : null
              }
            </section>
            <section aria-labelledby="logout-all">
              <h2 id="logout-all">${m.membership.logoutAllHeading}</h2>
              <p>${m.membership.logoutAllBody}</p>
              <button class="logout-all" @click=${this._openLogoutAll}>${m.procedures.logoutAll}</button>
            </section>
          `,
        })}
        ${renderConfirmDialog(
          this._cancel,
          (target) => ({
            heading: m.procedures.cancelHeading,
            message: m.procedures.cancelMessage(i18n.date(dayBefore(target.nextBillingDate))),
            confirmLabel: m.procedures.cancelContract,
          }),
          this._renderReasons(m),
        )}
        ${renderConfirmDialog(this._logoutAll, () => ({
          heading: m.procedures.logoutAllHeading,
          message: m.procedures.logoutAllMessage,
          confirmLabel: m.procedures.logoutAllConfirm,
        }))}
        ${renderReauthPrompt(this._reauth)}
      </mp-screen>
    `;
  }

  /** The proof comes before the question, so "yes" acts at once. */
  private async _openCancel(contract: Contract): Promise<void> {
    if (!(await this._reauth.ensureFresh())) return;
    this.reason = 'none';
    this.notice = '';
    this._cancel.open(contract);
  }

  private readonly _openLogoutAll = async (): Promise<void> => {
    if (!(await this._reauth.ensureFresh())) return;
    this._logoutAll.open(true);
  };

  private _renderReasons(m: Messages) {
    return html`<fieldset>
      <legend>${m.procedures.reasonLegend}</legend>
      ${REASONS.map(
        (reason) =>
          html`<label class=${this.reason === reason ? 'choice checked' : 'choice'}>
            <input
              type="radio"
              name="reason"
              value=${reason}
              .checked=${this.reason === reason}
              @change=${() => (this.reason = reason)}
            />
            ${m.procedures.reasons[reason]}
          </label>`,
      )}
    </fieldset>`;
  }
}

customElements.define('mp-membership-screen', MembershipScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-membership-screen': MembershipScreen;
  }
}
