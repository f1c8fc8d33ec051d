/**
 * One customer intent (remove this device, register this card): its
 * Idempotency-Key is kept across retries of that intent, so a retry after a
 * timeout can never act twice, and a second press while it runs does nothing.
 * A new intent (success, or the customer changed what they asked) gets a new key.
 */
import { AccountApi } from '../api/account-api.js';

export class MutationIntent {
  #key = AccountApi.newIntentKey();
  #busy = false;

  get busy(): boolean {
    return this.#busy;
  }

  get key(): string {
    return this.#key;
  }

  /** Runs the action with this intent's key; ignored while one run is under way. */
  async run<T>(action: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> {
    if (this.#busy) return undefined;
    this.#busy = true;
    try {
      const result = await action(this.#key);
      this.renew();
      return result;
    } finally {
      this.#busy = false;
    }
  }

  /** The customer now asks for something else: retries must not reuse the old key. */
  renew(): void {
    this.#key = AccountApi.newIntentKey();
  }
}
