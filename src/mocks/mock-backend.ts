/**
 * The mock server's memory: configuration, account data, sessions,
 * idempotency records, card tokens and a log of what it received.
 * The HTTP layer (handlers.ts) is kept apart so tests can inspect and
 * steer this object directly.
 */
import type { ValidCard } from './card-validation.js';
import { findAccountById, isDemoAccount, loadAccountState } from './demo-accounts.js';
import { DEFAULT_CONFIG } from './scenarios.js';
import {
  createToken,
  csrfTokenFor,
  expiresAtFor,
  parseToken,
  publicSessionId,
  randomHex,
  SESSION_TTL_MS,
  type ParsedToken,
} from './session-token.js';
import type { AccountState, MockConfig, RequestLogEntry, Session } from './types.js';

/** A successful mutation answer, replayed for a retry with the same key. */
export interface IdempotencyRecord {
  /** Endpoint, path and a hash of the body: a key reused for another request is refused. */
  fingerprint: string;
  data: unknown;
}

interface IssuedCardToken {
  accountId: string;
  card: ValidCard;
  used: boolean;
}

const MAX_LOGGED_REQUESTS = 1000;

export class MockBackend {
  /** Oldest first. Read freely; cleared by clearRequests() and reset(). */
  readonly requests: RequestLogEntry[] = [];
  /**
   * The last Set-Cookie value this backend sent. Browsers hide Set-Cookie
   * from scripts, so in-browser tests read the session cookie from here.
   */
  lastSetCookie: string | null = null;

  #initialConfig: MockConfig;
  #config: MockConfig;
  #states = new Map<string, AccountState>();
  #revoked = new Set<string>();
  #revokedBefore = new Map<string, number>();
  #idempotency = new Map<string, IdempotencyRecord>();
  #cardTokens = new Map<string, IssuedCardToken>();
  // Progress of the session-switch faults; reset whenever the config changes.
  #sessionReads = new Map<string, number>();
  #switchedTo = new Map<string, string>();
  #cardTokenIssued = new Set<string>();

  constructor(config: Partial<MockConfig> = {}) {
    this.#initialConfig = { ...DEFAULT_CONFIG, ...config };
    this.#config = { ...this.#initialConfig };
  }

  get config(): MockConfig {
    return { ...this.#config };
  }

  /** Changes the fault setup and restarts its counters (e.g. "second call"). */
  configure(partial: Partial<MockConfig>): MockConfig {
    this.#config = { ...this.#config, ...partial };
    this.#sessionReads.clear();
    this.#switchedTo.clear();
    this.#cardTokenIssued.clear();
    return this.config;
  }

  /** Back to the state of a fresh backend: data, sessions, log and config. */
  reset(): void {
    this.#config = { ...this.#initialConfig };
    this.#states.clear();
    this.#revoked.clear();
    this.#revokedBefore.clear();
    this.#idempotency.clear();
    this.#cardTokens.clear();
    this.#sessionReads.clear();
    this.#switchedTo.clear();
    this.#cardTokenIssued.clear();
    this.clearRequests();
    this.lastSetCookie = null;
  }

  /** The live, mutable data of an account (loaded on first use). */
  state(accountId: string): AccountState {
    let state = this.#states.get(accountId);
    if (!state) {
      state = loadAccountState(accountId);
      this.#states.set(accountId, state);
    }
    return state;
  }

  // --- sessions ---------------------------------------------------------------

  issueSession(accountId: string, options: { switched?: boolean } = {}): string {
    // Strictly after any "sign out everywhere", even within the same millisecond.
    const issuedAt = Math.max(Date.now(), (this.#revokedBefore.get(accountId) ?? 0) + 1);
    return createToken(accountId, issuedAt, options.switched ?? false);
  }

  /** The session a cookie value stands for, or null if it is not (or no longer) valid. */
  verifySession(token: string | undefined): ParsedToken | null {
    if (!token) return null;
    const parsed = parseToken(token);
    if (!parsed || !isDemoAccount(parsed.accountId)) return null;
    if (this.#revoked.has(token)) return null;
    if (parsed.issuedAt <= (this.#revokedBefore.get(parsed.accountId) ?? 0)) return null;
    if (Date.now() >= parsed.issuedAt + SESSION_TTL_MS) return null;
    return parsed;
  }

  revokeSession(token: string): void {
    this.#revoked.add(token);
  }

  revokeAllSessions(accountId: string): void {
    this.#revokedBefore.set(accountId, Date.now());
  }

  /** The JSON answer of the auth endpoints for a session token. */
  sessionAnswer(session: ParsedToken, nonce: string | null): Session {
    const account = findAccountById(session.accountId);
    return {
      accountId: session.accountId,
      loginId: account?.loginId ?? '',
      sessionId: publicSessionId(session.token),
      csrfToken: csrfTokenFor(session.token),
      expiresAt: expiresAtFor(session.issuedAt),
      nonce,
    };
  }

  // --- idempotency ------------------------------------------------------------

  findIdempotent(accountId: string, key: string): IdempotencyRecord | undefined {
    return this.#idempotency.get(`${accountId}\n${key}`);
  }

  storeIdempotent(accountId: string, key: string, record: IdempotencyRecord): void {
    this.#idempotency.set(`${accountId}\n${key}`, structuredClone(record));
  }

  // --- card tokens --------------------------------------------------------------

  /** Only brand, last 3 digits and expiry are kept: never the number or CVC. */
  issueCardToken(accountId: string, card: ValidCard): string {
    const token = `tok_${randomHex(12)}`;
    this.#cardTokens.set(token, { accountId, card: { ...card }, used: false });
    this.#cardTokenIssued.add(accountId);
    return token;
  }

  /** Single use and bound to the account that created it. */
  redeemCardToken(accountId: string, token: string): ValidCard | 'invalid' | 'used' {
    const issued = this.#cardTokens.get(token);
    if (!issued || issued.accountId !== accountId) return 'invalid';
    if (issued.used) return 'used';
    issued.used = true;
    return { ...issued.card };
  }

  // --- session-switch faults ------------------------------------------------------

  /** Counts GET /api/auth/session calls made with this cookie since the last configure(). */
  countSessionRead(token: string): number {
    const count = (this.#sessionReads.get(token) ?? 0) + 1;
    this.#sessionReads.set(token, count);
    return count;
  }

  hasIssuedCardToken(accountId: string): boolean {
    return this.#cardTokenIssued.has(accountId);
  }

  /** The partner session that replaces this cookie; the same one on every call. */
  switchedTokenFor(token: string, partnerAccountId: string): string {
    let switched = this.#switchedTo.get(token);
    if (!switched) {
      switched = this.issueSession(partnerAccountId, { switched: true });
      this.#switchedTo.set(token, switched);
    }
    return switched;
  }

  // --- request log ------------------------------------------------------------

  record(entry: RequestLogEntry): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOGGED_REQUESTS) this.requests.shift();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Bodies of the identity-mismatch reports received, oldest first. */
  get identityReports(): unknown[] {
    return this.requests.filter((r) => r.endpoint === 'identity-mismatch').map((r) => r.body);
  }
}
