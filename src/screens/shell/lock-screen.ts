/**
 * The lock screen: shown when the page dropped the account data because it
 * sat idle or another tab changed the login. Like the identity-stop screen it
 * knows nothing about any account, only the reason; its one button asks the
 * app to re-read the session (`unlock`).
 */
import { LitElement, html } from 'lit';
import '../../components/mp-screen.js';
import type { LockReason } from '../../identity/identity-store.js';
import { I18nController } from '../../i18n/i18n-controller.js';
import { noticeStyles, sharedStyles } from '../../styles/shared-styles.js';

export class LockScreen extends LitElement {
  static override properties = {
    reason: { type: String },
  };

  declare reason: LockReason;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.reason = 'idle';
  }

  static override styles = [sharedStyles, noticeStyles];

  override render() {
    const { lock } = this._i18n.value.m;
    const idle = this.reason === 'idle';
    const text =
      this.reason === 'idle'
        ? lock.idle
        : this.reason === 'other-tab-login'
          ? lock.otherTabLogin
          : this.reason === 'other-tab-logout'
            ? lock.otherTabLogout
            : lock.otherTabStop;
    return html`
      <mp-screen heading=${idle ? lock.idleHeading : lock.otherTabHeading} back-href="">
        <div class="body" role="alert">
          <p class="reason">${text}</p>
          <button class="unlock primary" @click=${this._unlock}>${idle ? lock.idleAction : lock.checkAgain}</button>
        </div>
      </mp-screen>
    `;
  }

  private _unlock(): void {
    this.dispatchEvent(new Event('unlock', { bubbles: true, composed: true }));
  }
}

customElements.define('mp-lock-screen', LockScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-lock-screen': LockScreen;
  }
}
