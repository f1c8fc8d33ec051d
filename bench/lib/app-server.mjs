/**
 * The production build of the app and a loopback server for it, for the app
 * benchmark (bench/app-bench.mjs).
 *
 * - The build goes to a private directory, not dist/: other people rebuild
 *   dist/ while they work, and a build landing mid-run would mix two bundles.
 * - The server is our own (static files + the project's mock API middleware)
 *   rather than `vite preview`, because the bench needs its own MockBackend
 *   instance: it shortens the heavy account's history to 500 entries for the
 *   second held-key run, without any change to src/mocks.
 * - It runs in a worker thread (startAppServer): the mock builds and sorts
 *   thousands of rows per answer, and on the bench's own thread that would
 *   delay the held key's next repeat, which must leave on schedule.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from './build.mjs';

const cacheDir = join(projectRoot, 'node_modules', '.cache', 'app-bench');

/** `vite build` of the project (its own vite.config.ts: modern + legacy bundles) into `outDir`. */
export async function buildApp(outDir = join(cacheDir, 'dist')) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  await new Promise((resolve, reject) => {
    const child = spawn(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: projectRoot,
      // Source maps name the profiled functions (lib/sourcemap.mjs); production builds have none.
      env: { ...process.env, MY_PAGE_SOURCEMAP: '1' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html into ${outDir}`);
  return outDir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves `root` (the build) and answers /api and /__mock with `middleware`;
 * `mounts` serves other directories under a path prefix (the bench's floor pages).
 * Files go out uncompressed and with `no-store`: the bench counts gzip sizes
 * itself, and every load must fetch every byte again.
 */
export async function serveApp(root, middleware, mounts = {}) {
  const server = createServer((request, response) => {
    middleware(request, response, (error) => {
      if (error) {
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
        return;
      }
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
      const base = mount ? mounts[mount] : root;
      const rest = mount ? pathname.slice(mount.length) : pathname;
      const relative = rest === '/' ? 'index.html' : decodeURIComponent(rest).replace(/^\/+/, '');
      const file = normalize(join(base, relative));
      if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      response
        .writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        })
        .end(readFileSync(file));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

/**
 * The server of serveApp in a worker thread, with the MockBackend controls
 * the bench needs: `reset()` (fresh demo data) and `truncateHistory(accountId, n)`.
 */
export async function startAppServer(root, mounts = {}) {
  const worker = new Worker(fileURLToPath(new URL('./app-server-worker.mjs', import.meta.url)), {
    workerData: { root, mounts },
  });
  let next = 1;
  const pending = new Map();
  let failed = null;
  worker.on('message', ({ id, result, error }) => {
    const call = pending.get(id);
    pending.delete(id);
    if (error) call?.reject(new Error(error));
    else call?.resolve(result);
  });
  const fail = (error) => {
    failed = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`app server worker exited (${code})`)));
  const call = (method, ...args) =>
    failed
      ? Promise.reject(failed)
      : new Promise((resolve, reject) => {
          const id = next++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, method, args });
        });
  const { origin } = await call('start');
  return {
    origin,
    reset: () => call('reset'),
    truncateHistory: (accountId, size) => call('truncateHistory', accountId, size),
    historyLength: (accountId) => call('historyLength', accountId),
    async close() {
      await call('close').catch(() => {});
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
