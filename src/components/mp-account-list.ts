/**
 * <mp-account-list>: every list of the My Page (devices, payments, viewing
 * history, downloads, favorites). Only the rows near the screen are in the
 * DOM, so 5,000 history entries cost what 50 do on a TV with little memory:
 *
 * - rows sit at `index * pitch` in a container as tall as the whole list;
 *   the pitch is the tallest row measured so far (rows of one list share a
 *   template, so it settles after the first render);
 * - the window follows the page's scroll position and, separately, the
 *   focused row, each with some rows of overscan; the scroll lags behind
 *   focus (smooth scrolling, a busy TV), so following it alone left fast
 *   presses without a next row to go to;
 * - Up/Down between its rows go by index, not geometry (the engine asks the
 *   container around focus first: `NavStepper`): the next row is rendered on
 *   the spot if needed, so every press moves exactly one row however fast
 *   keys come, and focus leaves the list only past its first or last row; at
 *   the last loaded row while the next page is loading, the press is dropped
 *   rather than sent to the "load more" button below;
 * - the focused row is always rendered, even when scrolled far away, so
 *   recycling rows never drops focus (the known failure of virtualizers);
 * - when the window or focus nears the end of what is loaded it fires
 *   `load-more`, so the next cursor page arrives before focus reaches the
 *   last row.
 *
 * It renders into the light DOM: rows live in the owning screen's shadow
 * tree and take that screen's styles.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { collectNavigable } from '../navigation/dom.js';
import type { Direction } from '../navigation/key-map.js';
import type { NavStepper } from '../navigation/focus-engine.js';

const OVERSCAN_ROWS = 8;
const PREFETCH_ROWS = 20;
const INITIAL_PITCH_REM = 5;

// A template cannot name T, so the element its tag stands for takes rows of any type: lit-analyzer
// then checks a screen's `.keyOf`/`.renderRow` bindings by arity and result (with `unknown`, no row
// type could be bound at all).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export class MpAccountList<T = any> extends LitElement implements NavStepper {
  static override properties = {
    items: { attribute: false },
    label: { type: String },
    hasMore: { type: Boolean, attribute: 'has-more' },
    loading: { type: Boolean },
    focusableRows: { type: Boolean, attribute: 'focusable-rows' },
    rowClass: { type: String, attribute: 'row-class' },
  };

  declare items: readonly T[];
  declare label: string;
  /** More pages exist behind a cursor. */
  declare hasMore: boolean;
  /** The next page is on its way (Down at the last row waits for it). */
  declare loading: boolean;
  /** Rows without a control of their own are focusable themselves. */
  declare focusableRows: boolean;
  declare rowClass: string;
  keyOf: (item: T) => string = () => '';
  renderRow: (item: T, index: number) => TemplateResult | typeof nothing = () => nothing;

  private _pitch = 0;
  private _start = 0;
  private _end = 0;
  /** The rows around the focused one (empty when focus is elsewhere). */
  private _focusStart = 0;
  private _focusEnd = 0;
  /** Where the focused row was last seen, to find it without scanning every item. */
  private _focusHint = -1;
  private _focusedKey: string | null = null;
  private _frame = 0;
  private _requestedAt = -1;

  /** On the list's container, where the engine asks (the innermost container around focus). */
  private readonly _navStep = (from: HTMLElement, direction: Direction) => this.navStep(from, direction);

  private readonly _onViewport = (): void => {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      if (this._computeRange()) this.requestUpdate();
    });
  };

  private readonly _onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element).closest?.('[data-nav-key]');
    this._focusedKey = row?.getAttribute('data-nav-key') ?? null;
    // Focus that arrived by pointer or landing gets its rows of overscan too.
    if (this._computeRange()) this.requestUpdate();
  };

  constructor() {
    super();
    this.items = [];
    this.label = '';
    this.hasMore = false;
    this.loading = false;
    this.focusableRows = false;
    this.rowClass = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this._onViewport, { passive: true });
    window.addEventListener('resize', this._onViewport);
    this.addEventListener('focusin', this._onFocusIn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this._onViewport);
    window.removeEventListener('resize', this._onViewport);
    this.removeEventListener('focusin', this._onFocusIn);
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('items')) {
      if (!this._pitch) this._pitch = INITIAL_PITCH_REM * rootFontPx();
      this._computeRange();
      if (this.items.length < this._requestedAt) this._requestedAt = -1;
    }
  }

  override render() {
    const count = this.items.length;
    const indices: number[] = [];
    const inWindow = (i: number): boolean => (i >= this._start && i < this._end) || (i >= this._focusStart && i < this._focusEnd);
    for (let i = Math.min(this._start, this._focusStart); i < Math.max(this._end, this._focusEnd); i++) {
      if (inWindow(i)) indices.push(i);
    }
    const focused = this._focusedIndex();
    if (focused >= 0 && focused < count && !inWindow(focused)) indices.push(focused);
    return html`<ul role="list" aria-label=${this.label} data-nav-container data-nav-enter="last" .navStep=${this._navStep}
      style="position:relative;height:${count * this._pitch}px">
      ${repeat(
        indices,
        (i) => this.keyOf(this.items[i]!),
        (i) => html`<li role="listitem" class=${this.rowClass} data-nav-key=${this.keyOf(this.items[i]!)}
          tabindex=${ifDefined(this.focusableRows ? 0 : undefined)} aria-posinset=${i + 1} aria-setsize=${count}
          style="position:absolute;left:0;right:0;top:${i * this._pitch}px">${this.renderRow(this.items[i]!, i)}</li>`,
      )}
    </ul>`;
  }

  override updated(): void {
    // Rows of one list share a template: the tallest one seen sets the pitch.
    let tallest = 0;
    for (const row of this.querySelectorAll<HTMLElement>(':scope > ul > li')) tallest = Math.max(tallest, row.offsetHeight);
    const pitch = tallest ? tallest + gapPx() : this._pitch;
    if (Math.abs(pitch - this._pitch) > 0.5 && tallest) {
      this._pitch = pitch;
      this._computeRange();
      this.requestUpdate();
      return;
    }
    this._maybeLoadMore();
  }

  /**
   * Up/Down from a row of this list to the next row by index (NavStepper).
   * Left/Right, and anything past the first or last row, is left to geometry.
   */
  navStep(from: HTMLElement, direction: Direction): HTMLElement | null | undefined {
    if (direction !== 'up' && direction !== 'down') return undefined;
    const row = from.closest('li[aria-posinset]');
    if (!row || row.parentElement?.parentElement !== this) return undefined;
    const index = Number(row.getAttribute('aria-posinset')) - 1;
    const next = index + (direction === 'down' ? 1 : -1);
    if (next < 0) return undefined;
    if (next >= this.items.length) return this.hasMore && this.loading ? null : undefined;
    const key = this.keyOf(this.items[next]!);
    this._focusedKey = key;
    this._focusHint = next;
    const changed = this._computeRange();
    let target = this._rowElement(key);
    if (!target) {
      // Rendered now, not next frame: the press is being handled and must land on this row.
      this.requestUpdate();
      this.performUpdate();
      target = this._rowElement(key);
    } else if (changed) {
      this.requestUpdate();
    }
    if (!target) return undefined;
    if (this.focusableRows) return target;
    // The control in the same place as the one focus leaves (rows share a template).
    const controls = collectNavigable(target);
    const place = collectNavigable(row).indexOf(from);
    return controls[Math.min(Math.max(place, 0), controls.length - 1)] ?? target;
  }

  private _rowElement(key: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`:scope > ul > li[data-nav-key="${CSS.escape(key)}"]`);
  }

  private _focusedIndex(): number {
    if (this._focusedKey === null) return -1;
    const key = this._focusedKey;
    const hint = this._focusHint;
    if (hint >= 0 && hint < this.items.length && this.keyOf(this.items[hint]!) === key) return hint;
    // Only the focused row needs this lookup, and only while it is out of the window.
    // The window may still be the one of a longer list (a row was just removed).
    const end = Math.min(this._end, this.items.length);
    for (let i = this._start; i < end; i++) if (this.keyOf(this.items[i]!) === key) return (this._focusHint = i);
    return (this._focusHint = this.items.findIndex((item) => this.keyOf(item) === key));
  }

  /** The rows near the screen; true when that changed. */
  private _computeRange(): boolean {
    const count = this.items.length;
    const pitch = this._pitch || INITIAL_PITCH_REM * rootFontPx();
    const top = this.isConnected ? this.getBoundingClientRect().top : 0;
    const first = Math.floor(-top / pitch) - OVERSCAN_ROWS;
    const last = Math.ceil((innerHeight - top) / pitch) + OVERSCAN_ROWS;
    const start = Math.max(0, Math.min(count, first));
    const end = Math.max(start, Math.min(count, last));
    const focused = this._focusedIndex();
    const focusStart = focused < 0 ? 0 : Math.max(0, Math.min(count, focused - OVERSCAN_ROWS));
    const focusEnd = focused < 0 ? 0 : Math.max(focusStart, Math.min(count, focused + OVERSCAN_ROWS + 1));
    const changed =
      start !== this._start || end !== this._end || focusStart !== this._focusStart || focusEnd !== this._focusEnd;
    this._start = start;
    this._end = end;
    this._focusStart = focusStart;
    this._focusEnd = focusEnd;
    return changed;
  }

  private _maybeLoadMore(): void {
    const count = this.items.length;
    if (!this.hasMore || Math.max(this._end, this._focusEnd) < count - PREFETCH_ROWS || this._requestedAt === count) return;
    this._requestedAt = count;
    this.dispatchEvent(new Event('load-more'));
  }
}

function rootFontPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** The space between rows: 0.6rem. */
function gapPx(): number {
  return 0.6 * rootFontPx();
}

customElements.define('mp-account-list', MpAccountList);

declare global {
  interface HTMLElementTagNameMap {
    'mp-account-list': MpAccountList;
  }
  /** The list's `<ul>` carries `.navStep`, where the engine asks (declared so lit-analyzer checks the binding). */
  interface HTMLUListElement {
    navStep?: NavStepper['navStep'];
  }
}
