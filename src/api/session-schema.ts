/**
 * The two payloads the shell reads before any screen has loaded valibot: the
 * session (contract section 1, identity check 4) and problem details. Checked
 * by hand, so the entry of `#/` does not carry valibot (2 KB gzip of its 28 KB
 * budget); the account payloads keep their valibot schemas (account-schemas.ts),
 * which load with the screens. Like `v.object`, a check copies only the keys
 * it knows: whatever else a server sends never reaches an element.
 */

/** A time with an explicit offset (shared with the valibot `dateTime` in schemas.ts). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO date-time with an offset that Date can actually read. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export interface Session {
  readonly accountId: string;
  readonly loginId: string;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly nonce: string | null;
  /** Contract section 5: when the owner last proved who they are (login, reauth, phone approval). */
  readonly authTime?: string;
  /**
   * Derived by the client, not sent: how far the server's clock was ahead of
   * this device's when the answer came (its `Date` header), so `authTime` can
   * be aged on the server's clock, which decides the 403.
   */
  readonly serverClockAheadMs?: number;
}

type Body = Record<string, unknown>;

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The session's own fields, or null when any of them is missing or malformed. */
export function checkSession(body: unknown): Session | null {
  if (!isObject(body)) return null;
  const { accountId, loginId, sessionId, csrfToken, expiresAt, nonce, authTime } = body;
  if (!isId(accountId) || !isId(loginId) || !isId(sessionId) || !isId(csrfToken) || !isDateTime(expiresAt)) return null;
  if (nonce !== null && typeof nonce !== 'string') return null;
  if (authTime !== undefined && !isDateTime(authTime)) return null;
  return {
    accountId,
    loginId,
    sessionId,
    csrfToken,
    expiresAt,
    nonce,
    ...(authTime !== undefined ? { authTime } : {}),
  };
}

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly code: string }>;
}

/**
 * RFC 9457 problem details as far as the app uses them: each of `type`,
 * `title` and the field errors is kept when well-formed and dropped when not,
 * so a broken `errors` list still leaves the type that names the message.
 */
export function checkProblem(body: unknown): Problem {
  if (!isObject(body)) return {};
  const { type, title, errors } = body;
  const fieldErrors =
    Array.isArray(errors) &&
    errors.every((item) => isObject(item) && typeof item.field === 'string' && typeof item.code === 'string')
      ? (errors as Body[]).map((item) => ({ field: item.field as string, code: item.code as string }))
      : null;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof title === 'string' ? { title } : {}),
    ...(fieldErrors ? { errors: fieldErrors } : {}),
  };
}
