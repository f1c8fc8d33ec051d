/**
 * Everything the page could show or announce: text, every attribute value
 * and every form value, in the document and in every open shadow root,
 * however deeply nested. A leak test that searched only the light DOM could
 * not fail for a Lit app.
 *
 * `<script>` elements are skipped: nothing in one is shown or announced, and
 * the runner's own inline script carries random ids (the session id, the CSP
 * nonce) that once held "660", a value of Hanako's, and failed a whole file.
 * Lit cannot render a working `<script>`, so the app has none to search.
 */
export function pageStrings(root: Node = document): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent) out.push(node.textContent);
      return;
    }
    if (node instanceof Element) {
      if (node instanceof HTMLScriptElement) return;
      for (const attribute of Array.from(node.attributes)) out.push(attribute.value);
      if (
        node instanceof HTMLInputElement ||
        node instanceof HTMLTextAreaElement ||
        node instanceof HTMLSelectElement
      ) {
        out.push(node.value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return out;
}

export function pageText(root: Node = document): string {
  return pageStrings(root).join('\n');
}

/** The values from `candidates` that appear anywhere on the page. */
export function foundOnPage(candidates: readonly string[], root: Node = document): string[] {
  const text = pageText(root);
  return candidates.filter((value) => value.length > 0 && text.includes(value));
}

/** Every string leaf of a JSON-like value: the fingerprint of a payload. */
export function stringLeaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((item) => stringLeaves(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringLeaves(item, out));
  return out;
}
