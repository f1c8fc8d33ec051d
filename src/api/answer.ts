/**
 * One exchange, whichever client carries it: the exchange notes for dev
 * tools, and how an answer becomes a RawAnswer or a typed error (401 ->
 * UnauthorizedError, problem+json -> ProblemError, a non-JSON 2xx ->
 * InvalidResponseError). The clients (fetch-client.ts for the shell,
 * http-client.ts with ky for the account screens) only move bytes. Whether an
 * answer may be shown is still the identity guard's call, not this file's.
 */
import { AbortedError, InvalidResponseError, ProblemError, UnauthorizedError } from './errors.js';
import { noteExchange } from './exchange-hook.js';
import type { RequestShape } from './request-shape.js';
import { newRequestId } from './request-shape.js';
import { checkProblem, type Problem } from './session-schema.js';

export const REQUEST_TIMEOUT_MS = 15_000;

export interface SendOptions extends RequestShape {
  /** The path template, used in errors and identity reports. */
  readonly endpoint: string;
  /** Retry when the request certainly never reached the server (reads only). */
  readonly retryUnsent?: boolean;
  /** Per-attempt timeout; the default suits reads. */
  readonly timeoutMs?: number;
  /** Cancels the request (the caller no longer wants the answer): it then fails with AbortedError. */
  readonly signal?: AbortSignal;
}

export interface RawAnswer {
  readonly status: number;
  readonly requestId: string;
  /** Parsed JSON, or undefined for 204. */
  readonly body: unknown;
  /** The answer's `Date` header minus this device's clock on arrival; null without one. */
  readonly serverClockAheadMs: number | null;
}

/**
 * Carries one request (its own retries of unsent reads included, with the
 * same request id) and resolves with the response, or throws NetworkError,
 * TimeoutError or AbortedError.
 */
export type Transport = (options: SendOptions, requestId: string) => Promise<Response>;

/**
 * Sends one request through `transport` and returns its parsed JSON body, or
 * throws a typed error. The X-Request-Id is fresh per call (or the one an
 * early read already used), so the guard can compare it with the envelope.
 */
export async function sendWith(
  transport: Transport,
  options: SendOptions,
  requestId: string = newRequestId(),
): Promise<RawAnswer> {
  noteExchange(requestId, { method: options.method, endpoint: options.endpoint });
  try {
    const answer = await readAnswer(await transport(options, requestId), options, requestId);
    noteExchange(requestId, () => {
      const body = answer.body as { accountId?: unknown } | undefined;
      const accountId = typeof body?.accountId === 'string' ? body.accountId : null;
      return { status: answer.status, accountId, verdict: 'answered' };
    });
    return answer;
  } catch (error) {
    noteExchange(requestId, () => {
      const failure = error as { kind?: string; status?: number };
      const status = failure.status ?? (failure.kind === 'unauthorized' ? 401 : null);
      return { status, verdict: 'failed', detail: failure.kind ?? 'error' };
    });
    throw error;
  }
}

async function readAnswer(response: Response, options: SendOptions, requestId: string): Promise<RawAnswer> {
  const { endpoint } = options;
  if (response.status === 401) throw new UnauthorizedError(endpoint);
  if (!response.ok) throw await readProblem(response, endpoint);
  const serverClockAheadMs = clockAhead(response);
  if (response.status === 204) return { status: 204, requestId, body: undefined, serverClockAheadMs };

  const type = response.headers.get('Content-Type') ?? '';
  if (!/\bjson\b/i.test(type)) throw new InvalidResponseError(endpoint, ['(content-type)']);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Aborted while the body was arriving: not a broken answer.
    throw options.signal?.aborted ? new AbortedError(endpoint) : new InvalidResponseError(endpoint, ['(body)']);
  }
  return { status: response.status, requestId, body, serverClockAheadMs };
}

function clockAhead(response: Response): number | null {
  const date = Date.parse(response.headers.get('Date') ?? '');
  return Number.isNaN(date) ? null : date - Date.now();
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function readProblem(response: Response, endpoint: string): Promise<ProblemError> {
  let problem: Problem = {};
  try {
    problem = checkProblem(await response.json());
  } catch {
    // A non-JSON error page still is an error of this status.
  }
  return new ProblemError(
    endpoint,
    response.status,
    problem.type ?? null,
    problem.title ?? null,
    problem.errors ?? [],
    retryAfterSeconds(response.headers.get('Retry-After')),
  );
}
