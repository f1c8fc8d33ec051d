/**
 * The steps every API request goes through, in order: log it, wait the
 * configured latency, apply transport-level faults; and at the end, for
 * enveloped answers, the identity and content faults.
 */
import { maskCardNumber } from './card-validation.js';
import { partnerOf } from './demo-accounts.js';
import { breakSchema, foreignAnswer, hostilize, injectForeign } from './faults.js';
import {
  envelopeResponse,
  htmlErrorPage,
  isRecord,
  readJsonBody,
  serviceUnavailable,
  sleep,
  unauthenticated,
  type BodyResult,
  type ResponseExtras,
} from './http-kit.js';
import type { MockBackend } from './mock-backend.js';
import { activeScenario, SLOW_EXTRA_MS } from './scenarios.js';
import { randomUuid, SESSION_COOKIE, type ParsedToken } from './session-token.js';
import type { AccountState, EndpointKey, EnvelopedEndpointKey, ScenarioName } from './types.js';

export interface Incoming {
  request: Request;
  url: URL;
  endpoint: EndpointKey | null;
  /** The scenario in force for this endpoint (`normal` if the fault is elsewhere). */
  scenario: ScenarioName;
  /** Raw cookie value, present even when it is no longer a valid session. */
  cookie: string | undefined;
  session: ParsedToken | null;
  requestId: string | null;
  body: BodyResult;
}

const LOGGED_HEADERS = ['x-request-id', 'x-csrf-token', 'idempotency-key', 'content-type'];
const SECRET_FIELDS: Record<string, (value: unknown) => unknown> = {
  number: maskCardNumber,
  cvc: () => '***',
  password: () => '***',
};

/** The body as it may be kept: card number cut to last 3, CVC and password hidden. */
function loggableBody(body: BodyResult): unknown {
  if (body.kind === 'none') return null;
  if (body.kind === 'invalid') return '[invalid JSON]';
  if (!isRecord(body.value)) return body.value;
  const copy: Record<string, unknown> = { ...body.value };
  for (const [field, mask] of Object.entries(SECRET_FIELDS)) {
    if (field in copy) copy[field] = mask(copy[field]);
  }
  return copy;
}

/**
 * Reads and logs the request, then applies latency and the faults that
 * replace the whole answer. Returns a Response when the request ends here.
 */
export async function receive(
  backend: MockBackend,
  endpoint: EndpointKey | null,
  request: Request,
  cookies: Record<string, string>,
): Promise<Incoming | Response> {
  const url = new URL(request.url);
  const body = await readJsonBody(request);
  const cookie = cookies[SESSION_COOKIE];
  const session = backend.verifySession(cookie);
  const headers: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  backend.record({
    at: new Date().toISOString(),
    method: request.method,
    path: url.pathname + url.search,
    endpoint,
    headers,
    body: loggableBody(body),
    sessionAccountId: session?.accountId ?? null,
  });

  const config = backend.config;
  const scenario = endpoint ? activeScenario(config, endpoint) : 'normal';
  await sleep(config.latencyMs + (scenario === 'slow' ? SLOW_EXTRA_MS : 0));
  if (scenario === 'server-error') return serviceUnavailable();
  if (scenario === 'malformed-json') return htmlErrorPage();
  if (scenario === 'unauthorized') return unauthenticated();

  const requestId = request.headers.get('x-request-id');
  return {
    request,
    url,
    endpoint,
    scenario,
    cookie,
    session,
    requestId: requestId && requestId.trim() !== '' ? requestId : null,
    body,
  };
}

/**
 * Wraps `data` in the envelope, then lets the active scenario corrupt it the
 * way a confused auth layer, cache or proxy would.
 */
export function answerEnvelope(
  backend: MockBackend,
  incoming: Incoming,
  session: ParsedToken,
  requestId: string,
  endpoint: EnvelopedEndpointKey,
  data: unknown,
  options: { cursor?: string | null; extras?: ResponseExtras } = {},
): Response {
  let accountId = session.accountId;
  let answerRequestId = requestId;
  let answer = structuredClone(data);
  const partner = (): AccountState => backend.state(partnerOf(session.accountId));
  switch (incoming.scenario) {
    case 'foreign-account': {
      const other = partner();
      answer = foreignAnswer(endpoint, other, options.cursor ?? null, answer);
      accountId = other.accountId;
      break;
    }
    case 'foreign-nested':
      answer = injectForeign(endpoint, answer, partner());
      break;
    case 'wrong-request-id':
      answerRequestId = randomUuid();
      break;
    case 'schema-break':
      answer = breakSchema(endpoint, answer);
      break;
    case 'hostile-strings':
      answer = hostilize(endpoint, answer);
      break;
    default:
      break;
  }
  return envelopeResponse({ accountId, requestId: answerRequestId, data: answer }, options.extras);
}
