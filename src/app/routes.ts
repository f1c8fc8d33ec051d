/**
 * The hash routes of api-contract.md section 4. A TV emulator or a tester can
 * open any screen directly by its URL.
 */
import { html, type TemplateResult } from 'lit';

export type RoutePath =
  | '/'
  | '/login'
  | '/contract'
  | '/devices'
  | '/payments'
  | '/payment-method'
  | '/payment-method/card'
  | '/history'
  | '/downloads'
  | '/favorites'
  | '/membership'
  | '/activate';

export interface ScreenContext {
  /** The route the customer last opened from the menu ("selected" there). */
  readonly lastOpened: string | null;
}

/**
 * Screens other than the menu load on first visit (their own chunks), so the
 * first screen carries only what it needs; see `screenModules`.
 */
export const accountScreens: Record<Exclude<RoutePath, '/login'>, (context: ScreenContext) => TemplateResult> = {
  '/': ({ lastOpened }) => html`<mp-menu-screen .lastOpened=${lastOpened}></mp-menu-screen>`,
  '/contract': () => html`<mp-contract-screen></mp-contract-screen>`,
  '/devices': () => html`<mp-devices-screen></mp-devices-screen>`,
  '/payments': () => html`<mp-payments-screen></mp-payments-screen>`,
  '/payment-method': () => html`<mp-payment-method-screen></mp-payment-method-screen>`,
  '/payment-method/card': () => html`<mp-card-change-screen></mp-card-change-screen>`,
  '/history': () => html`<mp-history-screen></mp-history-screen>`,
  '/downloads': () => html`<mp-downloads-screen></mp-downloads-screen>`,
  '/favorites': () => html`<mp-favorites-screen></mp-favorites-screen>`,
  '/membership': () => html`<mp-membership-screen></mp-membership-screen>`,
  '/activate': () => html`<mp-activate-screen></mp-activate-screen>`,
};

/**
 * The module that defines each lazily loaded screen. The menu and the
 * identity-stop screen are part of the app shell: the stop screen in
 * particular must render even when the network is gone. Login loads when the
 * session check says signed-out, so a returning customer never downloads it.
 */
export const screenModules: Partial<Record<RoutePath, () => Promise<unknown>>> = {
  '/login': () => import('../screens/login-screen.js'),
  '/contract': () => import('../screens/contract-screen.js'),
  '/devices': () => import('../screens/devices-screen.js'),
  '/payments': () => import('../screens/payments-screen.js'),
  '/payment-method': () => import('../screens/payment-method-screen.js'),
  '/payment-method/card': () => import('../screens/card-change-screen.js'),
  '/history': () => import('../screens/history-screen.js'),
  '/downloads': () => import('../screens/downloads-screen.js'),
  '/favorites': () => import('../screens/favorites-screen.js'),
  '/membership': () => import('../screens/membership-screen.js'),
  '/activate': () => import('../screens/activate-screen.js'),
};

const known = new Set<string>(['/login', ...Object.keys(accountScreens)]);

/** `#/contract?x` -> `/contract`; anything unknown -> the menu. */
export function routeFromHash(hash: string): RoutePath {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  return (known.has(path) ? path : '/') as RoutePath;
}

export function hrefFor(path: RoutePath): string {
  return `#${path}`;
}
