/**
 * <mp-account-list>: every list of the My Page (devices, payments, viewing
 * history, downloads, favorites). Only the rows near the screen are in the
 * DOM, so 5,000 history entries cost what 50 do on a TV with little memory:
 *
 * - rows sit at `index * pitch` in a container as tall as the whole list;
 *   the pitch is the tallest row measured so far (rows of one list share a
 *   template, so it settles after the first render), and every row is made
 *   that tall: a payment whose title takes two lines on a phone would
 *   otherwise leave its one-line neighbours with uneven gaps between them;
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
 *   last row;
 * - rows are the focus stops, never their actions (issue 13 item 8): Up/Down
 *   always land on a row, so moving down a list never highlights "Delete";
 *   a row's controls are a second stop, reached by Right or OK on the row,
 *   and Left goes back to the row;
 * - the rows scroll inside their own area (`data-nav-scroller`), sized to end
 *   at the bottom of the safe area, so the screen's header and the position
 *   ("12 / 80") above the rows stay on screen; where that area would hold
 *   fewer than three rows (a phone held sideways) the page scrolls instead;
 * - the position is written at once for a single press and at most every
 *   POSITION_INTERVAL_MS while presses come fast, then with its final value.
 *
 * Events: `load-more`, and `row-open` (detail: the item) for rows without controls.
 *
 * It renders into the light DOM: rows live in the owning screen's shadow
 * tree and take that screen's styles.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { closestComposed, collectNavigable } from '../navigation/dom.js';
import type { Direction } from '../navigation/key-map.js';
import type { NavStepper } from '../navigation/focus-engine.js';
import { systemClock, type Clock } from '../time/clock.js';

const OVERSCAN_ROWS = 8;
/**
 * Both windows start and end on multiples of this many rows, so a press that
 * moves focus (and the scroll) by one row moves the window once per block
 * crossed, not on every press. Only the rows that come and go are rendered
 * (the others are guarded), after the press's frame (`_renderSoon`); most of
 * a render is a fixed cost (the style and layout of the list), so smaller
 * blocks cost more in all: 2-row blocks at 6x CPU backed up tapped presses
 * by seconds (issue 10).
 */
const BLOCK_ROWS = 8;
const blockStart = (row: number): number => Math.floor(row / BLOCK_ROWS) * BLOCK_ROWS;
const blockEnd = (row: number): number => Math.ceil(row / BLOCK_ROWS) * BLOCK_ROWS;
const PREFETCH_ROWS = 20;
const INITIAL_PITCH_REM = 5;
/** Below this many rows an inner scroller is worse than scrolling the page. */
const MIN_SCROLLER_ROWS = 3;
/**
 * While presses come faster than this, the position above the rows ("12 / 80")
 * is written once per this many ms, and once more with its final value when
 * they stop. Its text laid out again on every press, 1-2 ms of each tapped
 * press at 6x CPU (issue 10); nobody reads a counter that changes 20 times a
 * second, and a single press still shows its position in its next frame.
 */
export const POSITION_INTERVAL_MS = 250;

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
    rowClass: { type: String, attribute: 'row-class' },
  };

  declare items: readonly T[];
  declare label: string;
  /** More pages exist behind a cursor. */
  declare hasMore: boolean;
  /** The next page is on its way (Down at the last row waits for it). */
  declare loading: boolean;
  declare rowClass: string;
  keyOf: (item: T) => string = () => '';
  /**
   * A row's content. A row is rendered again only when its item, its place or
   * this function changes: a screen passes a new one (an inline arrow) with
   * each of its renders, so whatever else a row shows must be screen state.
   */
  renderRow: (item: T, index: number) => TemplateResult | typeof nothing = () => nothing;
  /** The timers the position's throttle runs on: tests pass one they move by hand. */
  clock: Clock = systemClock;

  private _pitch = 0;
  /** Every row's min-height in px: the tallest row measured (0: not measured at this size yet). */
  private _rowHeight = 0;
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
  /** The inner scroller's height limit in px (0: none, the page scrolls). */
  private _scrollerHeight = 0;
  /** The position last written above the rows ("12 / 80"). */
  private _shownPosition = '';
  /** The interval after a write of the position (on the clock it began on), and whether a press came inside it. */
  private _positionInterval: { clock: Clock; handle: unknown } | null = null;
  private _positionDue = false;
  /** The frame, then the task after it, that moves the window (`_renderSoon`). */
  private _soonFrame = 0;
  private _soonTask = 0;

  /** On the list's container, where the engine asks (the innermost container around focus). */
  private readonly _navStep = (from: HTMLElement, direction: Direction) => this.navStep(from, direction);

  private readonly _onViewport = (): void => {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      const moved = this._computeScrollRange();
      if (!this._rowHeight) return this.requestUpdate();
      if (moved) this._renderSoon();
      this._showPositionSoon();
    });
  };

  /** Another size can make rows shorter: measure them again without the old min-height. */
  private readonly _onResize = (): void => {
    this._rowHeight = 0;
    this._onViewport();
  };

  private readonly _onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element).closest?.('[data-nav-key]');
    this._focusedKey = row?.getAttribute('data-nav-key') ?? null;
    // Focus that arrived by pointer or landing gets its rows of overscan too.
    if (this._computeFocusRange()) this.requestUpdate();
    // The position follows in the next frame, with the scroll: written now, it
    // would change the layout between two presses, and the next one would
    // have to lay the page out again before it could move.
    else this._onViewport();
  };

  /**
   * OK on a focused row (the engine clicks it; detail 0, no pointer) opens its
   * actions: focus moves to its first control. A pointer click on a row's text
   * leaves focus alone: there the controls are clicked directly. A row with no
   * control of its own fires `row-open` (its item as detail) on OK, click or
   * tap: the screen shows its details, so no row takes focus for nothing.
   */
  private readonly _onClick = (event: MouseEvent): void => {
    const row = (event.target as HTMLElement).closest?.<HTMLElement>('li[aria-posinset]');
    if (!row || !this._isRow(row)) return;
    const controls = collectNavigable(row);
    if (!controls.length) {
      const item = this.items[Number(row.getAttribute('aria-posinset')) - 1];
      this.dispatchEvent(new CustomEvent('row-open', { detail: item }));
    } else if (event.detail === 0 && event.target === row) {
      controls[0]!.focus({ preventScroll: true });
    }
  };

  constructor() {
    super();
    this.items = [];
    this.label = '';
    this.hasMore = false;
    this.loading = false;
    this.rowClass = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this._onViewport, { passive: true });
    window.addEventListener('resize', this._onResize);
    this.addEventListener('focusin', this._onFocusIn);
    this.addEventListener('click', this._onClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this._onViewport);
    window.removeEventListener('resize', this._onResize);
    this.removeEventListener('focusin', this._onFocusIn);
    this.removeEventListener('click', this._onClick);
    cancelAnimationFrame(this._frame);
    cancelAnimationFrame(this._soonFrame);
    clearTimeout(this._soonTask);
    this._frame = this._soonFrame = this._soonTask = 0;
    this._positionInterval?.clock.clearTimeout(this._positionInterval.handle);
    this._positionInterval = null;
    this._positionDue = false;
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
    const inWindow = (i: number): boolean =>
      (i >= this._start && i < this._end) || (i >= this._focusStart && i < this._focusEnd);
    for (let i = Math.min(this._start, this._focusStart); i < Math.max(this._end, this._focusEnd); i++) {
      if (inWindow(i)) indices.push(i);
    }
    const focused = this._focusedIndex();
    if (focused >= 0 && focused < count && !inWindow(focused)) indices.push(focused);
    const rowHeight = this._rowHeight ? `min-height:${this._rowHeight}px;` : '';
    const { _pitch: pitch, rowClass, renderRow } = this;
    const limit = this._scrollerHeight ? `max-height:${this._scrollerHeight}px;overflow-y:auto;` : '';
    // The position's text is not bound here: _showPositionSoon writes it (it changes on every press).
    return html`<p class="list-position" aria-hidden="true"></p>
      <div
        class="list-scroller"
        ?data-nav-scroller=${!!this._scrollerHeight}
        style=${limit}
        @scroll=${this._onViewport}
      >
        <ul
          role="list"
          aria-label=${this.label}
          data-nav-container
          data-nav-enter="last"
          .navStep=${this._navStep}
          style="position:relative;height:${count * this._pitch}px"
        >
          ${repeat(
            indices,
            (i) => this.keyOf(this.items[i]!),
            // A row whose item and place are unchanged is not rendered again: moving the window
            // by a block adds and removes a few rows, and re-rendering the other 30 or so was
            // most of what it cost (the screen passes a new renderRow whenever its own state changes).
            (i) =>
              guard(
                [this.items[i], i, count, pitch, rowHeight, rowClass, renderRow],
                () =>
                  html`<li
                    role="listitem"
                    class=${rowClass}
                    data-nav-key=${this.keyOf(this.items[i]!)}
                    tabindex="0"
                    aria-posinset=${i + 1}
                    aria-setsize=${count}
                    style="position:absolute;left:0;right:0;top:${i * pitch}px;box-sizing:border-box;${rowHeight}"
                  >
                    ${renderRow(this.items[i]!, i)}
                  </li>`,
              ),
          )}
        </ul>
      </div>`;
  }

  override updated(): void {
    this._showPositionSoon();
    // Rows of one list share a template: the tallest one seen sets the pitch.
    let tallest = 0;
    for (const row of this.querySelectorAll<HTMLElement>(ROWS)) tallest = Math.max(tallest, row.offsetHeight);
    const pitch = tallest ? tallest + gapPx() : this._pitch;
    if (tallest && (Math.abs(pitch - this._pitch) > 0.5 || Math.abs(tallest - this._rowHeight) > 0.5)) {
      this._pitch = pitch;
      this._rowHeight = tallest;
      this._computeRange();
      this.requestUpdate();
      return;
    }
    const height = this._fitScroller();
    if (Math.abs(height - this._scrollerHeight) > 1) {
      this._scrollerHeight = height;
      this.requestUpdate();
      return;
    }
    this._maybeLoadMore();
  }

  /**
   * Writes the position above the rows straight into its element, outside
   * Lit's template: it changes on every press, and re-rendering the window for
   * it would cost each press a render of every row.
   */
  private _showPosition(): boolean {
    const text = this._position();
    const shown = this.querySelector(':scope > .list-position');
    if (!shown || text === this._shownPosition) return false;
    this._shownPosition = text;
    // The text node's data, not textContent: a new text node each press was a node
    // removed from and added to the layout tree, not only a text to lay out again.
    if (shown.firstChild instanceof Text) shown.firstChild.data = text;
    else shown.textContent = text;
    return true;
  }

  /**
   * The position now if none was written in the last POSITION_INTERVAL_MS,
   * else in the frame after that interval, with the value it has then: fast
   * presses pay for one layout of its text per interval, not one each.
   */
  private _showPositionSoon(): void {
    const open = this._positionInterval;
    if (open?.clock === this.clock) {
      this._positionDue = true;
      return;
    }
    // An interval begun on a clock since replaced never ends on this one.
    open?.clock.clearTimeout(open.handle);
    this._positionInterval = null;
    this._positionDue = false;
    // Only a write opens an interval: the first position a list has is shown with its first rows.
    if (!this._showPosition()) return;
    const { clock } = this;
    const interval = {
      clock,
      handle: clock.setTimeout(() => {
        if (this._positionInterval !== interval) return;
        this._positionInterval = null;
        if (!this._positionDue) return;
        this._positionDue = false;
        // In the next frame, as after a press: written from this task, it would change the layout
        // between two presses (see _onFocusIn).
        this._onViewport();
      }, POSITION_INTERVAL_MS),
    };
    this._positionInterval = interval;
  }

  /** "12 / 80": the focused row (or the first in view) of the rows loaded; "+" while more pages exist. */
  private _position(): string {
    const count = this.items.length;
    if (!count) return '';
    const focused = this._focusedIndex();
    const scroller = this.querySelector<HTMLElement>(':scope > .list-scroller');
    const shown = focused >= 0 ? focused : Math.floor((scroller?.scrollTop ?? 0) / (this._pitch || 1));
    return `${Math.min(shown, count - 1) + 1} / ${count}${this.hasMore ? '+' : ''}`;
  }

  /**
   * The inner scroller's height: from its top to the bottom of the safe area,
   * less what the screen shows below the list (its footer), as if the page
   * were not scrolled. 0 when that leaves too few rows.
   */
  private _fitScroller(): number {
    const scroller = this.querySelector<HTMLElement>(':scope > .list-scroller');
    if (!scroller || !this.isConnected) return 0;
    const main = closestComposed(this, 'main');
    const box = scroller.getBoundingClientRect();
    const below = main ? Math.max(0, main.getBoundingClientRect().bottom - box.bottom) : 0;
    const bottomSafe = innerHeight * 0.05 + 0.6 * rootFontPx();
    const available = Math.floor(innerHeight - bottomSafe - below - (box.top + scrollY));
    const content = scroller.scrollHeight;
    if (available < MIN_SCROLLER_ROWS * this._pitch) return 0;
    // A list shorter than the room needs no scroller, but keeps the limit for when it grows.
    return content <= available && !this._scrollerHeight ? 0 : available;
  }

  private _isRow(row: Element): boolean {
    return row.parentElement?.parentElement?.parentElement === this;
  }

  /**
   * Up/Down from a row of this list to the next row by index (NavStepper).
   * Left/Right, and anything past the first or last row, is left to geometry.
   */
  navStep(from: HTMLElement, direction: Direction): HTMLElement | null | undefined {
    const row = from.closest<HTMLElement>('li[aria-posinset]');
    if (!row || !this._isRow(row)) return undefined;
    if (direction === 'left' || direction === 'right') return this._stepAcross(row, from, direction);
    const index = Number(row.getAttribute('aria-posinset')) - 1;
    const next = index + (direction === 'down' ? 1 : -1);
    if (next < 0) return undefined;
    if (next >= this.items.length) return this.hasMore && this.loading ? null : undefined;
    const key = this.keyOf(this.items[next]!);
    this._focusedKey = key;
    this._focusHint = next;
    // The focus window only: the scroll window follows the scroll, a frame later, without a layout read here.
    const changed = this._computeFocusRange();
    // Rows are in index order, so the next one is nearly always the neighbour: no search of the list's subtree.
    const neighbour = direction === 'down' ? row.nextElementSibling : row.previousElementSibling;
    let target = neighbour?.getAttribute('data-nav-key') === key ? (neighbour as HTMLElement) : this._rowElement(key);
    if (!target) {
      // Rendered now, not next frame: the press is being handled and must land on this row.
      this.requestUpdate();
      this.performUpdate();
      target = this._rowElement(key);
    } else if (changed) {
      this._renderSoon();
    }
    // The row itself, never its action: moving down a list never highlights "Delete".
    return target ?? undefined;
  }

  /**
   * Moves the window in a task after the next frame rather than in the
   * press's own: the row a press goes to is rendered already (the window
   * reaches OVERSCAN_ROWS past focus), so the block that comes into reach
   * can wait until the press is on screen, and a press at 6x CPU costs its
   * move and not a render of rows (issue 10). A key that arrives first and
   * finds its row missing still gets it: navStep renders on the spot.
   */
  private _renderSoon(): void {
    if (this._soonFrame || this._soonTask) return;
    this._soonFrame = requestAnimationFrame(() => {
      this._soonFrame = 0;
      this._soonTask = window.setTimeout(() => {
        this._soonTask = 0;
        this.requestUpdate();
      });
    });
  }

  /** Right: the row, then each of its controls; Left back again, to the row. Past them, geometry. */
  private _stepAcross(row: HTMLElement, from: HTMLElement, direction: 'left' | 'right'): HTMLElement | undefined {
    const stops = [row, ...collectNavigable(row).filter((el) => el !== row)];
    return stops[stops.indexOf(from) + (direction === 'right' ? 1 : -1)];
  }

  private _rowElement(key: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(`${ROWS}[data-nav-key="${CSS.escape(key)}"]`);
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

  /** The rows near the screen and around the focused one; true when that changed. */
  private _computeRange(): boolean {
    const scrolled = this._computeScrollRange();
    return this._computeFocusRange() || scrolled;
  }

  /** The rows near the screen (a layout read); true when that changed. */
  private _computeScrollRange(): boolean {
    const count = this.items.length;
    const pitch = this._pitch || INITIAL_PITCH_REM * rootFontPx();
    // The rows' own top: it moves with the page's scroll and with the inner scroller's.
    const rows = this.isConnected ? (this.querySelector(':scope > .list-scroller > ul') ?? this) : null;
    const top = rows ? rows.getBoundingClientRect().top : 0;
    const start = Math.max(0, Math.min(count, blockStart(Math.floor(-top / pitch) - OVERSCAN_ROWS)));
    const end = Math.max(start, Math.min(count, blockEnd(Math.ceil((innerHeight - top) / pitch) + OVERSCAN_ROWS)));
    const changed = start !== this._start || end !== this._end;
    this._start = start;
    this._end = end;
    return changed;
  }

  /** The rows around the focused one (no layout read); true when that changed. */
  private _computeFocusRange(): boolean {
    const count = this.items.length;
    const focused = this._focusedIndex();
    const focusStart = focused < 0 ? 0 : Math.max(0, Math.min(count, blockStart(focused - OVERSCAN_ROWS)));
    const focusEnd = focused < 0 ? 0 : Math.max(focusStart, Math.min(count, blockEnd(focused + OVERSCAN_ROWS + 1)));
    const changed = focusStart !== this._focusStart || focusEnd !== this._focusEnd;
    this._focusStart = focusStart;
    this._focusEnd = focusEnd;
    return changed;
  }

  private _maybeLoadMore(): void {
    const count = this.items.length;
    if (!this.hasMore || Math.max(this._end, this._focusEnd) < count - PREFETCH_ROWS || this._requestedAt === count)
      return;
    this._requestedAt = count;
    this.dispatchEvent(new Event('load-more'));
  }
}

const ROWS = ':scope > .list-scroller > ul > li';

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
