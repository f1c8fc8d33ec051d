// The layering the README promises: lower layers never import higher ones, so
// the network layer knows nothing of QA tools and the navigation engine stands
// alone (its own benchmark bundles it without the app).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Per folder of src/, the other folders it may import from (type imports included). */
const MAY_IMPORT = {
  api: ['identity'],
  identity: ['api'],
  navigation: [],
  payment: [],
  styles: [],
  mocks: ['api'],
};

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file names: static imports, re-exports and import(). */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]);
  return specifiers.map((specifier) => relative(src, resolve(dirname(file), specifier)).split('/')[0]);
}

for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
  test(`src/${layer}/ imports only from ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
    const files = filesUnder(join(src, layer));
    assert.ok(files.length > 0, `src/${layer}/ has files`);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((folder) => folder !== layer && !folder.endsWith('.ts') && !allowed.includes(folder))
        .map((folder) => `${relative(src, file)} -> ${folder}/`),
    );
    assert.deepEqual(offending, []);
  });
}

test('the import scan sees a real import (so the rule above can fail)', () => {
  assert.ok(importsOf(join(src, 'app/my-page-app.ts')).includes('qa'));
});
