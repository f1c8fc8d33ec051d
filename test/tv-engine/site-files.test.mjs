/**
 * Issue 13 "also seen": every load asked for /favicon.ico and got a 404 (a
 * console error in every browser, best practices 96 in Lighthouse). The build
 * must carry the icon and robots.txt, served as themselves: not the SPA
 * fallback's index.html, not a 404. Runs after `vite build` (test:tv).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { preview } from 'vite';

const dist = new URL('../../dist/', import.meta.url).pathname;
let server;
let base;

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  base = server.resolvedUrls.local[0];
});

after(async () => {
  await server?.close();
});

test('/favicon.ico is in the build and served as an icon, as browsers ask for it', async () => {
  assert.ok(existsSync(`${dist}favicon.ico`), 'dist/favicon.ico');
  // What a browser sends for the icon it asks for by itself.
  const response = await fetch(`${base}favicon.ico`, {
    headers: { Accept: 'image/avif,image/webp,image/*,*/*;q=0.8' },
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^image\//);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The ICO header (reserved 0, type 1): not the SPA fallback's HTML.
  assert.deepEqual([...bytes.slice(0, 4)], [0, 0, 1, 0]);
});

test('/robots.txt is served as text (no HTML fallback for a crawler to misread)', async () => {
  const response = await fetch(`${base}robots.txt`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
  assert.match(await response.text(), /^User-agent: \*$/m);
});
