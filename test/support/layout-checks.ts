/** Geometry checks shared by the layout tests: the safe area, clipped text, words split over lines. */
import { expect } from '@open-wc/testing';
import { describeElement } from './keys.js';

/** A box named for the assertion messages, so a miss says which element it was. */
export interface NamedBox {
  readonly what: string;
  readonly rect: DOMRect;
}

/** The 5% overscan-safe area of a `width` x `height` TV screen. */
export function safeArea(width: number, height: number) {
  return { left: width * 0.05, right: width * 0.95, top: height * 0.05, bottom: height * 0.95 };
}

/** Every visible (non-empty) box of the elements matching `selector` under `root`, through shadow roots. */
export function visibleBoxes(root: ParentNode, selector: string): NamedBox[] {
  return allElements(root)
    .filter((el) => el.matches(selector))
    .map((el) => ({ what: describeElement(el), rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width && rect.height);
}

/** Each box inside the safe area, within a pixel (sub-pixel layout). */
export function expectInsideSafeArea(boxes: readonly NamedBox[], width: number, height: number): void {
  const safe = safeArea(width, height);
  for (const { what, rect } of boxes) {
    expect(rect.left, `${what} left`).to.be.at.least(safe.left - 1);
    expect(rect.right, `${what} right`).to.be.at.most(safe.right + 1);
    expect(rect.top, `${what} top`).to.be.at.least(safe.top - 1);
    expect(rect.bottom, `${what} bottom`).to.be.at.most(safe.bottom + 1);
  }
}

/** Every element under `root` (through shadow roots). */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (node: ParentNode): void => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/**
 * Elements whose text is cut: an ellipsis or a hidden overflow with more
 * content than room (horizontally, or a hidden line vertically).
 */
export function clippedTexts(root: ParentNode): string[] {
  const clipped: string[] = [];
  for (const el of allElements(root)) {
    if (!(el instanceof HTMLElement) || !el.getClientRects().length || !el.textContent!.trim()) continue;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
    if (!clips) continue;
    // Vertically a hidden line is a whole line more: glyphs taller than the line box (Firefox counts them) are not.
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.35;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + lineHeight / 2) {
      clipped.push(`${el.localName}.${el.className}: "${el.textContent!.trim().slice(0, 40)}"`);
    }
  }
  return clipped;
}

/** The text node of `element` (or a descendant) that contains `word`, and where. */
function findWord(element: Node, word: string): { node: Text; start: number } | null {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const start = node.data.indexOf(word);
    if (start >= 0) return { node, start };
  }
  return null;
}

/** How many lines `word` takes inside `element` (1 = never split); 0 when it is not there. */
export function linesOf(element: Node, word: string): number {
  const found = findWord(element, word);
  if (!found) return 0;
  const range = document.createRange();
  range.setStart(found.node, found.start);
  range.setEnd(found.node, found.start + word.length);
  return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
}
