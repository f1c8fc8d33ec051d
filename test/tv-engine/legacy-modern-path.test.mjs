/**
 * The modern path stays modern: an ES-module engine, from the oldest one
 * served (Chromium 64, 2019 TVs) to a current Chromium, runs the module
 * bundle of the built index.html and never requests the legacy bundle, the
 * legacy polyfills or the custom-elements polyfill.
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 as launchChromium } from '../../scripts/chromium64.mjs';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { app } from './app-page.mjs';

let server;

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
});

after(async () => {
  await server?.close();
});

async function scriptsRequestedBy(browser) {
  const { session } = browser;
  const scripts = [];
  const errors = [];
  session.on((message) => {
    if (message.method === 'Network.requestWillBeSent') {
      const url = new URL(message.params.request.url);
      if (url.pathname.endsWith('.js')) scripts.push(url.pathname);
    } else if (message.method === 'Runtime.exceptionThrown') {
      errors.push(message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text);
    }
  });
  await session.send('Runtime.enable');
  await session.send('Network.enable');
  await session.send('Page.enable');
  await session.send('Page.navigate', { url: server.resolvedUrls.local[0] });
  // The module bundle ran: the app asked the session and shows the login form.
  await session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  assert.equal(await session.evaluate('typeof window.__MY_PAGE_BUILD__'), 'undefined');
  assert.equal(await session.evaluate(`typeof customElements.polyfillWrapFlushCallback`), 'undefined');
  assert.deepEqual(errors, []);
  return scripts;
}

function assertModernOnly(scripts) {
  assert.ok(scripts.includes('/polyfills/tv-polyfills.js'));
  assert.ok(
    scripts.some((path) => /^\/assets\/index-[\w-]+\.js$/.test(path)),
    scripts.join(' '),
  );
  const legacy = scripts.filter((path) => /legacy|custom-elements/.test(path));
  assert.deepEqual(legacy, [], 'an ES-module engine requested a legacy script');
}

test(
  'Chromium 64 (ES modules) runs the module bundle and requests nothing of the legacy path',
  { timeout: 120_000 },
  async () => {
    const browser = await launchChromium();
    try {
      assert.match(browser.version, /Chrome\/64\./);
      assertModernOnly(await scriptsRequestedBy(browser));
    } finally {
      await browser.close();
    }
  },
);

test(
  'a current Chromium runs the module bundle and requests nothing of the legacy path',
  { timeout: 120_000 },
  async () => {
    const browser = await launchChromium({ executablePath: await findChromium(), extraArgs: chromiumArgs });
    try {
      assert.doesNotMatch(browser.version, /Chrome\/64\./);
      assertModernOnly(await scriptsRequestedBy(browser));
    } finally {
      await browser.close();
    }
  },
);
