/**
 * The production bundle carries the app and nothing of the mock backend: no
 * msw, no demo accounts, no fault scenarios (contract: the mock is a stand-in
 * for the real API, served by the dev and preview servers, never shipped),
 * and nothing of the QA panel, which only `vite build --mode qa` includes.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const dist = new URL('../../dist/', import.meta.url).pathname;

function builtFiles(dir = dist) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Strings only the mock backend, msw or the QA panel would bring into a bundle, by what they give away. */
const FORBIDDEN = {
  // msw: its worker, its log prefix, its worker protocol, its cookie store, its site.
  msw: ['mockServiceWorker', 'setupWorker', '[MSW]', 'MOCKING_ENABLED', '__msw', 'mswjs'],
  // src/mocks: control endpoints, fault scenarios, MockBackend's methods (kept by the minifier), its HTML fault page.
  'mock backend': [
    '/__mock',
    'foreign-account',
    'foreign-nested',
    'session-switch-before-card',
    'switchedTokenFor',
    'issueCardToken',
    'upstream connect error',
  ],
  // Demo accounts: login ids, the shared password, account ids (ASCII: esbuild escapes other text).
  'demo data': [
    'hanako@example.jp',
    'taro@example.jp',
    'empty@example.jp',
    'heavy@example.jp',
    'mypage-demo',
    'acc_4f2b9c',
    'acc_7d1e3a',
  ],
  // src/qa: built only by `vite build --mode qa`.
  'QA panel': ['qa-panel', 'mp-qa'],
};

test('the production build contains no mock backend, no msw, no demo data and no QA panel', () => {
  const files = builtFiles();
  assert.ok(
    files.some((file) => file.endsWith('.js')),
    'dist has no script: was the build run?',
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [what, needles] of Object.entries(FORBIDDEN)) {
      for (const needle of needles) assert.ok(!text.includes(needle), `${what}: ${needle} found in ${file}`);
    }
  }
});

test('no source map ships: no .map file and no sourceMappingURL (the original source stays private)', () => {
  const files = builtFiles();
  assert.deepEqual(
    files.filter((file) => file.endsWith('.map')).map((file) => relative(dist, file)),
    [],
  );
  for (const file of files) {
    assert.ok(!readFileSync(file, 'utf8').includes('sourceMappingURL'), `sourceMappingURL in ${file}`);
  }
});

test('no built file is named after the mock, msw or the QA panel', () => {
  for (const file of builtFiles()) {
    // The content hash is random text and may spell anything; only the name before it counts.
    const name = relative(dist, file).replace(/-[\w-]{8}(\.\w+)$/, '$1');
    assert.doesNotMatch(name, /mock|msw|(^|[/-])qa([/.-]|$)/i, `${file} looks like mock or QA code`);
  }
});

test('the polyfills are a classic script loaded before the module bundle', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const polyfills = html.indexOf('tv-polyfills.js');
  // The first module script: module-loader.js adds the bundle after it.
  const bundle = html.search(/<script type="module"/);
  assert.ok(polyfills > 0 && bundle > polyfills, 'polyfills must come first');
  assert.doesNotMatch(html, /<script[^>]*type="module"[^>]*tv-polyfills/);
});
