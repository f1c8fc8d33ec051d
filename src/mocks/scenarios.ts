/**
 * The named fault scenarios. The list is data so the README and the QA panel
 * can show it, and so "where does this fault show" lives next to its name.
 */
import type {
  EndpointKey,
  EnvelopedEndpointKey,
  MockConfig,
  MutationEndpointKey,
  ReadEndpointKey,
  ScenarioInfo,
  ScenarioName,
} from './types.js';

export const READ_ENDPOINTS: readonly ReadEndpointKey[] = [
  'contract',
  'devices',
  'payments',
  'payment-method',
  'viewing-history',
  'downloads',
  'favorites',
];

export const MUTATION_ENDPOINTS: readonly MutationEndpointKey[] = [
  'card-tokens',
  'payment-method-card',
  'device-delete',
  'history-delete',
  'favorite-delete',
  'contract-cancel',
  'logout-all',
  'device-lookup',
  'device-approve',
  'device-deny',
];

const PHONE_ENDPOINTS: readonly EndpointKey[] = ['device-lookup', 'device-approve', 'device-deny'];

export const ENVELOPED_ENDPOINTS: readonly EnvelopedEndpointKey[] = [...READ_ENDPOINTS, ...MUTATION_ENDPOINTS];

export const ENDPOINT_KEYS: readonly EndpointKey[] = [
  'session',
  'login',
  'logout',
  ...ENVELOPED_ENDPOINTS,
  'identity-mismatch',
  'device-start',
  'device-token',
  'reauth',
];

/** Answers whose text a customer reads: where hostile strings matter. */
const TEXT_ENDPOINTS: readonly EndpointKey[] = [
  ...READ_ENDPOINTS,
  'payment-method-card',
  'device-delete',
  'favorite-delete',
  'contract-cancel',
];

export const SCENARIOS: readonly ScenarioInfo[] = [
  { name: 'normal', appliesTo: [], description: 'Everything behaves as the contract says.' },
  {
    name: 'foreign-account',
    appliesTo: ENVELOPED_ENDPOINTS,
    description: "Enveloped answers carry the partner account's accountId and its real data (auth/cache mix-up).",
  },
  {
    name: 'foreign-nested',
    appliesTo: ENVELOPED_ENDPOINTS,
    description: "Envelope is correct, but one object inside data carries the partner's accountId and values.",
  },
  {
    name: 'wrong-request-id',
    appliesTo: ENVELOPED_ENDPOINTS,
    description: 'Enveloped answers carry a requestId other than the X-Request-Id that was sent.',
  },
  {
    name: 'login-swap',
    appliesTo: ['login'],
    description: "Login answers (and sets the cookie of) the partner's session, with a different nonce.",
  },
  {
    name: 'login-swap-echo',
    appliesTo: ['login'],
    description: "Login echoes the nonce but answers the partner's loginId, accountId and session cookie.",
  },
  {
    name: 'session-switch',
    appliesTo: ['session'],
    description:
      "From the second GET /api/auth/session of a session on, the cookie is swapped to the partner's session.",
  },
  {
    name: 'schema-break',
    appliesTo: ENVELOPED_ENDPOINTS,
    description: "Envelope is correct but data violates the endpoint's schema (wrong type, missing field).",
  },
  {
    name: 'malformed-json',
    appliesTo: ['session', 'login', ...ENVELOPED_ENDPOINTS],
    description: 'Answers 200 with an HTML error page instead of JSON.',
  },
  {
    name: 'slow',
    appliesTo: ENDPOINT_KEYS,
    description: 'Every answer is delayed by 2,500 ms (plus the configured latency).',
  },
  {
    name: 'server-error',
    appliesTo: ENDPOINT_KEYS,
    description: 'Answers 503 problem+json with Retry-After: 5.',
  },
  {
    name: 'unauthorized',
    appliesTo: ENVELOPED_ENDPOINTS,
    description: 'Data endpoints and mutations answer 401 as if the session had expired.',
  },
  {
    name: 'hostile-strings',
    appliesTo: TEXT_ENDPOINTS,
    description:
      'Valid schema, but titles, names and descriptions hold markup, script, 10,000 characters, RTL overrides and ZWJ emoji.',
  },
  {
    name: 'session-switch-before-card',
    appliesTo: ['session'],
    description: "Once a card token has been issued, GET /api/auth/session swaps the cookie to the partner's session.",
  },
  {
    name: 'mutation-timeout',
    appliesTo: MUTATION_ENDPOINTS,
    description: 'Mutations are applied, then the answer is held back for 30 s (an idempotent replay answers at once).',
  },
  {
    name: 'conflict',
    appliesTo: MUTATION_ENDPOINTS,
    description: 'Mutations answer 409 problem+json and change nothing.',
  },
  {
    name: 'validation',
    appliesTo: MUTATION_ENDPOINTS,
    description: 'Mutations answer 422 problem+json with field errors and change nothing.',
  },
  {
    name: 'device-crossed',
    appliesTo: ['device-token'],
    description:
      "The TV's next poll gets another TV's approval: the partner's session and cookie, another nonce, another user code.",
  },
  {
    name: 'device-slow-down',
    appliesTo: ['device-token'],
    description: 'Every poll answers 400 /slow-down (and the server adds 5 s to the interval each time).',
  },
  {
    name: 'device-expired',
    appliesTo: ['device-token', ...PHONE_ENDPOINTS],
    description: "The TV's code has expired: polls answer 400 /expired-token, the phone gets 404 /unknown-code.",
  },
  {
    name: 'device-denied',
    appliesTo: ['device-token'],
    description: 'Polls answer 400 /access-denied, as if the phone had declined.',
  },
  {
    name: 'stepup-other-account',
    appliesTo: ['device-approve', 'device-token'],
    description:
      "A step-up is approved by a phone of another account (no 409), and the TV's token answer is that other account's session.",
  },
  {
    name: 'reauth-swap',
    appliesTo: ['reauth'],
    description: "Reauth echoes the nonce but answers (and sets the cookie of) the partner's session.",
  },
];

export const SCENARIO_NAMES: readonly ScenarioName[] = SCENARIOS.map((s) => s.name);

/** Extra delay of the `slow` scenario, on top of `latencyMs`. */
export const SLOW_EXTRA_MS = 2500;
/** How long `mutation-timeout` holds an answer back. */
export const MUTATION_TIMEOUT_MS = 30_000;
const MAX_LATENCY_MS = 120_000;

export const DEFAULT_CONFIG: Readonly<MockConfig> = Object.freeze({
  scenario: 'normal',
  endpoint: null,
  latencyMs: 0,
});

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

export function isEndpointKey(value: unknown): value is EndpointKey {
  return typeof value === 'string' && (ENDPOINT_KEYS as readonly string[]).includes(value);
}

function clampLatency(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return null;
  return Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(number)));
}

/**
 * Reads `scenario`, `endpoint` and `latency` (ms) from a query string.
 * Anything unknown falls back to the default, so a typo in a QA link gives
 * a working page rather than an error.
 */
export function parseMockConfig(searchParams: URLSearchParams): MockConfig {
  const scenario = searchParams.get('scenario');
  const endpoint = searchParams.get('endpoint');
  return {
    scenario: isScenarioName(scenario) ? scenario : DEFAULT_CONFIG.scenario,
    endpoint: isEndpointKey(endpoint) ? endpoint : null,
    latencyMs: clampLatency(searchParams.get('latency')) ?? DEFAULT_CONFIG.latencyMs,
  };
}

/** True when the page URL asks for a mock configuration at all. */
export function hasMockConfigParams(searchParams: URLSearchParams): boolean {
  return ['scenario', 'endpoint', 'latency'].some((name) => searchParams.has(name));
}

/**
 * Validates a partial config from JSON (the QA panel). Unknown or invalid
 * fields are dropped rather than guessed; `endpoint: null` is meaningful.
 */
export function sanitizeConfigPatch(input: unknown): Partial<MockConfig> {
  if (typeof input !== 'object' || input === null) return {};
  const raw = input as Record<string, unknown>;
  const patch: Partial<MockConfig> = {};
  if (isScenarioName(raw['scenario'])) patch.scenario = raw['scenario'];
  if (raw['endpoint'] === null || isEndpointKey(raw['endpoint'])) patch.endpoint = raw['endpoint'];
  const latency = clampLatency(raw['latencyMs']);
  if (latency !== null) patch.latencyMs = latency;
  return patch;
}

/** The scenario in force for this endpoint: the configured one, or `normal`. */
export function activeScenario(config: MockConfig, endpoint: EndpointKey): ScenarioName {
  if (config.endpoint !== null && config.endpoint !== endpoint) return 'normal';
  const info = SCENARIOS.find((s) => s.name === config.scenario);
  return info && info.appliesTo.includes(endpoint) ? config.scenario : 'normal';
}
