/** #/: the menu of every screen of the My Page. */
import { LitElement, css, html } from 'lit';
import '../../components/mp-screen.js';
import { MENU_ROUTES, hrefFor } from '../../app/route-paths.js';
import { I18nController } from '../../i18n/i18n-controller.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export class MenuScreen extends LitElement {
  static override properties = {
    lastOpened: { attribute: false },
  };

  /** Where the customer came back from: shown as selected, distinct from focus. */
  declare lastOpened: string | null;

  constructor() {
    super();
    this.lastOpened = null;
  }

  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 1rem;
      }
      /* Every entry of a row as tall as the tallest: the item stretches, its link fills it. */
      li {
        display: flex;
      }
      a {
        flex: 1;
        min-width: 0;
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        padding: 1rem 1.2rem;
        border-radius: 0.6rem;
        background: var(--mp-surface, #1d2331);
        color: inherit;
        text-decoration: none;
        border: 0.1rem solid transparent;
      }
      .label {
        font-weight: 700;
      }
      .hint {
        color: var(--mp-text-muted, #b9c0d0);
      }
      /* The digit key that opens this entry: TV only (page.css). */
      .digit {
        display: var(--mp-tv-only, none);
        min-width: 1.4em;
        margin-right: 0.5em;
        border-radius: 0.3em;
        text-align: center;
        background: var(--mp-surface-2, #2a3142);
      }
    `,
  ];

  private readonly _i18n = new I18nController(this);

  override render() {
    const { m } = this._i18n.value;
    return html`
      <mp-screen heading=${m.menu.heading} back-href="">
        <nav aria-label=${m.menu.heading}>
          <ul data-nav-container data-nav-enter="last">
            ${MENU_ROUTES.map(
              ({ path, menu: { digit, key } }) =>
                html`<li>
                  <a
                    href=${hrefFor(path)}
                    data-route=${path}
                    data-nav-key=${path}
                    data-digit-key=${digit}
                    aria-current=${this.lastOpened === path ? 'true' : 'false'}
                  >
                    <span class="label"><span class="digit" aria-hidden="true">${digit}</span>${m.menu[key]}</span>
                    <span class="hint">${m.menu[`${key}Hint`]}</span>
                  </a>
                </li>`,
            )}
          </ul>
        </nav>
      </mp-screen>
    `;
  }
}

customElements.define('mp-menu-screen', MenuScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-menu-screen': MenuScreen;
  }
}
