/** The one route table (src/app/route-paths.ts) and what the app does with each route (src/app/routes.ts). */
import { expect } from '@open-wc/testing';
import { MENU_ROUTES, ROUTE_TABLE, hrefFor, routeFromHash, routeInfo } from '../../src/app/route-paths.js';
import { ROUTES } from '../../src/app/routes.js';
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

  it('every path has a loader in routes.ts, or is part of the shell (and then has none)', () => {
    for (const route of ROUTE_TABLE) {
      const entry = ROUTES[route.path];
      expect(entry, route.path).to.exist;
      expect(typeof entry.load, route.path).to.equal('shell' in route ? 'undefined' : 'function');
    }
    expect(Object.keys(ROUTES).sort()).to.deep.equal(ROUTE_TABLE.map((route) => route.path).sort());
  });

  it('each loader (or the app shell) defines the element its route renders', async () => {
    for (const route of ROUTE_TABLE) {
      await ROUTES[route.path].load?.();
      expect(customElements.get(route.tag), route.tag).to.exist;
      const rendered = ROUTES[route.path].render({ lastOpened: null, loggedOut: false });
      expect(rendered.strings.join(''), route.path).to.contain(`<${route.tag}`);
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
