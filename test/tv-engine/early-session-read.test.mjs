/**
 * Issue 10: the start-up session read goes out as early as the engine
 * allows, not after the entry chunk has been fetched, parsed and run. The
 * built page's module loader runs the small `session-early` chunk on its own;
 * the entry adopts its request, so each load reads the session once.
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

const isEntry = (url) => /\/assets\/index-[\w-]+\.js$/.test(new URL(url).pathname);
const isSessionRead = (request) => request.method === 'GET' && new URL(request.url).pathname === '/api/auth/session';

/** Every session read the page sends, and the page's script errors. */
function watch(session) {
  const seen = { sessionReads: 0, errors: [] };
  session.on((message) => {
    if (message.method === 'Network.requestWillBeSent' && isSessionRead(message.params.request)) seen.sessionReads++;
    if (message.method === 'Runtime.exceptionThrown') {
      seen.errors.push(message.params.exceptionDetails.exception?.description ?? message.params.exceptionDetails.text);
    }
  });
  return seen;
}

test(
  'a current Chromium sends the session read while the entry is still held back by the network, and only once',
  { timeout: 120_000 },
  async () => {
    const browser = await launchChromium({ executablePath: await findChromium(), extraArgs: chromiumArgs });
    const { session } = browser;
    try {
      const seen = watch(session);
      // The entry is paused on its way (preload and module script alike) and
      // let go only once the session read has gone out: if the read waited
      // for the entry, the page would never start and the wait below fails.
      const held = [];
      let readSent = false;
      let pausedEntries = 0;
      session.on((message) => {
        if (message.method === 'Fetch.requestPaused') {
          if (isEntry(message.params.request.url)) pausedEntries++;
          if (readSent) void session.send('Fetch.continueRequest', { requestId: message.params.requestId });
          else held.push(message.params.requestId);
        }
        if (message.method === 'Network.requestWillBeSent' && isSessionRead(message.params.request) && !readSent) {
          readSent = true;
          for (const requestId of held.splice(0)) void session.send('Fetch.continueRequest', { requestId });
        }
      });
      await session.send('Runtime.enable');
      await session.send('Network.enable');
      await session.send('Fetch.enable', {
        patterns: [{ urlPattern: '*/assets/index-*.js', requestStage: 'Request' }],
      });
      await session.send('Page.navigate', { url: server.resolvedUrls.local[0] });
      await session
        .waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`, { timeout: 60_000 })
        .catch(() => {
          throw new Error(
            `the page never started while its entry was held until the session read: the read waits for the entry (${seen.sessionReads} reads sent)`,
          );
        });
      assert.ok(readSent, 'the session read went out');
      assert.equal(seen.sessionReads, 1, 'the entry adopted the early read rather than sending its own');
      assert.deepEqual(seen.errors, []);
      assert.ok(pausedEntries > 0, 'the entry was held (else this test proves nothing)');
    } finally {
      await browser.close();
    }
  },
);

test(
  'Chromium 64 reads the session once per load, through the early chunk, and starts',
  { timeout: 120_000 },
  async () => {
    const browser = await launchChromium();
    const { session } = browser;
    try {
      assert.match(browser.version, /Chrome\/64\./);
      const seen = watch(session);
      const scripts = [];
      session.on((message) => {
        if (message.method === 'Network.requestWillBeSent') scripts.push(new URL(message.params.request.url).pathname);
      });
      await session.send('Runtime.enable');
      await session.send('Network.enable');
      await session.send('Page.navigate', { url: server.resolvedUrls.local[0] });
      await session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`, { timeout: 60_000 });
      assert.ok(
        scripts.some((path) => /^\/assets\/session-early-[\w-]+\.js$/.test(path)),
        scripts.join(' '),
      );
      assert.equal(seen.sessionReads, 1);
      assert.deepEqual(seen.errors, []);
    } finally {
      await browser.close();
    }
  },
);

test('a tab that stopped sends no session read on reload, early or late', { timeout: 120_000 }, async () => {
  const browser = await launchChromium({ executablePath: await findChromium(), extraArgs: chromiumArgs });
  const { session } = browser;
  try {
    const seen = watch(session);
    await session.send('Runtime.enable');
    await session.send('Network.enable');
    await session.send('Page.navigate', { url: server.resolvedUrls.local[0] });
    await session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`, { timeout: 60_000 });
    assert.equal(seen.sessionReads, 1);
    // As IdentityStore.stop() leaves the tab (tab-account-memory.ts): it adopts no session until a login here.
    await session.evaluate(`sessionStorage.setItem('my-page.tab-account', 'stop:mismatch')`);
    await session.send('Page.reload');
    await session.waitFor(`${app} && ${app}.getAttribute('state') === 'identity-stop'`, { timeout: 60_000 });
    assert.equal(seen.sessionReads, 1, 'the stopped tab read the session again');
    assert.deepEqual(seen.errors, []);
  } finally {
    await browser.close();
  }
});
