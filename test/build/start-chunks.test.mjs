/**
 * Issue 10, cold load: what the build does to the chunks that run at start.
 * - Lit's css`` templates ship without comments and indents
 *   (scripts/build/css-literals.ts): the minifier checked on the rules the
 *   source really has, then the built entry checked for what it removes.
 * - The entry and the session read's chunk, and only they, start with V8's
 *   explicit compile hint as their first line (scripts/build/compile-hints.ts): a lazy screen's
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

test('css templates lose comments and spacing, keep their lines, never a selector combinator or a value space', () => {
  const source = `
      /* why, with a "quote" */
      :host(:focus-within) a:hover,
      ul > li  .hint::before {
        padding: calc(5vh + 0.6rem) calc(5vw + 0.6rem);
        color: var(--mp-text, #f4f6fb);
      }
      @media (max-width: 900px) and (min-height: 1px) {
        .bar { gap: 0.6rem 0.8rem; }
      }
    `;
  const minified = minifyCss(source);
  assert.equal(
    minified,
    '\n\n:host(:focus-within) a:hover,\nul > li .hint::before{\npadding:calc(5vh + 0.6rem) calc(5vw + 0.6rem);\n' +
      'color:var(--mp-text,#f4f6fb);\n}\n@media (max-width:900px) and (min-height:1px){\n.bar{gap:0.6rem 0.8rem}\n}\n',
  );
  // Every line where it was: the module's source map stays true below the template.
  assert.equal(minified.split('\n').length, source.split('\n').length);
  // Quoted strings stay whole, a comment's quote included; U+3000 is text to CSS, not space.
  assert.equal(
    minifyCss(`/* "12 / 80" */ [data-key='red'] , a::after { content: ' ;  } '; }`),
    `[data-key='red'],a::after{content:' ;  } '}`,
  );
  assert.equal(minifyCss('a::after { content: \u3000; }'), 'a::after{content:\u3000}');
  // A template the minifier cannot be sure of stays as written.
  const risky = "css`a::after { content: 'it\\'s'; }` + css`a { b: ${x}; }`";
  assert.equal(minifyCssTemplates(risky), risky);
  assert.equal(minifyCssTemplates('css`  a {  b: c;  }  `'), 'css`a{b:c}`');
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
