/**
 * Base of every controller that holds account data for an element. It drops
 * that data when the identity store says so (logout, 401, identity-stop) and
 * when the element leaves the page, and ignores answers to loads it has since
 * abandoned, so nothing stale or foreign is ever rendered.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isApiError, RefusedError, type ApiError } from '../api/errors.js';
import { servicesContext, type AppServices } from '../app/contexts.js';
import { NavController } from '../navigation/nav-controller.js';

export type LoadStatus = 'loading' | 'ready' | 'error';
export type Host = ReactiveControllerHost & HTMLElement;

export abstract class AccountDataController implements ReactiveController {
  readonly #consumer: ContextConsumer<typeof servicesContext, Host>;
  #services: AppServices | undefined;
  #unsubscribe: (() => void) | null = null;
  #ticket = 0;

  readonly #onDrop = (): void => {
    this.#ticket++;
    this.clear();
    this.host.requestUpdate();
  };

  constructor(protected readonly host: Host) {
    // The consumer must connect before this controller so the value is there.
    this.#consumer = new ContextConsumer(host, { context: servicesContext });
    host.addController(this);
    // Data arriving or going away changes what can hold focus: let the engine check.
    new NavController(host);
  }

  hostConnected(): void {
    this.#services = this.#consumer.value;
    this.#unsubscribe = this.#services?.identity.on('drop', this.#onDrop) ?? null;
    this.start();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#onDrop();
  }

  protected get services(): AppServices | undefined {
    return this.#services;
  }

  /** The guarded API, for the element's mutations (undefined outside an app). */
  get api(): AppServices['api'] | undefined {
    return this.#services?.api;
  }

  /** (Re)loads from scratch. */
  protected abstract start(): void;
  /** Forgets every piece of account data this controller holds. */
  protected abstract clear(): void;

  /**
   * Runs a load and hands its result to `apply` only if nothing made it
   * obsolete meanwhile (a newer load, a drop, leaving the page).
   */
  protected async track<T>(
    load: (services: AppServices) => Promise<T>,
    apply: (value: T) => void,
    fail: (error: ApiError) => void,
  ): Promise<void> {
    const ticket = ++this.#ticket;
    const services = this.#services;
    if (!services) return;
    try {
      const value = await load(services);
      if (ticket === this.#ticket) apply(value);
    } catch (error) {
      if (ticket !== this.#ticket || error instanceof RefusedError) return;
      if (!isApiError(error)) throw error;
      fail(error);
    } finally {
      if (ticket === this.#ticket) this.host.requestUpdate();
    }
  }
}
