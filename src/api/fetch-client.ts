/**
 * The shell's client: the session read, the logout and the identity report,
 * on plain fetch. The menu of a returning customer needs nothing else, so ky
 * (6 KB gzip) loads only with the first screen that reads account data
 * (http-client.ts), and the start-up read can be sent before the entry has
 * loaded (early-session-read.ts). It does what ky does for these calls: a
 * timeout per attempt, and up to two retries of a read that never reached
 * the server, with the same request id.
 */
import { REQUEST_TIMEOUT_MS, sendWith, type RawAnswer, type SendOptions, type Transport } from './answer.js';
import { NetworkError, TimeoutError } from './errors.js';
import type { EarlyRead } from './early-session-read.js';
import { shapeRequest } from './request-shape.js';

/** ky's default backoff (0.3 s x 2^n), so both clients retry alike. */
const RETRY_DELAYS_MS = [300, 600];

/** The shell's calls are never cancelled by their caller. */
export type ShellSendOptions = Omit<SendOptions, 'signal'>;

/**
 * Built as a Request, as ky sends them: Firefox ESR 140's plain fetch() with
 * `keepalive` (logout, report) never reached the page's service worker (the
 * mock's, in the engine suites), a Request with the same init does.
 */
function shapedRequest(options: ShellSendOptions, requestId: string, controller: AbortController | null): Request {
  const [url, init] = shapeRequest(options, requestId);
  return new Request(url, controller ? { ...init, signal: controller.signal } : init);
}

/**
 * One attempt, failed with TimeoutError after the timeout. Where the engine
 * has AbortController (Chromium 66+) the request is aborted too; on 64-65 it
 * is only no longer waited for.
 */
function attempt(options: ShellSendOptions, requestId: string, sent?: Promise<Response>): Promise<Response> {
  const controller = !sent && typeof AbortController === 'function' ? new AbortController() : null;
  const response = sent ?? fetch(shapedRequest(options, requestId, controller));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      controller?.abort();
      reject(new TimeoutError(options.endpoint));
    }, options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    response.then(
      (answer) => {
        clearTimeout(timer);
        resolve(answer);
      },
      () => {
        clearTimeout(timer);
        reject(new NetworkError(options.endpoint));
      },
    );
  });
}

/**
 * Sends one request; `early` is its first attempt when that is already on
 * its way (the early session read, under its own request id).
 */
export function send(options: ShellSendOptions, early?: EarlyRead | null): Promise<RawAnswer> {
  const retries = options.retryUnsent && options.method === 'GET' ? RETRY_DELAYS_MS.length : 0;
  const transport: Transport = async (sending, requestId) => {
    for (let tried = 0; ; tried++) {
      try {
        return await attempt(sending, requestId, tried === 0 ? early?.response : undefined);
      } catch (error) {
        // A timeout may have reached the server: only a failure on the way is retried.
        if (!(error instanceof NetworkError) || tried >= retries) throw error;
        await new Promise((wake) => setTimeout(wake, RETRY_DELAYS_MS[tried]));
      }
    }
  };
  return sendWith(transport, options, early?.requestId);
}
