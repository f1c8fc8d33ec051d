/**
 * The identity state of the page: who is verified, and the identity-stop
 * (api-contract.md section 1). Everything that holds account data listens for
 * `drop`; everything that sends checks `verifiedSession` and `generation`.
 */
import { logout as postLogout, readSession, reportIdentityMismatch } from '../api/session-api.js';
import {
  IdentityMismatchError,
  isApiError,
  NetworkError,
  RefusedError,
  UnauthorizedError,
  type ApiError,
} from '../api/errors.js';
import type { Session } from '../api/schemas.js';
import { TabAccountMemory } from './tab-account-memory.js';

/**
 * The login and the re-authentication come with ky, which the shell's first
 * screen does not need: they load when first asked for (the login screen and
 * the card change have loaded them already by then). A failed chunk load is
 * a NetworkError, as a failed request would be.
 */
function authApi(endpoint: string): Promise<typeof import('../api/auth-api.js')> {
  return import('../api/auth-api.js').catch(() => {
    throw new NetworkError(endpoint);
  });
}

/** Contract section 5: the sensitive actions need a proof of identity younger than this. */
export const REAUTH_MAX_AGE_MS = 300_000;
/**
 * Asked this much before the server would refuse: typing a card number with
 * a remote takes about a minute, and a proof that runs out meanwhile would
 * only earn a 403 (and a second prompt) after the typing.
 */
export const REAUTH_LEAD_MS = 60_000;

export type AppState = 'loading' | 'signed-out' | 'ready' | 'identity-stop';

export type StopCause =
  /** An answer carried another account, or another request's id (checks 1-3). */
  | 'mismatch'
  /** The login answer was not the answer to this login (nonce / loginId). */
  | 'login-mismatch'
  /** The session now belongs to another account than this tab was opened for. */
  | 'account-changed';

const STOP_CAUSES: readonly string[] = ['mismatch', 'login-mismatch', 'account-changed'] satisfies StopCause[];

function isStopCause(value: string): value is StopCause {
  return STOP_CAUSES.includes(value);
}
/**
 * Why the page is locked: idle too long, or another tab of the origin logged
 * in, logged out or stopped. A lock is not one of the four states: the page
 * is `loading` under it until the customer asks for the re-check.
 */
export type LockReason = 'idle' | 'other-tab-login' | 'other-tab-logout' | 'other-tab-stop';

export interface IdentitySnapshot {
  readonly state: AppState;
  /** Only while `ready`: the verified login id, for "logged in as" text. */
  readonly loginId: string | null;
  readonly stopCause: StopCause | null;
  /** Set when the start-up session read failed (network), to offer a retry. */
  readonly startFailed: boolean;
  /** Set while the lock screen covers the page (idle, another tab). */
  readonly lock: LockReason | null;
  /** Why it failed, to say "busy, wait N seconds" for a 503 rather than "check your connection". */
  readonly startError: ApiError | null;
}

export type IdentityEvent =
  /** Any change of state or snapshot: re-render. */
  | 'change'
  /** Every piece of account data held anywhere must be forgotten now. */
  | 'drop'
  /** This tab logged in / out by the customer's own action (told to other tabs). */
  | 'login'
  | 'logout';

export class IdentityStore {
  // Not an EventTarget subclass: `new EventTarget()` throws on 2019 TV engines.
  private readonly _listeners: Record<IdentityEvent, Set<() => void>> = {
    change: new Set(),
    drop: new Set(),
    login: new Set(),
    logout: new Set(),
  };
  private _state: AppState = 'loading';
  private _session: Session | null = null;
  private _stopCause: StopCause | null = null;
  private _startFailed = false;
  private _startError: ApiError | null = null;
  private _generation = 0;
  private _lock: LockReason | null = null;
  private readonly _memory: TabAccountMemory;

  constructor(memory = new TabAccountMemory()) {
    this._memory = memory;
  }

  /** Returns the unsubscribe function. */
  on(event: IdentityEvent, listener: () => void): () => void {
    this._listeners[event].add(listener);
    return () => this._listeners[event].delete(listener);
  }

  private _emit(event: IdentityEvent): void {
    for (const listener of [...this._listeners[event]]) listener();
  }

  get state(): AppState {
    return this._state;
  }

  /** The verified session, and only while the state is `ready`. */
  get verifiedSession(): Session | null {
    return this._state === 'ready' ? this._session : null;
  }

  /**
   * Bumped whenever the identity behind the page changes (login, logout,
   * stop). An answer that arrives under another generation is discarded.
   */
  get generation(): number {
    return this._generation;
  }

  get snapshot(): IdentitySnapshot {
    return {
      state: this._state,
      loginId: this._lock ? null : (this.verifiedSession?.loginId ?? null),
      stopCause: this._stopCause,
      startFailed: this._startFailed,
      lock: this._lock,
      startError: this._startError,
    };
  }

  /** Start or reload: who is logged in, and is it who this tab was opened for? */
  async start(): Promise<void> {
    this._startFailed = false;
    this._startError = null;
    const memory = this._memory.recall();
    if (memory.kind === 'stopped') {
      // Whatever session the browser holds now, this tab never verified it:
      // it stays stopped (or at the login form it chose) until a login here.
      // The stop itself already reported and ended the session it caught.
      this._drop();
      if (memory.awaitingLogin) {
        this._signedOut();
      } else {
        this._stopCause = isStopCause(memory.cause) ? memory.cause : 'mismatch';
        this._setState('identity-stop');
      }
      return;
    }
    this._setState('loading');
    let session: Session | null;
    try {
      session = await readSession();
    } catch (error) {
      this._startFailed = true;
      this._startError = isApiError(error) ? error : null;
      this._emitChange();
      return;
    }
    if (!session) {
      this._signedOut();
      return;
    }
    const remembered = this._memory.read();
    if (remembered !== null && remembered !== session.accountId) {
      await this.stop(this._changedAccount(remembered, session), 'account-changed');
      return;
    }
    this._accept(session);
  }

  /**
   * Re-reads the session (page shown again, before a mutation) and returns it
   * only if it is still the verified account. Any other account stops the
   * page; a gone session signs out. Returns null in both cases.
   *
   * When the read itself fails (network, 503), a mutation must not go ahead
   * on the old answer: with `failClosed` the failure is thrown, so nothing is
   * sent and the caller offers a retry. The re-reads on pageshow and on
   * becoming visible keep the screen as it is instead: the data on it was
   * verified, and a flaky TV network must not blank it.
   */
  async recheck(options: { failClosed?: boolean } = {}): Promise<Session | null> {
    const verified = this.verifiedSession;
    if (!verified) return null;
    const generation = this._generation;
    let session: Session | null;
    try {
      session = await readSession();
    } catch (error) {
      if (options.failClosed) throw error;
      return generation === this._generation ? this.verifiedSession : null;
    }
    if (generation !== this._generation) return null;
    if (!session) {
      this.sessionGone();
      return null;
    }
    if (session.accountId !== verified.accountId) {
      await this.stop(this._changedAccount(verified.accountId, session), 'account-changed');
      return null;
    }
    // Same account: the token and expiry may have been renewed.
    this._session = session;
    return session;
  }

  /**
   * True when the verified session's proof of identity is too old for the
   * sensitive actions (card change, contract cancel, sign-out-all), aged on
   * the server's clock as its last `Date` header gave it. A session without
   * `authTime` counts as old: asking once too often is the safe mistake.
   */
  needsFreshProof(now: number = Date.now()): boolean {
    const session = this.verifiedSession;
    if (!session) return false;
    const authTime = Date.parse(session.authTime ?? '');
    if (Number.isNaN(authTime)) return true;
    const serverNow = now + (session.serverClockAheadMs ?? 0);
    return serverNow - authTime > REAUTH_MAX_AGE_MS - REAUTH_LEAD_MS;
  }

  /**
   * A fresh proof by password (`POST /auth/reauth`). The renewed session
   * replaces the verified one only through `acceptRenewedSession`. A wrong
   * password throws the 422 ProblemError and the session goes on; the 401 of
   * the 5th wrong one signs out; an answer for another account stops the page.
   */
  async reauthenticate(password: string): Promise<void> {
    const verified = this.verifiedSession;
    if (!verified) throw new RefusedError('/auth/reauth', 'not-verified');
    const generation = this._generation;
    let renewed;
    try {
      renewed = await (await authApi('/auth/reauth')).reauthenticate(password, verified.accountId, verified.csrfToken);
    } catch (error) {
      if (generation !== this._generation) throw new RefusedError('/auth/reauth', 'not-verified');
      if (error instanceof UnauthorizedError) this.sessionGone();
      throw error;
    }
    if (generation !== this._generation) throw new RefusedError('/auth/reauth', 'not-verified');
    const accepted = await this.acceptRenewedSession(renewed.session, renewed.nonce, '/auth/reauth', renewed.requestId);
    if (!accepted) throw new RefusedError('/auth/reauth', 'not-verified');
  }

  /**
   * A renewed session from a fresh proof of identity (password, or the
   * phone's step-up approval): accepted only when it echoes the nonce that
   * proof sent and belongs to the verified account. Its new sessionId and
   * csrfToken then replace the old ones for every later request. Anything
   * else is an identity-stop (the session that came back is ended), never a
   * switch. Returns whether it was accepted.
   */
  async acceptRenewedSession(
    session: Session,
    nonce: string,
    endpoint: string,
    requestId: string | null = null,
  ): Promise<boolean> {
    const verified = this.verifiedSession;
    if (!verified) return false;
    const check =
      session.nonce !== nonce ? 'login-nonce' : session.accountId !== verified.accountId ? 'session-account' : null;
    if (check) {
      const error = new IdentityMismatchError(check, endpoint, requestId, verified.accountId, session.accountId);
      await this.stop(error, 'login-mismatch');
      return false;
    }
    this._session = session;
    this._emitChange();
    return true;
  }

  async login(loginId: string, password: string): Promise<void> {
    let session: Session;
    try {
      session = await (await authApi('/auth/login')).login(loginId, password);
    } catch (error) {
      if (error instanceof IdentityMismatchError) await this.stop(error, 'login-mismatch');
      throw error;
    }
    // Logging in is the customer's own choice of account for this tab.
    this._memory.write(session.accountId);
    this._lock = null;
    this._accept(session);
    this._emit('login');
  }

  /**
   * A TV's code was approved (contract section 5): the server has set the
   * session cookie, but only the customer's "Yes" on the account question
   * makes it this tab's. Until then the page stays signed out, and a reload
   * adopts nobody.
   */
  holdDeviceSession(): void {
    this._memory.holdForConfirmation();
  }

  /** The customer's "Yes": a login chosen in this tab, like a password login. */
  adoptDeviceSession(session: Session): void {
    this._memory.write(session.accountId);
    this._lock = null;
    this._accept(session);
    this._emit('login');
  }

  async logout(): Promise<void> {
    this._drop();
    this._memory.clear();
    this._lock = null;
    this._signedOut();
    this._emit('logout');
    await postLogout();
  }

  /**
   * The page is entering the back/forward cache: every piece of account data
   * is dropped and the page waits in `loading`, so a restore paints nothing of
   * the account; `start()` on `pageshow` then checks the session against the
   * tab memory (kept) before any screen loads its data again.
   */
  suspend(): void {
    if (this._state !== 'ready') return;
    this._drop();
    this._setState('loading');
  }

  /** 401 from any endpoint: the session is gone; show the login screen. */
  sessionGone(): void {
    if (this._state !== 'ready') return;
    this._drop();
    this._signedOut();
  }

  /**
   * The identity-stop: drop everything, refuse everything, report, end the
   * session. One bad answer stops the whole page, not only the view that asked.
   */
  async stop(error: IdentityMismatchError, cause: StopCause = 'mismatch'): Promise<void> {
    if (this._state === 'identity-stop') return;
    const csrfToken = this._session?.csrfToken ?? null;
    this._drop();
    this._memory.markStopped(cause);
    this._stopCause = cause;
    this._setState('identity-stop');
    // The report goes out first, so it still arrives with the session it is
    // about, but the logout never waits for it: a hanging report must not keep
    // the swapped session alive (or alive for good if the tab is closed).
    const report = reportIdentityMismatch(
      {
        expectedAccountId: error.expectedAccountId,
        receivedAccountId: error.receivedAccountId,
        endpoint: error.endpoint,
        requestId: error.requestId,
      },
      csrfToken,
    );
    await Promise.all([postLogout(), report]);
  }

  /** Leaves the stop (or signed-out) for a fresh login; nothing is carried over. */
  startOver(): void {
    this._memory.markAwaitingLogin();
    this._lock = null;
    this._drop();
    this._signedOut();
  }

  private _changedAccount(expected: string, session: Session): IdentityMismatchError {
    return new IdentityMismatchError('session-account', '/auth/session', null, expected, session.accountId);
  }

  private _accept(session: Session): void {
    this._generation++;
    this._session = session;
    this._stopCause = null;
    this._memory.write(session.accountId);
    this._setState('ready');
  }

  private _signedOut(): void {
    this._session = null;
    this._stopCause = null;
    this._setState('signed-out');
  }

  private _drop(): void {
    this._generation++;
    this._session = null;
    this._emit('drop');
  }

  private _setState(state: AppState): void {
    this._state = state;
    this._emitChange();
  }

  private _emitChange(): void {
    this._emit('change');
  }

  get lock(): LockReason | null {
    return this._lock;
  }

  /**
   * Drops every piece of account data and covers the page with the lock
   * screen. Only a page that holds an account locks: a signed-out or stopped
   * page has nothing to hide, and must not be pulled towards another tab's
   * account. The first reason stays; the re-check answers all of them.
   */
  lockOut(reason: LockReason): void {
    if (this._state !== 'ready' || this._lock) return;
    this._drop();
    this._lock = reason;
    this._setState('loading');
  }

  /**
   * The customer's OK on the lock screen: the normal start-up path re-reads
   * the session and the tab memory decides (same account: ready, and the
   * screens load their data again; another account: identity-stop).
   */
  async unlock(): Promise<void> {
    if (!this._lock) return;
    this._lock = null;
    await this.start();
  }
}
