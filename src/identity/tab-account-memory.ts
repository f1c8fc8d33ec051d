/**
 * Which account this tab was opened for (contract: "Continuity"). Kept in
 * sessionStorage because it must survive a reload but not leak into other
 * tabs; only the opaque account id is stored, never account data.
 */
const KEY = 'my-page.tab-account';

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

  read(): string | null {
    try {
      return this.storage ? this.storage.getItem(KEY) : this._fallback;
    } catch {
      return this._fallback;
    }
  }

  write(accountId: string): void {
    this._fallback = accountId;
    try {
      this.storage?.setItem(KEY, accountId);
    } catch {
      // The in-memory fallback still protects this page's lifetime.
    }
  }

  clear(): void {
    this._fallback = null;
    try {
      this.storage?.removeItem(KEY);
    } catch {
      // Nothing else to clear.
    }
  }
}
