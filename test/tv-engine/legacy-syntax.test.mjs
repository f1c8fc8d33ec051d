/**
 * The legacy build (engines without ES modules: Chromium 53-60, 2018 TVs):
 * one classic script that Chromium 53 can parse, loaded only with `nomodule`,
 * its runtime needs covered by feature-detected polyfills, and nothing of it
 * reachable from the modern path. Runs after `vite build` (see test:tv).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'acorn';

const dist = new URL('../../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([tag, attributes, body]) => ({
  tag,
  attributes,
  body,
  src: /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? null,
  module: /\btype="module"/.test(attributes),
  nomodule: /\bnomodule\b/.test(attributes),
}));
const legacyScript = scripts.find((script) => script.nomodule && /\/assets\/legacy-[\w]+\.js$/.test(script.src ?? ''));
const legacyFile = legacyScript ? join(dist, legacyScript.src.replace(/^\//, '')) : null;
const legacyCode = legacyFile ? readFileSync(legacyFile, 'utf8') : '';

/** Every node of an ESTree AST (acorn's), depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* nodes(child);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* nodes(value);
  }
}

/** The source of a regex literal with this pattern (a `/` outside a class escaped). */
function regexLiteral(pattern, flags) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      out += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      out += char === '/' && !inClass ? '\\/' : char;
    }
  }
  return `/${out}/${flags}`;
}

test('index.html: the polyfills classic, the app a module, the legacy path nomodule only', () => {
  const summary = scripts.map((script) => ({
    src: script.src && script.src.replace(/-[\w]{8}\.js$/, '-HASH.js'),
    kind: script.module ? 'module' : script.nomodule ? 'nomodule' : 'classic',
  }));
  assert.deepEqual(summary, [
    { src: '/polyfills/tv-polyfills.js', kind: 'classic' },
    // No app module named here: Chromium 61-63 must not fetch the modern entry (see module-loader.js).
    { src: '/polyfills/modern-check.js', kind: 'module' },
    { src: '/polyfills/module-loader.js', kind: 'module' },
    { src: '/polyfills/legacy-polyfills.js', kind: 'nomodule' },
    { src: '/assets/legacy-HASH.js', kind: 'nomodule' },
  ]);
  for (const script of scripts) {
    assert.equal(script.body.trim(), '', `no inline script: ${script.tag}`);
    assert.doesNotMatch(script.attributes, /\b(async|defer)\b/, `${script.src} must run in document order`);
  }
  // Only legacy-polyfills.js asks for the custom-elements polyfill, and only where it is missing.
  assert.doesNotMatch(html, /custom-elements/);
  assert.doesNotMatch(html, /<link[^>]*(legacy|custom-elements)/);
});

test('the modern bundle never refers to a legacy file', () => {
  const assets = readdirSync(join(dist, 'assets')).filter(
    (file) => file.endsWith('.js') && !file.startsWith('legacy-'),
  );
  assert.ok(assets.length > 0);
  for (const file of assets) {
    const code = readFileSync(join(dist, 'assets', file), 'utf8');
    assert.doesNotMatch(code, /legacy-polyfills|custom-elements\.min|assets\/legacy-|__MY_PAGE_BUILD__/, file);
  }
});

test('the legacy bundle parses as an ES2016 classic script: no async, spread, ?. or module syntax', () => {
  assert.ok(legacyFile, 'no nomodule legacy bundle in dist/index.html: was the build run?');
  // ES2016 is all Chromium 53 parses (async functions are 55, trailing commas
  // in calls 58, object spread 60, optional catch binding 66, ?. and ?? 80,
  // regex named groups / lookbehind / dotAll / \p{} 62-64; acorn rejects each
  // below its ecmaVersion), and a script has no import/export/import().
  const ast = parse(legacyCode, { ecmaVersion: 2016, sourceType: 'script' });
  const all = [...nodes(ast)];
  assert.equal(all.filter((node) => node.type === 'MetaProperty').length, 0, 'new.target/import.meta');
  assert.match(legacyCode, /^window\.__MY_PAGE_BUILD__="legacy";/);
  // Native classes kept: custom elements must be real classes.
  const classes = all.filter((node) => node.type === 'ClassDeclaration' || node.type === 'ClassExpression');
  assert.ok(classes.length >= 10, `only ${classes.length} classes: were classes lowered to functions?`);
  assert.ok(
    classes.some((node) => node.superClass?.type === 'Identifier' && node.superClass.name === 'HTMLElement'),
    'no class extends HTMLElement directly (Lit ReactiveElement)',
  );
  // Generators are how async functions are lowered; Chromium 53 has them.
  assert.ok(all.some((node) => node.generator === true));
});

test('regular expressions built at run time are valid ES2016 patterns', () => {
  // esbuild turns regex literals newer than the target into RegExp(...) calls,
  // which parse everywhere but throw at run time on an old engine.
  const ast = parse(legacyCode, { ecmaVersion: 2016, sourceType: 'script' });
  const text = (node) =>
    node?.type === 'Literal' && typeof node.value === 'string'
      ? node.value
      : node?.type === 'TemplateLiteral' && node.expressions.length === 0
        ? node.quasis[0].value.cooked
        : null;
  let checked = 0;
  for (const node of nodes(ast)) {
    if ((node.type !== 'NewExpression' && node.type !== 'CallExpression') || node.callee.type !== 'Identifier')
      continue;
    if (node.callee.name !== 'RegExp') continue;
    const pattern = text(node.arguments[0]);
    if (pattern === null) continue; // built from pieces (lit-html's own, ES5-level)
    const flags = node.arguments[1] ? text(node.arguments[1]) : '';
    assert.doesNotThrow(
      () => parse(regexLiteral(pattern, flags ?? ''), { ecmaVersion: 2016 }),
      `RegExp(${JSON.stringify(pattern)}, ${JSON.stringify(flags)})`,
    );
    checked++;
  }
  // The check itself catches what it is for (valibot's emoji pattern, \p{} is Chromium 64).
  assert.throws(() => parse(regexLiteral('^\\p{Emoji}$', 'u'), { ecmaVersion: 2016 }));
  assert.doesNotThrow(() => parse(regexLiteral('a/[/]b', 'g'), { ecmaVersion: 2016 }));
  // Regex literals were checked by the ES2016 parse of the previous test.
  return checked;
});

/**
 * Runtime APIs that Chromium 53-60 lack (version that added them). If the
 * bundle calls one, a feature-detected polyfill must install it (the string
 * `'name'` in one of the polyfill files), or the code must guard it.
 */
const NEWER_APIS = [
  { name: 'entries', since: 54, use: /\bObject\.entries\b/ },
  { name: 'values', since: 54, use: /\bObject\.values\b/ },
  { name: 'getOwnPropertyDescriptors', since: 54, use: /\bObject\.getOwnPropertyDescriptors\b/ },
  { name: 'padStart', since: 57, use: /\.padStart\(/ },
  { name: 'padEnd', since: 57, use: /\.padEnd\(/ },
  { name: 'finally', since: 63, use: /\.finally\(/ },
  { name: 'isConnected', since: 54, use: /\.isConnected\b/ },
  { name: 'getRootNode', since: 54, use: /\.getRootNode\(/ },
  { name: 'append', since: 54, use: /\.append\(/ },
  { name: 'prepend', since: 54, use: /\.prepend\(/ },
  { name: 'replaceWith', since: 54, use: /\.replaceWith\(/ },
  { name: 'before', since: 54, use: /\.before\(/ },
  { name: 'after', since: 54, use: /\.after\(/ },
  { name: 'getAttributeNames', since: 61, use: /\.getAttributeNames\(/ },
  { name: 'toggleAttribute', since: 69, use: /\.toggleAttribute\(/ },
  { name: 'globalThis', since: 71, use: /\bglobalThis\b/ },
  { name: 'fromEntries', since: 73, use: /\bObject\.fromEntries\b/ },
  { name: 'hasOwn', since: 93, use: /\bObject\.hasOwn\(/ },
  { name: 'replaceAll', since: 85, use: /\.replaceAll\(/ },
  { name: 'at', since: 92, use: /\.at\(-?\w+\)/ },
  { name: 'flat', since: 69, use: /\.flat\(/ },
  { name: 'flatMap', since: 69, use: /\.flatMap\(/ },
  { name: 'trimStart', since: 66, use: /\.trim(Start|End|Left|Right)\(/ },
  { name: 'matchAll', since: 73, use: /\.matchAll\(/ },
  { name: 'allSettled', since: 76, use: /\bPromise\.allSettled\b/ },
  { name: 'any', since: 85, use: /\bPromise\.any\b/ },
  { name: 'queueMicrotask', since: 71, use: /\bqueueMicrotask\b/ },
  { name: 'structuredClone', since: 98, use: /\bstructuredClone\b/ },
  { name: 'findLast', since: 97, use: /\.findLast(Index)?\(/ },
  { name: 'ResizeObserver', since: 64, use: /\bResizeObserver\b/ },
  { name: 'formatToParts', since: 57, use: /\.formatToParts\(/ },
  { name: 'PluralRules', since: 63, use: /\bIntl\.PluralRules\b/ },
  { name: 'RelativeTimeFormat', since: 71, use: /\bIntl\.RelativeTimeFormat\b/ },
  { name: 'ListFormat', since: 72, use: /\bIntl\.ListFormat\b/ },
];

test('every newer API the legacy bundle calls has a feature-detected polyfill', () => {
  const polyfills = ['tv-polyfills.js', 'legacy-polyfills.js']
    .map((file) => readFileSync(join(dist, 'polyfills', file), 'utf8'))
    .join('\n');
  const missing = NEWER_APIS.filter((api) => api.use.test(legacyCode) && !polyfills.includes(`'${api.name}'`)).map(
    (api) => `${api.name} (Chromium ${api.since})`,
  );
  assert.deepEqual(
    missing,
    [],
    'add a feature-detected polyfill to public/polyfills/legacy-polyfills.js, or guard the call',
  );
});

test('the classic scripts of the legacy path are ES5 (what any engine parses)', () => {
  for (const file of [
    'polyfills/tv-polyfills.js',
    'polyfills/legacy-polyfills.js',
    'polyfills/custom-elements.min.js',
  ]) {
    assert.doesNotThrow(
      () => parse(readFileSync(join(dist, file), 'utf8'), { ecmaVersion: 5, sourceType: 'script' }),
      file,
    );
  }
  // The custom-elements polyfill is requested only by legacy-polyfills.js (where customElements is missing).
  const loader = readFileSync(join(dist, 'polyfills/legacy-polyfills.js'), 'utf8');
  assert.match(loader, /typeof registry\.define !== 'function'[\s\S]*document\.write\([^)]*custom-elements\.min\.js/);
});
