/**
 * The mock backend of the API contract (docs: /work/shared/api-contract.md).
 * `browser.ts` is not re-exported: it imports msw/browser, which cannot load
 * in Node (Vite config, node-middleware). Import it directly in the page.
 */
export {
  DEFAULT_DEVICE_TIMING,
  MockBackend,
  REAUTH_MAX_AGE_S,
  type DeviceRequest,
  type DeviceTiming,
  type IdempotencyRecord,
} from './mock-backend.js';
export { USER_CODE_ALPHABET, formatUserCode, normalizeUserCode } from './handlers-device.js';
export { createHandlers, normalizeApiBase, type HandlerOptions } from './handlers.js';
export { createControlHandlers, DEFAULT_CONTROL_BASE } from './control-handlers.js';
export {
  createMockApiMiddleware,
  type MockApiMiddleware,
  type MockApiMiddlewareOptions,
  type NodeRequestLike,
  type NodeResponseLike,
  type NextFunction,
} from './node-middleware.js';
export {
  DEFAULT_CONFIG,
  ENDPOINT_KEYS,
  ENVELOPED_ENDPOINTS,
  MUTATION_ENDPOINTS,
  MUTATION_TIMEOUT_MS,
  READ_ENDPOINTS,
  SCENARIOS,
  SCENARIO_NAMES,
  SLOW_EXTRA_MS,
  activeScenario,
  hasMockConfigParams,
  isEndpointKey,
  isScenarioName,
  parseMockConfig,
  sanitizeConfigPatch,
} from './scenarios.js';
export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  findAccountById,
  findAccountByLoginId,
  loadAccountState,
  partnerOf,
  type DemoAccount,
} from './demo-accounts.js';
export { HOSTILE_STRINGS } from './faults.js';
export { PAGE_SIZE, decodeCursor, encodeCursor } from './views.js';
export { PROBLEM_TYPE_BASE } from './http-kit.js';
export { SESSION_COOKIE, SESSION_TTL_MS, csrfTokenFor } from './session-token.js';
export type * from './types.js';
