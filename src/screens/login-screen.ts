/**
 * #/login. The login itself (nonce, echo checks) lives in the identity store;
 * this element only collects the two fields and says what went wrong.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { isApiError } from '../api/errors.js';
import { identityContext } from '../app/contexts.js';
import '../components/mp-screen.js';
import { errorMessage } from '../components/mp-load-state.js';
import { I18nController } from '../i18n/i18n-controller.js';
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
    loggedOut: { type: Boolean, attribute: 'logged-out' },
  };

  declare busy: boolean;
  declare message: string;
  declare missing: ReadonlySet<'loginId' | 'password'>;
  /** Set by the app after the customer logged out on purpose. */
  declare loggedOut: boolean;

  private readonly _i18n = new I18nController(this);
  private readonly _identity = new ContextConsumer(this, { context: identityContext });

  constructor() {
    super();
    this.busy = false;
    this.message = '';
    this.missing = new Set();
    this.loggedOut = false;
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
    `,
  ];

  override render() {
    const { m } = this._i18n.value;
    return html`
      <mp-screen heading=${m.login.heading} back-href="">
        ${this.loggedOut ? html`<p class="notice" role="status">${m.login.loggedOut}</p>` : null}
        <form @submit=${this._submit} novalidate>
          <label>
            ${m.login.loginId}
            <input name="loginId" autocomplete="username" type="email" inputmode="email"
              aria-invalid=${this.missing.has('loginId') ? 'true' : 'false'} ?readonly=${this.busy} />
            ${this.missing.has('loginId') ? html`<span class="field-error">${m.login.required}</span>` : null}
          </label>
          <label>
            ${m.login.password}
            <input name="password" autocomplete="current-password" type="password"
              aria-invalid=${this.missing.has('password') ? 'true' : 'false'} ?readonly=${this.busy} />
            ${this.missing.has('password') ? html`<span class="field-error">${m.login.required}</span>` : null}
          </label>
          ${this.message ? html`<p class="form-error" role="alert">${this.message}</p>` : null}
          <!-- Not disabled: a disabled element drops focus to <body>, and a remote has no pointer to find it again. -->
          <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? m.login.submitting : m.login.submit}</button>
        </form>
      </mp-screen>
    `;
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
