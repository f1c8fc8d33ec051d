/**
 * The mock's own control endpoints, outside the API, for the QA panel and
 * end-to-end tests: read and switch the scenario, read the request log,
 * reset. Served the same way in the browser worker and the dev server.
 */
import { http, type HttpHandler } from 'msw';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, findAccountByLoginId } from './demo-accounts.js';
import { approveDevice, formatUserCode, normalizeUserCode } from './handlers-device.js';
import { badRequest, emptyResponse, isRecord, jsonResponse, notFound, readJsonBody } from './http-kit.js';
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
    // Approves a TV's code as any demo account, so QA needs no second device.
    // Without userCode: the newest live code. The account rule of a step-up still holds.
    http.post(`${controlBase}/device/approve`, async ({ request }) => {
      const body = await readJsonBody(request);
      const value = body.kind === 'json' && isRecord(body.value) ? body.value : {};
      const account = typeof value['loginId'] === 'string' ? findAccountByLoginId(value['loginId']) : undefined;
      if (!account)
        return badRequest('unknown-login-id', 'Expected {"loginId":"taro@example.jp","userCode":"BCDF-GHJK"}.');
      const device =
        typeof value['userCode'] === 'string'
          ? backend.findDeviceByUserCode(normalizeUserCode(value['userCode']))
          : backend.latestDeviceRequest();
      if (!device) return notFound('No live device code.');
      const stepUpAnyone = backend.config.scenario === 'stepup-other-account';
      if (approveDevice(device, account.accountId, 'QA panel', stepUpAnyone) === 'account-mismatch') {
        return jsonResponse({ approved: false, reason: 'account-mismatch' }, 409);
      }
      return jsonResponse({ approved: true, userCode: formatUserCode(device.userCode), accountId: account.accountId });
    }),
    // Moves the mock's clock on, e.g. {"advanceMs":360000} makes every authTime too old for a card change.
    http.post(`${controlBase}/clock`, async ({ request }) => {
      const body = await readJsonBody(request);
      const ms = body.kind === 'json' && isRecord(body.value) ? Number(body.value['advanceMs']) : NaN;
      if (!Number.isFinite(ms) || ms < 0) return badRequest('invalid-json', 'Expected {"advanceMs":360000}.');
      backend.advanceClock(ms);
      return jsonResponse({ now: new Date(backend.now()).toISOString() });
    }),
    http.post(`${controlBase}/reset`, () => {
      backend.reset();
      return emptyResponse(204);
    }),
  ];
}
