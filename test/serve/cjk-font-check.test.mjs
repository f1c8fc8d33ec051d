/**
 * `npm start` warns when no Japanese font is installed
 * (scripts/serve/cjk-font-check.ts), and only then.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importTs } from '../../scripts/serve/import-ts.mjs';

const { cjkFontCheck, cjkFontWarning, japaneseFonts, CJK_FONT_HINT } = await importTs(
  'scripts/serve/cjk-font-check.ts',
);

test('no Japanese font: the warning names the way to install one', () => {
  assert.deepEqual(
    japaneseFonts(() => '\n'),
    [],
  );
  assert.equal(cjkFontWarning([]), CJK_FONT_HINT);
  assert.match(CJK_FONT_HINT, /apt-get install fonts-noto-cjk/);
});

test('a Japanese font, or no fontconfig at all: no warning', () => {
  const listed = 'Noto Sans CJK JP,Noto Sans CJK JP Regular';
  assert.deepEqual(
    japaneseFonts(() => `${listed}\n`),
    [listed],
  );
  assert.equal(cjkFontWarning(['Noto Sans CJK JP']), null);
  const missing = () => {
    throw Object.assign(new Error('spawn fc-list ENOENT'), { code: 'ENOENT' });
  };
  assert.equal(japaneseFonts(missing), null);
  assert.equal(cjkFontWarning(null), null);
});

test('the dev server prints it through its logger as it starts', () => {
  for (const [fonts, expected] of [
    [[], [CJK_FONT_HINT]],
    [['Noto Sans CJK JP'], []],
  ]) {
    const warned = [];
    const plugin = cjkFontCheck(() => fonts);
    assert.equal(plugin.apply, 'serve');
    plugin.configureServer({ config: { logger: { warn: (text) => warned.push(text) } } });
    assert.deepEqual(warned, expected);
  }
});
