/**
 * The page headers of contract section 6, in modern Chromium (Trusted Types,
 * frame-ancestors): the production build served by `vite preview` with its
 * headers (vite.config.ts, from scripts/serve/security-headers.ts) must log in
 * and show every screen with no CSP violation and no console error; another
 * site framing it must get nothing; and where a host drops the headers, the
 * app itself must refuse to run framed. Runs after `vite build` (test:tv).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { serveApp } from '../../bench/lib/app-server.mjs';
import { launchChromium64 as launchChromium } from '../../scripts/chromium64.mjs';
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
import { importTs } from '../../scripts/serve/import-ts.mjs';
import { loginThroughForm, until, visitEveryScreen, watchPageProblems } from './app-page.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname.replace(/\/$/, '');
const { securityHeaders } = await importTs('scripts/serve/security-headers.ts');
const { MockBackend, createMockApiMiddleware } = await importTs('src/mocks/index.ts');

let server;
let base;
let browser;
let problems;
/** Another origin (another port) whose page frames the app. */
let framer;
const contexts = [];

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  base = server.resolvedUrls.local[0];
  framer = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>framer</title>'),
  );
  await new Promise((resolve) => framer.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium({ executablePath: await findChromium(), extraArgs: chromiumArgs });
  browser.session.on(({ method, params }) => {
    if (method === 'Runtime.executionContextCreated') contexts.push(params.context);
  });
  problems = await watchPageProblems(browser.session);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => framer?.close(resolve));
});

test('vite preview sends exactly the headers of the table', async () => {
  const response = await fetch(base);
  for (const [name, value] of securityHeaders()) assert.equal(response.headers.get(name), value, name);
});

test('login and every screen under the CSP: no violation, no console error, no script error', async () => {
  const { session } = browser;
  await session.send('Page.navigate', { url: base });
  await loginThroughForm(session);
  await visitEveryScreen(session);
  // Trusted Types really are enforced here (else the run proves nothing about them).
  assert.equal(await session.evaluate(`typeof trustedTypes === 'object'`), true);
  assert.deepEqual(problems, []);
  // The watch itself sees a violation (DevTools' own evaluation bypasses CSP, so an image of another origin).
  await session.evaluate(`(() => { const img = new Image(); img.src = 'http://192.0.2.1/pixel.png'; return true; })()`);
  await until(
    () => problems.some((p) => /CSP violation: img-src/.test(p)),
    () => problems.join('\n') || 'the watch saw no violation',
    { timeout: 5000 },
  );
});

/** Frames `url` from the framer's origin and returns the frame's id once it has loaded. */
async function frameFromAnotherSite(url) {
  const { session } = browser;
  await session.send('Page.navigate', { url: `http://127.0.0.1:${framer.address().port}/` });
  await session.waitFor(`document.title === 'framer'`);
  await session.evaluate(`new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.onload = () => resolve(true);
    frame.src = ${JSON.stringify(url)};
    document.body.appendChild(frame);
  })`);
  const { frameTree } = await session.send('Page.getFrameTree');
  assert.equal(frameTree.childFrames?.length, 1);
  return frameTree.childFrames[0].frame;
}

/** Polls `expression` inside the frame's own document until it is truthy. */
async function waitInFrame(frameId, expression) {
  const end = Date.now() + 15000;
  for (;;) {
    for (const context of contexts.filter((c) => c.auxData?.frameId === frameId && c.auxData?.isDefault)) {
      const { result } = await browser.session
        .send('Runtime.evaluate', { expression, contextId: context.id, returnByValue: true })
        .catch(() => ({ result: {} }));
      if (result.value) return result.value;
    }
    if (Date.now() > end) throw new Error(`Timed out in the frame waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('another site framing the app gets nothing: frame-ancestors blocks the page before any request', async () => {
  await fetch(`${base}__mock/reset`, { method: 'POST' });
  problems.length = 0;
  const frame = await frameFromAnotherSite(`${base}#/contract`);
  assert.doesNotMatch(frame.url, /^http:\/\/127\.0\.0\.1/, 'the frame shows an error page, not the app');
  const requests = await (await fetch(`${base}__mock/requests`)).json();
  assert.deepEqual(
    requests.map((r) => r.path),
    [],
  );
  // Chromium reports the refusal itself; nothing else may go wrong.
  assert.ok(
    problems.every((p) => /frame-ancestors|X-Frame-Options|refused to (display|frame)/i.test(p)),
    problems.join('\n'),
  );
});

test('where a host drops the headers, the app framed by another site shows its refusal and never reads the session', async () => {
  const backend = new MockBackend();
  const bare = await serveApp(dist, createMockApiMiddleware(backend, { apiBase: '/api' }));
  try {
    const response = await fetch(`${bare.origin}/`);
    assert.equal(response.headers.get('content-security-policy'), null, 'this server must send no CSP');
    const frame = await frameFromAnotherSite(`${bare.origin}/#/contract`);
    const text = await waitInFrame(
      frame.id,
      `(() => {
      const app = document.querySelector('my-page-app[framed]');
      const alert = app && app.shadowRoot && app.shadowRoot.querySelector('[role=alert].framed');
      return alert && alert.textContent.trim();
    })()`,
    );
    assert.match(text, /他のサイトの中には表示できません/);
    assert.deepEqual(
      backend.requests.map((r) => r.path),
      [],
    );
  } finally {
    await bare.close();
  }
});
