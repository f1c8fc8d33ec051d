/**
 * The TV simulator (tv-sim.html): the app framed at a TV's size, with a
 * desktop keyboard standing in for the remote, for QA without an emulator.
 * Dev server and QA build only (`vite build --mode qa`); never in dist/.
 */
import { LitElement, css, html } from 'lit';
import './tv-sim-frame.js';
import type { TvSimFrame } from './tv-sim-frame.js';
import { TvKeyMapper, keyLegend, type KeyReport } from './tv-key-mapper.js';
import {
  RESOLUTIONS,
  frameUrl,
  readSettings,
  resolutionOf,
  writeSettings,
  type Platform,
  type SimSettings,
} from './sim-settings.js';

const PLATFORMS: Readonly<Record<Platform, string>> = { tizen: 'Tizen (Samsung)', webos: 'webOS (LG)' };

export function describeReport(report: KeyReport | null): string {
  if (!report) return '—';
  const from = `${report.from || '(no key)'} (${report.fromCode})`;
  if (report.problem === 'late') return `${from} → taken by the app as a desktop key: reload the frame`;
  if (!report.to) return `${from} → as is`;
  return `${from} → ${report.to.label} (${report.to.keyCode}, ${report.to.key})`;
}

export class TvSimPage extends LitElement {
  static override properties = {
    settings: { state: true },
    generation: { state: true },
    lastKey: { state: true },
  };

  declare settings: SimSettings;
  declare generation: number;
  declare lastKey: KeyReport | null;

  /** The app's URL, fixed at each (re)load: later hash changes happen inside the frame. */
  private _src: string;
  private _detach: (() => void) | null = null;
  private readonly _mapper = new TvKeyMapper({
    platform: () => this.settings.platform,
    onKey: (report) => {
      if (report.type === 'keydown') this.lastKey = report;
      else this._syncHash();
    },
  });

  constructor() {
    super();
    this.settings = readSettings(location.search);
    this.generation = 0;
    this.lastKey = null;
    this._src = frameUrl(location.href);
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      font:
        14px/1.3 system-ui,
        sans-serif;
      color: #e8eaf0;
      background: #23262e;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 16px;
      padding: 6px 12px;
      background: #111318;
      border-bottom: 1px solid #3a3f4b;
    }
    h1 {
      font-size: 14px;
      margin: 0;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    output {
      font-family: ui-monospace, monospace;
      min-width: 28ch;
    }
    .legend {
      color: #a8adbb;
      font-size: 12px;
    }
    tv-sim-frame {
      flex: 1;
      margin: 8px;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    // Keys pressed while the simulator's own page has focus: on to the app.
    window.addEventListener('keydown', this._onPageKey, true);
    window.addEventListener('keyup', this._onPageKey, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onPageKey, true);
    window.removeEventListener('keyup', this._onPageKey, true);
    this._detach?.();
    this._detach = null;
  }

  override render() {
    const { settings } = this;
    const { width, height } = resolutionOf(settings);
    return html`
      <form @change=${this._onChange} @submit=${(event: Event) => event.preventDefault()}>
        <h1>TV simulator</h1>
        <label
          >Screen
          <select name="res">
            ${Object.entries(RESOLUTIONS).map(
              ([res, size]) =>
                html`<option value=${res} ?selected=${res === settings.res}>${size.width}x${size.height}</option>`,
            )}
          </select>
        </label>
        <label
          >Remote
          <select name="platform">
            ${Object.entries(PLATFORMS).map(
              ([platform, name]) =>
                html`<option value=${platform} ?selected=${platform === settings.platform}>${name}</option>`,
            )}
          </select>
        </label>
        <label><input type="checkbox" name="safe" .checked=${settings.safeArea} /> Safe area</label>
        <button type="button" @click=${this._reload}>Reload app</button>
        <label>Last key <output aria-live="polite">${describeReport(this.lastKey)}</output></label>
        <span class="legend"
          >${keyLegend(settings.platform)
            .map(([from, to]) => `${from} = ${to.label} ${to.keyCode}`)
            .join(' · ')}
          · arrows, Enter, digits as they are</span
        >
      </form>
      <tv-sim-frame
        .src=${this._src}
        .width=${width}
        .height=${height}
        .safeArea=${settings.safeArea}
        .generation=${this.generation}
        @tv-frame-window=${this._onFrameWindow}
        @tv-frame-load=${this._onFrameLoad}
      ></tv-sim-frame>
    `;
  }

  private get _frame(): TvSimFrame | null {
    return this.renderRoot.querySelector('tv-sim-frame');
  }

  private readonly _onChange = (event: Event): void => {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.settings = {
      res: String(data.get('res')),
      platform: data.get('platform') === 'webos' ? 'webos' : 'tizen',
      safeArea: data.has('safe'),
    };
    history.replaceState(history.state, '', `${writeSettings(location.search, this.settings)}${location.hash}`);
    // The keyboard belongs to the app again; arrows would otherwise change the select.
    this._frame?.focusFrame();
  };

  private readonly _reload = (): void => {
    this._syncHash();
    this._src = frameUrl(location.href);
    this.generation += 1;
  };

  private readonly _onFrameWindow = (event: CustomEvent<Window>): void => {
    this._detach?.();
    const win = event.detail;
    const detachKeys = this._mapper.attach(win);
    const sync = () => this._syncHash();
    win.addEventListener('hashchange', sync);
    this._detach = () => {
      detachKeys();
      win.removeEventListener('hashchange', sync);
    };
  };

  private readonly _onFrameLoad = (): void => {
    this._syncHash();
    this._frame?.focusFrame();
  };

  /** The app's route into this page's URL, so a copied link opens the same screen. */
  private _syncHash(): void {
    let hash: string;
    try {
      hash = this._frame?.frame?.contentWindow?.location.hash ?? location.hash;
    } catch {
      return; // the frame left for another origin
    }
    if (hash !== location.hash)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  private readonly _onPageKey = (event: KeyboardEvent): void => {
    const win = this._frame?.frame?.contentWindow;
    if (!win) return;
    // Tab, Space and arrows on the toolbar's controls are the toolbar's; the remote's stand-in keys never are.
    const onControl = event
      .composedPath()
      .some((node) => node instanceof HTMLElement && node.matches('select, input, button'));
    if (onControl && !['F1', 'F2', 'F3', 'F4', 'Escape'].includes(event.key)) return;
    try {
      this._mapper.forward(event, win);
    } catch {
      return; // the frame left for another origin
    }
    if (event.type === 'keydown') this._frame?.focusFrame();
  };
}

customElements.define('tv-sim-page', TvSimPage);

declare global {
  interface HTMLElementTagNameMap {
    'tv-sim-page': TvSimPage;
  }
}
