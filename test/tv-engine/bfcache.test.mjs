/**
 * Contract section 1, "Continuity", across the back/forward cache: customer A's
 * page is left, someone else's session takes the browser's cookie, and Back
 * restores A's page. Not one frame of the restored page may show A's data (or
 * anybody's) before the session re-check has answered; the re-check then stops
 * the page. Needs a Chromium whose cache is on (a plain CDP-driven one: test
 * launchers turn it off) and the built HTML served cacheable, as `npm run
 * preview` serves it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 } from '../../scripts/chromium64.mjs';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { app, inScreen, loginThroughForm } from './app-page.mjs';

/** Taro's plan, login id and card digits: none may be painted after the restore. */
const TARO_STRINGS = ['プレミアム', 'taro@example.jp', 'Visa'];

/**
 * Installed in every document: on a restore, the composed text of the page at
 * `pageshow` and in each of the next frames until the state has left `loading`.
 */
const RECORD_RESTORED_FRAMES = `(() => {
  const text = () => {
    const parts = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot);
      }
      parts.push(root.textContent || '');
    };
    visit(document);
    return parts.join(' ');
  };
  window.__restoredFrames = [];
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    window.__restored = true;
    const state = () => { const el = document.querySelector('my-page-app'); return el && el.getAttribute('state'); };
    window.__restoredFrames.push({ at: 'pageshow', state: state(), text: text() });
    let frames = 0;
    const frame = () => {
      window.__restoredFrames.push({ at: 'frame ' + frames, state: state(), text: text() });
      if (++frames < 120 && (state() === 'loading' || frames < 5)) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
})()`;

let server;
let browser;

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  browser = await launchChromium64({ executablePath: await findChromium() });
  await browser.session.send('Page.enable');
  await browser.session.send('Network.enable');
  await browser.session.send('Page.addScriptToEvaluateOnNewDocument', { source: RECORD_RESTORED_FRAMES });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A login from outside the browser, for its session cookie (as another person's login would set). */
async function sessionCookieOf(base, loginId) {
  const response = await fetch(new URL('api/auth/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': crypto.randomUUID() },
    body: JSON.stringify({ loginId, password: 'mypage-demo', nonce: 'bfcache-test' }),
  });
  assert.equal(response.status, 200);
  const [pair] = response.headers.get('set-cookie').split(';');
  const [name, value] = pair.split('=');
  return { name, value };
}

test('a page restored from the back/forward cache paints nothing of the account before the re-check, which then stops it', async () => {
  const { session } = browser;
  const base = server.resolvedUrls.local[0];
  await session.send('Page.navigate', { url: `${base}#/contract` });
  await loginThroughForm(session);
  await session.waitFor(
    `(() => { const el = ${inScreen('mp-contract-screen', '.plan')}; return el && el.textContent.includes('プレミアム'); })()`,
  );

  // Away to another page; meanwhile Hanako's session replaces Taro's cookie.
  await session.send('Page.navigate', { url: `${base}favicon-away.txt?away` });
  await session.waitFor(`location.search === '?away' && document.readyState === 'complete'`);
  const hanako = await sessionCookieOf(base, 'hanako@example.jp');
  await session.send('Network.setCookie', { ...hanako, url: base, httpOnly: true, path: '/' });

  const { currentIndex, entries } = await session.send('Page.getNavigationHistory');
  await session.send('Page.navigateToHistoryEntry', { entryId: entries[currentIndex - 1].id });
  await session.waitFor(`${app} && ${app}.getAttribute('state') === 'identity-stop'`);
  await session.waitFor(
    `window.__restoredFrames.length > 0 && window.__restoredFrames[window.__restoredFrames.length - 1].state !== 'loading'`,
  );

  // A headless shell (the @sparticuz/chromium fallback) keeps its cache off
  // ("BackForwardCacheDisabledForDelegate"): this test needs Debian's chromium.
  assert.equal(
    await session.evaluate('window.__restored === true'),
    true,
    'the page was not restored from the back/forward cache',
  );
  const frames = await session.evaluate('window.__restoredFrames');
  const leaks = frames.flatMap((frame) =>
    TARO_STRINGS.filter((s) => frame.text.includes(s)).map((s) => `${frame.at} (${frame.state}): ${s}`),
  );
  assert.deepEqual(leaks, []);
  assert.ok(!frames.some((frame) => frame.text.includes('hanako@example.jp')), 'the new account was shown');
});
