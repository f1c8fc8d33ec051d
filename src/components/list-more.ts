/**
 * The footer of a cursor-paged list: load the next page, its error, or the
 * end. While a page loads the button stays enabled (aria-disabled): a
 * disabled button would drop the remote's focus; loadMore() ignores presses.
 */
import { html } from 'lit';
import type { ApiError } from '../api/errors.js';
import type { Messages } from '../i18n/messages-ja.js';
import { errorMessage } from '../i18n/error-message.js';

/** What the footer reads of a paged list (a CursorListController). */
export interface PagedList {
  readonly items: readonly unknown[];
  readonly hasMore: boolean;
  readonly moreStatus: 'idle' | 'loading' | 'error';
  readonly moreError: ApiError | null;
  loadMore(): void;
}

export function renderListMore(list: PagedList, m: Messages) {
  return html`<div class="more">
    <span class="muted" aria-live="polite">${m.list.count(list.items.length)}</span>
    ${list.moreStatus === 'error' ? html`<span role="alert">${errorMessage(m, list.moreError)}</span>` : null}
    ${
      list.hasMore
        ? html`<button
            class="load-more"
            data-color-key="yellow"
            aria-disabled=${list.moreStatus === 'loading' ? 'true' : 'false'}
            @click=${() => list.loadMore()}
          >
            <span class="key-hint yellow" aria-hidden="true"></span
            >${list.moreStatus === 'loading' ? m.list.loadingMore : list.moreStatus === 'error' ? m.errors.retry : m.list.loadMore}
          </button>`
        : html`<span class="muted end">${m.list.end}</span>`
    }
  </div>`;
}
