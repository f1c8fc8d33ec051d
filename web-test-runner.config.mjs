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

const executablePath = await findChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), mswWorkerPlugin, tvKeyPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
    }),
  ],
  // One page at a time: msw keeps mocked cookies in the origin's localStorage,
  // so concurrent pages would share (and log out) each other's session.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="ja"><head><meta charset="utf-8"><link rel="stylesheet" href="/src/styles/page.css"></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};

