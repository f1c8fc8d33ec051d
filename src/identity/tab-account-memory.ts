/**
 * Which account this tab was opened for (contract: "Continuity"). Kept in
 * sessionStorage because it must survive a reload but not leak into other
 * tabs; only the opaque account id is stored, never account data.
 *
 * A tab that stopped remembers that too: the session the browser holds after
 * a stop is nobody this tab verified, so a reload must not adopt it. Only a
 * login chosen in this tab (write) lifts the mark.
 */
const KEY = 'my-page.tab-account';

/** Written instead of an account id (`stop:<cause>`); `:` never occurs in account ids. */
const STOPPED = 'stop:';
/** After "log in again" from a stop: the login form, still adopting nobody. */
const AWAITING_LOGIN = 'stop:awaiting-login';

export type TabMemory =
  | { readonly kind: 'none' }
  | { readonly kind: 'account'; readonly accountId: string }
  /** Stopped, and why (as the identity store named it); `awaitingLogin` once the customer chose to log in again. */
  | { readonly kind: 'stopped'; readonly cause: string; readonly awaitingLogin: boolean };

export class TabAccountMemory {
  private _fallback: string | null = null;

  constructor(private readonly storage: Storage | null = TabAccountMemory._sessionStorage()) {}

  private static _sessionStorage(): Storage | null {
    try {
      return window.sessionStorage;
    } catch {
      // Some TV browsers throw on storage access in private or kiosk modes.
      return null;
    }
  }

  /** The remembered account id; null when none, or when the tab is stopped. */
  read(): string | null {
    const memory = this.recall();
    return memory.kind === 'account' ? memory.accountId : null;
  }

  recall(): TabMemory {
    const value = this._raw();
    if (value === null || value === '') return { kind: 'none' };
    if (value === AWAITING_LOGIN) return { kind: 'stopped', cause: '', awaitingLogin: true };
    if (value.startsWith(STOPPED)) return { kind: 'stopped', cause: value.slice(STOPPED.length), awaitingLogin: false };
    return { kind: 'account', accountId: value };
  }

  write(accountId: string): void {
    this._store(accountId);
  }

  /** This tab stopped: no session is adopted on reload until a login here. */
  markStopped(cause: string): void {
    this._store(STOPPED + cause);
  }

  /** The customer chose to log in again; a reload shows the login form, not the stop. */
  markAwaitingLogin(): void {
    if (this.recall().kind === 'stopped') this._store(AWAITING_LOGIN);
  }

  /**
   * A TV approval arrived but the customer has not said "yes, that is me":
   * a reload meanwhile shows the login screen and adopts nobody.
   */
  holdForConfirmation(): void {
    this._store(AWAITING_LOGIN);
  }

  clear(): void {
    this._fallback = null;
    try {
      this.storage?.removeItem(KEY);
    } catch {
      // Nothing else to clear.
    }
  }

  private _raw(): string | null {
    try {
      return this.storage ? this.storage.getItem(KEY) : this._fallback;
    } catch {
      return this._fallback;
    }
  }

  private _store(value: string): void {
    this._fallback = value;
    try {
      this.storage?.setItem(KEY, value);
    } catch {
      // The in-memory fallback still protects this page's lifetime.
    }
  }
}
