// npm 11.16+ lists, after every install, the dependencies whose install
// scripts nobody reviewed, and npm 12 will skip them. package.json's
// `allowScripts` says for each one whether it runs: a dependency that gains an
// install script (or a new dependency that has one) fails here until someone
// decides, so a fresh `npm install` stays quiet and does what the README says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INSTALL_HOOKS = ['preinstall', 'install', 'postinstall'];

/** Every installed package below `dir` (nested node_modules too), as its package.json. */
function* installedPackages(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* installedPackages(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) yield JSON.parse(readFileSync(manifest, 'utf8'));
    yield* installedPackages(join(path, 'node_modules'));
  }
}

const { allowScripts = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('every installed dependency with an install script has an allowScripts decision', () => {
  const undecided = new Set();
  for (const pkg of installedPackages(join(root, 'node_modules'))) {
    const hooks = INSTALL_HOOKS.filter((hook) => pkg.scripts?.[hook]);
    if (hooks.length && !(pkg.name in allowScripts)) undecided.add(`${pkg.name}@${pkg.version} (${hooks})`);
  }
  assert.deepEqual([...undecided], []);
});

test('the WebDriver downloaders stay off: they fetch drivers from the internet, and we drive Debian engines', () => {
  // geckodriver and edgedriver come with @web/test-runner-webdriver; Firefox
  // runs over BiDi from Debian's firefox-esr, WebKit through Debian's
  // WebKitWebDriver (README, Engines), and nothing here reaches the internet.
  assert.equal(allowScripts.geckodriver, false);
  assert.equal(allowScripts.edgedriver, false);
});
