/**
 * The benchmark screen, built twice with identical geometry and class names:
 *
 * - `buildShadow()`: what our app looks like to the engine. A grid element
 *   whose shadow root holds 10 row elements, each row's shadow root holds 100
 *   card elements, and each card's button sits in the card's own shadow root
 *   (1,000 cards, three shadow levels deep, like Lit components nested).
 * - `buildLight()`: the same screen with no shadow roots, so that peers that
 *   only use `querySelectorAll` / `document.activeElement` can see the cards.
 *
 * Everything fits inside a 1920x1080 viewport, well inside the overscan-safe
 * area (5% plus the engine's focus allowance), and the page cannot scroll: no
 * engine ever has to scroll, meet an off-screen candidate, or fall back to
 * "scroll instead of move" (the WICG polyfill does that when nothing is
 * visible in the direction). The runner checks that nothing scrolled.
 *
 * Geometry (CSS px): menu column x 200..360, 8 items of 96 px at a 100 px
 * pitch from y 140; grid from x 384, y 140: 40 lines x 25 columns of 48x16
 * cards at a 52x20 pitch (each row element holds 4 lines of 25), so
 * everything lies within x 200..1680, y 140..940. A menu item spans exactly 5
 * card lines; its centre is the centre of the middle one.
 */

import {
  CARDS_PER_ROW,
  COLUMNS,
  MENU_ITEMS,
  ROWS,
  SCROLL_COLUMNS,
  SCROLL_LINES,
  SCROLL_MENU_ITEMS,
  cardId,
  menuId,
} from './geometry.js';

export { cardId, menuId };

/** One stylesheet for the document and every shadow root (adopted, like Lit does). */
export const CSS_TEXT = `
  html, body { margin: 0; overflow: hidden; background: #101418; color: #dde; font: 8px/1 sans-serif; }
  .menu { position: absolute; left: 200px; top: 140px; width: 160px; display: flex; flex-direction: column; gap: 4px; }
  .menu-item { display: block; height: 96px; margin: 0; padding: 0; border: 0; background: #223; color: inherit; font: inherit; }
  .grid { position: absolute; left: 384px; top: 140px; width: 1296px; display: flex; flex-direction: column; gap: 4px; }
  .row { display: grid; grid-template-columns: repeat(${COLUMNS}, 48px); grid-auto-rows: 16px; gap: 4px; }
  .card { display: block; }
  .card-button { display: block; width: 100%; height: 100%; margin: 0; padding: 0; border: 0; background: #2a3038; color: inherit; font: inherit; }
  .menu-item:focus, .card-button:focus { outline: 2px solid #fc0; outline-offset: -2px; background: #445; }
`;

function menu(doc) {
  const column = doc.createElement('div');
  column.className = 'menu';
  for (let i = 0; i < MENU_ITEMS; i++) {
    const item = doc.createElement('button');
    item.className = 'menu-item';
    item.id = menuId(i);
    item.textContent = `Menu ${i}`;
    column.append(item);
  }
  return column;
}

function button(doc, line, column) {
  const el = doc.createElement('button');
  el.className = 'card-button';
  el.id = cardId(line, column);
  el.textContent = `${line}·${column}`;
  return el;
}

const position = (row, k) => [row * (CARDS_PER_ROW / COLUMNS) + Math.floor(k / COLUMNS), k % COLUMNS];

/** Light DOM: div.grid > div.row x10 > div.card x100 > button.card-button. */
export function buildLight(doc = document) {
  const style = doc.createElement('style');
  style.textContent = CSS_TEXT;
  doc.head.append(style);
  const grid = doc.createElement('div');
  grid.className = 'grid';
  for (let r = 0; r < ROWS; r++) {
    const row = doc.createElement('div');
    row.className = 'row';
    for (let k = 0; k < CARDS_PER_ROW; k++) {
      const card = doc.createElement('div');
      card.className = 'card';
      card.append(button(doc, ...position(r, k)));
      row.append(card);
    }
    grid.append(row);
  }
  doc.body.append(menu(doc), grid);
}

/** Plain custom elements: no framework work on the measured path, only shadow roots. */
class BenchHost extends HTMLElement {}
for (const tag of ['bench-grid', 'bench-row', 'bench-card']) {
  if (!customElements.get(tag)) customElements.define(tag, class extends BenchHost {});
}

/** Shadow DOM: bench-grid.grid #shadow > bench-row.row x10 #shadow > bench-card.card x100 #shadow > button.card-button. */
export function buildShadow(doc = document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  doc.adoptedStyleSheets = [sheet];
  const shadowOf = (host) => {
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    return root;
  };
  const grid = doc.createElement('bench-grid');
  grid.className = 'grid';
  const gridRoot = shadowOf(grid);
  for (let r = 0; r < ROWS; r++) {
    const row = doc.createElement('bench-row');
    row.className = 'row';
    const rowRoot = shadowOf(row);
    for (let k = 0; k < CARDS_PER_ROW; k++) {
      const card = doc.createElement('bench-card');
      card.className = 'card';
      shadowOf(card).append(button(doc, ...position(r, k)));
      rowRoot.append(card);
    }
    gridRoot.append(row);
  }
  doc.body.append(menu(doc), grid);
}

/** The element with `id`, looked up through every open shadow root. */
export function deepById(id, root = document) {
  const found = root.getElementById ? root.getElementById(id) : null;
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const inner = deepById(id, el.shadowRoot);
      if (inner) return inner;
    }
  }
  return null;
}

/** The focused element, however many shadow roots deep. */
export function deepActive(doc = document) {
  let active = doc.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active === doc.body || active === doc.documentElement ? null : active;
}

/**
 * The scrolling screen (light DOM only): menu x 100..340, 8 items of 120 px
 * at a 125 px pitch from y 40 (the last ends at 1035); a `[data-nav-scroller]`
 * at x 400..1770, y 40..1040 holding 100 lines x 10 columns of 125x90 cards
 * at a 135x100 pitch. At scrollTop 0 line 9 ends at 1030 and line 10 starts
 * at the scroller's bottom edge, out of view: nothing the customer sees lies
 * below the last menu item.
 */
export const SCROLL_CSS = `
  html, body { margin: 0; overflow: hidden; background: #101418; color: #dde; font: 12px/1 sans-serif; }
  .menu { position: absolute; left: 100px; top: 40px; width: 240px; display: flex; flex-direction: column; gap: 5px; }
  .menu-item { display: block; height: 120px; margin: 0; padding: 0; border: 0; background: #223; color: inherit; font: inherit; }
  .scroller { position: absolute; left: 400px; top: 40px; width: 1370px; height: 1000px; overflow: auto;
    display: grid; grid-template-columns: repeat(${SCROLL_COLUMNS}, 125px); grid-auto-rows: 90px; gap: 10px; align-content: start; }
  .card-button { display: block; margin: 0; padding: 0; border: 0; background: #2a3038; color: inherit; font: inherit; }
  .menu-item:focus, .card-button:focus { outline: 2px solid #fc0; outline-offset: -2px; background: #445; }
`;

export function buildScroll(doc = document) {
  const style = doc.createElement('style');
  style.textContent = SCROLL_CSS;
  doc.head.append(style);
  const column = doc.createElement('div');
  column.className = 'menu';
  for (let i = 0; i < SCROLL_MENU_ITEMS; i++) {
    const item = doc.createElement('button');
    item.className = 'menu-item';
    item.id = menuId(i);
    item.textContent = `Menu ${i}`;
    column.append(item);
  }
  const scroller = doc.createElement('div');
  scroller.className = 'scroller';
  scroller.setAttribute('data-nav-scroller', '');
  for (let line = 0; line < SCROLL_LINES; line++) {
    for (let c = 0; c < SCROLL_COLUMNS; c++) scroller.append(button(doc, line, c));
  }
  doc.body.append(column, scroller);
}

/** `?layout=scroll` or the standard screen. */
export const layoutFromQuery = () =>
  new URLSearchParams(location.search).get('layout') === 'scroll' ? 'scroll' : 'grid';

/** Builds the variant named by `?dom=light|shadow` (default light) and returns its name. */
export function buildFromQuery(doc = document) {
  if (layoutFromQuery() === 'scroll') {
    buildScroll(doc);
    return 'light';
  }
  const dom = new URLSearchParams(location.search).get('dom') === 'shadow' ? 'shadow' : 'light';
  if (dom === 'shadow') buildShadow(doc);
  else buildLight(doc);
  return dom;
}
