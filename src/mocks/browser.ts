/**
 * In-browser mocking through msw's Service Worker, for builds that have no
 * dev server in front (static preview, a TV emulator loading files).
 * The worker script must be served at /mockServiceWorker.js (copy it from
 * node_modules/msw/lib/mockServiceWorker.js into the public directory).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createControlHandlers, DEFAULT_CONTROL_BASE } from './control-handlers.js';
import { createHandlers } from './handlers.js';
import type { MockBackend } from './mock-backend.js';
import { hasMockConfigParams, parseMockConfig } from './scenarios.js';

export interface MockWorkerOptions {
  apiBase?: string;
  controlBase?: string;
  serviceWorkerUrl?: string;
  /**
   * Apply `?scenario=&endpoint=&latency=` of the page URL, as the dev server
   * does, so the same QA links work in both setups. Default true.
   */
  readConfigFromUrl?: boolean;
}

export async function startMockWorker(backend: MockBackend, options: MockWorkerOptions = {}): Promise<SetupWorker> {
  if (options.readConfigFromUrl ?? true) {
    const params = new URLSearchParams(location.search);
    if (hasMockConfigParams(params)) backend.configure(parseMockConfig(params));
  }
  const worker = setupWorker(
    ...createHandlers(backend, { apiBase: options.apiBase ?? '/api' }),
    ...createControlHandlers(backend, options.controlBase ?? DEFAULT_CONTROL_BASE),
  );
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    quiet: true,
    // Every API path has a handler (a 404 catch-all included); the rest is
    // the app's own files and must load untouched and without warnings.
    onUnhandledRequest: 'bypass',
  });
  return worker;
}
