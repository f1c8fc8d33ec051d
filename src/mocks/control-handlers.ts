/**
 * The mock's own control endpoints, outside the API, for the QA panel and
 * end-to-end tests: read and switch the scenario, read the request log,
 * reset. Served the same way in the browser worker and the dev server.
 */
import { http, type HttpHandler } from 'msw';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { badRequest, emptyResponse, isRecord, jsonResponse, readJsonBody } from './http-kit.js';
import type { MockBackend } from './mock-backend.js';
import { ENDPOINT_KEYS, SCENARIOS, sanitizeConfigPatch } from './scenarios.js';

export const DEFAULT_CONTROL_BASE = '/__mock';

export function createControlHandlers(backend: MockBackend, controlBase = DEFAULT_CONTROL_BASE): HttpHandler[] {
  const describe = (): unknown => ({
    config: backend.config,
    scenarios: SCENARIOS.map(({ name, description, appliesTo }) => ({ name, description, appliesTo })),
    endpoints: ENDPOINT_KEYS,
    accounts: DEMO_ACCOUNTS.map((a) => ({ ...a, password: DEMO_PASSWORD })),
  });

  return [
    http.get(`${controlBase}/config`, () => jsonResponse(describe())),
    http.post(`${controlBase}/config`, async ({ request }) => {
      const body = await readJsonBody(request);
      if (body.kind !== 'json' || !isRecord(body.value)) {
        return badRequest('invalid-json', 'Expected a JSON object like {"scenario":"slow"}.');
      }
      backend.configure(sanitizeConfigPatch(body.value));
      return jsonResponse(describe());
    }),
    http.get(`${controlBase}/requests`, () => jsonResponse(backend.requests)),
    http.post(`${controlBase}/reset`, () => {
      backend.reset();
      return emptyResponse(204);
    }),
  ];
}
