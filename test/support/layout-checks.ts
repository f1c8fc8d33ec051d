/** Geometry checks shared by the layout tests: clipped text, words split over lines. */

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
