/**
 * <my-page-app>: the root. It owns the identity store and the guarded API,
 * provides them (and the language) through context, reflects the identity
 * state in its `state` attribute, and shows exactly one of: loading, login,
 * identity-stop, or the screen of the current route.
 */
import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { AccountApi } from '../api/account-api.js';
import { watchContinuity } from '../identity/continuity.js';
import { FocusEngine } from '../navigation/focus-engine.js';
import { requestPlatformKeys } from '../navigation/platform-keys.js';
import { IdentityStore, type AppState } from '../identity/identity-store.js';
import { createI18n, initialLocale, loadMessages, saveLocale, type I18n, type Locale } from '../i18n/i18n.js';
import { sharedStyles } from '../styles/shared-styles.js';
import '../screens/identity-stop-screen.js';
import '../screens/login-screen.js';
import '../screens/menu-screen.js';
import { i18nContext, servicesContext, type AppServices } from './contexts.js';
import { HashRouteController } from './hash-route-controller.js';
import { accountScreens, screenModules, type RoutePath } from './routes.js';

export class MyPageApp extends LitElement {
  static override properties = {
    state: { type: String, reflect: true },
    locale: { state: true },
    screenLoad: { state: true },
  };

  /** Reflected for QA, tests and styling: loading | signed-out | ready | identity-stop. */
  declare state: AppState;
  declare locale: Locale;
  /** Loading state of the current route's lazily loaded screen module. */
  declare screenLoad: 'idle' | 'loading' | 'failed';
  readonly #loadedScreens = new Set<RoutePath>();

  readonly identity: IdentityStore;
  readonly api: AccountApi;
  readonly #route = new HashRouteController(this, (from) => this.#rememberFocus(from));
  /** Per route, the element focused when the customer left it: Back lands there again. */
  readonly #focusMemory = new Map<RoutePath, string>();
  #engine: FocusEngine | null = null;
  #landedOn = '';
  readonly #i18nProvider: ContextProvider<typeof i18nContext, this>;
  #i18n: I18n;
  #disconnects: Array<() => void> = [];

  readonly #onIdentityChange = (): void => {
    this.state = this.identity.state;
    this.requestUpdate();
  };

  constructor() {
    super();
    this.identity = new IdentityStore();
    this.api = new AccountApi(this.identity);
    this.state = this.identity.state;
    // Japanese until another saved choice has loaded.
    this.locale = 'ja';
    this.screenLoad = 'idle';
    this.#i18n = createI18n('ja');
    const wanted = initialLocale();
    if (wanted !== 'ja') void this.#setLocale(wanted);
    const services: AppServices = { identity: this.identity, api: this.api };
    new ContextProvider(this, { context: servicesContext, initialValue: services });
    this.#i18nProvider = new ContextProvider(this, { context: i18nContext, initialValue: this.#i18n });
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-height: 100%;
        /*
         * 5% overscan-safe area at any resolution (96 x 54 px at 1080p), plus
         * room for the focus ring and scale, so focused items stay inside too.
         */
        padding: calc(5vh + 0.6rem) calc(5vw + 0.6rem);
        color: var(--mp-text, #f4f6fb);
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        margin-bottom: 1.5rem;
        flex-wrap: wrap;
      }
      .brand {
        font-size: 1.1rem;
        font-weight: 700;
        margin-right: auto;
      }
      .who {
        font-size: 1rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    const engine = new FocusEngine({ root: this.renderRoot, host: this, onBack: () => this.#back() });
    engine.connect();
    this.#engine = engine;
    requestPlatformKeys();
    this.#disconnects = [
      this.identity.on('change', this.#onIdentityChange),
      watchContinuity(this.identity),
      () => engine.disconnect(),
    ];
    void this.identity.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const disconnect of this.#disconnects) disconnect();
    this.#disconnects = [];
  }

  override updated(): void {
    // A new screen (route or identity state): land focus on its first useful
    // element, or where the customer was when they last left it.
    const screen = `${this.state}:${this.#route.path}`;
    if (screen !== this.#landedOn) {
      this.#landedOn = screen;
      this.#engine?.land(this.state === 'ready' ? (this.#focusMemory.get(this.#route.path) ?? null) : null);
    }
  }

  /** Starts loading the current screen's module when it is needed and not there yet. */
  #loadScreen(path: RoutePath): void {
    const load = screenModules[path];
    if (!load || this.#loadedScreens.has(path) || this.screenLoad !== 'idle') return;
    this.screenLoad = 'loading';
    load().then(
      () => {
        this.#loadedScreens.add(path);
        this.screenLoad = 'idle';
      },
      () => {
        this.screenLoad = 'failed';
      },
    );
  }

  #screenReady(path: RoutePath): boolean {
    return !screenModules[path] || this.#loadedScreens.has(path);
  }

  override willUpdate(): void {
    // Signed in, the login route has nothing to show: go to the menu.
    if (this.state === 'ready' && this.#route.path === '/login') this.#route.replace('/');
    if (this.state === 'ready') this.#loadScreen(this.#route.path);
    document.documentElement.lang = this.locale;
  }

  override render() {
    const { m } = this.#i18n;
    const snapshot = this.identity.snapshot;
    return html`
      <div class="bar" data-nav-container data-nav-enter="last" data-nav-secondary="low">
        <span class="brand">${m.app.title}</span>
        ${snapshot.loginId ? html`<span class="who muted text">${m.app.loggedInAs(snapshot.loginId)}</span>` : null}
        <button class="language" lang=${this.locale === 'ja' ? 'en' : 'ja'} data-color-key="blue"
          aria-label=${m.app.switchLanguageLabel} @click=${this.#toggleLocale}>
          <span class="key-hint blue" aria-hidden="true"></span>${m.app.switchLanguage}
        </button>
        ${this.state === 'ready' ? html`<button class="logout" @click=${this.#logout}>${m.app.logout}</button>` : null}
      </div>
      <main data-nav-container data-nav-enter="last" @start-over=${this.#startOver}>${this.#renderMain()}</main>
    `;
  }

  #renderMain() {
    const { m } = this.#i18n;
    switch (this.state) {
      case 'loading':
        return this.identity.snapshot.startFailed
          ? html`<div role="alert"><p>${m.app.startFailed}</p>
              <button class="retry" @click=${() => this.identity.start()}>${m.app.retry}</button></div>`
          : html`<p role="status" class="muted">${m.app.loading}</p>`;
      case 'signed-out':
        return html`<mp-login-screen></mp-login-screen>`;
      case 'identity-stop':
        return html`<mp-identity-stop-screen cause=${this.identity.snapshot.stopCause ?? 'mismatch'}></mp-identity-stop-screen>`;
      case 'ready': {
        const path = this.#route.path === '/login' ? '/' : this.#route.path;
        if (!this.#screenReady(path)) {
          return this.screenLoad === 'failed'
            ? html`<div role="alert"><p>${m.errors.network}</p>
                <button class="retry" @click=${() => (this.screenLoad = 'idle')}>${m.app.retry}</button></div>`
            : html`<p role="status" class="muted">${m.app.loading}</p>`;
        }
        return accountScreens[path]({ lastOpened: this.#focusMemory.get('/') ?? null });
      }
    }
  }

  #rememberFocus(from: RoutePath): void {
    const key = this.#engine?.focusedKey;
    if (key) this.#focusMemory.set(from, key);
  }

  /** Back: inside the app's history while there is some, else leave as the platform expects. */
  #back(): void {
    if (this.state === 'ready' && this.#route.path !== '/' && !this.#route.canGoBack) {
      this.#route.replace('/');
    } else {
      history.back();
    }
  }

  #toggleLocale(): void {
    const next = this.locale === 'ja' ? 'en' : 'ja';
    saveLocale(next);
    void this.#setLocale(next);
  }

  async #setLocale(locale: Locale): Promise<void> {
    const messages = await loadMessages(locale);
    this.locale = locale;
    this.#i18n = createI18n(locale, messages);
    this.#i18nProvider.setValue(this.#i18n);
  }

  async #logout(): Promise<void> {
    await this.identity.logout();
  }

  #startOver(): void {
    this.identity.startOver();
    this.#route.replace('/login');
  }
}

customElements.define('my-page-app', MyPageApp);

declare global {
  interface HTMLElementTagNameMap {
    'my-page-app': MyPageApp;
  }
}
