/**
 * What a TV shows to be approved from a phone (api-contract.md section 5):
 * the user code large, the short address to type, a QR code of the address
 * with the code in it, and how long the code stays valid. It shows only what
 * it is given; the flow (and its checks) is DeviceSignInController's.
 *
 * Screen readers get the code as separate letters ("B C D F, G H J K"): read
 * as a word, "BCDF-GHJK" is unpronounceable or spelled unpredictably.
 */
import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { I18nController } from '../i18n/i18n-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

/** "BCDF-GHJK" → "B C D F, G H J K". */
export function spokenCode(code: string): string {
  return code
    .split('-')
    .map((group) => group.split('').join(' '))
    .join(', ');
}

/** "https://tv.example.jp/#/activate" → "tv.example.jp/#/activate": shorter to type. */
export function shortAddress(uri: string): string {
  return uri.replace(/^https?:\/\//, '');
}

function clockText(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class MpDeviceCode extends LitElement {
  static override properties = {
    userCode: { type: String, attribute: 'user-code' },
    verificationUri: { type: String, attribute: 'verification-uri' },
    verificationUriComplete: { type: String, attribute: 'verification-uri-complete' },
    secondsLeft: { type: Number, attribute: 'seconds-left' },
    qr: { state: true },
  };

  /** As the server sent it, `XXXX-XXXX`. */
  declare userCode: string;
  /** Shown as text, for typing on the phone. */
  declare verificationUri: string;
  /** Encoded in the QR code. */
  declare verificationUriComplete: string;
  declare secondsLeft: number;
  declare qr: SVGTemplateResult | null;

  private readonly _i18n = new I18nController(this);
  private _qrFor = '';

  constructor() {
    super();
    this.userCode = '';
    this.verificationUri = '';
    this.verificationUriComplete = '';
    this.secondsLeft = 0;
    this.qr = null;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        gap: 2rem;
        align-items: center;
        flex-wrap: wrap;
      }
      svg {
        width: 11rem;
        height: 11rem;
        background: #fff;
        flex: none;
      }
      .code {
        font-size: 3.2rem;
        font-weight: 700;
        letter-spacing: 0.18em;
        font-variant-numeric: tabular-nums;
        margin: 0.4rem 0;
        white-space: nowrap;
      }
      .address {
        font-size: 1.3rem;
        font-weight: 600;
        word-break: break-all;
      }
      .label {
        margin: 0;
      }
      /* Beside the QR wherever it fits (a TV screen has no height for both stacked), under it on a phone. */
      .text {
        flex: 1 1 20rem;
        min-width: 0;
      }
    `,
  ];

  override async willUpdate(): Promise<void> {
    const url = this.verificationUriComplete;
    if (url === this._qrFor) return;
    this._qrFor = url;
    if (!url) {
      this.qr = null;
      return;
    }
    const { generate } = await import('lean-qr');
    if (url !== this._qrFor) return;
    const code = generate(url);
    const cells: SVGTemplateResult[] = [];
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) {
        if (code.get(x, y)) cells.push(svg`<rect x=${x + 4} y=${y + 4} width="1" height="1" />`);
      }
    }
    const side = code.size + 8;
    const { m } = this._i18n.value;
    this.qr = svg`<svg viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img"
      aria-label=${m.deviceSignIn.qrLabel} data-qr=${url}>${cells}</svg>`;
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      ${this.qr}
      <div class="text">
        <p>${m.deviceSignIn.steps}</p>
        <p class="address">${shortAddress(this.verificationUri)}</p>
        <p class="label muted">${m.deviceSignIn.codeLabel}</p>
        <p class="code" role="img" aria-label=${m.deviceSignIn.codeSpoken(spokenCode(this.userCode))}>
          ${this.userCode}
        </p>
        <p class="countdown" role="timer">${m.deviceSignIn.expiresIn(clockText(this.secondsLeft))}</p>
      </div>
    `;
  }
}

customElements.define('mp-device-code', MpDeviceCode);

declare global {
  interface HTMLElementTagNameMap {
    'mp-device-code': MpDeviceCode;
  }
}
