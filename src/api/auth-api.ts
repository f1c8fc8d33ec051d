/**
 * The auth endpoints (not enveloped) and the identity report. The login
 * checks here are how a mixed-up auth system shows itself (contract section 1,
 * "Auth response"): the answer must echo our nonce and the loginId we typed.
 */
import * as v from 'valibot';
import { IdentityMismatchError, InvalidResponseError, UnauthorizedError } from './errors.js';
import { randomHex, send, type RawAnswer } from './http-client.js';
import { sessionSchema, type Session } from './schemas.js';
import { noteExchange } from './exchange-hook.js';

function parseSession(answer: RawAnswer, endpoint: string): Session {
  const result = v.safeParse(sessionSchema, answer.body);
  if (!result.success) {
    noteExchange(answer.requestId, { verdict: 'refused', detail: 'schema: (session)' });
    throw new InvalidResponseError(endpoint, ['(session)']);
  }
  return { ...result.output, serverClockAheadMs: answer.serverClockAheadMs ?? 0 };
}

/** The current session, or null when nobody is logged in (401). */
export async function readSession(): Promise<Session | null> {
  try {
    const answer = await send({ method: 'GET', path: '/auth/session', endpoint: '/auth/session', retryUnsent: true });
    // Whose session this is, the identity store judges (tab memory): the trace shows it as answered.
    return parseSession(answer, '/auth/session');
  } catch (error) {
    if (error instanceof UnauthorizedError) return null;
    throw error;
  }
}

export function sameLoginId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Logs in and returns the session only if it is the answer to THIS attempt
 * for THIS login id. Anything else throws IdentityMismatchError; the caller
 * must then end whatever session the server may have set.
 */
export async function login(loginId: string, password: string): Promise<Session> {
  const nonce = randomHex(16);
  const answer = await send({
    method: 'POST',
    path: '/auth/login',
    endpoint: '/auth/login',
    json: { loginId: loginId.trim(), password, nonce },
  });
  const session = parseSession(answer, '/auth/login');
  const check = session.nonce !== nonce ? 'login-nonce' : !sameLoginId(session.loginId, loginId) ? 'login-id' : null;
  noteExchange(
    answer.requestId,
    check ? { verdict: 'refused', detail: `identity: ${check}` } : { verdict: 'accepted' },
  );
  if (check) throw new IdentityMismatchError(check, '/auth/login', answer.requestId, null, session.accountId);
  return session;
}

export interface RenewedSession {
  readonly session: Session;
  /** The nonce this attempt sent: the answer must echo it. */
  readonly nonce: string;
  readonly requestId: string;
}

/**
 * Contract section 5: a fresh proof by password. The answer is a NEW session
 * (sessionId, csrfToken, authTime); whether it may replace the verified one
 * (our nonce, the same account) the identity store judges, as for every
 * renewed session. A wrong password is a 422 problem; the 5th ends the
 * session (401).
 */
export async function reauthenticate(
  password: string,
  expectedAccountId: string,
  csrfToken: string,
): Promise<RenewedSession> {
  const nonce = randomHex(16);
  const answer = await send({
    method: 'POST',
    path: '/auth/reauth',
    endpoint: '/auth/reauth',
    json: { password, nonce, expectedAccountId },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  return { session: parseSession(answer, '/auth/reauth'), nonce, requestId: answer.requestId };
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
