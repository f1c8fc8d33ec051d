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

/** The Trusted Types policy of the worker's script URL; a CSP that lets the page mock must name it. */
export const MOCK_WORKER_POLICY = 'mock-service-worker';

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

/**
 * Under `require-trusted-types-for 'script'` (the suite runs under the
 * production CSP) `serviceWorker.register()` takes no plain string, and msw
 * passes one. A policy that lets through only the worker's own same-origin
 * URL, wrapped around register() once, keeps every other script URL refused.
 */
function allowWorkerScript(workerUrl: string): void {
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  const container = navigator.serviceWorker as ServiceWorkerContainer & { [MOCK_WORKER_POLICY]?: true };
  if (!trustedTypes || !container || container[MOCK_WORKER_POLICY]) return;
  const allowed = new URL(workerUrl, location.href).href;
  const policy = trustedTypes.createPolicy(MOCK_WORKER_POLICY, {
    createScriptURL(url) {
      if (new URL(url, location.href).href !== allowed) throw new TypeError(`not the mock worker: ${url}`);
      return url;
    },
  });
  const register = container.register.bind(container);
  container.register = (url, options) => register(policy.createScriptURL(String(url)) as string, options);
  container[MOCK_WORKER_POLICY] = true;
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
  const workerUrl = options.serviceWorkerUrl ?? '/mockServiceWorker.js';
  allowWorkerScript(workerUrl);
  await worker.start({
    serviceWorker: { url: workerUrl },
    quiet: true,
    // Every API path has a handler (a 404 catch-all included); the rest is
    // the app's own files and must load untouched and without warnings.
    onUnhandledRequest: 'bypass',
  });
  return worker;
}
