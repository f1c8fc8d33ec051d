/**
 * Section 1 of the contract: session, login, logout and the identity
 * mismatch report. These answers are not enveloped.
 */
import { http, type HttpHandler } from 'msw';
import { DEMO_PASSWORD, findAccountByLoginId, partnerOf } from './demo-accounts.js';
import {
  badRequest,
  emptyResponse,
  isRecord,
  jsonResponse,
  problemResponse,
  unauthenticated,
  validationFailed,
} from './http-kit.js';
import type { MockBackend } from './mock-backend.js';
import { receive, type Incoming } from './pipeline.js';
import { clearedSessionCookie, parseToken, randomHex, sessionCookie, type ParsedToken } from './session-token.js';
import type { FieldError } from './types.js';

/**
 * session-switch faults: the browser's cookie is replaced by the partner's
 * session, as if someone else had logged in in this browser. Tokens made
 * by a switch are marked, so the switch happens once and stays put.
 */
function switchedSession(backend: MockBackend, incoming: Incoming, session: ParsedToken): ParsedToken | null {
  if (session.switched) return null;
  const reads = backend.countSessionRead(session.token);
  const due =
    (incoming.scenario === 'session-switch' && reads >= 2) ||
    (incoming.scenario === 'session-switch-before-card' && backend.hasIssuedCardToken(session.accountId));
  if (!due) return null;
  return parseToken(backend.switchedTokenFor(session.token, partnerOf(session.accountId)));
}

function requiredStrings(body: Record<string, unknown>, fields: string[]): FieldError[] {
  return fields
    .filter((field) => typeof body[field] !== 'string' || (body[field] as string).trim() === '')
    .map((field) => ({ field, code: 'required' }));
}

export function authHandlers(backend: MockBackend, apiBase: string): HttpHandler[] {
  const setCookie = (cookie: string): { cookies: string[]; headers: Record<string, string> } => {
    backend.lastSetCookie = cookie;
    return { cookies: [cookie], headers: backend.dateHeader() };
  };

  return [
    http.get(`${apiBase}/auth/session`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'session', request, cookies);
      if (incoming instanceof Response) return incoming;
      const { session } = incoming;
      if (!session) {
        // A stale cookie is cleared so the browser stops sending it.
        return unauthenticated(incoming.cookie ? setCookie(clearedSessionCookie()) : undefined);
      }
      const switched = switchedSession(backend, incoming, session);
      if (switched) {
        return jsonResponse(backend.sessionAnswer(switched, null), 200, setCookie(sessionCookie(switched.token)));
      }
      return jsonResponse(backend.sessionAnswer(session, null), 200, { headers: backend.dateHeader() });
    }),

    http.post(`${apiBase}/auth/login`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'login', request, cookies);
      if (incoming instanceof Response) return incoming;
      const { body } = incoming;
      if (body.kind !== 'json' || !isRecord(body.value)) {
        return badRequest('invalid-json', 'リクエストの形式が正しくありません。');
      }
      const errors = requiredStrings(body.value, ['loginId', 'password', 'nonce']);
      if (errors.length > 0) return validationFailed(errors);

      const loginId = body.value['loginId'] as string;
      const sentNonce = body.value['nonce'] as string;
      const account = findAccountByLoginId(loginId);
      if (!account || body.value['password'] !== DEMO_PASSWORD) {
        // Same answer for an unknown id and a wrong password: no account probing.
        return problemResponse(
          401,
          'invalid-credentials',
          'Login failed',
          'ログインIDまたはパスワードが正しくありません。',
        );
      }

      let accountId = account.accountId;
      let nonce = sentNonce;
      if (incoming.scenario === 'login-swap' || incoming.scenario === 'login-swap-echo') {
        accountId = partnerOf(accountId);
        if (incoming.scenario === 'login-swap') nonce = randomHex(16);
      }
      const session = parseToken(backend.issueSession(accountId));
      if (!session) throw new Error('issued an unparsable session token');
      return jsonResponse(backend.sessionAnswer(session, nonce), 200, setCookie(sessionCookie(session.token)));
    }),

    http.post(`${apiBase}/auth/logout`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'logout', request, cookies);
      if (incoming instanceof Response) return incoming;
      if (incoming.cookie) backend.revokeSession(incoming.cookie);
      // 204 even without a session: the outcome the caller wants already holds.
      return emptyResponse(204, setCookie(clearedSessionCookie()));
    }),

    http.post(`${apiBase}/security/identity-mismatch`, async ({ request, cookies }) => {
      const incoming = await receive(backend, 'identity-mismatch', request, cookies);
      if (incoming instanceof Response) return incoming;
      // Best-effort report: accepted with or without a session or CSRF token,
      // since it is sent exactly when the session can no longer be trusted.
      if (incoming.body.kind !== 'json' || !isRecord(incoming.body.value)) {
        return badRequest('invalid-json', 'レポートの形式が正しくありません。');
      }
      return emptyResponse(202);
    }),
  ];
}
