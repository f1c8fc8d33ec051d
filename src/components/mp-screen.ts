/**
 * The frame of every screen: its heading (the screen's name for a screen
 * reader) and a way back to the menu. Where focus lands on arrival is the
 * navigation engine's job (the first useful element).
 */
import { LitElement, css, html } from 'lit';
import { I18nController } from '../i18n/i18n-controller.js';
import { sharedStyles } from '../styles/shared-styles.js';

export class MpScreen extends LitElement {
  static override properties = {
    heading: { type: String },
    backHref: { type: String, attribute: 'back-href' },
    landOnBack: { type: Boolean, attribute: 'land-on-back' },
  };

  declare heading: string;
  /** Empty for the menu, which has nowhere to go back to. */
  declare backHref: string;
  /**
   * Focus lands on Back, not on the screen's first control: for screens whose
   * every control starts something that cannot be taken back (membership).
   */
  declare landOnBack: boolean;

  private readonly _i18n = new I18nController(this);

  constructor() {
    super();
    this.heading = '';
    this.backHref = '#/';
    this.landOnBack = false;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        margin-bottom: var(--mp-chrome-gap, 1.5rem);
      }
      h1 {
        font-size: 1.6rem;
        min-width: 0;
      }
      /* One word: never "戻/る" beside a long heading on a phone. */
      .back {
        flex: none;
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    const { m } = this._i18n.value;
    return html`
      <header>
        ${
          this.backHref
            ? html`<a
                class="button back"
                href=${this.backHref}
                data-nav-secondary
                data-color-key="red"
                ?data-nav-default=${this.landOnBack}
                ><span class="key-hint red" aria-hidden="true"></span>${m.app.back}</a
              >`
            : null
        }
        <h1 tabindex="-1">${this.heading}</h1>
      </header>
      <slot></slot>
    `;
  }
}

customElements.define('mp-screen', MpScreen);

declare global {
  interface HTMLElementTagNameMap {
    'mp-screen': MpScreen;
  }
}
