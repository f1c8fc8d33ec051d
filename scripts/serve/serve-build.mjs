/**
 * The production build served as `vite preview` serves it (the deployed
 * headers, the mock API middleware), for the tools that look at the built
 * app: `npm run screenshots` and `npm run lighthouse`.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds into `node_modules/.cache/<cacheName>` (a private directory: dist/
 * may be rebuilt meanwhile) unless `dist` names a build to serve as it is;
 * answers the started preview server on loopback: on `port` when given (a
 * helper on a shared machine keeps to its own range), else on a free one.
 */
export async function serveBuild({ dist, cacheName, port = 0 }) {
  const configFile = join(repoRoot, 'vite.config.ts');
  const outDir = dist ? resolve(repoRoot, dist) : join(repoRoot, 'node_modules', '.cache', cacheName);
  if (!dist) {
    const started = Date.now();
    console.log(`building into ${relative(repoRoot, outDir)} ...`);
    await build({ root: repoRoot, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return preview({
    root: repoRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
  });
}
