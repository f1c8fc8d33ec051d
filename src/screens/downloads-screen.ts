/** #/downloads: titles saved to the account's devices, with their expiry. */
import { LitElement, html } from 'lit';
import type { Download, Downloads } from '../api/account-schemas.js';
import '../components/mp-account-list.js';
import '../components/mp-details-dialog.js';
import '../components/mp-screen.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { OpenedRowController } from '../data/opened-row-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class DownloadsScreen extends LitElement {
  static override styles = [sharedStyles, listStyles];

  private readonly _i18n = new I18nController(this);
  private readonly _downloads = new AccountResourceController<Downloads>(this, (api) => api.read('downloads'));

  private readonly _opened = new OpenedRowController<Download>(
    this,
    (row) => row.downloadId,
    () => this._downloads.value?.items,
  );

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    const opened = this._opened.row;
    return html`
      <mp-screen heading=${m.downloads.heading}>
        ${this._downloads.render({
          empty: () => html`<p class="empty">${m.downloads.empty}</p>`,
          ready: (downloads) =>
            html`<mp-account-list
              label=${m.downloads.heading}
              @row-open=${this._opened.open}
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
                @close=${this._opened.close}
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
