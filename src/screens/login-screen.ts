/**
 * #/login. The login itself (nonce, echo checks) lives in the identity store;
 * this element only collects the two fields and says what went wrong.
 *
 * Two ways in (contract section 4): on a TV the code approved on a phone
 * first and the password form second; elsewhere the other way round. The
 * code flow, its checks and its result are DeviceSignInController's; this
 * element shows its state and asks the account question.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { isApiError } from '../api/errors.js';
import { identityContext } from '../identity/identity-context.js';
import { deviceDisplayName } from '../app/device-name.js';
import { isTvDevice } from '../app/device-profile.js';
import '../components/mp-screen.js';
import { errorMessage } from '../i18n/error-message.js';
import { endText, renderWaitingCode } from './device-flow-parts.js';
import { DeviceSignInController, type DeviceFlowState } from '../data/device-sign-in-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { trapFocus } from '../navigation/nav-controller.js';
import type { Messages } from '../i18n/messages-ja.js';
import { sharedStyles } from '../styles/shared-styles.js';

function loginErrorText(m: Messages, error: unknown): string {
  if (!isApiError(error)) return m.login.failed;
  if (error.kind === 'unauthorized') return m.login.invalidCredentials;
  if (error.kind === 'network' || error.kind === 'timeout') return errorMessage(m, error);
  return m.login.failed;
}

export class LoginScreen extends LitElement {
  static override properties = {
    busy: { state: true },
    message: { state: true },
    missing: { state: true },
    mode: { state: true },
    loggedOut: { type: Boolean, attribute: 'logged-out' },
  };

  declare busy: boolean;
  declare message: string;
  declare missing: ReadonlySet<'loginId' | 'password'>;
  /** Which way in is shown: the code (first on a TV) or the password form. */
  declare mode: 'code' | 'password';
  /** Set by the app after the customer logged out on purpose. */
  declare loggedOut: boolean;

  private readonly _i18n = new I18nController(this);
  private readonly _identity = new ContextConsumer(this, { context: identityContext });
  private readonly _device = new DeviceSignInController(this, {
    purpose: 'sign-in',
    deviceName: deviceDisplayName(),
    identity: () => this._identity.value,
  });
  private _shownPhase: DeviceFlowState['phase'] = 'idle';

  constructor() {
    super();
    this.busy = false;
    this.message = '';
    this.missing = new Set();
    this.loggedOut = false;
    this.mode = isTvDevice() ? 'code' : 'password';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.mode === 'code' && this._device.state.phase === 'idle') void this._device.start();
  }

  static override styles = [
    sharedStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
        max-width: 32rem;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      input {
        font: inherit;
        font-size: 1rem;
        padding: 0.5rem 0.8rem;
        border-radius: 0.4rem;
        border: 0.1rem solid var(--mp-line, #5b6478);
        background: #fff;
        color: #111;
      }
      .field-error,
      .form-error {
        color: var(--mp-error, #ff9a8a);
      }
      button[type='submit'] {
        align-self: flex-start;
      }
      .device {
        display: flex;
        flex-direction: column;
        gap: 1.2rem;
      }
      .question {
        font-size: 1.5rem;
        font-weight: 600;
      }
      .choices,
      .other-way {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
        margin-top: 1.2rem;
      }
    `,
  ];

  override render() {
    const { m } = this._i18n.value;
    const code = this.mode === 'code';
    return html`
      <mp-screen heading=${code ? m.deviceSignIn.heading : m.login.heading} back-href="">
        ${this.loggedOut ? html`<p class="notice" role="status">${m.login.loggedOut}</p>` : null}
        ${code ? this._renderDevice(m) : this._renderPassword(m)}
      </mp-screen>
    `;
  }

  private _renderDevice(m: Messages) {
    const state = this._device.state;
    if (state.phase === 'confirm') {
      // Nothing of the account but the mask, until the customer says it is theirs.
      return html`
        <section
          class="device"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="confirm-heading"
          aria-describedby="confirm-question"
        >
          <h2 id="confirm-heading">${m.deviceSignIn.confirmHeading}</h2>
          <p id="confirm-question" class="question">${m.deviceSignIn.confirmQuestion(state.maskedLoginId)}</p>
          <p class="muted">${m.deviceSignIn.approvedOn(state.approvedOn)}</p>
          <div class="choices">
            <button type="button" data-nav-key="device-yes" @click=${this._confirm}>${m.deviceSignIn.yes}</button>
            <button type="button" data-nav-key="device-no" @click=${this._decline}>${m.deviceSignIn.no}</button>
          </div>
        </section>
      `;
    }
    let body;
    if (state.phase === 'waiting') {
      body = renderWaitingCode(m, state);
    } else if (state.phase === 'ended') {
      body = html`
        <p class="form-error" role="alert" data-device-end=${state.reason}>${endText(m, state.reason)}</p>
        <button type="button" data-nav-key="device-new-code" @click=${this._newCode}>${m.deviceSignIn.newCode}</button>
      `;
    } else {
      body = html`<p role="status">${m.deviceSignIn.starting}</p>`;
    }
    return html`
      <div class="device" data-device-phase=${state.phase}>${body}</div>
      <div class="other-way">
        <button type="button" data-nav-key="use-password" @click=${this._usePassword}>
          ${m.deviceSignIn.usePassword}
        </button>
      </div>
    `;
  }

  private _renderPassword(m: Messages) {
    return html`
      <form @submit=${this._submit} novalidate>
        <label>
          ${m.login.loginId}
          <input
            name="loginId"
            autocomplete="username"
            type="email"
            inputmode="email"
            aria-invalid=${this.missing.has('loginId') ? 'true' : 'false'}
            ?readonly=${this.busy}
          />
          ${this.missing.has('loginId') ? html`<span class="field-error">${m.login.required}</span>` : null}
        </label>
        <label>
          ${m.login.password}
          <input
            name="password"
            autocomplete="current-password"
            type="password"
            aria-invalid=${this.missing.has('password') ? 'true' : 'false'}
            ?readonly=${this.busy}
          />
          ${this.missing.has('password') ? html`<span class="field-error">${m.login.required}</span>` : null}
        </label>
        ${this.message ? html`<p class="form-error" role="alert">${this.message}</p>` : null}
        <!-- Not disabled: a disabled element drops focus to <body>, and a remote has no pointer to find it again. -->
        <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? m.login.submitting : m.login.submit}
        </button>
      </form>
      <div class="other-way">
        <button type="button" data-nav-key="use-code" @click=${this._useCode}>${m.deviceSignIn.useCode}</button>
      </div>
    `;
  }

  override updated(): void {
    const phase = this.mode === 'code' ? this._device.state.phase : 'idle';
    if (phase === this._shownPhase) return;
    this._shownPhase = phase;
    if (phase === 'confirm') {
      const dialog = this.renderRoot.querySelector<HTMLElement>('[role=alertdialog]');
      if (dialog) {
        // Back is "no": leaving the question must never adopt the account.
        dialog.addEventListener('nav-dismiss', () => void this._device.decline());
        trapFocus(dialog);
      }
      this._focus('device-yes');
    } else if (phase === 'ended') {
      this._focus('device-new-code');
    } else if (phase === 'waiting' && !this.renderRoot.contains((this.renderRoot as ShadowRoot).activeElement)) {
      // The button that asked for the new code (or the question) is gone: a remote needs focus somewhere.
      this._focus('use-password');
    }
  }

  private _focus(key: string): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-nav-key="${key}"]`)?.focus();
  }

  private _confirm(): void {
    this._device.confirm();
  }

  private _decline(): void {
    void this._device.decline();
  }

  private _newCode(): void {
    void this._device.start();
  }

  private _usePassword(): void {
    this._device.abort();
    this.mode = 'password';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input[name=loginId]')?.focus());
  }

  private _useCode(): void {
    this.mode = 'code';
    void this._device.start();
    void this.updateComplete.then(() => this._focus('use-password'));
  }

  private async _submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const loginInput = form.elements.namedItem('loginId') as HTMLInputElement;
    const passwordInput = form.elements.namedItem('password') as HTMLInputElement;
    const loginId = loginInput.value.trim();
    const password = passwordInput.value;
    const missing = new Set<'loginId' | 'password'>();
    if (!loginId) missing.add('loginId');
    if (!password) missing.add('password');
    this.missing = missing;
    this.message = '';
    if (missing.size > 0) return;

    const identity = this._identity.value;
    if (!identity) return;
    this.busy = true;
    try {
      await identity.login(loginId, password);
    } catch (error) {
      this.message = loginErrorText(this._i18n.value.m, error);
    } finally {
      // The password never outlives the attempt.
      passwordInput.value = '';
      this.busy = false;
    }
  }
}

customElements.define('mp-login-screen', LoginScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-login-screen': LoginScreen;
  }
}
