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
