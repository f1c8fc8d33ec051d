/** #/favorites: titles the customer saved. */
import { LitElement, html } from 'lit';
import type { Favorites } from '../api/schemas.js';
import { renderLoadState } from '../components/mp-load-state.js';
import '../components/mp-screen.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class FavoritesScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  readonly #i18n = new I18nController(this);
  readonly #favorites = new AccountResourceController<Favorites>(this, (api) => api.read('favorites'));

  override render() {
    const i18n = this.#i18n.value;
    const { m } = i18n;
    const favorites = this.#favorites.value;
    return html`
      <mp-screen heading=${m.favorites.heading}>
        ${favorites
          ? favorites.items.length === 0
            ? html`<p class="empty">${m.favorites.empty}</p>`
            : html`<ul data-nav-container data-nav-enter="last" aria-label=${m.favorites.heading}>
                ${favorites.items.map(
                  (item) => html`<li tabindex="0" data-nav-key=${item.titleId}>
                    <p class="row-title text">${item.title}</p>
                    <p class="row-meta"><span>${m.favorites.addedAt}: ${i18n.dateTime(item.addedAt)}</span></p>
                  </li>`,
                )}
              </ul>`
          : renderLoadState(this.#favorites)}
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
