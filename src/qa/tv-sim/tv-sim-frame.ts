/**
 * The TV screen of the simulator: an <iframe> of exactly the TV's CSS pixel
 * size (so the app lays out as on that TV: its rem follows the viewport
 * height, its focus scrolling keeps to a 5% margin of the viewport), scaled
 * down as a whole to fit the window, with the overscan-safe area drawn over it.
 *
 * It also announces every new document in the frame as early as it can
 * (`tv-frame-window`), so the key mapper is on the frame's window before the
 * first key (see `_watch`).
 */
import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/** The margin a TV may cut off (../shared/tv-platforms.md): 96 x 54 px at 1920x1080. */
export const SAFE_AREA = 0.05;

/** How long to look for a new document in the frame after a navigation started. */
const WATCH_MS = 20_000;

export class TvSimFrame extends LitElement {
  static override properties = {
    src: { type: String },
    width: { type: Number },
    height: { type: Number },
    safeArea: { type: Boolean, attribute: 'safe-area' },
    /** Bumped to load the frame afresh (a new <iframe>: no entry in the tab's history). */
    generation: { type: Number },
    scale: { state: true },
  };

  declare src: string;
  declare width: number;
  declare height: number;
  declare safeArea: boolean;
  declare generation: number;
  declare scale: number;

  private _frame: HTMLIFrameElement | null = null;
  /** The frame's document last announced, or its initial about:blank. */
  private _seen: Document | null = null;
  private _watching = false;
  private readonly _resize = new ResizeObserver(() => this._fit());

  constructor() {
    super();
    this.src = 'about:blank';
    this.width = 1920;
    this.height = 1080;
    this.safeArea = true;
    this.generation = 0;
    this.scale = 1;
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      justify-content: center;
      overflow: hidden;
      min-width: 0;
      min-height: 0;
    }
    .fit {
      position: relative;
      flex: none;
    }
    .screen {
      position: absolute;
      top: 0;
      left: 0;
      transform-origin: 0 0;
      overflow: hidden;
      background: #000;
      box-shadow: 0 0 0 1px #555;
    }
    iframe {
      display: block;
      border: 0;
      width: 100%;
      height: 100%;
    }
    .safe {
      position: absolute;
      inset: calc(var(--safe) * 100%);
      /* Lines stay about 2 screen pixels thick whatever the scale. */
      border: calc(2px / var(--scale)) dashed #ffd400;
      /* What lies outside may be cut off by the TV: tinted, still visible. */
      box-shadow: 0 0 0 100vmax rgba(255, 212, 0, 0.1);
      pointer-events: none;
    }
    .safe span {
      position: absolute;
      bottom: 100%;
      left: 0;
      padding-bottom: calc(4px / var(--scale));
      font:
        calc(12px / var(--scale)) / 1 system-ui,
        sans-serif;
      color: #ffd400;
      white-space: nowrap;
    }
  `;

  /** The <iframe> showing the app; a new one after each reload. */
  get frame(): HTMLIFrameElement | null {
    return this._frame;
  }

  /** Gives the keyboard to the app. */
  focusFrame(): void {
    this._frame?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  override render() {
    const { width, height, scale } = this;
    return html`
      <div class="fit" style="width:${width * scale}px;height:${height * scale}px">
        <div
          class="screen"
          style="width:${width}px;height:${height}px;transform:scale(${scale});--scale:${scale};--safe:${SAFE_AREA}"
        >
          ${keyed(`${this.generation} ${this.src}`, html`<iframe title="TV" src=${this.src} @load=${this._onLoad}></iframe>`)}
          <div class="safe" ?hidden=${!this.safeArea}><span>overscan-safe area (${SAFE_AREA * 100}%)</span></div>
        </div>
      </div>
    `;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Here, not in updated(): the new size renders at its scale in the same update.
    if (changed.has('width') || changed.has('height')) this._fit();
  }

  override updated(): void {
    const frame = this.renderRoot.querySelector('iframe');
    if (frame && frame !== this._frame) {
      this._frame = frame;
      this._seen = frame.contentDocument;
      this._watch();
    }
  }

  private _fit(): void {
    const { clientWidth, clientHeight } = this;
    // Never enlarged: a blurred upscale would hide what a TV shows sharply.
    const scale =
      clientWidth > 0 && clientHeight > 0 ? Math.min(1, clientWidth / this.width, clientHeight / this.height) : 1;
    if (Math.abs(scale - this.scale) > 1e-4) this.scale = scale;
  }

  private readonly _onLoad = (): void => {
    // Where the watch missed the document (it gave up, or it was slower than the page).
    this._check();
    this.dispatchEvent(new Event('tv-frame-load'));
  };

  /**
   * Looks for the frame's next document until it appears. There is no event
   * for "a document was created in this frame", and the frame's `load` comes
   * after the app has started, when a key may already have gone by unmapped.
   * The app's engine listens on the document, after the window's capture
   * phase where the mapper sits, so being first to register does not matter;
   * being there before the first key does, and checking once per task finds
   * the document while it loads. (WebKitGTK can run a cached page's scripts
   * before any such check: a page's own window listener may then come first.)
   * Polling is by MessageChannel: timers are clamped to 4 ms when chained.
   */
  private _watch(): void {
    if (this._watching) return;
    this._watching = true;
    const until = performance.now() + WATCH_MS;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (this._check() || !this.isConnected || performance.now() > until) {
        this._watching = false;
        channel.port1.close();
        return;
      }
      channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  }

  /** True when a new document was found (and announced). */
  private _check(): boolean {
    const doc = this._frame?.contentDocument;
    const win = this._frame?.contentWindow;
    // The initial about:blank is replaced by the first real document; a cross-origin page is not ours to map.
    if (!doc || !win || doc === this._seen || doc.URL === 'about:blank') return false;
    this._seen = doc;
    // The next navigation (a reload by the app, Back leaving it) brings another document.
    win.addEventListener('pagehide', () => this._watch());
    this.dispatchEvent(new CustomEvent<Window>('tv-frame-window', { detail: win }));
    return true;
  }
}

customElements.define('tv-sim-frame', TvSimFrame);

declare global {
  interface HTMLElementTagNameMap {
    'tv-sim-frame': TvSimFrame;
  }
}
