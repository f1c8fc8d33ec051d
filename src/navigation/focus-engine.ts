/**
 * The remote-control navigation engine: arrows move focus geometrically over
 * every navigable element of the app, shadow roots included; OK activates;
 * Back, digits and colour keys reach whoever declared them. Elements opt in
 * with attributes, not code:
 *
 * - `data-nav` makes any element navigable (links, buttons, inputs and
 *   `tabindex>=0` are by default); `data-nav-skip` / `data-nav-skip-tree` leave out.
 * - `data-nav-container` groups elements (menu, content, list, dialog); with
 *   `data-nav-enter="last"` focus re-enters at the element last focused there,
 *   `data-nav-default` marks where to enter otherwise.
 * - A dialog calls `trapFocus(this)` (focus-trap.ts) when it opens: focus
 *   stays inside until it leaves the DOM (Tab too), Back sends it `nav-dismiss`, then focus returns to
 *   the element that opened it.
 * - `data-nav-secondary` marks chrome (a back button) that is not the first
 *   useful element of a screen, `data-nav-secondary="low"` chrome that comes
 *   last (the header); `data-nav-key` names an element so focus can come back
 *   to it (Back restores the opener).
 * - `data-color-key="red|green|yellow|blue"` and `data-digit-key="1"` are
 *   clicked by that key.
 * - A container with a `navStep` method (`NavStepper`) is asked first about
 *   arrows from inside it (a windowed list, whose next row may not be
 *   rendered yet when a fast key arrives, so geometry would skip past it).
 * - After each scroll, the host's `data-nav-scroll-to` holds the scrollTop
 *   that scroll ends at (tests wait for the scroller to reach it).
 *
 * The navigable elements and their boxes are cached between presses and
 * invalidated by any DOM change in the walked trees, resize, font loads and
 * inner scrolling (navigable-cache.ts); a press then measures only the focused
 * element, and a held key moves at most once per frame, so slow TVs never
 * build a backlog.
 */
import { closestComposed, composedContains, composedParent, deepActiveElement, isNavigable } from './dom.js';
import { isTextEntry, keyAction, type Direction, type NavAction } from './key-map.js';
import { NavigableCache, layoutBox, toPage } from './navigable-cache.js';
import { pickNearest, pickNext, type Box } from './spatial.js';

export interface FocusEngineOptions {
  /** Where navigation happens: the app's shadow root (or any element). */
  readonly root: ParentNode;
  /** Receives `nav-updated` / `nav-trap` events from inside (the app element). */
  readonly host: HTMLElement;
  /** Back with no dialog to dismiss. */
  readonly onBack: () => void;
  /** Every key event the engine saw, and what it made of it (QA panel). */
  readonly onKey?: (event: KeyboardEvent, action: NavAction | null) => void;
  /** Hover focuses (a TV's Magic Remote or air mouse); off for desktop mice. The app decides from its device profile. */
  readonly hoverFocuses?: boolean;
  /** True while the customer prefers reduced motion: every scroll is then instant. The app asks its media query. */
  readonly reducedMotion?: () => boolean;
}

/**
 * A container that moves focus between its own items by index. `navStep`
 * returns the element to focus, `null` to drop the press (the next item is
 * not there yet), or `undefined` to let geometry decide (leaving the container).
 */
export interface NavStepper {
  navStep(from: HTMLElement, direction: Direction): HTMLElement | null | undefined;
}

const SAFE_AREA = 0.05;
/** A press this soon after the previous key counts as one of a run of taps (a customer's fast taps are 100-200 ms apart). */
const QUICK_TAP_MS = 250;
/** Room for the focus ring and scale, which grow the element after it is measured. */
const FOCUS_ALLOWANCE = 16;

/** The `[data-nav-container]`s around an element, innermost first, up the composed tree. */
function containers(element: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (
    let c = closestComposed(element, '[data-nav-container]');
    c;
    c = closestComposed(composedParent(c), '[data-nav-container]')
  ) {
    found.push(c);
  }
  return found;
}

function visible(box: Box): boolean {
  return box.right > box.left && box.bottom > box.top;
}

/**
 * True when an arrow leaves a text field: up and down always, left and right
 * only once the caret cannot move further that way (or the field has no caret API, e.g. email).
 */
function leavesField(field: HTMLElement, direction: Direction): boolean {
  try {
    // null for an input without one, undefined for contenteditable; older engines throw instead.
    const { selectionStart: start, selectionEnd: end, value } = field as HTMLInputElement;
    return (
      direction === 'up' ||
      direction === 'down' ||
      start == null ||
      (start === end && (direction === 'left' ? !start : end === value.length))
    );
  } catch {
    return true;
  }
}

/** How far to scroll along one axis so that `start`-`end` lies `margin` inside `low`-`high`; what does not fit shows its start. */
function overflow(start: number, end: number, low: number, high: number, margin: number): number {
  low += margin;
  high -= margin;
  return start < low || end - start > high - low ? start - low : end > high ? end - high : 0;
}

/** Still in the document and still navigable (a remembered element may have gone, or been disabled, since). */
function usable(element: HTMLElement | null | undefined): element is HTMLElement {
  return !!element?.isConnected && isNavigable(element);
}

/**
 * Elements whose own Enter handling we must not duplicate (Enter does not
 * toggle radios or checkboxes). One `:not()` per type: lists inside `:not()`
 * need Chromium 88.
 */
function activatesNatively(element: HTMLElement): boolean {
  return element.matches('a,button,input:not([type=radio]):not([type=checkbox]),select,textarea,summary');
}

export class FocusEngine {
  readonly #options: FocusEngineOptions;
  readonly #memory = new WeakMap<HTMLElement, HTMLElement>();
  /** Open dialogs, innermost last, each with the element that had focus before it. */
  readonly #traps: Array<[element: HTMLElement, opener: HTMLElement | null]> = [];
  #restore?: HTMLElement | null;
  readonly #caches = new Map<ParentNode, NavigableCache>();
  /** Where focus last was, in page coordinates (repair goes to the nearest element). */
  #last?: Box;
  #frameBusy?: boolean;
  #repairQueued?: boolean;
  #lastKeyAt = 0;
  /**
   * After a route change, until the customer moves: the `data-nav-key` to land on,
   * `null` for the first useful element; `undefined` once landed.
   */
  #landing: string | null | undefined;
  /** Text fields the customer has started typing into (OK then submits). */
  readonly #typing = new WeakSet<HTMLElement>();

  constructor(options: FocusEngineOptions) {
    this.#options = options;
  }

  connect(): void {
    this.#listen('addEventListener');
  }

  disconnect(): void {
    for (const cache of this.#caches.values()) cache.dispose();
    this.#caches.clear();
    this.#listen('removeEventListener');
  }

  /**
   * Attaching and detaching in one place, so the two can never disagree.
   * Keys are taken in the document's capture phase, not the window's: the
   * window comes first, and is left to whatever stands in for a remote (the
   * TV simulator's key mapper, a platform's key shim), which then always
   * sees a key before the engine, whichever registered first.
   */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    const host = this.#options.host;
    document[method]('keydown', this.#onKeyDown as EventListener, true);
    window[method]('mousemove', this.#onPointer as EventListener, true);
    window[method]('input', this.#onTyping, true);
    window[method]('pointerdown', this.#onTyping, true);
    host[method]('nav-updated', this.#queueRepair);
    host[method]('nav-trap', this.#onTrap as EventListener);
  }

  /** The open dialog, if any, else the whole app. */
  get scope(): ParentNode {
    const traps = this.#traps;
    // A dialog out of the DOM has closed: its opener gets focus back at the next repair.
    while (traps.length && !traps[traps.length - 1]![0].isConnected) {
      const [element, opener] = traps.pop()!;
      this.#restore = opener;
      this.#caches.get(element)?.dispose();
      this.#caches.delete(element);
    }
    return traps[traps.length - 1]?.[0] ?? this.#options.root;
  }

  /** The name of the focused element, to come back to it later. */
  get focusedKey(): string | null {
    return closestComposed(deepActiveElement(), '[data-nav-key]')?.dataset.navKey ?? null;
  }

  /**
   * After a route change: focus the element named `key` (Back to the opener)
   * or the first useful one, and keep trying as the screen's data arrives,
   * until the customer presses a key.
   */
  land(key: string | null): void {
    this.#landing = key;
    this.#queueRepair();
  }

  /** Moves focus in `direction`; false when nothing lies that way (focus stays). */
  move(direction: Direction, instant = false): boolean {
    const scope = this.scope;
    const active = deepActiveElement();
    if (!this.#inScope(scope, active)) return this.focusFirst(scope);
    // Every container around it records the element focus is about to leave. Done here, at the move,
    // because focus changes inside a shadow tree never reach a window `focusin` listener (the event is
    // retargeted to the same host on both sides and stops), and because focus may have arrived by Tab,
    // click or pointer rather than through the engine.
    for (const container of containers(active)) this.#memory.set(container, active);
    // Asked before anything is measured: a stepping list changes its rows on every press,
    // and re-walking and re-measuring the whole app for a move it decides alone is wasted.
    const stepped = (closestComposed(active, '[data-nav-container]') as Partial<NavStepper> | null)?.navStep?.(
      active,
      direction,
    );
    if (stepped !== undefined) return !stepped || this.#focus(stepped, instant);
    // Measured afresh: the focused element is the one that just moved or scaled.
    const from = (this.#last = toPage(layoutBox(active)));
    // From outside a scroller, only what it shows counts: a card scrolled out of view is not "below".
    const [elements, others] = this.#shown(scope, active, closestComposed(active, '[data-nav-scroller]'));
    const index = pickNext(from, others, direction);
    return index >= 0 && this.#focus(this.#enter(active, elements[index]!, this.#cache(scope).elements), instant);
  }

  /**
   * The screen's first useful element: `data-nav-default`, else the first that
   * is not chrome. Layout is read only for the elements tried, in that order,
   * until one is shown (a screen landing with a thousand rows reads one or two
   * boxes, not all of them).
   */
  focusFirst(scope: ParentNode = this.scope): boolean {
    const elements = this.#cache(scope).elements;
    const rank = (el: HTMLElement): number => {
      const chrome = closestComposed(el, '[data-nav-secondary]');
      return el.hasAttribute('data-nav-default') ? -1 : chrome ? (chrome.dataset.navSecondary === 'low' ? 2 : 1) : 0;
    };
    let target: HTMLElement | undefined;
    for (let wanted = -1; !target && wanted < 3; wanted++) {
      target = elements.find((el) => rank(el) === wanted && visible(el.getBoundingClientRect()));
    }
    return !!target && this.#focus(target, true);
  }

  #cache(scope: ParentNode): NavigableCache {
    let cache = this.#caches.get(scope);
    if (!cache) this.#caches.set(scope, (cache = new NavigableCache(scope)));
    return cache;
  }

  /** The scope's elements on screen (a box with area) but `except`, and their boxes (`own`: as for `NavigableCache.boxes`). */
  #shown(scope: ParentNode, except: HTMLElement | null, own?: Element | null): [HTMLElement[], Box[]] {
    const cache = this.#cache(scope);
    const boxes = cache.boxes(own);
    const elements: HTMLElement[] = [];
    const shown: Box[] = [];
    cache.elements.forEach((element, i) => {
      // No element here has left the DOM: the observer drops the list first (its records arrive
      // before any later task or frame callback).
      if (element !== except && visible(boxes[i]!)) {
        elements.push(element);
        shown.push(boxes[i]!);
      }
    });
    return [elements, shown];
  }

  /** Puts focus back when it was lost (its element removed, the screen replaced). */
  repair(): void {
    const scope = this.scope;
    const active = deepActiveElement();
    const focusedHere = this.#inScope(scope, active);
    const key = this.#landing;
    if (key !== undefined) {
      const named = key && this.#cache(scope).elements.find((el) => el.dataset.navKey === key);
      if (named) {
        this.#focus(named, true);
        this.#landing = undefined;
      } else if (!focusedHere || closestComposed(active, '[data-nav-secondary]')) {
        // Keep landing on the first useful element while the screen fills in.
        this.focusFirst(scope);
      }
      return;
    }
    if (focusedHere) return;
    // A dialog closed: back to the element that opened it.
    const restore = this.#restore;
    this.#restore = null;
    if (usable(restore) && this.#inScope(scope, restore)) {
      this.#focus(restore, true);
      return;
    }
    const [candidates, candidateBoxes] = this.#shown(scope, null);
    const target = this.#last && candidates[pickNearest(this.#last, candidateBoxes)];
    if (target) this.#focus(target, true);
    else this.focusFirst(scope);
  }

  #inScope(scope: ParentNode, element: HTMLElement | null): element is HTMLElement {
    return composedContains(scope instanceof Element ? scope : this.#options.host, element);
  }

  /**
   * Entering containers from outside honours the outermost one being entered
   * (the content area, not only the list inside it): its last focused element
   * if it asks for that, else its default (the first of the scope's `navigable`
   * elements inside it).
   */
  #enter(from: HTMLElement, to: HTMLElement, navigable: HTMLElement[]): HTMLElement {
    const entered = containers(to)
      .filter((c) => !composedContains(c, from))
      .pop();
    if (!entered) return to;
    if (entered.dataset.navEnter === 'last') {
      const remembered = this.#memory.get(entered);
      if (usable(remembered)) return remembered;
    }
    return navigable.find((el) => el.hasAttribute('data-nav-default') && composedContains(entered, el)) ?? to;
  }

  /**
   * Focuses without the browser's own scrolling, then scrolls the nearest
   * scroller so the element sits inside the 5% overscan-safe area. True, for
   * the callers that report a move made.
   */
  #focus(element: HTMLElement, instant: boolean): true {
    // Every read first, then the scroll, then the focus: the focus style would
    // make any later read (or the scroll) lay the page out again, a second
    // layout per press that tapped presses at 6x CPU queued up behind.
    const box = layoutBox(element);
    this.#last = toPage(box);
    let scroller: Element | null = closestComposed(element.parentElement ?? element, '[data-nav-scroller]');
    const viewport = scroller
      ? scroller.getBoundingClientRect()
      : { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    // Inside a scroller, room for the focus ring above and below only (the scroller itself sits inside the safe area).
    const dx = overflow(
      box.left,
      box.right,
      viewport.left,
      viewport.right,
      scroller ? 0 : innerWidth * SAFE_AREA + FOCUS_ALLOWANCE,
    );
    const dy = overflow(
      box.top,
      box.bottom,
      viewport.top,
      viewport.bottom,
      (scroller ? 0 : innerHeight * SAFE_AREA) + FOCUS_ALLOWANCE,
    );
    scroller ??= document.scrollingElement;
    if ((dx || dy) && scroller) {
      // Where this scroll heads (before clamping to the scroll range), for whoever must wait
      // for it (tests): two equal reads of a box do not say a smooth scroll ended, one that
      // has not started yet gives them too.
      const to = scroller.scrollTop + dy;
      // Smooth for a single press; instant while a key is held, so it never lags behind.
      // An absolute goal from where the scroller is now: a relative scrollBy during a
      // smooth scroll adds to that scroll's own goal in some engines (WebKitGTK under
      // load ended a row past the one focused), while `box` was measured here and now.
      scroller.scrollTo({
        left: scroller.scrollLeft + dx,
        top: to,
        behavior: instant || this.#options.reducedMotion?.() ? 'auto' : 'smooth',
      });
      (this.#options.host.dataset as Record<string, unknown>).navScrollTo = to;
    }
    element.focus({ preventScroll: true });
    return true;
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const active = deepActiveElement();
    const typing = isTextEntry(active);
    const action = keyAction(event, typing);
    this.#options.onKey?.(event, action);
    // Any key (Tab too) is the customer taking over from the landing.
    this.#landing = undefined;
    if (!action) return;
    const previousKeyAt = this.#lastKeyAt;
    this.#lastKeyAt = Date.now();

    switch (action.type) {
      case 'move': {
        // In a text field, left/right move the caret.
        if (typing && !leavesField(active!, action.direction)) return;
        event.preventDefault();
        if (event.repeat && this.#frameBusy) return;
        this.#frameBusy = true;
        requestAnimationFrame(() => (this.#frameBusy = false));
        // Taps in quick succession scroll at once, as a held key does: a smooth scroll per
        // tap lags behind focus, and its frames delayed the next tap at 6x CPU (issue 10).
        this.move(action.direction, event.repeat || this.#lastKeyAt - previousKeyAt < QUICK_TAP_MS);
        return;
      }
      case 'ok': {
        if (!active) return;
        // OK on a field starts typing (opens the TV's on-screen keyboard), it does not submit.
        const startsTyping = typing && !this.#typing.has(active);
        if (startsTyping || !activatesNatively(active)) {
          event.preventDefault();
          if (startsTyping) this.#typing.add(active);
          active.click();
        }
        return;
      }
      case 'back': {
        event.preventDefault();
        const trap = this.scope;
        if (trap !== this.#options.root) trap.dispatchEvent(new Event('nav-dismiss'));
        else this.#options.onBack();
        return;
      }
      case 'digit':
      case 'color': {
        const detail = action.type === 'digit' ? String(action.digit) : action.color;
        const claimed = !(active ?? this.#options.host).dispatchEvent(
          new CustomEvent(`nav-${action.type}`, { detail, bubbles: true, composed: true, cancelable: true }),
        );
        // The scope's navigable (so shown) element for that key.
        const target = claimed
          ? null
          : this.#cache(this.scope).elements.find((el) => el.getAttribute(`data-${action.type}-key`) === detail);
        if (claimed || target) event.preventDefault();
        target?.click();
      }
      // Media keys: nothing to do on this page.
    }
  };

  /**
   * A Magic Remote hovering an item focuses it; the next arrow continues from
   * there. A desktop mouse leaves focus alone: there Tab and click move it, and
   * a hover that took focus would turn the next Backspace or Enter typed into a
   * field into Back or a click on whatever the pointer rests on.
   */
  readonly #onPointer = (event: MouseEvent): void => {
    if (!this.#options.hoverFocuses) return;
    // Chromium sends zero-movement mousemoves while content scrolls under a resting pointer.
    if ((!event.movementX && !event.movementY) || Date.now() - this.#lastKeyAt < 300) return;
    const target = (event.composedPath() as Element[]).find(isNavigable);
    const active = deepActiveElement();
    if (!target || isTextEntry(target) || target === active || !this.#inScope(this.scope, target)) return;
    // Even a Magic Remote must not pull focus out of a field being typed in (an on-screen keyboard may be up).
    if (isTextEntry(active)) return;
    this.#landing = undefined;
    target.focus({ preventScroll: true });
  };

  readonly #onTyping = (event: Event): void => {
    const target = event.composedPath()[0] as HTMLElement;
    if (isTextEntry(target)) this.#typing.add(target);
  };

  readonly #onTrap = (event: CustomEvent<HTMLElement>): void => {
    this.#traps.push([event.detail, deepActiveElement()]);
    this.#landing = undefined;
    this.focusFirst(event.detail);
  };

  readonly #queueRepair = (): void => {
    if (this.#repairQueued) return;
    this.#repairQueued = true;
    requestAnimationFrame(() => {
      this.#repairQueued = false;
      this.repair();
    });
  };
}
