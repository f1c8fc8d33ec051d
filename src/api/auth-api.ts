/**
 * The login and the re-authentication (not enveloped), on the ky client:
 * they load with the login screen and the sensitive actions, not with the
 * shell (session-api.ts has the shell's calls). The login checks here are how
 * a mixed-up auth system shows itself (contract section 1, "Auth response"):
 * the answer must echo our nonce and the loginId we typed.
 */
import { IdentityMismatchError } from './errors.js';
import { noteExchange } from './exchange-hook.js';
import { send } from './http-client.js';
import { randomHex } from './request-shape.js';
import type { Session } from './schemas.js';
import { parseSession } from './session-api.js';

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
