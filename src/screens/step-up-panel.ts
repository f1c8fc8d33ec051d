/**
 * The TV's first way to re-authenticate (contract section 5): the phone
 * approves a step-up code. Shown inside <mp-reauth-prompt> when the customer
 * picks "approve on my phone". The device flow (data/device-sign-in-controller.ts,
 * `purpose: "step-up"` with the verified account as `expectedAccountId`)
 * polls and checks the nonce, the user code and the account; the renewed
 * session then goes through the same `accept` as a password proof
 * (IdentityStore.acceptRenewedSession), so another account is an
 * identity-stop, never a switch.
 *
 * The screens with sensitive actions register it (`registerPhoneStepUp()`)
 * when they are built, not as a side effect of loading this module: in the
 * built chunks this module can run before the one that holds the registry.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { deviceDisplayName } from '../app/device-name.js';
import { DeviceSignInController, type DeviceFlowState } from '../data/device-sign-in-controller.js';
import { registerTvReauthMethod, type ProofSink } from '../data/reauth-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { identityContext } from '../identity/identity-context.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { endText, renderWaitingCode } from './device-flow-parts.js';

export class StepUpPanel extends LitElement {
  static override properties = {
    proof: { attribute: false },
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** Where the renewed session goes (the prompt's proof). */
  declare proof: ProofSink | undefined;

  private readonly _i18n = new I18nController(this);
  private readonly _identity = new ContextConsumer(this, { context: identityContext, subscribe: true });
  private _flow: DeviceSignInController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const proof = this.proof;
    const csrfToken = this._identity.value?.verifiedSession?.csrfToken;
    if (this._flow || !proof || !csrfToken) return;
    this._flow = new DeviceSignInController(this, {
      purpose: 'step-up',
      expectedAccountId: proof.expectedAccountId,
      csrfToken,
      deviceName: deviceDisplayName(),
      identity: () => this._identity.value,
      // The nonce of the code the approval answered, checked by the flow.
      onRenewed: (session, nonce) => void proof.accept(session, nonce, '/auth/device/token'),
    });
    void this._flow.start();
  }

  override render() {
    const { m } = this._i18n.value;
    const state: DeviceFlowState = this._flow?.state ?? { phase: 'idle' };
    if (state.phase === 'waiting') return html` ${renderWaitingCode(m, state)} `;
    if (state.phase === 'ended') {
      return html`
        <p class="form-error" role="alert" data-device-end=${state.reason}>${endText(m, state.reason)}</p>
        ${
          state.reason === 'refused'
            ? null
            : html`<button type="button" data-nav-key="step-up-new-code" @click=${this._newCode}>
                ${m.deviceSignIn.newCode}
              </button>`
        }
      `;
    }
    if (state.phase === 'renewed') return html`<p role="status">${m.reauth.submitting}</p>`;
    return html`<p role="status">${m.deviceSignIn.starting}</p>`;
  }

  private readonly _newCode = (): void => {
    void this._flow?.start();
  };
}

customElements.define('mp-step-up-panel', StepUpPanel);

/** Offers the phone's step-up on TVs (idempotent: a method is registered once). */
export function registerPhoneStepUp(): void {
  registerTvReauthMethod({
    kind: 'phone',
    render: (proof) => html`<mp-step-up-panel .proof=${proof}></mp-step-up-panel>`,
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'mp-step-up-panel': StepUpPanel;
  }
}
