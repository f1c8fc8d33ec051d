/**
 * Section 2 of the contract: the enveloped GET endpoints.
 */
import { http, type HttpHandler } from 'msw';
import { badRequest, unauthenticated } from './http-kit.js';
import type { MockBackend } from './mock-backend.js';
import { answerEnvelope, receive } from './pipeline.js';
import type { ReadEndpointKey } from './types.js';
import { readView } from './views.js';

const PATHS: Record<ReadEndpointKey, string> = {
  contract: '/contract',
  devices: '/devices',
  payments: '/payments',
  'payment-method': '/payment-method',
  'viewing-history': '/viewing-history',
  downloads: '/downloads',
  favorites: '/favorites',
};

export const missingRequestId = (): Response => badRequest('missing-request-id', 'X-Request-Id ヘッダーが必要です。');

export function dataHandlers(backend: MockBackend, apiBase: string): HttpHandler[] {
  return (Object.keys(PATHS) as ReadEndpointKey[]).map((endpoint) =>
    http.get(`${apiBase}${PATHS[endpoint]}`, async ({ request, cookies }) => {
      const incoming = await receive(backend, endpoint, request, cookies);
      if (incoming instanceof Response) return incoming;
      const { session, requestId } = incoming;
      if (!session) return unauthenticated();
      if (!requestId) return missingRequestId();

      const cursor = incoming.url.searchParams.get('cursor');
      const data = readView(endpoint, backend.state(session.accountId), cursor);
      if (data === null) return badRequest('invalid-cursor', 'cursor が正しくありません。');
      return answerEnvelope(backend, incoming, session, requestId, endpoint, data, { cursor });
    }),
  );
}
