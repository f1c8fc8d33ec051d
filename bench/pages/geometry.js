/**
 * The benchmark screen's numbers, DOM-free so the Node runner can share them
 * with the pages (bench/pages/layout.js builds the DOM from them).
 */
export const ROWS = 10;
export const CARDS_PER_ROW = 100;
export const COLUMNS = 25;
export const LINES = (ROWS * CARDS_PER_ROW) / COLUMNS; // 40
export const MENU_ITEMS = 8;
export const LINES_PER_MENU_ITEM = LINES / MENU_ITEMS; // 5

export const cardId = (line, column) => `c-${line}-${column}`;
export const menuId = (index) => `m-${index}`;

/** The scrolling screen (`?layout=scroll`): a menu beside 1,000 cards in a 1370x1000 scroller. */
export const SCROLL_COLUMNS = 10;
export const SCROLL_LINES = 100;
export const SCROLL_MENU_ITEMS = 8;
