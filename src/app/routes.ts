/**
 * What <my-page-app> does with each route of route-paths.ts: the module to
 * load and the element to render. Typed by RoutePath, so a route added there
 * fails the typecheck until it has its entry here. Only the app imports this
 * module; screens link through route-paths.ts.
 */
import { html, type TemplateResult } from 'lit';
import { ROUTE_TABLE, type RoutePath } from './route-paths.js';

export interface ScreenContext {
  /** The route the customer last opened from the menu ("selected" there). */
  readonly lastOpened: string | null;
  /** This tab logged out on purpose (the login screen says so). */
  readonly loggedOut: boolean;
}

export interface RouteEntry {
  /**
   * The module that defines the screen, loaded on first visit (its own
   * chunk), so the first screen carries only what it needs. Absent for the
   * shell's routes (route-paths.ts `shell`).
   */
  readonly load?: () => Promise<unknown>;
  readonly render: (context: ScreenContext) => TemplateResult;
}

/**
 * The menu and the identity-stop screen are part of the app shell: the stop
 * screen in particular must render even when the network is gone. Login loads
 * when the session check says signed-out, so a returning customer never
 * downloads it.
 */
export const ROUTES: { readonly [P in RoutePath]: RouteEntry } = {
  '/': { render: ({ lastOpened }) => html`<mp-menu-screen .lastOpened=${lastOpened}></mp-menu-screen>` },
  '/login': {
    load: () => import('../screens/login-screen.js'),
    render: ({ loggedOut }) => html`<mp-login-screen ?logged-out=${loggedOut}></mp-login-screen>`,
  },
  '/contract': {
    load: () => import('../screens/contract-screen.js'),
    render: () => html`<mp-contract-screen></mp-contract-screen>`,
  },
  '/devices': {
    load: () => import('../screens/devices-screen.js'),
    render: () => html`<mp-devices-screen></mp-devices-screen>`,
  },
  '/payments': {
    load: () => import('../screens/payments-screen.js'),
    render: () => html`<mp-payments-screen></mp-payments-screen>`,
  },
  '/payment-method': {
    load: () => import('../screens/payment-method-screen.js'),
    render: () => html`<mp-payment-method-screen></mp-payment-method-screen>`,
  },
  '/payment-method/card': {
    load: () => import('../screens/card-change-screen.js'),
    render: () => html`<mp-card-change-screen></mp-card-change-screen>`,
  },
  '/history': {
    load: () => import('../screens/history-screen.js'),
    render: () => html`<mp-history-screen></mp-history-screen>`,
  },
  '/downloads': {
    load: () => import('../screens/downloads-screen.js'),
    render: () => html`<mp-downloads-screen></mp-downloads-screen>`,
  },
  '/favorites': {
    load: () => import('../screens/favorites-screen.js'),
    render: () => html`<mp-favorites-screen></mp-favorites-screen>`,
  },
  '/membership': {
    load: () => import('../screens/membership-screen.js'),
    render: () => html`<mp-membership-screen></mp-membership-screen>`,
  },
  '/activate': {
    load: () => import('../screens/activate-screen.js'),
    render: () => html`<mp-activate-screen></mp-activate-screen>`,
  },
};

/** Routes shown while signed out (login): they need no account API. */
export const SIGNED_OUT_ROUTES: ReadonlySet<RoutePath> = new Set(
  ROUTE_TABLE.filter((route) => 'signedOut' in route).map((route) => route.path),
);
