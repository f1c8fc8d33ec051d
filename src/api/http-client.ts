/**
 * The one ky instance and the raw request step shared by every API call.
 * It adds what the contract asks of every request (credentials, no-store, a
 * fresh X-Request-Id) and turns transport and HTTP failures into typed
 * errors. It does NOT decide whether an answer may be shown: that is the
 * identity guard's job, in account-api.ts and auth-api.ts.
 */
import ky, { isTimeoutError } from 'ky';
import * as v from 'valibot';
import {
  AbortedError,
  InvalidResponseError,
  NetworkError,
  ProblemError,
  TimeoutError,
  UnauthorizedError,
} from './errors.js';
import { problemSchema } from './schemas.js';
import { noteExchange } from './exchange-hook.js';

export const API_BASE: string = (import.meta.env?.VITE_API_BASE ?? '/api').replace(/\/+$/, '');

const REQUEST_TIMEOUT_MS = 15_000;

const http = ky.create({
  prefixUrl: API_BASE,
  credentials: 'include',
  cache: 'no-store',
  // Status codes are ours to interpret (401 -> login, problem+json -> typed error).
  throwHttpErrors: false,
  timeout: REQUEST_TIMEOUT_MS,
  retry: 0,
});

/** Random hex from the platform CSPRNG (present on every engine we support). */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let out = '';
  for (const byte of buffer) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** RFC 4122 v4; crypto.randomUUID is missing on TV engines before Chromium 92. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = randomHex(16);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh Idempotency-Key for a new customer intent (button press, form submission). */
export function newIntentKey(): string {
  return newRequestId();
}

export interface SendOptions {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Filled path below the API base. */
  readonly path: string;
  /** The path template, used in errors and identity reports. */
  readonly endpoint: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly searchParams?: Readonly<Record<string, string>>;
  /** Retry when the request certainly never reached the server (reads only). */
  readonly retryUnsent?: boolean;
  readonly keepalive?: boolean;
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
  let problem: v.InferOutput<typeof problemSchema> = {};
  try {
    const parsed = v.safeParse(problemSchema, await response.json());
    if (parsed.success) problem = parsed.output;
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

/**
 * Sends one request and returns its parsed JSON body, or throws a typed error.
 * The X-Request-Id is fresh per call and reused only by ky's own retries of
 * that same call, so the guard can compare it with the envelope.
 */
export async function send(options: SendOptions): Promise<RawAnswer> {
  const requestId = newRequestId();
  noteExchange(requestId, { method: options.method, endpoint: options.endpoint });
  try {
    const answer = await sendOnce(options, requestId);
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

async function sendOnce(options: SendOptions, requestId: string): Promise<RawAnswer> {
  const aborted = (): boolean => options.signal?.aborted === true;
  let response: Response;
  try {
    response = await http(options.path.replace(/^\//, ''), {
      method: options.method,
      json: options.json,
      searchParams: options.searchParams ? { ...options.searchParams } : undefined,
      headers: { Accept: 'application/json', ...options.headers, 'X-Request-Id': requestId },
      // An aborted request is final: never sent again.
      retry: options.retryUnsent
        ? { limit: 2, methods: ['get'], statusCodes: [], shouldRetry: () => (aborted() ? false : undefined) }
        : 0,
      keepalive: options.keepalive,
      timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
      // Only when given: ky's option merge tests `instanceof AbortSignal`, which throws without one (Chromium 64).
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (aborted()) throw new AbortedError(options.endpoint);
    throw isTimeoutError(error) ? new TimeoutError(options.endpoint) : new NetworkError(options.endpoint);
  }

  if (response.status === 401) throw new UnauthorizedError(options.endpoint);
  if (!response.ok) throw await readProblem(response, options.endpoint);
  const serverClockAheadMs = clockAhead(response);
  if (response.status === 204) return { status: 204, requestId, body: undefined, serverClockAheadMs };

  const type = response.headers.get('Content-Type') ?? '';
  if (!/\bjson\b/i.test(type)) throw new InvalidResponseError(options.endpoint, ['(content-type)']);
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    // Aborted while the body was arriving: not a broken answer.
    throw aborted() ? new AbortedError(options.endpoint) : new InvalidResponseError(options.endpoint, ['(body)']);
  }
  return { status: response.status, requestId, body, serverClockAheadMs };
}
