/**
 * The navigable elements of a scope and their boxes, kept between key presses
 * so a held key on a slow TV does not re-walk the tree and re-measure a
 * thousand elements each time. Only what can have moved is measured again:
 *
 * - a DOM change anywhere in the walked trees (one MutationObserver observes
 *   the scope and every shadow root the walk entered: peers cannot see those)
 *   drops the list and the boxes when it adds or removes elements or touches
 *   an attribute that decides navigability. Text (or an attribute) changing
 *   inside one navigable element re-measures that element alone, and all the
 *   boxes only if its size changed (then others may have moved); any other
 *   change drops the boxes.
 * - Boxes inside a `[data-nav-scroller]` are kept in that scroller's content
 *   coordinates (its scroll offset added back), so its scrolling moves none of
 *   them: a press subtracts the offset it reads then. The page scrolling (which
 *   moves fixed-position elements against the rest), a scroller inside another,
 *   a window resize (media queries, the 10-foot root font size) and web fonts
 *   finishing loading drop the boxes.
 *
 * Boxes are layout boxes (`layoutBox`): a focus scale in transition changes
 * none of them, so a move never depends on when it is read.
 */
import { collectNavigable, composedParent } from './dom.js';
import type { Box } from './spatial.js';

/** Attributes that can make an element (or a subtree) navigable or not. */
const STRUCTURAL = /^(hidden|inert|disabled|tabindex|href|type|slot|data-nav(|-skip|-skip-tree|-scroller))$/;

export class NavigableCache {
  #elements?: HTMLElement[] | null;
  /** Per element, the `[data-nav-scroller]` nearest above it. */
  #scrollerOf: Array<Element | null> = [];
  /** Page coordinates plus the scroll offset of the element's scroller at reading time. */
  #boxes?: Box[] | null;
  readonly #stale = new Set<number>();
  /**
   * Observers stay attached: each root is observed once, and invalidating
   * only sets flags, so a page that changes before every press costs one walk,
   * not one walk plus re-observing every shadow root.
   */
  readonly #observer = new MutationObserver((records) => {
    const elements = this.#elements;
    if (!elements) return;
    for (const { target, attributeName, addedNodes, removedNodes } of records) {
      // The engine's own note of where a scroll heads (on the host, inside the scope on a plain page).
      if (attributeName === 'data-nav-scroll-to') continue;
      // Text nodes coming and going (`textContent =`) change no element's navigability.
      if (STRUCTURAL.test(attributeName!) || [...addedNodes, ...removedNodes].some((n) => n instanceof Element)) {
        return this.#invalidate();
      }
      // The navigable element the change is in (-1: none), up the composed tree.
      let owner = -1;
      for (let node: Node | null = target; node && owner < 0; node = composedParent(node)) {
        owner = elements.indexOf(node as HTMLElement);
      }
      // The element's own attributes may change its margins, which moves others without resizing it.
      if (owner < 0 || (attributeName && elements[owner] === target)) this.#boxes = null;
      else this.#stale.add(owner);
    }
  });
  readonly #observed = new WeakSet<Node>();
  /** Scrollers listened to; true for one with a scroller inside, whose offset alone does not place what that holds. */
  readonly #scrollers = new Map<Element, boolean>();
  readonly #onLayout = (event?: Event): void => {
    if (this.#scrollers.get(event?.target as Element) !== false) this.#boxes = null;
  };

  constructor(private readonly scope: ParentNode) {
    this.#listen('addEventListener');
  }

  dispose(): void {
    this.#invalidate();
    this.#observer.disconnect();
    for (const scroller of this.#scrollers.keys()) scroller.removeEventListener('scroll', this.#onLayout);
    this.#scrollers.clear();
    this.#listen('removeEventListener');
  }

  /** Attaching and detaching in one place, so the two can never disagree. */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    window[method]('resize', this.#onLayout);
    // Capturing: scroll events do not bubble (nor can they be cancelled, so none of these needs `passive`).
    window[method]('scroll', this.#onLayout, true);
    document.fonts?.[method]?.('loadingdone', this.#onLayout);
  }

  #invalidate(): void {
    this.#elements = null;
    this.#boxes = null;
    // Indices of the old list: they name other elements (or none) in the next.
    this.#stale.clear();
  }

  get elements(): HTMLElement[] {
    if (!this.#elements) {
      this.#observe(this.scope as Node);
      const scrollerOf: Array<Element | null> = (this.#scrollerOf = []);
      this.#elements = collectNavigable(this.scope, [], {
        shadowRoot: (root) => this.#observe(root),
        scroller: (element, outer) => {
          if (outer) this.#scrollers.set(outer, true);
          if (this.#scrollers.has(element)) return;
          this.#scrollers.set(element, false);
          element.addEventListener('scroll', this.#onLayout);
        },
        found: (scroller) => scrollerOf.push(scroller),
      });
    }
    return this.#elements;
  }

  /**
   * The boxes in page coordinates now, measured in one pass of layout reads and
   * reused until something moves. Given the scroller focus is in (`null`: none),
   * the boxes in every other scroller are cut to what it shows.
   */
  boxes(own?: Element | null): Box[] {
    const elements = this.elements;
    let boxes = this.#boxes;
    // With no boxes kept, every box is measured below anyway.
    for (const i of boxes ? this.#stale : []) {
      const box = this.#measure(i);
      const old = boxes?.[i];
      // Resized: what comes after it may have moved.
      if (old && box.right - box.left === old.right - old.left && box.bottom - box.top === old.bottom - old.top) {
        boxes![i] = box;
      } else boxes = null;
    }
    this.#stale.clear();
    boxes = this.#boxes = boxes ?? elements.map((_, i) => this.#measure(i));
    // Read once per scroller (elements of one scroller come together in tree order), at its first element.
    let seen: Element | undefined;
    let x: number;
    let y: number;
    let view: Box | null;
    return boxes.map((box, i) => {
      const scroller = this.#scrollerOf[i];
      if (!scroller) return box;
      if (scroller !== seen) {
        seen = scroller;
        x = scroller.scrollLeft;
        y = scroller.scrollTop;
        view = own === undefined || scroller === own ? null : toPage(scroller.getBoundingClientRect());
      }
      box = toPage(box, -x, -y);
      return view
        ? {
            left: Math.max(box.left, view.left),
            top: Math.max(box.top, view.top),
            right: Math.min(box.right, view.right),
            bottom: Math.min(box.bottom, view.bottom),
          }
        : box;
    });
  }

  #measure(i: number): Box {
    const scroller = this.#scrollerOf[i];
    return toPage(
      layoutBox(this.#elements![i]!),
      scrollX + (scroller?.scrollLeft ?? 0),
      scrollY + (scroller?.scrollTop ?? 0),
    );
  }

  #observe(root: Node): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  }
}

/**
 * The element's box without its own transform (a focus scale, possibly mid-transition):
 * the layout, whenever it is read. Only elements whose drawn size differs from
 * their layout size pay for a style read.
 */
export function layoutBox(element: HTMLElement): Box {
  const r = element.getBoundingClientRect();
  if (Math.abs(r.width - element.offsetWidth) < 1 && Math.abs(r.height - element.offsetHeight) < 1) return r;
  const style = getComputedStyle(element);
  // matrix(a, b, c, d, e, f) then the origin's x y (z): every number of both, in order. A 3D
  // transform (matrix3d) is not undone.
  if (!style.transform.startsWith('matrix(')) return r;
  const [a, , , d, e, f, x, y] = (style.transform + style.transformOrigin).match(/[-.\de]+/g)!.map(Number) as [
    number,
    0,
    0,
    number,
    number,
    number,
    number,
    number,
  ];
  // Drawn = origin + scale x (layout - origin) + translation, solved for the layout box.
  const left = r.left - e - x * (1 - a);
  const top = r.top - f - y * (1 - d);
  return { left, top, right: left + r.width / (a || 1), bottom: top + r.height / (d || 1) };
}

/** The box moved by `x`, `y`: by default from viewport to page coordinates. */
export function toPage(box: Box, x: number = scrollX, y: number = scrollY): Box {
  return { left: box.left + x, top: box.top + y, right: box.right + x, bottom: box.bottom + y };
}
