/**
 * "Continue on your phone": a QR code of a URL of this page, so a customer
 * can change the card on a phone instead of typing it with a remote. The URL
 * carries no session and no secret: the phone logs in on its own. The QR
 * library loads only when this element is shown (TVs only).
 */
import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { I18nController } from '../i18n/i18n-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

export class MpPhoneHandoff extends LitElement {
  static override properties = {
    url: { type: String },
    code: { state: true },
  };

  declare url: string;
  declare code: SVGTemplateResult | null;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.url = '';
    this.code = null;
  }

  static override styles = [
    sharedStyles,
    css`
      /* The heading over the code and its text side by side: fits a TV's side column. */
      :host {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.4rem 1rem;
        align-items: start;
      }
      div {
        display: contents;
      }
      h2 {
        font-size: 1.1rem;
        grid-column: 1 / -1;
        grid-row: 1;
      }
      svg {
        width: 6.5rem;
        height: 6.5rem;
        background: #fff;
        grid-row: 2;
      }
      p {
        line-height: 1.25;
      }
    `,
  ];

  override async willUpdate(changed: Map<string, unknown>): Promise<void> {
    if (!changed.has('url') || !this.url) return;
    const { generate } = await import('lean-qr');
    const qr = generate(this.url);
    const cells: SVGTemplateResult[] = [];
    for (let y = 0; y < qr.size; y++) {
      for (let x = 0; x < qr.size; x++)
        if (qr.get(x, y)) cells.push(svg`<rect x=${x + 4} y=${y + 4} width="1" height="1" />`);
    }
    const side = qr.size + 8;
    this.code = svg`<svg viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img" aria-label=${this.url}>${cells}</svg>`;
  }

  override render() {
    const { m } = this._i18n.value;
    return html`
      ${this.code}
      <div>
        <h2>${m.card.phoneHeading}</h2>
        <p>${m.card.phoneBody}</p>
      </div>
    `;
  }
}

customElements.define('mp-phone-handoff', MpPhoneHandoff);

declare global {
  interface HTMLElementTagNameMap {
    'mp-phone-handoff': MpPhoneHandoff;
  }
}
