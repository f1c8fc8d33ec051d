/** #/downloads: titles saved to the account's devices, with their expiry. */
import { LitElement, html } from 'lit';
import type { Download, Downloads } from '../api/account-schemas.js';
import '../components/mp-account-list.js';
import '../components/mp-details-dialog.js';
import '../components/mp-screen.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class DownloadsScreen extends LitElement {
  static override properties = {
    opened: { state: true },
  };

  /**
   * The id of the row whose details are shown (OK on a row); the values come
   * from the controller's data, so dropping that drops them here too.
   */
  declare opened: string | null;

  static override styles = [sharedStyles, listStyles];

  constructor() {
    super();
    this.opened = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.opened = null;
  }

  private readonly _i18n = new I18nController(this);
  private readonly _downloads = new AccountResourceController<Downloads>(this, (api) => api.read('downloads'));

  private readonly _openRow = (event: CustomEvent<Download>): void => {
    this.opened = event.detail.downloadId;
  };

  private readonly _closeRow = (): void => {
    this.opened = null;
  };

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const opened = this._downloads.value?.items.find((item) => item.downloadId === this.opened);
    return html`
      <mp-screen heading=${m.downloads.heading}>
        ${this._downloads.render({
          empty: () => html`<p class="empty">${m.downloads.empty}</p>`,
          ready: (downloads) =>
            html`<mp-account-list
              label=${m.downloads.heading}
              @row-open=${this._openRow}
              .items=${downloads.items}
              .keyOf=${(item: Download) => item.downloadId}
              .renderRow=${(item: Download) => html`
                <p class="row-title text">${item.title}</p>
                <p class="row-meta">
                  <span class="text">${m.downloads.device}: ${item.deviceName}（${item.deviceOs}）</span>
                  <span>${m.downloads.downloadedAt}: ${i18n.dateTime(item.downloadedAt)}</span>
                  <span>${m.downloads.expiresAt}: ${i18n.dateTime(item.expiresAt)}</span>
                </p>
              `}
            ></mp-account-list>`,
        })}
        ${
          opened
            ? html`<mp-details-dialog
                heading=${opened.title}
                @close=${this._closeRow}
                .lines=${[
                  { label: m.downloads.device, value: `${opened.deviceName}（${opened.deviceOs}）` },
                  { label: m.downloads.downloadedAt, value: i18n.dateTime(opened.downloadedAt) },
                  { label: m.downloads.expiresAt, value: i18n.dateTime(opened.expiresAt) },
                ]}
              ></mp-details-dialog>`
            : null
        }
      </mp-screen>
    `;
  }
}

customElements.define('mp-downloads-screen', DownloadsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-downloads-screen': DownloadsScreen;
  }
}
