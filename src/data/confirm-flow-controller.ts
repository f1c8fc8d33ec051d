/**
 * "Are you sure?" then the mutation, for one kind of procedure on a screen:
 * which item the dialog is about, the intent (one Idempotency-Key across
 * retries), and the error to show in the dialog. The screen updates only from
 * the verified answer, which `act` applies.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isApiError, RefusedError, type ApiError } from '../api/errors.js';
import { MutationIntent } from './mutation-intent.js';

export class ConfirmFlowController<T> implements ReactiveController {
  target: T | null = null;
  error: ApiError | null = null;
  private readonly _intent = new MutationIntent();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly act: (target: T, idempotencyKey: string) => Promise<void>,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return this._intent.busy;
  }

  hostDisconnected(): void {
    // Leaving the screen forgets the item (it is account data) and the intent.
    this.target = null;
    this.error = null;
  }

  open(target: T): void {
    this.target = target;
    this.error = null;
    this._intent.renew();
    this.host.requestUpdate();
  }

  cancel(): void {
    if (this.busy) return;
    this.target = null;
    this.error = null;
    this.host.requestUpdate();
  }

  async confirm(): Promise<void> {
    const target = this.target;
    if (!target || this.busy) return;
    this.error = null;
    const run = this._intent.run((key) => this.act(target, key));
    this.host.requestUpdate();
    try {
      await run;
      this.target = null;
    } catch (error) {
      // Refused (identity not verified): the page is stopping; nothing to retry here.
      if (error instanceof RefusedError) this.target = null;
      else if (isApiError(error)) this.error = error;
      else throw error;
    } finally {
      this.host.requestUpdate();
    }
  }
}
