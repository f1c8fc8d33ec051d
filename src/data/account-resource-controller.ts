/** One enveloped GET, loaded when the element connects, with its loading / error state. */
import type { ApiError } from '../api/errors.js';
import type { AccountApi } from '../api/account-api.js';
import { AccountDataController, type Host, type LoadStatus } from './account-data-controller.js';

export class AccountResourceController<T> extends AccountDataController {
  status: LoadStatus = 'loading';
  value: T | null = null;
  error: ApiError | null = null;

  constructor(
    host: Host,
    private readonly load: (api: AccountApi) => Promise<T>,
  ) {
    super(host);
  }

  reload(): void {
    this.start();
  }

  /** Replaces the value with a verified answer (e.g. a mutation's result). */
  set(value: T): void {
    this.value = value;
    this.status = 'ready';
    this.error = null;
    this.host.requestUpdate();
  }

  protected start(): void {
    this.clear();
    this.host.requestUpdate();
    void this.track(
      ({ api }) => this.load(api),
      (value) => {
        this.value = value;
        this.status = 'ready';
      },
      (error) => {
        this.error = error;
        this.status = 'error';
      },
    );
  }

  protected clear(): void {
    this.status = 'loading';
    this.value = null;
    this.error = null;
  }
}
