/**
 * The scripted remote-control path every engine walks, and the model of where
 * each press should land on the benchmark screen (bench/pages/layout.js). The
 * path never presses against an edge (every press has exactly one obvious
 * target) and crosses into and out of the menu only from the card line a menu
 * item is centred on, so all four engines should agree press by press; the
 * runner reports any that do not.
 */
import {
  COLUMNS,
  LINES,
  LINES_PER_MENU_ITEM,
  MENU_ITEMS,
  SCROLL_COLUMNS,
  SCROLL_LINES,
  SCROLL_MENU_ITEMS,
  cardId,
  menuId,
} from '../pages/geometry.js';

export const KEYS = {
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
};

export const START = cardId(2, 0);

/** [key, times]: 131 presses through the grid (row-element boundaries included) and the menu. */
const SEGMENTS = [
  ['ArrowRight', 10], // along line 2
  ['ArrowDown', 10], // down to line 12, across two row elements
  ['ArrowLeft', 10], // back to column 0
  ['ArrowLeft', 1], // into the menu: item 2 (lines 10-14)
  ['ArrowDown', 3], // menu item 5
  ['ArrowRight', 1], // out of the menu: line 27 (the centre line of item 5)
  ['ArrowRight', 16],
  ['ArrowUp', 15], // line 12
  ['ArrowRight', 8], // last column
  ['ArrowDown', 20], // line 32
  ['ArrowLeft', 24], // column 0
  ['ArrowLeft', 1], // menu item 6
  ['ArrowUp', 6], // menu item 0
  ['ArrowRight', 1], // line 2, column 0
  ['ArrowRight', 3],
  ['ArrowDown', 2], // ends on card 4-3
];

export const PATH = SEGMENTS.flatMap(([key, times]) => Array(times).fill(key));

/** Short untimed warm-up from START that comes back to START (JIT, caches). */
export const WARMUP = [
  'ArrowRight',
  'ArrowDown',
  'ArrowLeft',
  'ArrowUp',
  'ArrowRight',
  'ArrowDown',
  'ArrowLeft',
  'ArrowUp',
];

/** Where `key` should take focus from element `id`, on this screen. */
export function expectedMove(id, key) {
  const menu = /^m-(\d+)$/.exec(id);
  if (menu) {
    const i = Number(menu[1]);
    if (key === 'ArrowUp' && i > 0) return menuId(i - 1);
    if (key === 'ArrowDown' && i < MENU_ITEMS - 1) return menuId(i + 1);
    if (key === 'ArrowRight') return cardId(i * LINES_PER_MENU_ITEM + Math.floor(LINES_PER_MENU_ITEM / 2), 0);
    throw new Error(`path presses ${key} at the edge from ${id}`);
  }
  const card = /^c-(\d+)-(\d+)$/.exec(id);
  if (!card) throw new Error(`unexpected element ${id}`);
  const [line, column] = [Number(card[1]), Number(card[2])];
  if (key === 'ArrowRight' && column < COLUMNS - 1) return cardId(line, column + 1);
  if (key === 'ArrowLeft')
    return column > 0 ? cardId(line, column - 1) : menuId(Math.floor(line / LINES_PER_MENU_ITEM));
  if (key === 'ArrowUp' && line > 0) return cardId(line - 1, column);
  if (key === 'ArrowDown' && line < LINES - 1) return cardId(line + 1, column);
  throw new Error(`path presses ${key} at the edge from ${id}`);
}

/** The ids the path should visit, one per press. */
export function expectedPath(keys = PATH, start = START) {
  const out = [];
  let at = start;
  for (const key of keys) out.push((at = expectedMove(at, key)));
  return out;
}

/**
 * The scrolling screen (bench/pages/layout.js buildScroll): down the first
 * column to the last line and back, the same in the second, then the menu,
 * with one Down against its end (nothing visible below: focus stays).
 */
export const SCROLL_START = cardId(0, 0);
const SCROLL_SEGMENTS = [
  ['ArrowDown', SCROLL_LINES - 1],
  ['ArrowRight', 1],
  ['ArrowUp', SCROLL_LINES - 1],
  ['ArrowLeft', 1],
  ['ArrowDown', SCROLL_LINES - 1],
  ['ArrowUp', SCROLL_LINES - 1],
  ['ArrowLeft', 1], // menu item 0, beside line 0 (the scroller is back at its top)
  ['ArrowDown', SCROLL_MENU_ITEMS], // the last press stays: the cards below the last item are scrolled out of view
  ['ArrowUp', SCROLL_MENU_ITEMS - 1],
  ['ArrowRight', 1], // line 0
];
export const SCROLL_PATH = SCROLL_SEGMENTS.flatMap(([key, times]) => Array(times).fill(key));
/** The press into the menu: the runner waits for the scroller to come to rest before it (the model assumes its top). */
export const SCROLL_REST_AT = SCROLL_SEGMENTS.slice(0, 6).reduce((n, [, times]) => n + times, 0);

/** Where `key` should take focus from `id` on the scrolling screen (the path's moves only). */
export function expectedScrollMove(id, key) {
  const menu = /^m-(\d+)$/.exec(id);
  if (menu) {
    const i = Number(menu[1]);
    if (key === 'ArrowUp') return menuId(Math.max(0, i - 1));
    if (key === 'ArrowDown') return menuId(Math.min(SCROLL_MENU_ITEMS - 1, i + 1));
    if (key === 'ArrowRight' && i === 0) return cardId(0, 0);
    throw new Error(`scroll path presses ${key} from ${id}`);
  }
  const card = /^c-(\d+)-(\d+)$/.exec(id);
  if (!card) throw new Error(`unexpected element ${id}`);
  const [line, column] = [Number(card[1]), Number(card[2])];
  if (key === 'ArrowRight' && column < SCROLL_COLUMNS - 1) return cardId(line, column + 1);
  if (key === 'ArrowLeft') return column > 0 ? cardId(line, column - 1) : line === 0 ? menuId(0) : null;
  if (key === 'ArrowUp' && line > 0) return cardId(line - 1, column);
  if (key === 'ArrowDown' && line < SCROLL_LINES - 1) return cardId(line + 1, column);
  throw new Error(`scroll path presses ${key} at the edge from ${id}`);
}

export function expectedScrollPath(keys = SCROLL_PATH, start = SCROLL_START) {
  const out = [];
  let at = start;
  for (const key of keys) out.push((at = expectedScrollMove(at, key)));
  return out;
}
