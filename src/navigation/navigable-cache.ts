/**
 * The navigable elements of a scope and their boxes, kept between key presses
 * so a held key on a slow TV does not re-walk the tree and re-measure a
 * thousand elements each time. Anything that can add, remove or move
 * elements invalidates them:
 *
 * - a DOM change anywhere in the walked trees (one MutationObserver observes
 *   the scope and every shadow root the walk entered: peers cannot see those)
 *   drops the list and the boxes when it adds or removes elements or touches
 *   an attribute that decides navigability, and only the boxes otherwise;
 * - a window resize (media queries, the 10-foot root font size), web fonts
 *   finishing loading, and any scroll (the page, a `[data-nav-scroller]`;
 *   fixed-position dialogs move against the page) drop the boxes.
 *
 * What it cannot see (a CSS animation moving things) is why the engine still
 * measures the focused element afresh on every press.
 */
import { collectNavigable } from './dom.js';
import type { Box } from './spatial.js';

/** Attributes that can make an element (or a subtree) navigable or not. */
const STRUCTURAL = new Set([
  'hidden',
  'inert',
  'disabled',
  'tabindex',
  'href',
  'type',
  'slot',
  'data-nav',
  'data-nav-skip',
  'data-nav-skip-tree',
  'data-nav-scroller',
]);

export class NavigableCache {
  #elements: HTMLElement[] | null = null;
  #boxes: Box[] | null = null;
  /**
   * Observers stay attached: each root is observed once, and invalidating
   * only sets flags, so a page that changes before every press costs one walk,
   * not one walk plus re-observing every shadow root.
   */
  readonly #observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList' || (record.type === 'attributes' && STRUCTURAL.has(record.attributeName!))) {
        this.invalidate();
        return;
      }
    }
    // Text and cosmetic attributes move things but change no element's navigability.
    this.#boxes = null;
  });
  readonly #observed = new WeakSet<Node>();
  readonly #scrollers = new Set<Element>();
  readonly #onLayout = (): void => {
    this.#boxes = null;
  };

  constructor(private readonly scope: ParentNode) {
    window.addEventListener('resize', this.#onLayout);
    window.addEventListener('scroll', this.#onLayout, { capture: true, passive: true });
    document.fonts?.addEventListener?.('loadingdone', this.#onLayout);
  }

  dispose(): void {
    this.invalidate();
    this.#observer.disconnect();
    for (const scroller of this.#scrollers) scroller.removeEventListener('scroll', this.#onLayout);
    this.#scrollers.clear();
    window.removeEventListener('resize', this.#onLayout);
    window.removeEventListener('scroll', this.#onLayout, { capture: true });
    document.fonts?.removeEventListener?.('loadingdone', this.#onLayout);
  }

  invalidate(): void {
    this.#elements = null;
    this.#boxes = null;
  }

  get elements(): HTMLElement[] {
    if (!this.#elements) {
      this.#observe(this.scope as Node);
      this.#elements = collectNavigable(this.scope, [], {
        shadowRoot: (root) => this.#observe(root),
        scroller: (element) => this.#watchScroller(element),
      });
    }
    return this.#elements;
  }

  /** One pass of layout reads for every element (page coordinates), reused until something moves. */
  get boxes(): Box[] {
    if (!this.#boxes) {
      const x = scrollX;
      const y = scrollY;
      this.#boxes = this.elements.map((element) => toPage(element.getBoundingClientRect(), x, y));
    }
    return this.#boxes;
  }

  #observe(root: Node): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  }

  #watchScroller(scroller: Element): void {
    if (this.#scrollers.has(scroller)) return;
    this.#scrollers.add(scroller);
    scroller.addEventListener('scroll', this.#onLayout, { passive: true });
  }
}

export function toPage(rect: Box, x: number = scrollX, y: number = scrollY): Box {
  return { left: rect.left + x, top: rect.top + y, right: rect.right + x, bottom: rect.bottom + y };
}
