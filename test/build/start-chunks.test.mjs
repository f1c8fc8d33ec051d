/**
 * Issue 10, cold load: what the build does to the chunks that run at start.
 * - Lit's css`` templates ship without comments and indents
 *   (scripts/build/css-literals.ts): the minifier checked on the rules the
 *   source really has, then the built entry checked for what it removes.
 * - The entry and the session read's chunk, and only they, start with V8's
 *   explicit compile hint (vite.config.ts `compileHintFor`): a lazy screen's
 *   chunk is compiled when the screen opens, not with the menu.
 * Reads dist/ as test:tv builds it (run `vite build` first when alone).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importTs } from '../../scripts/serve/import-ts.mjs';

const { minifyCss, minifyCssTemplates } = await importTs('scripts/build/css-literals.ts');
const dist = new URL('../../dist/', import.meta.url).pathname;
const HINT = '//# allFunctionsCalledOnLoad';

test('css templates lose comments and spacing, never a selector combinator or a value space', () => {
  assert.equal(
    minifyCss(`
      /* why, with a "quote" */
      :host(:focus-within) a:hover,
      ul > li  .hint::before {
        padding: calc(5vh + 0.6rem) calc(5vw + 0.6rem);
        color: var(--mp-text, #f4f6fb);
      }
      @media (max-width: 900px) and (min-height: 1px) {
        .bar { gap: 0.6rem 0.8rem; }
      }
    `),
    ':host(:focus-within) a:hover,ul > li .hint::before{padding:calc(5vh + 0.6rem) calc(5vw + 0.6rem);' +
      'color:var(--mp-text,#f4f6fb)}@media (max-width:900px) and (min-height:1px){.bar{gap:0.6rem 0.8rem}}',
  );
  // Quoted strings stay whole, a comment's quote included.
  assert.equal(
    minifyCss(`/* "12 / 80" */ [data-key='red'] , a::after { content: ' ;  } '; }`),
    `[data-key='red'],a::after{content:' ;  } '}`,
  );
  // A template the minifier cannot be sure of stays as written.
  const risky = "css`a::after { content: 'it\\'s'; }` + css`a { b: ${x}; }`";
  assert.equal(minifyCssTemplates(risky), risky);
  assert.equal(minifyCssTemplates('css`\n  a {\n    b: c;\n  }\n`'), 'css`a{b:c}`');
});

test('the built entry carries none of the styles’ comments or indents; every chunk that runs at start has the compile hint, no other', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /data-modern-entry="\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
  assert.ok(entry, 'no modern entry in dist/index.html: was the build run?');
  const code = readFileSync(join(dist, entry), 'utf8');
  // Two of the shared styles' own comments and their indented rules, as the source has them.
  assert.ok(!code.includes('Wide things (list rows, fields) do not scale'), 'a css comment shipped');
  assert.ok(!/\n {4}box-sizing: inherit;/.test(code), 'css indents shipped');
  assert.ok(
    code.includes('box-sizing:inherit'),
    'the shared styles are not in the entry any more: point this test at them',
  );

  const chunks = readdirSync(join(dist, 'assets')).filter(
    (file) => file.endsWith('.js') && !file.startsWith('legacy-'),
  );
  const hinted = chunks.filter((file) =>
    readFileSync(join(dist, 'assets', file), 'utf8')
      .split('\n', 2)
      .includes(HINT),
  );
  const early = chunks.find((file) => file.startsWith('session-early-'));
  assert.deepEqual(hinted.sort(), [entry.replace('assets/', ''), early].sort());
});
