/**
 * The identity state of the page: who is verified, and the identity-stop
 * (api-contract.md section 1). Everything that holds account data listens for
 * `drop`; everything that sends checks `verifiedSession` and `generation`.
 */
import { login as postLogin, logout as postLogout, readSession, reportIdentityMismatch } from '../api/auth-api.js';
import { IdentityMismatchError, isApiError, type ApiError } from '../api/errors.js';
import type { Session } from '../api/schemas.js';
import { TabAccountMemory } from './tab-account-memory.js';

export type AppState = 'loading' | 'signed-out' | 'ready' | 'identity-stop';

export type StopCause =
  /** An answer carried another account, or another request's id (checks 1-3). */
  | 'mismatch'
  /** The login answer was not the answer to this login (nonce / loginId). */
  | 'login-mismatch'
  /** The session now belongs to another account than this tab was opened for. */
  | 'account-changed';

export interface IdentitySnapshot {
  readonly state: AppState;
  /** Only while `ready`: the verified login id, for "logged in as" text. */
  readonly loginId: string | null;
  readonly stopCause: StopCause | null;
  /** Set when the start-up session read failed (network), to offer a retry. */
  readonly startFailed: boolean;
  /** Why it failed, to say "busy, wait N seconds" for a 503 rather than "check your connection". */
  readonly startError: ApiError | null;
}

export type IdentityEvent =
  /** Any change of state or snapshot: re-render. */
  | 'change'
  /** Every piece of account data held anywhere must be forgotten now. */
  | 'drop';

export class IdentityStore {
  // Not an EventTarget subclass: `new EventTarget()` throws on 2019 TV engines.
  private readonly _listeners: Record<IdentityEvent, Set<() => void>> = { change: new Set(), drop: new Set() };
  private _state: AppState = 'loading';
  private _session: Session | null = null;
  private _stopCause: StopCause | null = null;
  private _startFailed = false;
  private _startError: ApiError | null = null;
  private _generation = 0;
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
      loginId: this.verifiedSession?.loginId ?? null,
      stopCause: this._stopCause,
      startFailed: this._startFailed,
      startError: this._startError,
    };
  }

  /** Start or reload: who is logged in, and is it who this tab was opened for? */
  async start(): Promise<void> {
    this._startFailed = false;
    this._startError = null;
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
   */
  async recheck(): Promise<Session | null> {
    const verified = this.verifiedSession;
    if (!verified) return null;
    const generation = this._generation;
    let session: Session | null;
    try {
      session = await readSession();
    } catch {
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

  async login(loginId: string, password: string): Promise<void> {
    let session: Session;
    try {
      session = await postLogin(loginId, password);
    } catch (error) {
      if (error instanceof IdentityMismatchError) await this.stop(error, 'login-mismatch');
      throw error;
    }
    // Logging in is the customer's own choice of account for this tab.
    this._memory.write(session.accountId);
    this._accept(session);
  }

  async logout(): Promise<void> {
    this._drop();
    this._memory.clear();
    this._signedOut();
    await postLogout();
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
    this._memory.clear();
    this._stopCause = cause;
    this._setState('identity-stop');
    await reportIdentityMismatch(
      {
        expectedAccountId: error.expectedAccountId,
        receivedAccountId: error.receivedAccountId,
        endpoint: error.endpoint,
        requestId: error.requestId,
      },
      csrfToken,
    );
    await postLogout();
  }

  /** Leaves the stop (or signed-out) for a fresh login; nothing is carried over. */
  startOver(): void {
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
}
