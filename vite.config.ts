/**
 * Dev server, production build and preview server. Both servers answer /api
 * themselves with the msw handlers of src/mocks, over plain HTTP, so a TV on
 * the LAN (not a secure context: no service worker) gets the same mock
 * backend as the tests. The app bundle itself never imports src/mocks.
 * The build also writes the legacy bundle for engines without ES modules
 * (scripts/legacy/legacy-build.ts). With --host, both servers print the LAN
 * address as a QR code and the QA links (scripts/serve/lan-banner.ts).
 */
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { MockBackend, createMockApiMiddleware } from './src/mocks/index.js';
import { compileHints } from './scripts/build/compile-hints.js';
import { cssLiterals } from './scripts/build/css-literals.js';
import { legacyBundle } from './scripts/legacy/legacy-build.js';
import { cjkFontCheck } from './scripts/serve/cjk-font-check.js';
import { previewCompression } from './scripts/serve/compression.js';
import { lanBanner } from './scripts/serve/lan-banner.js';
import { securityHeaders } from './scripts/serve/security-headers.js';

function mockApi(): Plugin {
  const backend = new MockBackend();
  const middleware = createMockApiMiddleware(backend, { apiBase: '/api' });
  return {
    name: 'my-page-mock-api',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}

/**
 * `npm run preview` sends the deployed headers (contract 6), from the same
 * table as deploy/. The dev server sends none: Vite's HMR client and its
 * style injection are not what production runs.
 */
function pageHeaders(mode: string): Plugin {
  const headers = securityHeaders({
    apiBase: loadEnv(mode, process.cwd(), 'VITE_').VITE_API_BASE,
    allowSameOriginFrame: mode === 'qa',
  });
  return {
    name: 'my-page-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of headers) res.setHeader(name, value);
        next();
      });
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    // First: it must see every answer of the preview, the mock API's too.
    previewCompression(),
    pageHeaders(mode),
    mockApi(),
    lanBanner(),
    // Production only: Lit's css`` templates without their comments and indents,
    // and V8's compile hint on the chunks that run at start (scripts/build).
    cssLiterals(),
    compileHints(),
    // `npm start` says so when this machine cannot draw Japanese.
    cjkFontCheck(),
    // Engines without ES modules (2018 TVs: Tizen 4 = Chromium 56, webOS 4 = 53):
    // one classic `nomodule` script, built after the modern bundle (build only).
    legacyBundle({ entry: 'src/main.ts', target: 'chrome53' }),
  ],
  build: {
    // ES-module engines down to 2019 TVs (Tizen 5.0 = Chromium 63/64, webOS 5 = 68):
    // syntax lowered to what they parse. Older engines get the legacy bundle.
    target: 'chrome64',
    // A QA build (`--mode qa`: the TV simulator too) goes beside dist/, never into it.
    outDir: mode === 'qa' ? 'dist-qa' : 'dist',
    // Chromium 64-65 lack <link rel=modulepreload>; the polyfill would cost
    // every engine bytes on the first screen to save those two a round trip.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      ...(mode === 'qa' ? { input: { index: 'index.html', 'tv-sim': 'tv-sim.html' } } : {}),
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // What every screen behind the menu shares (the account API, data
          // controllers, lists, dialogs) in one chunk: one request on a slow
          // TV instead of a chain of small ones.
          groups: [
            // What sends the start-up session read, self-contained: the module
            // loader runs it before the entry has arrived (src/early-session.ts).
            {
              name: 'session-early',
              test: /\/src\/(early-session|api\/(early-session-read|request-shape)|identity\/tab-account-memory)\.ts$/,
            },
            {
              name: 'account-kit',
              test: /\/src\/(api\/(account-api|account-schemas|endpoints|identity-guard)|data\/|components\/(mp-account-list|mp-confirm-dialog|list-more)|navigation\/nav-controller)\b/,
            },
          ],
        },
      },
    },
    // Maps would publish the original source beside the bundle; only the
    // bench (which names profiled functions through them, into its own outDir)
    // and QA builds (dist-qa) get them. build-contents.test.mjs keeps them out of dist/.
    sourcemap: mode === 'qa' || process.env.MY_PAGE_SOURCEMAP === '1',
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
}));
