/**
 * Every screen of the My Page, once: the hash routes of api-contract.md
 * section 4 with what the app, the menu, the tests, the benchmark and the
 * screenshot plan need to know of them. Plain data that imports nothing, so
 * screens can link to routes without importing the module that imports them
 * (routes.ts), and the Node tools can read it too.
 *
 * Adding a screen: one entry here, its loader and template in routes.ts (the
 * typecheck asks for them), and the element file in src/screens/.
 */

export interface RouteInfo {
  readonly path: string;
  /** Short name: screenshot files, test titles. */
  readonly name: string;
  /** The element the route renders. */
  readonly tag: string;
  /** Part of the app shell (no lazy chunk). Every other route has a loader in routes.ts. */
  readonly shell?: true;
  /** Shown while signed out; signed in, the route sends to the menu. */
  readonly signedOut?: true;
  /** Its entry in the menu: the digit key that opens it and its strings in `messages.menu` (plus `<key>Hint`). */
  readonly menu?: { readonly digit: number; readonly key: string };
  /** The read endpoint (the mock's endpoint key) whose data the screen shows: its fault tests break that one. */
  readonly endpoint?: string;
  /** A selector inside the screen that matches once its data is shown. */
  readonly shows?: string;
  /** Where focus lands when the screen opens (a selector inside the screen). */
  readonly lands?: string;
}

export const ROUTE_TABLE = [
  { path: '/', name: 'menu', tag: 'mp-menu-screen', shell: true, shows: 'a[data-route]' },
  { path: '/login', name: 'login', tag: 'mp-login-screen', signedOut: true, shows: 'form' },
  {
    path: '/contract',
    name: 'contract',
    tag: 'mp-contract-screen',
    menu: { digit: 1, key: 'contract' },
    endpoint: 'contract',
    shows: '.plan',
    lands: 'a.back',
  },
  {
    path: '/devices',
    name: 'devices',
    tag: 'mp-devices-screen',
    menu: { digit: 2, key: 'devices' },
    endpoint: 'devices',
    shows: 'li',
    lands: 'li',
  },
  {
    path: '/payments',
    name: 'payments',
    tag: 'mp-payments-screen',
    menu: { digit: 3, key: 'payments' },
    endpoint: 'payments',
    shows: 'li',
    lands: 'li',
  },
  {
    path: '/payment-method',
    name: 'payment-method',
    tag: 'mp-payment-method-screen',
    menu: { digit: 4, key: 'paymentMethod' },
    endpoint: 'payment-method',
    shows: '.last3',
    lands: 'a.button[data-nav-key="change-card"]',
  },
  // Reached from the payment method screen, not from the menu.
  { path: '/payment-method/card', name: 'card-change', tag: 'mp-card-change-screen', shows: 'form' },
  {
    path: '/history',
    name: 'history',
    tag: 'mp-history-screen',
    menu: { digit: 5, key: 'history' },
    endpoint: 'viewing-history',
    shows: 'li',
    lands: 'li',
  },
  {
    path: '/downloads',
    name: 'downloads',
    tag: 'mp-downloads-screen',
    menu: { digit: 6, key: 'downloads' },
    endpoint: 'downloads',
    shows: 'li',
    lands: 'li',
  },
  {
    path: '/favorites',
    name: 'favorites',
    tag: 'mp-favorites-screen',
    menu: { digit: 7, key: 'favorites' },
    endpoint: 'favorites',
    shows: 'li',
    lands: 'li',
  },
  {
    path: '/membership',
    name: 'membership',
    tag: 'mp-membership-screen',
    menu: { digit: 8, key: 'membership' },
    endpoint: 'contract',
    shows: '.plan',
    lands: 'a.back',
  },
  // A phone approving a TV's code (contract section 5): opened from the TV's QR code or link, not the menu.
  { path: '/activate', name: 'activate', tag: 'mp-activate-screen', shows: 'input[name=userCode]' },
] as const satisfies readonly RouteInfo[];

export type Route = (typeof ROUTE_TABLE)[number];
export type RoutePath = Route['path'];
/** A route of the menu, with its entry. */
export type MenuRoute = Extract<Route, { menu: object }>;

/** The menu's entries, in the order of their digits. */
export const MENU_ROUTES: readonly MenuRoute[] = ROUTE_TABLE.filter((route): route is MenuRoute => 'menu' in route)
  .slice()
  .sort((a, b) => a.menu.digit - b.menu.digit);

const byPath = new Map<string, Route>(ROUTE_TABLE.map((route) => [route.path, route]));

export function routeInfo(path: RoutePath): Route {
  return byPath.get(path)!;
}

/** `#/contract?x` -> `/contract`; anything unknown -> the menu. */
export function routeFromHash(hash: string): RoutePath {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  return byPath.has(path) ? (path as RoutePath) : '/';
}

export function hrefFor(path: RoutePath): string {
  return `#${path}`;
}
