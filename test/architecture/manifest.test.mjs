// custom-elements.json is what editors and docs tools read: it must describe
// the elements as they are, so a change to an element without `npm run
// analyze` fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const committed = readFileSync(join(root, 'custom-elements.json'), 'utf8');

function tagsOf(manifest) {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName)).sort();
}

function definedTags(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'mocks' ? [] : definedTags(path);
    if (!path.endsWith('.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/customElements\.define\(\s*['"]([a-z0-9-]+)['"]/g)].map(
      (m) => m[1],
    );
  });
}

test('package.json points editors at the manifest', () => {
  assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).customElements, 'custom-elements.json');
});

test('every element the app defines is in the manifest', () => {
  assert.deepEqual(tagsOf(JSON.parse(committed)), [...new Set(definedTags(join(root, 'src')))].sort());
});

test('the committed manifest is what `npm run analyze` writes today', () => {
  // The analyzer also rewrites package.json, so it runs on a copy, never on the checkout.
  const out = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    for (const name of ['src', 'package.json', 'tsconfig.json', 'custom-elements-manifest.config.mjs']) {
      cpSync(join(root, name), join(out, name), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'));
    execFileSync(join(root, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--quiet'], {
      cwd: out,
      stdio: 'pipe',
    });
    // The analyzer lists modules in the order its glob happens to find them.
    const byPath = (text) => {
      const manifest = JSON.parse(text);
      return { ...manifest, modules: [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path)) };
    };
    assert.deepEqual(
      byPath(readFileSync(join(out, 'custom-elements.json'), 'utf8')),
      byPath(committed),
      'custom-elements.json is stale: run `npm run analyze`',
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
