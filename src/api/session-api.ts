/**
 * The shell's auth calls, on the plain-fetch client: the session read (the
 * first one adopts the early read, if one was sent), the logout and the
 * identity report. Judging whose session it is, is the identity store's job.
 * The login and the re-authentication load later, with ky (auth-api.ts).
 */
import type { RawAnswer } from './answer.js';
import { takeEarlySessionRead } from './early-session-read.js';
import { InvalidResponseError, UnauthorizedError } from './errors.js';
import { noteExchange } from './exchange-hook.js';
import { send } from './fetch-client.js';
import { randomHex } from './request-shape.js';
import { checkSession, type Session } from './session-schema.js';

export function parseSession(answer: RawAnswer, endpoint: string): Session {
  const session = checkSession(answer.body);
  if (!session) {
    noteExchange(answer.requestId, { verdict: 'refused', detail: 'schema: (session)' });
    throw new InvalidResponseError(endpoint, ['(session)']);
  }
  return { ...session, serverClockAheadMs: answer.serverClockAheadMs ?? 0 };
}

/** The current session, or null when nobody is logged in (401). */
export async function readSession(): Promise<Session | null> {
  try {
    const answer = await send(
      { method: 'GET', path: '/auth/session', endpoint: '/auth/session', retryUnsent: true },
      takeEarlySessionRead(),
    );
    // Whose session this is, the identity store judges (tab memory): the trace shows it as answered.
    return parseSession(answer, '/auth/session');
  } catch (error) {
    if (error instanceof UnauthorizedError) return null;
    throw error;
  }
}

/** Best effort: a failure here must never keep the page in a signed-in look. */
export async function logout(): Promise<void> {
  try {
    await send({ method: 'POST', path: '/auth/logout', endpoint: '/auth/logout', keepalive: true });
  } catch {
    // The session is dropped locally whatever the server says.
  }
}

export interface IdentityReport {
  readonly expectedAccountId: string | null;
  readonly receivedAccountId: string | null;
  readonly endpoint: string;
  readonly requestId: string | null;
}

/**
 * Best-effort report of an identity stop: ids and the endpoint only, never
 * payload data. Sent with the CSRF token of the session being ended, since the
 * server should still be able to tie the report to that session.
 */
export async function reportIdentityMismatch(report: IdentityReport, csrfToken: string | null): Promise<void> {
  try {
    await send({
      method: 'POST',
      path: '/security/identity-mismatch',
      endpoint: '/security/identity-mismatch',
      json: report,
      headers: {
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        'Idempotency-Key': randomHex(16),
      },
      keepalive: true,
    });
  } catch {
    // Reporting must never block the stop itself.
  }
}
