/**
 * The LEGACY bundle itself, run in Chromium 64 against the preview server's
 * mock API: login through the form, state=ready, the menu, OK on the
 * favorites item, its rows, webOS Back to the menu, with no script error.
 *
 * Chromium 64 has ES modules, so it would run the module bundle and skip the
 * `nomodule` tags. The preview server therefore also answers
 * /legacy-forced.html: the built index.html with the module script removed
 * and `nomodule` dropped from the legacy tags, i.e. what an engine without
 * modules runs. The second test also takes away what Chromium 53 (webOS 4)
 * lacks before any script runs, customElements first, so the custom-elements
 * polyfill and the legacy polyfills really run.
 *
 * The last two tests load the real index.html in Chromium 64 with the syntax
 * of older engines switched off in V8: without import.meta it parses like
 * Chromium 63 (Tizen 5.0), without import() too like 61-62. They run module
 * scripts and skip `nomodule`, so module-loader.js must hand them the legacy
 * bundle, without a script error and without fetching a modern chunk.
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 as launchChromium } from '../../scripts/chromium64.mjs';
import { app, focusOn, inScreen, loginThroughForm, remote, screen } from './app-page.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;

/** What an engine without ES modules runs of the built index.html. */
function legacyOnlyPage() {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const page = html
    .replace(/\s*<script type="module"[^>]*><\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<script nomodule /g, '<script ');
  assert.doesNotMatch(page, /<script[^>]*(type="module"|nomodule)/);
  assert.match(page, /<script src="\/assets\/legacy-\w+\.js"><\/script>/);
  return page;
}

/** Serves /legacy-forced.html from the preview server (test only; not in dist). */
const forcedLegacyPage = {
  name: 'test-forced-legacy-page',
  configurePreviewServer(server) {
    server.middlewares.use((request, response, next) => {
      if (!request.url?.startsWith('/legacy-forced.html')) return next();
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.setHeader('Cache-Control', 'no-store');
      response.end(legacyOnlyPage());
    });
  },
};

/**
 * Chromium 53's surface (webOS 4), taken away before any script of the page
 * runs: no custom elements v1 (54), and the APIs legacy-polyfills.js provides.
 */
const CHROMIUM_53 = `(() => {
  const gone = [
    [window, 'customElements'],
    [Object, 'entries'], [Object, 'getOwnPropertyDescriptors'],
    [String.prototype, 'padStart'], [Promise.prototype, 'finally'],
    [Node.prototype, 'isConnected'], [Node.prototype, 'getRootNode'],
    [Element.prototype, 'append'], [Document.prototype, 'append'], [DocumentFragment.prototype, 'append'],
    [Element.prototype, 'replaceWith'], [Element.prototype, 'getAttributeNames'],
  ];
  for (const [target, name] of gone) {
    delete target[name];
    if (name in target) throw new Error('could not remove ' + name);
  }
  window.__SIMULATED__ = 'chromium53';
})();`;

/** Reaches into the app's shadow roots from a CDP expression. */

let server;
let base;

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn', plugins: [forcedLegacyPage] });
  base = server.resolvedUrls.local[0];
});

after(async () => {
  await server?.close();
});

/** Chromium 64 on the forced legacy page (or `page`); records page errors and script requests. */
async function openLegacyPage({ beforeScripts, page = 'legacy-forced.html', extraArgs = [] } = {}) {
  const browser = await launchChromium({ extraArgs });
  const { session } = browser;
  const errors = [];
  const scripts = [];
  const failed = [];
  session.on((message) => {
    if (message.method === 'Runtime.exceptionThrown') {
      const details = message.params.exceptionDetails;
      errors.push(details.exception?.description ?? details.text);
    } else if (message.method === 'Network.requestWillBeSent') {
      const url = new URL(message.params.request.url);
      if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
    } else if (message.method === 'Network.responseReceived' && message.params.response.status >= 400) {
      // A file of the page that is missing (the API's own 401 before login is expected).
      if (!new URL(message.params.response.url).pathname.startsWith('/api/'))
        failed.push(`${message.params.response.status} ${message.params.response.url}`);
    }
  });
  try {
    await session.send('Runtime.enable');
    await session.send('Page.enable');
    await session.send('Network.enable');
    if (beforeScripts) await session.send('Page.addScriptToEvaluateOnNewDocument', { source: beforeScripts });
    await session.send('Page.navigate', { url: `${base}${page}` });
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, session, errors, scripts, failed };
}

/** Login through the real form → ready → menu → favorites with rows. */
async function loginMenuFavorites(session) {
  await loginThroughForm(session);
  // The menu: every screen, the favorites among them.
  const menu = await session.waitFor(`(() => {
    const links = ${screen('mp-menu-screen')} && ${screen('mp-menu-screen')}.shadowRoot.querySelectorAll('a[data-route]');
    return links && links.length ? Array.prototype.map.call(links, (a) => a.getAttribute('data-route')) : null;
  })()`);
  assert.ok(menu.includes('/favorites'), `menu: ${menu}`);
  // The remote: focus starts on the first item; OK on the favorites item opens it.
  await focusOn(session, '/contract');
  await session.evaluate(`${inScreen('mp-menu-screen', 'a[data-route="/favorites"]')}.focus()`);
  await focusOn(session, '/favorites');
  await remote(session, 13, 'Enter');

  // The list screen, loaded from the same (single) legacy script.
  const rows = await session.waitFor(`(() => {
    const rows = ${screen('mp-favorites-screen')} && ${screen('mp-favorites-screen')}.shadowRoot
      && ${screen('mp-favorites-screen')}.shadowRoot.querySelectorAll('mp-account-list li');
    return rows && rows.length ? Array.prototype.map.call(rows, (row) => ({
      title: row.querySelector('.row-title').textContent.trim(),
      meta: row.querySelector('.row-meta').textContent.trim(),
    })) : null;
  })()`);
  assert.equal(await session.evaluate('location.hash'), '#/favorites');
  assert.ok(
    rows.some((row) => row.title === '星降る港の探偵'),
    JSON.stringify(rows.slice(0, 3)),
  );
  assert.ok(
    rows.every((row) => /20\d\d/.test(row.meta)),
    'dates formatted (Intl, Asia/Tokyo)',
  );

  // webOS Back returns to the menu, focus on the item that opened the list.
  await remote(session, 461);
  await session.waitFor(`${screen('mp-menu-screen')} !== null`);
  await focusOn(session, '/favorites');
  return rows;
}

/** Runs a step; on failure, says which script errors the page had. */
async function step(errors, run) {
  try {
    return await run();
  } catch (error) {
    if (errors.length) error.message += `\npage errors:\n${errors.join('\n')}`;
    throw error;
  }
}

/** The page ran the legacy bundle and nothing of the module build (the forced page has no module script at all). */
async function assertLegacyRan(session, scripts, { modules = 0 } = {}) {
  assert.equal(await session.evaluate('window.__MY_PAGE_BUILD__'), 'legacy');
  assert.equal(await session.evaluate(`document.querySelectorAll('script[type=module]').length`), modules);
  const modern = scripts.filter((path) => path.startsWith('/assets/') && !/^\/assets\/legacy-\w+\.js$/.test(path));
  assert.deepEqual(modern, [], 'a module-build script was requested');
  assert.equal(scripts.filter((path) => /^\/assets\/legacy-\w+\.js$/.test(path)).length, 1);
}

test(
  'the legacy bundle logs in and shows the menu and a list in Chromium 64 (native custom elements)',
  { timeout: 120_000 },
  async () => {
    const { browser, session, errors, scripts, failed } = await openLegacyPage();
    try {
      assert.match(browser.version, /Chrome\/64\./);
      await step(errors, () => loginMenuFavorites(session));
      await assertLegacyRan(session, scripts);
      // customElements is native here: the polyfill is not even requested.
      assert.ok(!scripts.includes('/polyfills/custom-elements.min.js'), scripts.join(' '));
      assert.equal(await session.evaluate('typeof customElements.polyfillWrapFlushCallback'), 'undefined');
      assert.deepEqual(
        scripts.filter((path) => path.startsWith('/polyfills/')),
        ['/polyfills/tv-polyfills.js', '/polyfills/legacy-polyfills.js'],
      );
      assert.deepEqual(failed, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
);

test(
  'without customElements and the other Chromium 53 gaps (webOS 4), the polyfills carry the legacy bundle',
  { timeout: 120_000 },
  async () => {
    const { browser, session, errors, scripts, failed } = await openLegacyPage({ beforeScripts: CHROMIUM_53 });
    try {
      await step(errors, () => loginMenuFavorites(session));
      await assertLegacyRan(session, scripts);
      assert.equal(await session.evaluate('window.__SIMULATED__'), 'chromium53');
      // The custom-elements polyfill was loaded (only by legacy-polyfills.js) and is the registry in use.
      assert.deepEqual(
        scripts.filter((path) => path.startsWith('/polyfills/')),
        ['/polyfills/tv-polyfills.js', '/polyfills/legacy-polyfills.js', '/polyfills/custom-elements.min.js'],
      );
      assert.equal(await session.evaluate('typeof customElements.polyfillWrapFlushCallback'), 'function');
      assert.equal(await session.evaluate(`customElements.get('my-page-app') === ${app}.constructor`), true);
      // Each gap was filled by legacy-polyfills.js, not by the engine.
      const natives = await session.evaluate(`[
      Object.entries, Object.getOwnPropertyDescriptors, String.prototype.padStart, Promise.prototype.finally,
      Object.getOwnPropertyDescriptor(Node.prototype, 'isConnected').get, Node.prototype.getRootNode,
      Element.prototype.append, Element.prototype.replaceWith, Element.prototype.getAttributeNames,
    ].filter((fn) => /\\[native code\\]/.test(Function.prototype.toString.call(fn))).length`);
      assert.equal(natives, 0);
      assert.deepEqual(failed, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  },
);

const OLDER_MODULE_ENGINES = [
  { name: 'Chromium 63 (Tizen 5.0): no import.meta', flags: '--no-harmony-import-meta' },
  {
    name: 'Chromium 61-62: no import.meta, no import()',
    flags: '--no-harmony-import-meta --no-harmony-dynamic-import',
  },
];

for (const engine of OLDER_MODULE_ENGINES) {
  test(
    `${engine.name}: the real page takes the legacy bundle, logs in, shows a list and goes Back`,
    { timeout: 120_000 },
    async () => {
      const { browser, session, errors, scripts, failed } = await openLegacyPage({
        page: '',
        extraArgs: [`--js-flags=${engine.flags}`],
      });
      try {
        await step(errors, () => loginMenuFavorites(session));
        // The flags really took the syntax away (else this would test Chromium 64).
        assert.equal(await session.evaluate('typeof window.__MY_PAGE_MODERN__'), 'undefined');
        await assertLegacyRan(session, scripts, { modules: 2 });
        assert.deepEqual(
          scripts.filter((path) => path.startsWith('/polyfills/')),
          [
            '/polyfills/tv-polyfills.js',
            '/polyfills/modern-check.js',
            '/polyfills/module-loader.js',
            '/polyfills/legacy-polyfills.js',
          ],
        );
        assert.deepEqual(failed, []);
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    },
  );
}
