/**
 * The ky client of the account screens, the login and the TV sign-in: ky's
 * timeout and its retries of reads that never reached the server. It loads
 * with the first of them, never on the shell's first screen (fetch-client.ts
 * carries the shell's few calls). The request is shaped in request-shape.ts
 * and its answer read in answer.ts, as for the other client.
 */
import ky, { isTimeoutError } from 'ky';
import { AbortedError, NetworkError, TimeoutError } from './errors.js';
import { REQUEST_TIMEOUT_MS, sendWith, type RawAnswer, type SendOptions } from './answer.js';
import { shapeRequest } from './request-shape.js';

export type { RawAnswer, SendOptions } from './answer.js';

const http = ky.create({
  // Status codes are ours to interpret (401 -> login, problem+json -> typed error).
  throwHttpErrors: false,
  retry: 0,
});

async function kyTransport(options: SendOptions, requestId: string): Promise<Response> {
  const aborted = (): boolean => options.signal?.aborted === true;
  const [url, init] = shapeRequest(options, requestId);
  try {
    return await http(url, {
      ...init,
      // An aborted request is final: never sent again.
      retry: options.retryUnsent
        ? { limit: 2, methods: ['get'], statusCodes: [], shouldRetry: () => (aborted() ? false : undefined) }
        : 0,
      timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
      // Only when given: ky's option merge tests `instanceof AbortSignal`, which throws without one (Chromium 64).
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (aborted()) throw new AbortedError(options.endpoint);
    throw isTimeoutError(error) ? new TimeoutError(options.endpoint) : new NetworkError(options.endpoint);
  }
}

/** Sends one request with ky; see sendWith. */
export function send(options: SendOptions): Promise<RawAnswer> {
  return sendWith(kyTransport, options);
}
