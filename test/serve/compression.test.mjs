/**
 * `npm run preview` answers text gzip-encoded when the client accepts gzip and
 * as identity when it does not, says `Vary: Accept-Encoding` either way, and
 * keeps the page headers of contract 6 (scripts/serve/compression.ts). The
 * mock API's answers are covered too, with their own Vary: Cookie kept.
 * Serves dist/ as test:tv builds it (run `vite build` first when alone).
 *
 * node:http rather than fetch: fetch asks for gzip by itself and decodes
 * the body, hiding what the server sent.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { preview } from 'vite';
import { importTs } from '../../scripts/serve/import-ts.mjs';

const dist = new URL('../../dist/', import.meta.url);
const { securityHeaders } = await importTs('scripts/serve/security-headers.ts');
const { acceptsGzip, isCompressible, COMPRESSIBLE_TYPES, MIN_COMPRESSED_BYTES } =
  await importTs('scripts/serve/compression.ts');

let server;
let base;
/** The modern entry script the built index.html names. */
let entry;

before(async () => {
  assert.ok(existsSync(new URL('index.html', dist)), 'dist/ is missing: run `vite build` (npm run test:tv does)');
  entry = readFileSync(new URL('index.html', dist), 'utf8').match(/data-modern-entry="([^"]+)"/)?.[1];
  assert.ok(entry, 'the built index.html names its entry');
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  base = new URL(server.resolvedUrls.local[0]);
});

after(async () => {
  await server?.close();
});

/** One request with exactly these headers; resolves with status, headers and the body as sent. */
function get(path, headers = {}, method = 'GET', body) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const varies = (headers) => (headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase());

test('the entry script: gzip-encoded when asked, the same bytes once decoded, with the page headers', async () => {
  const onDisk = readFileSync(new URL(`.${entry}`, dist));
  const res = await get(entry, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-encoding'], 'gzip');
  assert.ok(varies(res.headers).includes('accept-encoding'), `Vary: ${res.headers.vary}`);
  assert.equal(Number(res.headers['content-length']), res.body.length);
  assert.ok(res.body.length < onDisk.length / 2, `${res.body.length} bytes sent for ${onDisk.length}`);
  assert.deepEqual(gunzipSync(res.body), onDisk);
  for (const [name, value] of securityHeaders()) assert.equal(res.headers[name.toLowerCase()], value, name);
});

test('the entry script: identity when gzip is not asked for, or refused with q=0', async () => {
  const onDisk = readFileSync(new URL(`.${entry}`, dist));
  for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, identity' }]) {
    const res = await get(entry, headers);
    const asked = JSON.stringify(headers);
    assert.equal(res.status, 200, asked);
    assert.equal(res.headers['content-encoding'], undefined, asked);
    assert.ok(varies(res.headers).includes('accept-encoding'), `${asked}: Vary: ${res.headers.vary}`);
    assert.deepEqual(res.body, onDisk, asked);
    assert.equal(res.headers['content-security-policy'], securityHeaders()[0][1], asked);
  }
});

test('a revalidation (304) names Accept-Encoding in Vary as its 200 does', async () => {
  const { etag } = (await get(entry, { 'Accept-Encoding': 'gzip' })).headers;
  const res = await get(entry, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
  assert.equal(res.status, 304);
  assert.equal(res.body.length, 0);
  assert.ok(varies(res.headers).includes('accept-encoding'), `Vary: ${res.headers.vary}`);
});

test('the page is gzip-encoded too; an icon is not', async () => {
  const page = await get('/', { 'Accept-Encoding': 'gzip' });
  assert.match(page.headers['content-type'], /^text\/html/);
  assert.equal(page.headers['content-encoding'], 'gzip');
  assert.match(gunzipSync(page.body).toString(), /<my-page-app>/);

  const icon = await get('/favicon.ico', { 'Accept-Encoding': 'gzip' });
  assert.equal(icon.status, 200);
  assert.equal(icon.headers['content-encoding'], undefined);
  assert.deepEqual(icon.body, readFileSync(new URL('favicon.ico', dist)));
});

test("the mock API's answers: gzip-encoded when asked, Vary: Cookie and no-store kept", async () => {
  const login = await get(
    '/api/auth/login',
    { 'Content-Type': 'application/json', Accept: 'application/json' },
    'POST',
    JSON.stringify({ loginId: 'taro@example.jp', password: 'mypage-demo', nonce: 'compression-test-nonce-0001' }),
  );
  assert.equal(login.status, 200);
  const cookie = login.headers['set-cookie'][0].split(';')[0];

  const asked = () => ({ Cookie: cookie, Accept: 'application/json', 'X-Request-Id': randomUUID() });
  const gzipped = await get('/api/viewing-history', { ...asked(), 'Accept-Encoding': 'gzip' });
  assert.equal(gzipped.status, 200);
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  assert.deepEqual(varies(gzipped.headers).sort(), ['accept-encoding', 'cookie']);
  assert.equal(gzipped.headers['cache-control'], 'no-store');
  const plain = await get('/api/viewing-history', asked());
  assert.equal(plain.headers['content-encoding'], undefined);
  // The same answer either way (its requestId echoes each request's own).
  assert.deepEqual(JSON.parse(gunzipSync(gzipped.body)).data, JSON.parse(plain.body).data);
});

test('the rules: which types, and what Accept-Encoding admits gzip', () => {
  assert.equal(isCompressible('text/javascript; charset=utf-8'), true);
  assert.equal(isCompressible('application/json'), true);
  assert.equal(isCompressible('image/svg+xml'), true);
  assert.equal(isCompressible('image/x-icon'), false);
  assert.equal(isCompressible(undefined), false);
  assert.ok(COMPRESSIBLE_TYPES.includes('text/css'));
  assert.equal(MIN_COMPRESSED_BYTES, 1024);

  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('*, gzip;q=0'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(undefined), false);
});
