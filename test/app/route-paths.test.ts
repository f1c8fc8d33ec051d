/** The one route table (src/app/route-paths.ts) and what the app derives from it (src/app/routes.ts). */
import { expect } from '@open-wc/testing';
import { html, nothing, render } from 'lit';
import {
  MENU_ROUTES,
  ROUTE_TABLE,
  hrefFor,
  routeFromHash,
  routeInfo,
  type RoutePath,
} from '../../src/app/route-paths.js';
import { RouteRenderer, loaderOf } from '../../src/app/routes.js';
// The shell's own screens (the menu) come with the app module itself.
import '../../src/app/my-page-app.js';
import { en } from '../../src/i18n/messages-en.js';
import { loadMessages } from '../../src/i18n/i18n.js';

describe('route table', () => {
  it('names each path, name and element once', () => {
    for (const field of ['path', 'name', 'tag'] as const) {
      const values = ROUTE_TABLE.map((route) => route[field]);
      expect(new Set(values).size, field).to.equal(values.length);
    }
  });

  it('every path has a loader derived from its tag, or is part of the shell (and then has none)', () => {
    for (const route of ROUTE_TABLE) {
      expect(typeof loaderOf(route.path), route.path).to.equal('shell' in route ? 'object' : 'function');
      if ('shell' in route) expect(loaderOf(route.path), route.path).to.equal(null);
    }
  });

  it("every non-shell route's module loads and defines its tag; the shell's come with the app", async () => {
    for (const route of ROUTE_TABLE) {
      const load = loaderOf(route.path);
      if (load) await load();
      expect(customElements.get(route.tag), route.tag).to.exist;
    }
  });

  it('each route renders the element of its tag, the menu and login with what the app passes them', async () => {
    for (const route of ROUTE_TABLE) await loaderOf(route.path)?.();
    // Not in the document: the screens stay unconnected (no providers here), the elements are what counts.
    const host = document.createElement('div');
    try {
      for (const route of ROUTE_TABLE) {
        render(new RouteRenderer().render(route.path, { lastOpened: '/devices', loggedOut: true }), host);
        const element = host.firstElementChild!;
        expect(element.localName, route.path).to.equal(route.tag);
        render(nothing, host);
      }
      render(new RouteRenderer().render('/', { lastOpened: '/devices', loggedOut: false }), host);
      expect((host.querySelector('mp-menu-screen') as HTMLElement & { lastOpened: string }).lastOpened).to.equal(
        '/devices',
      );
      render(new RouteRenderer().render('/login', { lastOpened: null, loggedOut: true }), host);
      expect(host.querySelector('mp-login-screen')!.hasAttribute('logged-out')).to.equal(true);
    } finally {
      render(nothing, host);
    }
  });

  it('a route keeps its element while shown; the next visit gets a new one', async () => {
    await loaderOf('/contract')!();
    await loaderOf('/devices')!();
    const host = document.createElement('div');
    const routes = new RouteRenderer();
    const show = (path: RoutePath) => {
      render(html`<main>${routes.render(path, { lastOpened: null, loggedOut: false })}</main>`, host);
      return host.querySelector('main')!.firstElementChild;
    };
    try {
      const first = show('/contract');
      expect(show('/contract'), 'the same route again').to.equal(first);
      expect(show('/devices')!.localName).to.equal('mp-devices-screen');
      const again = show('/contract');
      expect(again!.localName).to.equal('mp-contract-screen');
      expect(again, 'a new visit').to.not.equal(first);
    } finally {
      render(nothing, host);
    }
  });

  it('menu digits are 1, 2, 3... once each, in menu order', () => {
    expect(MENU_ROUTES.map((route) => route.menu.digit)).to.deep.equal(MENU_ROUTES.map((_, index) => index + 1));
  });

  it("every menu entry's strings exist in Japanese and English (label and hint)", async () => {
    const ja = await loadMessages('ja');
    for (const { menu } of MENU_ROUTES) {
      for (const catalog of [ja, en]) {
        const strings = catalog.menu as Record<string, unknown>;
        expect(strings[menu.key], `${menu.key}`).to.be.a('string').and.not.equal('');
        expect(strings[`${menu.key}Hint`], `${menu.key}Hint`).to.be.a('string').and.not.equal('');
      }
    }
  });

  it('hrefFor and routeFromHash round-trip every path', () => {
    for (const { path } of ROUTE_TABLE) {
      expect(routeFromHash(hrefFor(path))).to.equal(path);
      expect(routeFromHash(`${hrefFor(path)}?lang=en`)).to.equal(path);
      expect(routeInfo(path).path).to.equal(path);
    }
  });

  it('an unknown or empty hash is the menu', () => {
    const hashes = ['', '#', '#/', '#/nope', '#/contract/', '#contract', '#/CONTRACT'];
    hashes.push('#/payment-method/card/x', '#//');
    for (const hash of hashes) {
      expect(routeFromHash(hash), JSON.stringify(hash)).to.equal('/');
    }
  });
});
