/**
 * The start-up session read, sent as early as the engine allows: from the
 * tiny chunk the module loader runs before the app's entry has even arrived
 * (src/early-session.ts), instead of after the entry is parsed and run. Only
 * the request is sent here; the answer is read, checked and judged by the
 * first `readSession()` (session-api.ts), exactly as a read sent then would be.
 *
 * One read per page: the first `takeEarlySessionRead()` gets it (or nothing),
 * every later call gets nothing, so a re-check can never be answered by an
 * old answer.
 */
import { shapeRequest, newRequestId } from './request-shape.js';

export interface EarlyRead {
  readonly requestId: string;
  /** Rejects when the request failed on the way (offline, refused). */
  readonly response: Promise<Response>;
}

let early: EarlyRead | null = null;
let taken = false;

export function startEarlySessionRead(): void {
  if (early || taken) return;
  const requestId = newRequestId();
  const response = fetch(...shapeRequest({ method: 'GET', path: '/auth/session' }, requestId));
  // Judged when taken; until then a failure is not an unhandled rejection.
  response.catch(() => undefined);
  early = { requestId, response };
}

export function takeEarlySessionRead(): EarlyRead | null {
  const read = early;
  early = null;
  taken = true;
  return read;
}
