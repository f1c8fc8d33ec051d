/** #/history: viewing history, newest first, paged by cursor. */
import { LitElement, html } from 'lit';
import type { HistoryEntry } from '../api/account-schemas.js';
import { renderListMore } from '../components/list-more.js';
import '../components/mp-account-list.js';
import '../components/mp-screen.js';
import { renderConfirmDialog } from '../components/mp-confirm-dialog.js';
import { InvalidResponseError } from '../api/errors.js';
import { ConfirmFlowController } from '../data/confirm-flow-controller.js';
import { CursorListController } from '../data/cursor-list-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class HistoryScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  private readonly _i18n = new I18nController(this);
  private readonly _history = new CursorListController<HistoryEntry>(this, (api, cursor) =>
    api.read('viewingHistory', cursor ? { cursor } : undefined),
  );
  private readonly _remove = new ConfirmFlowController<HistoryEntry>(this, async (entry, idempotencyKey) => {
    const api = this._history.api;
    if (!api) return;
    const answer = await api.mutate('removeHistoryEntry', { params: { entryId: entry.entryId }, idempotencyKey });
    // The verified answer must name the entry we asked about; only then does the row go.
    if (answer.removed !== entry.entryId) throw new InvalidResponseError('/viewing-history/{entryId}', ['removed']);
    this._history.remove((item) => item.entryId === entry.entryId);
  });

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const list = this._history;
    return html`
      <mp-screen heading=${m.history.heading}>
        ${list.render({
          empty: () => html`<p class="empty">${m.history.empty}</p>`,
          ready: (items) =>
            html`<mp-account-list
                label=${m.history.heading}
                row-class="with-action"
                ?has-more=${list.hasMore}
                ?loading=${list.moreStatus === 'loading'}
                @load-more=${() => list.loadMore()}
                .items=${items}
                .keyOf=${(entry: HistoryEntry) => entry.entryId}
                .renderRow=${(entry: HistoryEntry) => html`
                  <div class="row-body">
                    <p class="row-title text">${entry.title}</p>
                    <p class="row-meta"><span>${m.history.viewedAt}: ${i18n.dateTime(entry.viewedAt)}</span></p>
                  </div>
                  <button
                    class="remove"
                    aria-label=${m.procedures.removeHistoryLabel(entry.title)}
                    @click=${() => this._remove.open(entry)}
                  >
                    ${m.procedures.removeHistory}
                  </button>
                `}
              ></mp-account-list>
              ${renderListMore(list, m)}`,
        })}
        ${renderConfirmDialog(this._remove, (entry) => ({
          heading: m.procedures.removeHistoryHeading,
          message: m.procedures.removeHistoryMessage(entry.title),
          confirmLabel: m.procedures.remove,
        }))}
      </mp-screen>
    `;
  }
}

customElements.define('mp-history-screen', HistoryScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-history-screen': HistoryScreen;
  }
}
