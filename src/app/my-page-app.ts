/**
 * <my-page-app>: the root. It owns the identity store and the guarded API,
 * provides them (and the language) through context, reflects the identity
 * state in its `state` attribute, and shows exactly one of: loading, login,
 * identity-stop, or the screen of the current route.
 */
import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import type { AccountApi } from '../api/account-api.js';
import { servicesContext } from '../api/services-context.js';
import { watchContinuity } from '../identity/continuity.js';
import { idleTimeoutFromUrl, watchIdle } from '../identity/idle-lock.js';
import { watchTabs } from '../identity/tab-broadcast.js';
import { FocusEngine } from '../navigation/focus-engine.js';
import { requestPlatformKeys } from '../navigation/platform-keys.js';
import { identityContext } from '../identity/identity-context.js';
import { IdentityStore, type AppState } from '../identity/identity-store.js';
import { i18nContext } from '../i18n/i18n-context.js';
import {
  createI18n,
  initialLocale,
  loadMessages,
  saveLocale,
  shellI18n,
  type I18n,
  type Locale,
} from '../i18n/i18n.js';
import { sharedStyles } from '../styles/shared-styles.js';
import { errorMessage } from '../i18n/error-message.js';
import '../screens/shell/identity-stop-screen.js';
import '../screens/shell/lock-screen.js';
import { isTvDevice } from './device-profile.js';
import '../screens/shell/menu-screen.js';
import { HashRouteController } from './hash-route-controller.js';
import { QaKeySequence } from '../qa/qa-key-sequence.js';
import { QA_ENABLED, traceExchange, traceKey } from '../qa/qa-trace.js';
import { setExchangeHook } from '../api/exchange-hook.js';
import type { RoutePath } from './route-paths.js';
import { RouteRenderer, SIGNED_OUT_ROUTES, loaderOf, type ScreenContext } from './routes.js';

const QA_OPEN_KEY = 'my-page.qa-open';
/** How long the start-up read may take before the page shows anything (below what reads as a wait). */
export const LOADING_GLANCE_MS = 300;

// Dev and QA builds watch every exchange for the QA panel; production installs nothing.
if (QA_ENABLED) setExchangeHook(traceExchange);

/**
 * Framed by another page: a host that drops frame-ancestors would let a
 * hidden frame clickjack the card form, so the app shows no account data
 * there (contract 6). QA builds allow their own origin: the TV simulator
 * frames the app.
 */
function framedByAnotherPage(): boolean {
  if (window.top === window.self) return false;
  if (!QA_ENABLED) return true;
  try {
    return window.top?.location.origin !== location.origin;
  } catch {
    // Reading another origin's location throws: that is the case to refuse.
    return true;
  }
}

export class MyPageApp extends LitElement {
  static override properties = {
    state: { type: String, reflect: true },
    locale: { state: true },
    screenLoad: { state: true },
    qaOpen: { state: true },
    logoutAsked: { state: true },
  };

  /** Reflected for QA, tests and styling: loading | signed-out | ready | identity-stop. */
  declare state: AppState;
  declare locale: Locale;
  /** Loading state of the current route's lazily loaded screen module. */
  declare screenLoad: 'idle' | 'loading' | 'failed';
  /** The QA panel (dev and QA builds only): `?qa`, or Yellow four times. */
  declare qaOpen: boolean;
  /** The Log out confirmation is open (Up, Right, OK reaches Log out from anywhere: never log out on one slip). */
  declare logoutAsked: boolean;
  /** This tab logged out on purpose: the login screen says so (without the login id: the screen is shared). */
  private _loggedOut = false;
  private readonly _loadedScreens = new Set<RoutePath>();
  private readonly _routes = new RouteRenderer();
  /** How long the first start-up read may be out before the loading line shows; set before connecting. */
  loadingGlanceMs = LOADING_GLANCE_MS;
  /** Idle lock timeout; set before connecting. Default: 10 min on a TV, 15 elsewhere (or `?idle=` in dev). */
  idleTimeoutMs: number | undefined = undefined;

  readonly identity: IdentityStore;
  private _api: AccountApi | null = null;
  private _apiLoad: Promise<void> | null = null;
  private readonly _servicesProvider: ContextProvider<typeof servicesContext, this>;
  private readonly _route = new HashRouteController(this, (from) => this._rememberFocus(from));
  /** Per route, the element focused when the customer left it: Back lands there again. */
  private readonly _focusMemory = new Map<RoutePath, string>();
  private _engine: FocusEngine | null = null;
  private _landedOn = '';
  private readonly _i18nProvider: ContextProvider<typeof i18nContext, this>;
  private _i18n: I18n;
  /** The whole catalog of the chosen language, loading or loaded; null until a screen or a language choice needs it. */
  private _catalog: Promise<void> | null = null;
  private _disconnects: Array<() => void> = [];
  private _framed = false;
  private _tv = false;
  /**
   * The start-up read has been out for a glance (LOADING_GLANCE_MS) and the
   * page shows its loading line. Before that it shows nothing: when the
   * session answers within the glance (most loads), the first frame with
   * content is the screen itself, rather than a bar and a "loading" line
   * that are laid out, focused and painted only to be replaced a few frames
   * later. In the bench's Chromium at 6x CPU that extra frame cost about
   * 13 ms of a 310 ms cold load (issue 10).
   */
  private _glanceOver = false;
  private _glance: ReturnType<typeof setTimeout> | undefined;

  /** A key shows where focus is (the engine stops landing on any key too); off the TV a pointer hides it again. */
  private readonly _onKey = (): void => this._quietFocus(false);
  private readonly _onPointer = (): void => this._quietFocus(!this._tv);

  /**
   * Off the TV, focus that only landed or came from a pointer (no key pressed
   * since) is not drawn: page.css sets the ring's custom properties
   * (sharedStyles) to none under `html[data-quiet-focus]`, beside the other
   * profile decisions; custom properties reach every shadow root.
   */
  private _quietFocus(quiet: boolean): void {
    this.toggleAttribute('data-quiet-focus', quiet);
    document.documentElement.toggleAttribute('data-quiet-focus', quiet);
  }

  private readonly _onIdentityChange = (): void => {
    this.state = this.identity.state;
    // The state keeps its four contract values; the lock is told apart here.
    const lock = this.identity.lock;
    if (lock) this.setAttribute('data-lock', lock);
    else this.removeAttribute('data-lock');
    if (this.state === 'ready') this._loggedOut = false;
    // Only the page's first start waits a glance: a later `loading` (a restore, a Retry) is drawn at once.
    if (this.state !== 'loading' || this.identity.snapshot.startFailed) this._endGlance();
    this.requestUpdate();
    // Into `loading` from a shown page (the back/forward cache's pagehide):
    // the screens go now, not a microtask later, before the page is frozen.
    if (this.state === 'loading' && this.hasUpdated) this.performUpdate();
  };

  constructor() {
    super();
    this.identity = new IdentityStore();
    this.state = this.identity.state;
    // Japanese shell strings until a screen or another saved choice needs more.
    this.locale = 'ja';
    this.screenLoad = 'idle';
    this.qaOpen = false;
    this.logoutAsked = false;
    this._i18n = shellI18n();
    const wanted = initialLocale();
    if (wanted !== 'ja') this._useLocale(wanted).catch(() => undefined); // retried by the first screen
    new ContextProvider(this, { context: identityContext, initialValue: this.identity });
    this._servicesProvider = new ContextProvider(this, { context: servicesContext });
    this._i18nProvider = new ContextProvider(this, { context: i18nContext, initialValue: this._i18n });
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
        padding: var(--mp-page-padding, calc(5vh + 0.6rem) calc(5vw + 0.6rem));
        color: var(--mp-text, #f4f6fb);
      }
      /*
       * The TV's overscan bands (5% top and bottom): content scrolled there is
       * covered, so lists end inside the safe area. Dialogs (z-index 10) stay above.
       */
      .overscan {
        position: fixed;
        left: 0;
        right: 0;
        height: 5vh;
        background: #10141d;
        z-index: 5;
      }
      .overscan.top {
        top: 0;
      }
      .overscan.bottom {
        bottom: 0;
      }
      .bar {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        margin-bottom: var(--mp-chrome-gap, 1.5rem);
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
      .login-first {
        max-width: 36rem;
        margin-bottom: 1.2rem;
      }
      /*
       * Phones: the login line has a row of its own, there (empty) from the
       * first paint, so the page does not move down when the session arrives
       * (CLS was 0.18 at 390x844).
       */
      @media (max-width: 900px) {
        .bar {
          gap: 0.6rem 0.8rem;
        }
        /* Title and both buttons on one line at 390 px even beside a classic scrollbar (Firefox). */
        .bar button {
          padding-left: 0.8rem;
          padding-right: 0.8rem;
        }
        .who {
          order: 1;
          flex-basis: 100%;
          min-height: 1.35em;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    const qaSequence = QA_ENABLED ? new QaKeySequence(() => this._toggleQa()) : null;
    this._tv = isTvDevice();
    // page.css reads the profile: 10-foot type and the remote's chrome only on a TV.
    document.documentElement.setAttribute('data-device', this._tv ? 'tv' : 'other');
    this._quietFocus(false);
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
    const engine = new FocusEngine({
      root: this.renderRoot,
      host: this,
      hoverFocuses: this._tv,
      reducedMotion: () => reducedMotion.matches,
      onBack: () => this._back(),
      onKey: QA_ENABLED
        ? (event, action) => {
            traceKey(event, action);
            qaSequence?.note(action);
          }
        : undefined,
    });
    engine.connect();
    this._engine = engine;
    addEventListener('keydown', this._onKey, true);
    addEventListener('pointerdown', this._onPointer, true);
    requestPlatformKeys();
    this._disconnects = [
      this.identity.on('change', this._onIdentityChange),
      watchContinuity(this.identity),
      watchTabs(this.identity),
      watchIdle(this.identity, { tv: this._tv, timeoutMs: this.idleTimeoutMs ?? idleTimeoutFromUrl() }),
      () => engine.disconnect(),
      () => {
        removeEventListener('keydown', this._onKey, true);
        removeEventListener('pointerdown', this._onPointer, true);
        this._quietFocus(false);
      },
    ];
    this._glance = setTimeout(() => {
      if (this._blank()) this.requestUpdate();
      this._endGlance();
    }, this.loadingGlanceMs);
    this._disconnects.push(() => clearTimeout(this._glance));
    this._framed = framedByAnotherPage();
    this.toggleAttribute('framed', this._framed);
    // Framed: not even the session read, so nothing of the account reaches the frame.
    if (!this._framed) {
      void this.identity.start();
      // After the first paint, when the session read has gone out: started with it,
      // the module requests held back both (Lighthouse, #/history: FCP 1.6 -> 2.0 s).
      const path = this._route.path;
      requestAnimationFrame(() => setTimeout(() => this._fetchScreenCode(path)));
    }
    if (QA_ENABLED && (new URLSearchParams(location.search).has('qa') || sessionStorage.getItem(QA_OPEN_KEY))) {
      this._toggleQa();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const disconnect of this._disconnects) disconnect();
    this._disconnects = [];
  }

  override updated(): void {
    // A new screen (route or identity state): land focus on its first useful
    // element, or where the customer was when they last left it.
    // A lazily loaded screen counts as new when its module has arrived.
    // A failed start is a screen of its own: focus lands on its Retry, not on the header.
    const screen = `${this.state}:${this.identity.lock}:${this._route.path}:${this.screenLoad}:${this.identity.snapshot.startFailed}:${this._blank()}`;
    if (screen !== this._landedOn) {
      this._landedOn = screen;
      if (!this._tv) this._quietFocus(true);
      this._engine?.land(this.state === 'ready' ? (this._focusMemory.get(this._route.path) ?? null) : null);
    }
  }

  /** Starts loading the current screen's module when it is needed and not there yet. */
  private _loadScreen(path: RoutePath): void {
    const load = loaderOf(path);
    if (!load || this._loadedScreens.has(path) || this.screenLoad !== 'idle') return;
    this.screenLoad = 'loading';
    // Every lazily loaded screen reads the whole catalog; those behind the
    // menu also need the account API. Both come with the first such screen.
    Promise.all([load(), SIGNED_OUT_ROUTES.has(path) ? null : this._loadAccountApi(), this._completeCatalog()]).then(
      () => {
        this._loadedScreens.add(path);
        this.screenLoad = 'idle';
      },
      () => {
        this.screenLoad = 'failed';
      },
    );
  }

  /**
   * A page opened on a screen behind the menu (#/history, a bookmark or a
   * reload) fetches that screen's modules while the session read is on the
   * wire, instead of one round trip after it: on a phone's network that trip
   * was most of the wait before the list's own request. Modules only (the
   * browser keeps them for the import() of `_loadScreen`): nothing of the
   * account is asked or built before the session names who is signed in.
   * A signed-out visitor of such a link downloads them for nothing.
   */
  private _fetchScreenCode(path: RoutePath): void {
    const load = loaderOf(path);
    if (!load || SIGNED_OUT_ROUTES.has(path)) return;
    // Failures are `_loadScreen`'s to show: it asks again.
    const catalog = this._catalog ?? loadMessages(this.locale);
    void Promise.all([load(), import('../api/account-api.js'), catalog]).catch(() => undefined);
  }

  private _screenReady(path: RoutePath): boolean {
    return !loaderOf(path) || this._loadedScreens.has(path);
  }

  override willUpdate(): void {
    // Signed in, the login route has nothing to show: go to the menu.
    if (this.state === 'ready' && this._route.path === '/login') this._route.replace('/');
    if (this.state === 'ready') this._loadScreen(this._route.path);
    if (this.state === 'signed-out') this._loadScreen('/login');
    document.documentElement.lang = this.locale;
  }

  /** Nothing to draw yet: the first start-up read is out and has not taken a glance (a failed one shows at once). */
  private _blank(): boolean {
    return !this._glanceOver && !this._framed && this.state === 'loading' && !this.identity.snapshot.startFailed;
  }

  private _endGlance(): void {
    this._glanceOver = true;
    clearTimeout(this._glance);
  }

  override render() {
    if (this._blank()) return nothing;
    const { m } = this._i18n;
    const snapshot = this.identity.snapshot;
    return html`
      <header class="bar" data-nav-container data-nav-enter="last" data-nav-secondary="low">
        <span class="brand">${m.app.title}</span>
        <span class="who muted text">${snapshot.loginId ? m.app.loggedInAs(snapshot.loginId) : ''}</span>
        <button
          class="language"
          lang=${this.locale === 'ja' ? 'en' : 'ja'}
          data-color-key="blue"
          aria-label=${m.app.switchLanguageLabel}
          @click=${this._toggleLocale}
        >
          <span class="key-hint blue" aria-hidden="true"></span>${m.app.switchLanguage}
        </button>
        ${this.state === 'ready' && !this.identity.lock ? html`<button class="logout" @click=${this._askLogout}>${m.app.logout}</button>` : null}
      </header>
      <main
        data-nav-container
        data-nav-enter="last"
        @start-over=${this._startOver}
        @unlock=${() => this.identity.unlock()}
      >
        ${this._renderMain()}
      </main>
      ${
        this.logoutAsked && this.state === 'ready' && !this.identity.lock
          ? html`<mp-confirm-dialog
              heading=${m.logout.heading}
              message=${m.logout.message}
              confirm-label=${m.logout.confirm}
              @confirm=${this._logout}
              @cancel=${this._keepSession}
            ></mp-confirm-dialog>`
          : null
      }
      ${
        this._tv
          ? html`<div class="overscan top" aria-hidden="true"></div>
              <div class="overscan bottom" aria-hidden="true"></div>`
          : null
      }
      ${
        QA_ENABLED && this.qaOpen
          ? html`<mp-qa-panel .identity=${this.identity} @close=${() => this._toggleQa()}></mp-qa-panel>`
          : null
      }
    `;
  }

  private _renderMain() {
    const { m } = this._i18n;
    if (this._framed) return html`<p role="alert" class="framed">${m.app.framed}</p>`;
    const lock = this.identity.lock;
    if (lock) return html`<mp-lock-screen reason=${lock}></mp-lock-screen>`;
    switch (this.state) {
      case 'loading':
        return this.identity.snapshot.startFailed
          ? html`<h1>${m.app.startFailedHeading}</h1>
              <div role="alert">
                <p>${this._startFailedText()}</p>
                <button class="retry" @click=${() => this.identity.start()}>${m.app.retry}</button>
              </div>`
          : html`<p role="status" class="muted">${m.app.loading}</p>`;
      case 'signed-out':
        if (!this._screenReady('/login')) return this._renderScreenLoad();
        // A phone approving a TV logs in first; the route (and its ?code=) stays, so it comes back there.
        return html`${
          this._route.path === '/activate' ? html`<p class="notice login-first">${m.activate.loginFirst}</p>` : null
        }${this._routes.render('/login', this._screenContext())}`;
      case 'identity-stop':
        return html`<mp-identity-stop-screen
          cause=${this.identity.snapshot.stopCause ?? 'mismatch'}
        ></mp-identity-stop-screen>`;
      case 'ready': {
        const path = this._route.path === '/login' ? '/' : this._route.path;
        if (!this._screenReady(path)) return this._renderScreenLoad();
        return this._routes.render(path, this._screenContext());
      }
    }
  }

  private _screenContext(): ScreenContext {
    return { lastOpened: this._focusMemory.get('/') ?? null, loggedOut: this._loggedOut };
  }

  /** A busy server (503, 429) names its wait; anything else is a connection problem. */
  private _startFailedText(): string {
    const { m } = this._i18n;
    const error = this.identity.snapshot.startError;
    return error?.kind === 'problem' || error?.kind === 'timeout' ? errorMessage(m, error) : m.app.startFailed;
  }

  /** While a lazily loaded screen is on its way, or could not come (offline). */
  private _renderScreenLoad() {
    const { m } = this._i18n;
    return this.screenLoad === 'failed'
      ? html`<div role="alert">
          <p>${m.errors.network}</p>
          <button class="retry" @click=${() => (this.screenLoad = 'idle')}>${m.app.retry}</button>
        </div>`
      : html`<p role="status" class="muted">${m.app.loading}</p>`;
  }

  private _rememberFocus(from: RoutePath): void {
    const key = this._engine?.focusedKey;
    if (key) this._focusMemory.set(from, key);
  }

  /** Back: inside the app's history while there is some, else leave as the platform expects. */
  private _back(): void {
    if (this.state === 'ready' && this._route.path !== '/' && !this._route.canGoBack) {
      this._route.replace('/');
    } else {
      history.back();
    }
  }

  private _toggleQa(): void {
    // The literal, not QA_ENABLED: both bundlers drop the panel only when they see it here.
    if (import.meta.env.MODE !== 'production') {
      const open = !this.qaOpen;
      // Open across reloads of this tab, like the mock settings it shows.
      if (open) sessionStorage.setItem(QA_OPEN_KEY, '1');
      else sessionStorage.removeItem(QA_OPEN_KEY);
      void import('../qa/qa-panel.js').then(() => {
        this.qaOpen = open;
      });
    }
  }

  private _toggleLocale(): void {
    const next = this.locale === 'ja' ? 'en' : 'ja';
    saveLocale(next);
    void this._useLocale(next).catch(() => {
      // Offline: the page stays in the language it shows; the key can be pressed again.
    });
  }

  /** The guarded account API; null until the first screen behind the menu has loaded it. */
  get api(): AccountApi | null {
    return this._api;
  }

  private _loadAccountApi(): Promise<void> {
    this._apiLoad ??= import('../api/account-api.js').then(
      ({ AccountApi }) => {
        this._api = new AccountApi(this.identity);
        this._servicesProvider.setValue({ identity: this.identity, api: this._api });
      },
      (error: unknown) => {
        this._apiLoad = null;
        throw error;
      },
    );
    return this._apiLoad;
  }

  private async _completeCatalog(): Promise<void> {
    // A language chosen meanwhile replaces the catalog awaited: wait for the current one.
    let awaited: Promise<void>;
    do {
      awaited = this._catalog ?? this._useLocale(this.locale);
      await awaited;
    } while (awaited !== this._catalog);
  }

  /** Loads the whole catalog of `locale` and switches to it, unless a later choice came first. */
  private _useLocale(locale: Locale): Promise<void> {
    const pending: Promise<void> = loadMessages(locale).then(
      (messages) => {
        if (this._catalog !== pending) return;
        this.locale = locale;
        this._i18n = createI18n(locale, messages);
        this._i18nProvider.setValue(this._i18n);
      },
      (error: unknown) => {
        if (this._catalog === pending) this._catalog = null;
        throw error;
      },
    );
    this._catalog = pending;
    return pending;
  }

  private _askLogout(): void {
    // A lazy chunk shared with the screens that confirm procedures: the shell stays small.
    // Its strings are in the whole catalog, which the menu alone has not loaded.
    void Promise.all([import('../components/mp-confirm-dialog.js'), this._completeCatalog()]).then(() => {
      this.logoutAsked = true;
    });
  }

  private async _keepSession(): Promise<void> {
    this.logoutAsked = false;
    await this.updateComplete;
    // The shell has no NavController: tell the engine the dialog is gone, so focus returns to Log out.
    this._engine?.repair();
  }

  private async _logout(): Promise<void> {
    this.logoutAsked = false;
    this._loggedOut = true;
    await this.identity.logout();
  }

  private _startOver(): void {
    this.identity.startOver();
    this._route.replace('/login');
  }
}

customElements.define('my-page-app', MyPageApp);

declare global {
  interface HTMLElementTagNameMap {
    'my-page-app': MyPageApp;
  }
}
