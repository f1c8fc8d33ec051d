/**
 * What <my-page-app> does with each route of route-paths.ts, derived from the
 * table alone: the module to load and the element to render. Only the app
 * imports this module; screens link through route-paths.ts.
 */
import { html, type TemplateResult } from 'lit';
import { ROUTE_TABLE, routeInfo, type RoutePath } from './route-paths.js';

export interface ScreenContext {
  /** The route the customer last opened from the menu ("selected" there). */
  readonly lastOpened: string | null;
  /** This tab logged out on purpose (the login screen says so). */
  readonly loggedOut: boolean;
}

/**
 * Loads the module of a route's screen on first visit: each its own chunk,
 * so the first screen carries only what it needs. Null for the shell's routes
 * (route-paths.ts `shell`: the app module imports them). Login loads when the
 * session check says signed-out, so a returning customer never downloads it.
 */
export function loaderOf(path: RoutePath): (() => Promise<unknown>) | null {
  const route = routeInfo(path);
  if ('shell' in route) return null;
  // The bundlers turn this into one chunk per `*-screen.ts` file (not the
  // screens' shared parts); the name is the table's constant tag.
  const name = route.tag.replace(/^mp-(.*)-screen$/, '$1');
  return () => import(`../screens/${name}-screen.ts`);
}

/** The two routes whose element takes something from the app. */
const WITH_CONTEXT: { readonly [P in RoutePath]?: (context: ScreenContext) => TemplateResult } = {
  '/': ({ lastOpened }) => html`<mp-menu-screen .lastOpened=${lastOpened}></mp-menu-screen>`,
  '/login': ({ loggedOut }) => html`<mp-login-screen ?logged-out=${loggedOut}></mp-login-screen>`,
};

/**
 * Renders the routes for one app. A route without context gets its bare
 * element, made from the table's tag: the same element while its route stays
 * shown, a new one on the next visit (lit removed the last one when something
 * else showed), as a template written out per route would.
 */
export class RouteRenderer {
  private _shown: HTMLElement | null = null;

  render(path: RoutePath, context: ScreenContext): TemplateResult | HTMLElement {
    const withContext = WITH_CONTEXT[path];
    if (withContext) return withContext(context);
    const { tag } = routeInfo(path);
    if (this._shown?.localName !== tag || !this._shown.parentNode) this._shown = document.createElement(tag);
    return this._shown;
  }
}

/** Routes shown while signed out (login): they need no account API. */
export const SIGNED_OUT_ROUTES: ReadonlySet<RoutePath> = new Set(
  ROUTE_TABLE.filter((route) => 'signedOut' in route).map((route) => route.path),
);
