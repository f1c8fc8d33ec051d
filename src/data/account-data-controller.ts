/**
 * Base of every controller that holds account data for an element. It drops
 * that data when the identity store says so (logout, 401, identity-stop) and
 * when the element leaves the page, cancels the request of a load it
 * abandons, and ignores whatever such a load still brings, so nothing stale
 * or foreign is ever rendered.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { AbortedError, isApiError, RefusedError, type ApiError } from '../api/errors.js';
import type { AccountReader } from '../api/account-api.js';
import { servicesContext, type AppServices } from '../api/services-context.js';
import { renderLoadState } from '../components/mp-load-state.js';
import { NavController } from '../navigation/nav-controller.js';

export type LoadStatus = 'loading' | 'ready' | 'error';
export type Host = ReactiveControllerHost & HTMLElement;

/**
 * What an element shows in each state of its data, as lit's `Task.render`:
 * `ready` with the verified value; `empty` (if given) instead when the value
 * has nothing to list; `pending` and `error` default to <mp-load-state>
 * (loading, or the error in words with a retry wired to `reload()`).
 */
export interface DataViews<V, R> {
  readonly ready: (value: V) => R;
  readonly empty?: () => R;
  readonly pending?: () => R;
  readonly error?: (error: ApiError) => R;
}

export abstract class AccountDataController<V = unknown> implements ReactiveController {
  status: LoadStatus = 'loading';
  error: ApiError | null = null;
  private readonly _consumer: ContextConsumer<typeof servicesContext, Host>;
  private _services: AppServices | undefined;
  private _unsubscribe: (() => void) | null = null;
  private _ticket = 0;
  private _inFlight: AbortController | null = null;

  private readonly _onDrop = (): void => {
    this._ticket++;
    this._abort();
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

  render<R>(views: DataViews<V, R>): R | TemplateResult {
    if (this.status === 'ready') return views.empty && this.isEmpty() ? views.empty() : views.ready(this.readyValue());
    if (this.status === 'error' && views.error && this.error) return views.error(this.error);
    if (this.status === 'loading' && views.pending) return views.pending();
    return renderLoadState(this);
  }

  /** (Re)loads from scratch. */
  protected abstract start(): void;

  /** The value `render` hands to `ready` (only called while ready). */
  protected abstract readyValue(): V;

  /** Ready, with nothing to list: `render` shows `empty` instead. */
  protected abstract isEmpty(): boolean;

  /** Forgets every piece of account data this controller holds (subclasses add theirs). */
  protected clear(): void {
    this.status = 'loading';
    this.error = null;
  }

  /** The first load after a clear: `apply` the value and become ready, or hold the error. */
  protected loadFirst<T>(load: (api: AccountReader) => Promise<T>, apply: (value: T) => void): void {
    this.clear();
    this.host.requestUpdate();
    void this.track(
      (api) => load(api),
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
   * obsolete meanwhile (a newer load, a drop, leaving the page). Each of
   * those also cancels its request: the loader's reads carry this load's
   * signal.
   */
  protected async track<T>(
    load: (api: AccountReader) => Promise<T>,
    apply: (value: T) => void,
    fail: (error: ApiError) => void,
  ): Promise<void> {
    const ticket = ++this._ticket;
    this._abort();
    const services = this._services;
    if (!services) return;
    // Engines before Chromium 66 have no AbortController: there the answer is only ignored.
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    this._inFlight = controller;
    try {
      const value = await load(services.api.reader(controller?.signal));
      if (ticket === this._ticket) apply(value);
    } catch (error) {
      if (ticket !== this._ticket || error instanceof RefusedError || error instanceof AbortedError) return;
      if (!isApiError(error)) throw error;
      fail(error);
    } finally {
      if (ticket === this._ticket) {
        this._inFlight = null;
        this.host.requestUpdate();
      }
    }
  }

  private _abort(): void {
    this._inFlight?.abort();
    this._inFlight = null;
  }
}
