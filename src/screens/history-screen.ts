/** #/history: viewing history, newest first, paged by cursor. */
import { LitElement, html } from 'lit';
import type { HistoryEntry } from '../api/schemas.js';
import { renderListMore } from '../components/list-more.js';
import { renderLoadState } from '../components/mp-load-state.js';
import '../components/mp-screen.js';
import { CursorListController } from '../data/cursor-list-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class HistoryScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  readonly #i18n = new I18nController(this);
  readonly #history = new CursorListController<HistoryEntry>(this, (api, cursor) =>
    api.read('viewingHistory', cursor ? { cursor } : undefined),
  );

  override render() {
    const i18n = this.#i18n.value;
    const { m } = i18n;
    const list = this.#history;
    return html`
      <mp-screen heading=${m.history.heading}>
        ${list.status !== 'ready'
          ? renderLoadState(list)
          : list.items.length === 0
            ? html`<p class="empty">${m.history.empty}</p>`
            : html`<ul data-nav-container data-nav-enter="last" aria-label=${m.history.heading}>
                  ${list.items.map(
                    (entry) => html`<li tabindex="0" data-nav-key=${entry.entryId}>
                      <p class="row-title text">${entry.title}</p>
                      <p class="row-meta"><span>${m.history.viewedAt}: ${i18n.dateTime(entry.viewedAt)}</span></p>
                    </li>`,
                  )}
                </ul>
                ${renderListMore(list, m)}`}
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
