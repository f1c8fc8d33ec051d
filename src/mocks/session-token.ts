/**
 * Session tokens that describe themselves.
 *
 * In the browser the MockBackend is recreated on every page load, so it
 * cannot remember which sessions it issued. The cookie value therefore
 * carries the account and issue time (`ses_<accountId>_<issuedAt36>_<random>`)
 * and the backend keeps only what must be forgotten: revocations.
 * This is a mock: a real token must be opaque and signed.
 */
import { toJstDateTime } from './generate.js';

export const SESSION_COOKIE = 'mp_session';
export const SESSION_TTL_MS = 8 * 3_600_000;
/** Marks tokens created by the session-switch faults (see MockBackend.switchedTokenFor). */
const SWITCH_MARK = 'sw';

const TOKEN_PATTERN = /^ses_(acc_[0-9a-z]+)_([0-9a-z]+)_((?:sw)?[0-9a-f]{12,32})$/;

export interface ParsedToken {
  token: string;
  accountId: string;
  issuedAt: number;
  /** Issued by a session-switch fault, i.e. already the "other" session. */
  switched: boolean;
}

export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  // getRandomValues works outside secure contexts too (a TV on a LAN IP).
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A v4-shaped UUID without needing crypto.randomUUID's secure context. */
export function randomUuid(): string {
  const hex = randomHex(16);
  const variant = ((parseInt(hex[16] ?? '8', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function createToken(accountId: string, issuedAt: number, switched = false): string {
  return `ses_${accountId}_${issuedAt.toString(36)}_${switched ? SWITCH_MARK : ''}${randomHex(8)}`;
}

export function parseToken(token: string): ParsedToken | null {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, accountId, issued, random] = match as unknown as [string, string, string, string];
  const issuedAt = parseInt(issued, 36);
  if (!Number.isSafeInteger(issuedAt)) return null;
  return { token, accountId, issuedAt, switched: random.startsWith(SWITCH_MARK) };
}

/** FNV-1a; not cryptographic, only stable. Enough for a mock's CSRF token. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function csrfTokenFor(token: string): string {
  return `csrf_${fnv1a(token, 0x811c9dc5)}${fnv1a(token, 0x9747b28c)}${fnv1a(token, 0x1b873593)}`;
}

/**
 * The `sessionId` shown in the JSON answer. It is derived from, but is not,
 * the cookie value: the cookie is HttpOnly, so a script that reads the
 * login answer must not learn what it would need to impersonate the user.
 */
export function publicSessionId(token: string): string {
  return `ses_${fnv1a(token, 0x2545f491)}`;
}

export function expiresAtFor(issuedAt: number): string {
  return toJstDateTime(issuedAt + SESSION_TTL_MS);
}

// No `Secure`: the dev server and TV emulators use plain http on LAN
// addresses, where browsers drop Secure cookies. A real backend sets it.
const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${COOKIE_ATTRIBUTES}; Max-Age=${SESSION_TTL_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`;
}
