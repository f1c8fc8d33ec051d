/** One enveloped GET, loaded when the element connects, with its loading / error state. */
import type { AccountApi } from '../api/account-api.js';
import { AccountDataController, type Host } from './account-data-controller.js';

export class AccountResourceController<T> extends AccountDataController {
  value: T | null = null;

  constructor(
    host: Host,
    private readonly load: (api: AccountApi) => Promise<T>,
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

  protected override clear(): void {
    super.clear();
    this.value = null;
  }
}
