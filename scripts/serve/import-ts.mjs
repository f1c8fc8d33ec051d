// @ts-check
/**
 * Imports a TypeScript module of this project from plain Node (20 has no
 * type stripping): the wtr config mounts the server-side mock from
 * src/mocks, and the node --test files test scripts/serve/*.ts. Vite loads
 * vite.config.ts its own way and does not need this.
 *
 * esbuild bundles the module's own files and leaves packages external, so
 * msw, lean-qr... are the installed ones, loaded by Node as usual. The
 * bundle is written under node_modules/.cache so those bare imports resolve
 * from the project, with the process id in its name because several wtr and
 * node --test processes may run at once on this machine.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = `${root}node_modules/.cache/import-ts`;

/**
 * @param {string} path the module, relative to the project root (e.g. 'src/mocks/index.ts')
 * @returns {Promise<any>} its exports
 */
export async function importTs(path) {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = `${cacheDir}/${basename(path, extname(path))}-${process.pid}-${Date.now()}.mjs`;
  await build({
    entryPoints: [`${root}${path}`],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    // Node keeps the evaluated module; the file is not needed once imported.
    rmSync(outfile, { force: true });
  }
}
