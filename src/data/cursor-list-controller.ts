/**
 * A cursor-paged list (payments, viewing history). Pages are appended only
 * when a whole page has passed the guard, so the list is never half-rendered;
 * a failed "more" keeps what is shown and offers a retry of that page.
 */
import type { AccountReader } from '../api/account-api.js';
import type { ApiError } from '../api/errors.js';
import { AccountDataController, type Host } from './account-data-controller.js';

export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export class CursorListController<T> extends AccountDataController<readonly T[]> {
  items: T[] = [];
  nextCursor: string | null = null;
  moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  moreError: ApiError | null = null;

  constructor(
    host: Host,
    private readonly loadPage: (api: AccountReader, cursor: string | null) => Promise<CursorPage<T>>,
  ) {
    super(host);
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  loadMore(): void {
    const cursor = this.nextCursor;
    if (this.status !== 'ready' || cursor === null || this.moreStatus === 'loading') return;
    this.moreStatus = 'loading';
    this.moreError = null;
    this.host.requestUpdate();
    void this.track(
      (api) => this.loadPage(api, cursor),
      (page) => {
        this.items = this.items.concat(page.items);
        this.nextCursor = page.nextCursor;
        this.moreStatus = 'idle';
      },
      (error) => {
        this.moreError = error;
        this.moreStatus = 'error';
      },
    );
  }

  /** Drops rows after a verified answer confirmed their removal. */
  remove(predicate: (item: T) => boolean): void {
    this.items = this.items.filter((item) => !predicate(item));
    this.host.requestUpdate();
  }

  protected start(): void {
    this.loadFirst(
      (api) => this.loadPage(api, null),
      (page) => {
        this.items = page.items.slice();
        this.nextCursor = page.nextCursor;
      },
    );
  }

  protected readyValue(): readonly T[] {
    return this.items;
  }

  protected isEmpty(): boolean {
    return this.items.length === 0;
  }

  protected override clear(): void {
    super.clear();
    this.items = [];
    this.nextCursor = null;
    this.moreStatus = 'idle';
    this.moreError = null;
  }
}
