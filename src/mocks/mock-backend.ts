/**
 * The mock server's memory: configuration, account data, sessions,
 * idempotency records, card tokens and a log of what it received.
 * The HTTP layer (handlers.ts) is kept apart so tests can inspect and
 * steer this object directly.
 */
import type { ValidCard } from './card-validation.js';
import { findAccountById, isDemoAccount, loadAccountState } from './demo-accounts.js';
import { DEFAULT_CONFIG } from './scenarios.js';
import { toJstDateTime } from './generate.js';
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

/** One TV's request for a code (contract section 5), as the server keeps it. */
export interface DeviceRequest {
  deviceCode: string;
  /** 8 letters, without the dash. */
  userCode: string;
  deviceName: string;
  purpose: 'sign-in' | 'step-up';
  nonce: string;
  requestedAt: number;
  expiresAt: number;
  /** Seconds; grows by 5 with every slow-down. */
  interval: number;
  lastPollAt: number | null;
  status: 'pending' | 'approved' | 'denied' | 'used';
  /** step-up: the account the TV is signed in as, and the TV session the renewal replaces. */
  expectedAccountId: string | null;
  tvToken: string | null;
  approval: { accountId: string; approvedOn: string } | null;
}

/** Timing of the device flow, in seconds; tests shorten it. */
export interface DeviceTiming {
  expiresIn: number;
  interval: number;
}

export const DEFAULT_DEVICE_TIMING: Readonly<DeviceTiming> = Object.freeze({ expiresIn: 600, interval: 5 });
/** How recent authTime must be for the sensitive actions. */
export const REAUTH_MAX_AGE_S = 300;
export const MAX_WRONG_PASSWORDS = 5;
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MS = 10 * 60_000;

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
  /**
   * Sessions from before the last reset are void: tokens carry their own
   * validity, so clearing the revoked lists alone would bring back every
   * session logged out before it. Void are those issued before the reset's
   * real time, and every token this backend handed out, which covers those
   * issued while its clock ran ahead. New sessions are then issued at the
   * real time, never in the future (their authTime must be "now").
   */
  #resetAt = 0;
  #issued = new Set<string>();
  readonly #voided = new Set<string>();
  #idempotency = new Map<string, IdempotencyRecord>();
  #cardTokens = new Map<string, IssuedCardToken>();
  // Progress of the session-switch faults; reset whenever the config changes.
  #sessionReads = new Map<string, number>();
  #switchedTo = new Map<string, string>();
  #cardTokenIssued = new Set<string>();
  #clockOffsetMs = 0;
  #deviceRequests = new Map<string, DeviceRequest>();
  #wrongPasswords = new Map<string, number>();
  #wrongCodes = new Map<string, number[]>();
  deviceTiming: DeviceTiming = { ...DEFAULT_DEVICE_TIMING };

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
    this.#resetAt = Math.max(this.#resetAt, Date.now());
    for (const token of this.#issued) this.#voided.add(token);
    this.#issued = new Set();
    this.#config = { ...this.#initialConfig };
    this.#states.clear();
    this.#revoked.clear();
    this.#revokedBefore.clear();
    this.#idempotency.clear();
    this.#cardTokens.clear();
    this.#sessionReads.clear();
    this.#switchedTo.clear();
    this.#cardTokenIssued.clear();
    this.#clockOffsetMs = 0;
    this.#deviceRequests.clear();
    this.#wrongPasswords.clear();
    this.#wrongCodes.clear();
    this.deviceTiming = { ...DEFAULT_DEVICE_TIMING };
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

  // --- clock ------------------------------------------------------------------

  /** The server's time: sessions, authTime, codes and rate limits all read it. */
  now(): number {
    return Date.now() + this.#clockOffsetMs;
  }

  /**
   * The `Date` header of the session answers, on this clock: the page ages
   * `authTime` on the server's time, as it must with a real server whose
   * clock differs from a TV's.
   */
  dateHeader(): Record<string, string> {
    return { Date: new Date(this.now()).toUTCString() };
  }

  /** Moves the server's clock on, e.g. to make authTime too old for a card change. */
  advanceClock(ms: number): void {
    this.#clockOffsetMs += ms;
  }

  // --- sessions ---------------------------------------------------------------

  issueSession(accountId: string, options: { switched?: boolean } = {}): string {
    // Strictly after any "sign out everywhere", even within the same millisecond.
    const issuedAt = Math.max(this.now(), (this.#revokedBefore.get(accountId) ?? 0) + 1, this.#resetAt + 1);
    const token = createToken(accountId, issuedAt, options.switched ?? false);
    this.#issued.add(token);
    return token;
  }

  /** The session a cookie value stands for, or null if it is not (or no longer) valid. */
  verifySession(token: string | undefined): ParsedToken | null {
    if (!token) return null;
    const parsed = parseToken(token);
    if (!parsed || !isDemoAccount(parsed.accountId)) return null;
    if (this.#revoked.has(token) || this.#voided.has(token)) return null;
    if (parsed.issuedAt <= Math.max(this.#resetAt, this.#revokedBefore.get(parsed.accountId) ?? 0)) return null;
    if (this.now() >= parsed.issuedAt + SESSION_TTL_MS) return null;
    return parsed;
  }

  revokeSession(token: string): void {
    this.#revoked.add(token);
  }

  revokeAllSessions(accountId: string): void {
    this.#revokedBefore.set(accountId, this.now());
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
      authTime: toJstDateTime(this.authTimeOf(session)),
    };
  }

  /**
   * Every proof of identity (login, reauth, device approval) issues a new
   * token, so a token's issue time is its authTime and survives the
   * browser worker's backend being recreated on reload.
   */
  authTimeOf(session: ParsedToken): number {
    return session.issuedAt;
  }

  isAuthRecent(session: ParsedToken): boolean {
    return this.now() - this.authTimeOf(session) <= REAUTH_MAX_AGE_S * 1000;
  }

  /** Counts a wrong reauth password; true when the session has now used up its attempts. */
  countWrongPassword(token: string): boolean {
    const count = (this.#wrongPasswords.get(token) ?? 0) + 1;
    this.#wrongPasswords.set(token, count);
    return count >= MAX_WRONG_PASSWORDS;
  }

  // --- device flow ----------------------------------------------------------------

  addDeviceRequest(request: DeviceRequest): void {
    this.#deviceRequests.set(request.deviceCode, request);
  }

  findDeviceByCode(deviceCode: string): DeviceRequest | undefined {
    return this.#deviceRequests.get(deviceCode);
  }

  /** The live request a typed code stands for; expired and used codes are unknown. */
  findDeviceByUserCode(userCode: string): DeviceRequest | undefined {
    for (const request of this.#deviceRequests.values()) {
      if (request.userCode === userCode && request.status !== 'used' && this.now() < request.expiresAt) return request;
    }
    return undefined;
  }

  /** The newest live request: what "the TV's current code" means to QA. */
  latestDeviceRequest(): DeviceRequest | undefined {
    let latest: DeviceRequest | undefined;
    for (const request of this.#deviceRequests.values()) {
      if (request.status === 'used' || this.now() >= request.expiresAt) continue;
      if (!latest || request.requestedAt >= latest.requestedAt) latest = request;
    }
    return latest;
  }

  /** Seconds until this phone session may try codes again, or 0. */
  wrongCodeRetryAfter(token: string): number {
    const recent = (this.#wrongCodes.get(token) ?? []).filter((at) => this.now() - at < WRONG_CODE_WINDOW_MS);
    this.#wrongCodes.set(token, recent);
    if (recent.length < MAX_WRONG_CODES) return 0;
    return Math.max(1, Math.ceil(((recent[0] ?? 0) + WRONG_CODE_WINDOW_MS - this.now()) / 1000));
  }

  countWrongCode(token: string): void {
    this.#wrongCodes.set(token, [...(this.#wrongCodes.get(token) ?? []), this.now()]);
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
