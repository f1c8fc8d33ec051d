/** #/favorites: titles the customer saved. */
import { LitElement, html } from 'lit';
import type { Favorite, Favorites } from '../api/account-schemas.js';
import '../components/mp-account-list.js';
import '../components/mp-screen.js';
import { renderConfirmDialog } from '../components/mp-confirm-dialog.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { ConfirmFlowController } from '../data/confirm-flow-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class FavoritesScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  private readonly _i18n = new I18nController(this);
  private readonly _favorites = new AccountResourceController<Favorites>(this, (api) => api.read('favorites'));
  private readonly _remove = new ConfirmFlowController<Favorite>(this, async (item, idempotencyKey) => {
    const api = this._favorites.api;
    if (!api) return;
    this._favorites.set(await api.mutate('removeFavorite', { params: { titleId: item.titleId }, idempotencyKey }));
  });

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    return html`
      <mp-screen heading=${m.favorites.heading}>
        ${this._favorites.render({
          empty: () => html`<p class="empty">${m.favorites.empty}</p>`,
          ready: (favorites) =>
            html`<mp-account-list
              label=${m.favorites.heading}
              row-class="with-action"
              .items=${favorites.items}
              .keyOf=${(item: Favorite) => item.titleId}
              .renderRow=${(item: Favorite) => html`
                <div class="row-body">
                  <p class="row-title text">${item.title}</p>
                  <p class="row-meta"><span>${m.favorites.addedAt}: ${i18n.dateTime(item.addedAt)}</span></p>
                </div>
                <button
                  class="remove"
                  aria-label=${m.procedures.removeFavoriteLabel(item.title)}
                  @click=${() => this._remove.open(item)}
                >
                  ${m.procedures.removeFavorite}
                </button>
              `}
            ></mp-account-list>`,
        })}
        ${renderConfirmDialog(this._remove, (item) => ({
          heading: m.procedures.removeFavoriteHeading,
          message: m.procedures.removeFavoriteMessage(item.title),
          confirmLabel: m.procedures.remove,
        }))}
      </mp-screen>
    `;
  }
}

customElements.define('mp-favorites-screen', FavoritesScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-favorites-screen': FavoritesScreen;
  }
}
