/** #/devices: the devices registered to the account, against its limit. */
import { LitElement, css, html } from 'lit';
import type { Device, Devices } from '../api/account-schemas.js';
import '../components/mp-account-list.js';
import '../components/mp-screen.js';
import { renderConfirmDialog } from '../components/mp-confirm-dialog.js';
import { AccountResourceController } from '../data/account-resource-controller.js';
import { ConfirmFlowController } from '../data/confirm-flow-controller.js';
import { I18nController } from '../i18n/i18n-controller.js';
import { listStyles, sharedStyles } from '../styles/shared-styles.js';

export class DevicesScreen extends LitElement {
  static override styles = [
    sharedStyles,
    listStyles,
    css`
      .this-device {
        font-size: 0.85em;
        font-weight: 600;
        padding: 0.05em 0.5em;
        margin-left: 0.5em;
        border-radius: 0.3em;
        border: 0.08em solid currentColor;
      }
    `,
  ];

  private readonly _i18n = new I18nController(this);
  private readonly _devices = new AccountResourceController<Devices>(this, (api) => api.read('devices'));
  private readonly _remove = new ConfirmFlowController<Device>(this, async (device, idempotencyKey) => {
    const api = this._devices.api;
    if (!api) return;
    this._devices.set(await api.mutate('removeDevice', { params: { deviceId: device.deviceId }, idempotencyKey }));
  });

  override render() {
    const i18n = this._i18n.value;
    const { m } = i18n;
    return html`
      <mp-screen heading=${m.devices.heading}>
        ${this._devices.render({
          ready: (devices) => html`
            <p class="summary">${m.devices.count(devices.items.length, devices.limit)}</p>
            ${
              devices.items.length === 0
                ? html`<p class="empty">${m.devices.empty}</p>`
                : html`<mp-account-list
                    label=${m.devices.heading}
                    row-class="with-action"
                    .items=${devices.items}
                    .keyOf=${(device: Device) => device.deviceId}
                    .renderRow=${(device: Device) => html`
                      <div class="row-body">
                        <p class="row-title">
                          <span class="text">${device.name}</span>${
                            device.current ? html` <span class="this-device">${m.devices.thisDevice}</span>` : null
                          }
                        </p>
                        <p class="row-meta">
                          <span class="text">${m.devices.os}: ${device.os}</span>
                          <span>${m.devices.registeredAt}: ${i18n.dateTime(device.registeredAt)}</span>
                          <span>${m.devices.lastUsedAt}: ${i18n.dateTime(device.lastUsedAt)}</span>
                        </p>
                      </div>
                      <button
                        class="remove"
                        aria-label=${m.procedures.removeDeviceLabel(device.name)}
                        @click=${() => this._remove.open(device)}
                      >
                        ${m.procedures.removeDevice}
                      </button>
                    `}
                  ></mp-account-list>`
            }
          `,
        })}
        ${renderConfirmDialog(this._remove, (device) => ({
          heading: m.procedures.removeDeviceHeading,
          message: m.procedures.removeDeviceMessage(device.name),
          confirmLabel: m.procedures.removeDevice,
        }))}
      </mp-screen>
    `;
  }
}

customElements.define('mp-devices-screen', DevicesScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-devices-screen': DevicesScreen;
  }
}
