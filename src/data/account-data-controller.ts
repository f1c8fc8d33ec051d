/**
 * Base of every controller that holds account data for an element. It drops
 * that data when the identity store says so (logout, 401, identity-stop) and
 * when the element leaves the page, and ignores answers to loads it has since
 * abandoned, so nothing stale or foreign is ever rendered.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isApiError, RefusedError, type ApiError } from '../api/errors.js';
import type { AccountApi } from '../api/account-api.js';
import { servicesContext, type AppServices } from '../api/services-context.js';
import { NavController } from '../navigation/nav-controller.js';

export type LoadStatus = 'loading' | 'ready' | 'error';
export type Host = ReactiveControllerHost & HTMLElement;

export abstract class AccountDataController implements ReactiveController {
  status: LoadStatus = 'loading';
  error: ApiError | null = null;
  private readonly _consumer: ContextConsumer<typeof servicesContext, Host>;
  private _services: AppServices | undefined;
  private _unsubscribe: (() => void) | null = null;
  private _ticket = 0;

  private readonly _onDrop = (): void => {
    this._ticket++;
    this.clear();
    this.host.requestUpdate();
  };

  constructor(protected readonly host: Host) {
    // The consumer must connect before this controller so the value is there.
    this._consumer = new ContextConsumer(host, { context: servicesContext });
    host.addController(this);
    // Data arriving or going away changes what can hold focus: let the engine check.
    new NavController(host);
  }

  hostConnected(): void {
    this._services = this._consumer.value;
    this._unsubscribe = this._services?.identity.on('drop', this._onDrop) ?? null;
    this.start();
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._onDrop();
  }

  /** The guarded API, for the element's mutations (undefined outside an app). */
  get api(): AppServices['api'] | undefined {
    return this._services?.api;
  }

  reload(): void {
    this.start();
  }

  /** (Re)loads from scratch. */
  protected abstract start(): void;

  /** Forgets every piece of account data this controller holds (subclasses add theirs). */
  protected clear(): void {
    this.status = 'loading';
    this.error = null;
  }

  /** The first load after a clear: `apply` the value and become ready, or hold the error. */
  protected loadFirst<T>(load: (api: AccountApi) => Promise<T>, apply: (value: T) => void): void {
    this.clear();
    this.host.requestUpdate();
    void this.track(
      ({ api }) => load(api),
      (value) => {
        apply(value);
        this.status = 'ready';
      },
      (error) => {
        this.error = error;
        this.status = 'error';
      },
    );
  }

  /**
   * Runs a load and hands its result to `apply` only if nothing made it
   * obsolete meanwhile (a newer load, a drop, leaving the page).
   */
  protected async track<T>(
    load: (services: AppServices) => Promise<T>,
    apply: (value: T) => void,
    fail: (error: ApiError) => void,
  ): Promise<void> {
    const ticket = ++this._ticket;
    const services = this._services;
    if (!services) return;
    try {
      const value = await load(services);
      if (ticket === this._ticket) apply(value);
    } catch (error) {
      if (ticket !== this._ticket || error instanceof RefusedError) return;
      if (!isApiError(error)) throw error;
      fail(error);
    } finally {
      if (ticket === this._ticket) this.host.requestUpdate();
    }
  }
}
