/**
 * One customer intent (remove this device, register this card): its
 * Idempotency-Key is kept across retries of that intent, so a retry after a
 * timeout can never act twice, and a second press while it runs does nothing.
 * A new intent (success, or the customer changed what they asked) gets a new key.
 */
import { newIntentKey } from '../api/request-shape.js';

export class MutationIntent {
  private _key = newIntentKey();
  private _busy = false;

  get busy(): boolean {
    return this._busy;
  }

  get key(): string {
    return this._key;
  }

  /** Runs the action with this intent's key; ignored while one run is under way. */
  async run<T>(action: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (this._busy) return undefined;
    this._busy = true;
    try {
      const result = await action(this._key);
      this.renew();
      return result;
    } finally {
      this._busy = false;
    }
  }

  /** The customer now asks for something else: retries must not reuse the old key. */
  renew(): void {
    this._key = newIntentKey();
  }
}
