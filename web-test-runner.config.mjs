// @ts-check
/**
 * Browser tests in a real Chromium (never jsdom). The browser is found, not
 * downloaded: CHROME_PATH, else Debian's /usr/bin/chromium, else the Chromium
 * binary shipped inside the @sparticuz/chromium npm package.
 */
import { readFileSync } from "node:fs";
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, chromiumArgs } from './scripts/find-chromium.mjs';
import { tvKeyPlugin } from './scripts/tv-key-plugin.mjs';
import { touchPlugin } from './scripts/touch-plugin.mjs';
import { importTs } from './scripts/serve/import-ts.mjs';

const require = createRequire(import.meta.url);
const workerScript = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

/** msw's worker at the root scope, always the one of the installed msw. */
const mswWorkerPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: workerScript, type: 'js', headers: { 'Service-Worker-Allowed': '/' } };
    }
  },
};

/**
 * The mock as `npm start` serves it (Node middleware, real HttpOnly cookie),
 * beside the page's msw worker at /api, so test/mocks/transport-contract.test.ts
 * can hold both transports to the same answers. Its own bases keep the
 * worker's handlers, which match only /api and /__mock, from answering it.
 */
const { MockBackend, createMockApiMiddleware } = await importTs('src/mocks/index.ts');
const serverMock = createMockApiMiddleware(new MockBackend(), {
  apiBase: '/server-api',
  controlBase: '/server-mock',
  // No test page may reconfigure it through its own URL.
  pagePaths: [],
});

/**
 * The connect-style middleware inside wtr's koa server.
 * @param {(req: any, res: any, next: (error?: unknown) => void) => void} middleware
 */
function fromConnect(middleware) {
  return (ctx, next) =>
    new Promise((resolve, reject) => {
      // It answers on the raw response, so koa must not write one after it.
      const answered = () => {
        ctx.respond = false;
        resolve(undefined);
      };
      ctx.res.once('finish', answered).once('close', answered);
      middleware(ctx.req, ctx.res, (error) => {
        ctx.res.off('finish', answered).off('close', answered);
        if (error) reject(error);
        else next().then(resolve, reject);
      });
    });
}

/** Seed and size of test/soak/soak.test.ts, from `npm run soak` (scripts/soak.mjs). */
const soakPlugin = {
  name: 'soak-config',
  serve(context) {
    if (context.path === '/__soak.json') {
      const seed = Number(process.env.SOAK_SEED ?? 1);
      const responses = Number(process.env.SOAK_RESPONSES ?? 200);
      return { body: JSON.stringify({ seed, responses }), type: 'json' };
    }
  },
};

const executablePath = await findChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [fromConnect(serverMock)],
  plugins: [
    // MODE as Vite sets it: `test` keeps QA instrumentation (src/qa) in, as in dev.
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022', define: { 'import.meta.env.MODE': '"test"' } }),
    mswWorkerPlugin,
    tvKeyPlugin(),
    touchPlugin(),
    soakPlugin,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  // One page at a time: msw keeps mocked cookies in the origin's localStorage,
  // so concurrent pages would share (and log out) each other's session.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // wtr's own 120 s, unless `npm run soak` asks for a longer run.
  testsFinishTimeout: Math.max(120_000, Number(process.env.SOAK_RESPONSES ?? 0) * 600),
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="ja"><head><meta charset="utf-8"><link rel="stylesheet" href="/src/styles/page.css"></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};

