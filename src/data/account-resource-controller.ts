/** One enveloped GET, loaded when the element connects, with its loading / error state. */
import type { AccountReader } from '../api/account-api.js';
import { AccountDataController, type Host } from './account-data-controller.js';

/** A list payload of the contract (devices, downloads, favorites): `items` plus its own fields. */
function hasNoItems(value: unknown): boolean {
  const items = (value as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
}

export class AccountResourceController<T> extends AccountDataController<T> {
  value: T | null = null;

  constructor(
    host: Host,
    private readonly load: (api: AccountReader) => Promise<T>,
  ) {
    super(host);
  }

  /** Replaces the value with a verified answer (e.g. a mutation's result). */
  set(value: T): void {
    this.value = value;
    this.status = 'ready';
    this.error = null;
    this.host.requestUpdate();
  }

  protected start(): void {
    this.loadFirst(this.load, (value) => (this.value = value));
  }

  protected readyValue(): T {
    return this.value as T;
  }

  /** A list payload with no items (`render`'s `empty`). */
  protected isEmpty(): boolean {
    return hasNoItems(this.value);
  }

  protected override clear(): void {
    super.clear();
    this.value = null;
  }
}
