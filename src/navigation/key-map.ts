/**
 * One map from the key events of every platform we run on to what they mean
 * here (sources: ../shared/tv-platforms.md). Everything else is not ours.
 */

export type Direction = 'up' | 'down' | 'left' | 'right';
export type ColorKey = 'red' | 'green' | 'yellow' | 'blue';

export type NavAction =
  | { readonly type: 'move'; readonly direction: Direction }
  | { readonly type: 'ok' }
  | { readonly type: 'back' }
  | { readonly type: 'digit'; readonly digit: number }
  | { readonly type: 'color'; readonly color: ColorKey }
  /** Play, pause, stop, rewind, fast-forward: nothing to do on this page, and nothing is broken by them. */
  | { readonly type: 'media' };

const ARROWS: Record<number, Direction> = { 37: 'left', 38: 'up', 39: 'right', 40: 'down' };
const ARROW_KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowUp: 'up',
  ArrowRight: 'right',
  ArrowDown: 'down',
  Left: 'left',
  Up: 'up',
  Right: 'right',
  Down: 'down',
};
/** Tizen 10009, webOS and HbbTV 461, Fire TV 4. */
const BACK_CODES = new Set([10009, 461, 4]);
const BACK_KEYS = new Set(['Escape', 'Esc', 'BrowserBack', 'GoBack', 'XF86Back']);
const COLOR_CODES: Record<number, ColorKey> = { 403: 'red', 404: 'green', 405: 'yellow', 406: 'blue' };
const COLOR_KEYS: Record<string, ColorKey> = {
  ColorF0Red: 'red',
  ColorF1Green: 'green',
  ColorF2Yellow: 'yellow',
  ColorF3Blue: 'blue',
};
/** Tizen / webOS / HbbTV VCR keys, Android TV media keys. */
const MEDIA_CODES = new Set([415, 19, 413, 417, 412, 10252, 179, 227, 228, 250]);

/** True while the customer is typing into a text field (Backspace then deletes). */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(
      element.type,
    );
  }
  return (element as HTMLElement).isContentEditable === true;
}

export function keyAction(event: KeyboardEvent, typing: boolean): NavAction | null {
  const code = event.keyCode;
  const key = event.key;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;

  const direction = ARROW_KEYS[key] ?? ARROWS[code];
  if (direction) return { type: 'move', direction };
  if (key === 'Enter' || code === 13) return { type: 'ok' };
  if (BACK_CODES.has(code) || BACK_KEYS.has(key) || code === 27) return { type: 'back' };
  if ((key === 'Backspace' || code === 8) && !typing) return { type: 'back' };

  const color = COLOR_KEYS[key] ?? COLOR_CODES[code];
  if (color) return { type: 'color', color };
  if (MEDIA_CODES.has(code) || key.startsWith('Media')) return { type: 'media' };

  if (!typing) {
    if (code >= 48 && code <= 57 && !event.shiftKey) return { type: 'digit', digit: code - 48 };
    if (code >= 96 && code <= 105) return { type: 'digit', digit: code - 96 };
    if (/^[0-9]$/.test(key)) return { type: 'digit', digit: Number(key) };
  }
  return null;
}
