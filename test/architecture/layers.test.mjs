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
  identity: ['api', 'time'],
  navigation: [],
  time: [],
  payment: [],
  styles: [],
  mocks: ['api'],
  i18n: ['api'],
  // Elements take what they show as plain shapes, so controllers may render them without a cycle.
  components: ['api', 'i18n', 'navigation', 'styles', 'time'],
  data: ['api', 'components', 'identity', 'i18n', 'navigation', 'payment', 'time'],
};

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module a file names (static imports, re-exports and import()), relative to src/. */
function modulesOf(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map(
    (m) => m[1],
  );
  return specifiers.map((specifier) => relative(src, resolve(dirname(file), specifier)));
}

/** The folders of src/ a file imports from. */
function importsOf(file) {
  return modulesOf(file).map((module) => module.split('/')[0]);
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
  assert.ok(modulesOf(join(src, 'app/my-page-app.ts')).includes('app/routes.js'));
});

test('the route table (app/route-paths.ts) imports nothing, so anything can link to a route', () => {
  const text = readFileSync(join(src, 'app/route-paths.ts'), 'utf8');
  assert.doesNotMatch(text, /^\s*(import|export\s.*\sfrom)\b/m);
});

test('only the app imports app/routes.ts and app/my-page-app.ts (no screen imports the module that imports it)', () => {
  const app = ['main.ts', 'app/my-page-app.ts', 'app/routes.ts'];
  const offending = filesUnder(src)
    .filter((file) => !app.includes(relative(src, file)))
    .flatMap((file) =>
      modulesOf(file)
        .filter((module) => ['app/routes.js', 'app/my-page-app.js'].includes(module))
        .map((module) => `${relative(src, file)} -> ${module}`),
    );
  assert.deepEqual(offending, []);
});

test('each src/screens/*-screen.ts is a lazy route of the table, each shell route lives in src/screens/shell/', async () => {
  // routes.ts loads `../screens/${name}-screen.ts` by the row's tag: a file there without a row would be a chunk
  // nothing opens, a row without its file a screen that never loads, a shell screen there splits the entry chunk.
  const { importTs } = await import('../../scripts/serve/import-ts.mjs');
  const { ROUTE_TABLE } = await importTs('src/app/route-paths.ts');
  const fileOf = (route) => `${route.tag.replace(/^mp-/, '')}.ts`;
  const files = (dir) => readdirSync(join(src, dir)).filter((name) => name.endsWith('-screen.ts'));
  assert.deepEqual(
    files('screens').sort(),
    ROUTE_TABLE.filter((r) => !r.shell)
      .map(fileOf)
      .sort(),
  );
  for (const route of ROUTE_TABLE.filter((r) => r.shell)) assert.ok(files('screens/shell').includes(fileOf(route)));
});
