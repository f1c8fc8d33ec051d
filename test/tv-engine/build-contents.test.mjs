/**
 * The production bundle carries the app and nothing of the mock backend: no
 * msw, no demo accounts, no fault scenarios (contract: the mock is a stand-in
 * for the real API, served by the dev and preview servers, never shipped).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const dist = new URL('../../dist/', import.meta.url).pathname;

function builtFiles(dir = dist) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? builtFiles(join(dir, entry.name)) : entry.name.endsWith('.map') ? [] : [join(dir, entry.name)],
  );
}

test('the production build contains no mock backend and no demo data', () => {
  const files = builtFiles();
  assert.ok(files.some((file) => file.endsWith('.js')), 'dist has no script: was the build run?');
  const forbidden = ['mockServiceWorker', 'setupWorker', 'hanako@example.jp', 'taro@example.jp', 'mypage-demo', 'foreign-nested', 'acc_4f2b9c'];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const needle of forbidden) assert.ok(!text.includes(needle), `${needle} found in ${file}`);
  }
});

test('the polyfills are a classic script loaded before the module bundle', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const polyfills = html.indexOf('tv-polyfills.js');
  const bundle = html.search(/<script type="module"[^>]*src="[^"]*assets\//);
  assert.ok(polyfills > 0 && bundle > polyfills, 'polyfills must come first');
  assert.doesNotMatch(html, /<script[^>]*type="module"[^>]*tv-polyfills/);
});
