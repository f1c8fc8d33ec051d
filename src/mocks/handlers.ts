/**
 * All msw handlers of the API contract, bound to one MockBackend.
 */
import { http, type HttpHandler } from 'msw';
import { authHandlers } from './handlers-auth.js';
import { dataHandlers } from './handlers-data.js';
import { deviceHandlers } from './handlers-device.js';
import { mutationHandlers } from './handlers-mutations.js';
import { problemResponse } from './http-kit.js';
import type { MockBackend } from './mock-backend.js';
import { receive } from './pipeline.js';

export interface HandlerOptions {
  /** Same-origin path prefix of the API; '/api' unless VITE_API_BASE says otherwise. */
  apiBase?: string;
}

export function normalizeApiBase(apiBase = '/api'): string {
  const trimmed = apiBase.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** `options` may also be the API base itself, e.g. createHandlers(backend, '/api'). */
export function createHandlers(backend: MockBackend, options: HandlerOptions | string = {}): HttpHandler[] {
  const apiBase = normalizeApiBase(typeof options === 'string' ? options : options.apiBase);
  return [
    ...authHandlers(backend, apiBase),
    ...dataHandlers(backend, apiBase),
    ...mutationHandlers(backend, apiBase),
    ...deviceHandlers(backend, apiBase),
    // Anything else under the API is a 404 problem, never the dev server's
    // index.html fallback, which a client would try to parse as JSON.
    http.all(`${apiBase}/*`, async ({ request, cookies }) => {
      const incoming = await receive(backend, null, request, cookies);
      if (incoming instanceof Response) return incoming;
      return problemResponse(
        404,
        'not-found',
        'Not found',
        `${request.method} ${incoming.url.pathname} はありません。`,
      );
    }),
  ];
}
