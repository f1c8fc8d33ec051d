/**
 * The composed tree as the customer sees it: into open shadow roots, through
 * slots. Peer D-pad libraries use querySelectorAll and so never see inside a
 * Lit element; this walk does, without reading layout.
 */

/** Natively focusable and meant for the remote; `data-nav` opts anything else in. */
const FOCUSABLE = 'a[href],button,input:not([type=hidden]),select,textarea,[tabindex]:not([tabindex="-1"]),[data-nav]';

export function isNavigable(element: Element): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.matches(FOCUSABLE) &&
    !(element as HTMLButtonElement).disabled &&
    !element.hasAttribute('data-nav-skip')
  );
}

/**
 * Every navigable element below `root` in the rendered (flat) tree order: a
 * host is walked through its shadow root, a slot through the nodes assigned
 * to it (or its fallback content). Light children of a host are reached only
 * where a slot renders them, exactly as the customer sees them.
 */
export interface WalkHooks {
  /** Every shadow root entered (the cache observes them). */
  shadowRoot(root: ShadowRoot): void;
  /** Every `[data-nav-scroller]` passed, with the one it sits in (the cache listens to its scrolling). */
  scroller(element: Element, outer: Element | null): void;
  /** Every navigable element found, with the `[data-nav-scroller]` nearest above it. */
  found(scroller: Element | null): void;
}

export function collectNavigable(
  root: ParentNode,
  out: HTMLElement[] = [],
  hooks?: WalkHooks,
  scroller: Element | null = null,
): HTMLElement[] {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) visit(child, out, hooks, scroller);
  return out;
}

function visit(element: Element, out: HTMLElement[], hooks: WalkHooks | undefined, scroller: Element | null): void {
  if (element.hasAttribute('hidden') || element.hasAttribute('inert') || element.hasAttribute('data-nav-skip-tree'))
    return;
  if (isNavigable(element)) {
    out.push(element);
    hooks?.found(scroller);
  }
  if (element.hasAttribute('data-nav-scroller')) {
    hooks?.scroller(element, scroller);
    scroller = element;
  }
  if (element instanceof HTMLSlotElement) {
    // What it shows: its assigned nodes, else its fallback content (both flattened).
    // assignedNodes: assignedElements is missing before Chromium 65.
    for (const node of element.assignedNodes({ flatten: true }))
      if (node instanceof Element) visit(node, out, hooks, scroller);
    return;
  }
  if (element.shadowRoot) hooks?.shadowRoot(element.shadowRoot);
  collectNavigable(element.shadowRoot ?? element, out, hooks, scroller);
}

/** The focused element, inside however many shadow roots it sits. */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active && active !== doc.body && active !== doc.documentElement ? active : null;
}

/** The element above a node (text and shadow roots too) in the composed (rendered) tree: slot, light parent, or shadow host. */
export function composedParent(node: Node): Element | null {
  // Text nodes are slotted too; a shadow root's own root node is itself.
  const parent = (node as Element).assignedSlot ?? node.parentElement;
  if (parent) return parent;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function composedContains(ancestor: Element, node: Element | null): boolean {
  for (let current = node; current; current = composedParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** The nearest composed ancestor (or self) matching `selector`. */
export function closestComposed(node: Element | null, selector: string): HTMLElement | null {
  for (let current = node; current; current = composedParent(current)) {
    if (current.matches(selector)) return current as HTMLElement;
  }
  return null;
}
