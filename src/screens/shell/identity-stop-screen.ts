/**
 * The identity-stop screen. It knows nothing about any account: only why the
 * page stopped (a cause the store names) and a way to log in again.
 */
import { LitElement, html } from 'lit';
import '../../components/mp-screen.js';
import type { StopCause } from '../../identity/identity-store.js';
import { I18nController } from '../../i18n/i18n-controller.js';
import { noticeStyles, sharedStyles } from '../../styles/shared-styles.js';

export class IdentityStopScreen extends LitElement {
  static override properties = {
    cause: { type: String },
  };

  declare cause: StopCause;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.cause = 'mismatch';
  }

  static override styles = [sharedStyles, noticeStyles];

  override render() {
    const { m } = this._i18n.value;
    const text =
      this.cause === 'account-changed'
        ? m.identityStop.accountChanged
        : this.cause === 'login-mismatch'
          ? m.identityStop.loginMismatch
          : m.identityStop.mismatch;
    return html`
      <mp-screen heading=${m.identityStop.heading} back-href="">
        <div class="body" role="alert">
          <p class="reason">${text}</p>
          <p class="muted">${m.identityStop.reported}</p>
          <button class="login-again primary" @click=${this._again}>${m.identityStop.action}</button>
        </div>
      </mp-screen>
    `;
  }

  private _again(): void {
    this.dispatchEvent(new Event('start-over', { bubbles: true, composed: true }));
  }
}

customElements.define('mp-identity-stop-screen', IdentityStopScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-identity-stop-screen': IdentityStopScreen;
  }
}
