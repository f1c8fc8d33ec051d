/**
 * Which row of a list shows its details (OK on a row opens, the dialog's
 * close closes). Only the row's key is kept: the values are looked up in the
 * list's data each render, so whatever drops that data (the store's `drop`,
 * a reload without the row) drops the details too. Leaving the screen closes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OpenedRowController<T> implements ReactiveController {
  private _key: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly keyOf: (row: T) => string,
    /** The rows shown now; undefined while none are. */
    private readonly rows: () => readonly T[] | undefined,
  ) {
    host.addController(this);
  }

  /** The opened row, while it is among the rows shown. */
  get row(): T | undefined {
    const key = this._key;
    return key === null ? undefined : this.rows()?.find((row) => this.keyOf(row) === key);
  }

  /** For `@row-open` of `<mp-account-list>`: its detail is the row. */
  readonly open = (event: CustomEvent<T>): void => {
    this._key = this.keyOf(event.detail);
    this.host.requestUpdate();
  };

  readonly close = (): void => {
    this._key = null;
    this.host.requestUpdate();
  };

  hostDisconnected(): void {
    this._key = null;
  }
}
