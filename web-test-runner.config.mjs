// @ts-check
/**
 * Browser tests in a real Chromium (never jsdom). The browser is found, not
 * downloaded: CHROME_PATH, else Debian's /usr/bin/chromium, else the Chromium
 * binary shipped inside the @sparticuz/chromium npm package.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, chromiumArgs } from './scripts/find-chromium.mjs';
import { tvKeyPlugin } from './scripts/tv-key-plugin.mjs';
import { touchPlugin } from './scripts/touch-plugin.mjs';
import { importTs } from './scripts/serve/import-ts.mjs';
import { failureRecapReporter } from './scripts/wtr/failure-recap-reporter.mjs';

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
const { securityHeaders } = await importTs('scripts/serve/security-headers.ts');
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

/**
 * Every page of the suite under the production headers (contract section 6),
 * so the whole suite proves the app runs with no inline script, no eval and
 * Trusted Types; test/support/csp-watch.js fails a test on any violation.
 * The one exception is the runner's own config, which wtr writes as an inline
 * script into each test page: that script alone gets a fresh nonce, which
 * script-src then names; and Trusted Types admit the mock's worker URL
 * (src/mocks/browser.ts), which no deployed page registers. Fixture pages that a test frames (test/fixtures/)
 * get the QA build's variant, which lets the same origin frame them, as
 * tv-sim.html does.
 * @param {any} ctx
 * @param {() => Promise<unknown>} next
 */
async function pageHeaders(ctx, next) {
  await next();
  if (!ctx.response.is('html')) return;
  const allowSameOriginFrame = ctx.path.startsWith('/test/fixtures/');
  const nonce = randomBytes(16).toString('base64');
  let nonced = false;
  if (typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body)) {
    const page = String(ctx.body);
    ctx.body = page.replace(/<script(?![^>]*\ssrc=)(?=[\s>])/g, () => {
      nonced = true;
      return `<script nonce="${nonce}"`;
    });
  }
  for (const [name, value] of securityHeaders({ allowSameOriginFrame, mockServiceWorker: true })) {
    ctx.set(
      name,
      nonced && name === 'Content-Security-Policy'
        ? value.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
        : value,
    );
  }
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
  middleware: [pageHeaders, fromConnect(serverMock)],
  plugins: [
    // MODE as Vite sets it: `test` keeps QA instrumentation (src/qa) in, as in dev.
    esbuildPlugin({
      ts: true,
      tsconfig: './tsconfig.json',
      target: 'es2022',
      define: { 'import.meta.env.MODE': '"test"' },
    }),
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
  // A fixed port when WTR_PORT says so (`npm run test:repeat` passes its own):
  // the default, the first free one from 8000, is found before it is bound, so
  // two suites starting together on one machine can pick the same one.
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  reporters: [defaultReporter(), failureRecapReporter()],
  // Starting a browser and its first page: 30 s by default, which Firefox and
  // WebKitGTK overshoot when the machine is loaded.
  browserStartTimeout: 120_000,
  // Per test: a limit for a test that hangs, not a speed check (the benches
  // measure speed). Firefox and WebKitGTK on a busy 2-core CI machine take
  // several times as long as Chromium on a quiet one.
  testFramework: { config: { timeout: 20000 } },
  // Per file, a limit for a file that hangs. The 200-response soak takes 25-50 s
  // on 2 quiet cores, ~100 s at a load of 12 and over 140 s at 18.7 (its own
  // limit, test/soak/soak.test.ts, is 260 s); `npm run soak` scales this.
  testsFinishTimeout: Math.max(600_000, Number(process.env.SOAK_RESPONSES ?? 0) * 600),
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="ja"><head><meta charset="utf-8"><link rel="stylesheet" href="/src/styles/page.css"></head>
    <body><script src="/test/support/csp-watch.js"></script><script type="module" src="${testFramework}"></script></body></html>`,
};
