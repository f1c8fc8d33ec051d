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

/** In keyCode order: 37-40. */
const DIRECTIONS: readonly Direction[] = ['left', 'up', 'right', 'down'];
/** In keyCode order (403-406) and in the order of their key names (ColorF0Red ... ColorF3Blue). */
const COLORS: readonly ColorKey[] = ['red', 'green', 'yellow', 'blue'];
/** Esc (27) everywhere, Tizen 10009, webOS and HbbTV 461, Fire TV 4. */
const BACK_CODES = [27, 10009, 461, 4];
const BACK_KEYS = /^(Escape|Esc|BrowserBack|GoBack|XF86Back)$/;
/** Tizen / webOS / HbbTV VCR keys, Android TV media keys. */
const MEDIA_CODES = [415, 19, 413, 417, 412, 10252, 179, 227, 228, 250];

/** True while the customer is typing into a text field (Backspace then deletes). */
export function isTextEntry(element: Element | null): boolean {
  // Textareas and every input but buttons, toggles and pickers: one `:not()` per type, as lists
  // inside `:not()` need Chromium 88 (HTML matches `type` case-insensitively, as the property normalises it).
  const field =
    'input:not([type=button]):not([type=submit]):not([type=reset]):not([type=radio]):not([type=checkbox]):not([type=range]):not([type=color]):not([type=file]):not([type=image]),textarea';
  return !!element && (element.matches(field) || (element as HTMLElement).isContentEditable === true);
}

export function keyAction(event: KeyboardEvent, typing: boolean): NavAction | null {
  const code = event.keyCode;
  const key = event.key;
  if (event.altKey || event.ctrlKey || event.metaKey) return null;

  // `ArrowLeft`, or `Left` on older engines.
  const name = key.replace(/^Arrow/, '').toLowerCase() as Direction;
  const direction = DIRECTIONS.includes(name) ? name : DIRECTIONS[code - 37];
  if (direction) return { type: 'move', direction };
  if (key === 'Enter' || code === 13) return { type: 'ok' };
  if (BACK_CODES.includes(code) || BACK_KEYS.test(key) || ((key === 'Backspace' || code === 8) && !typing)) {
    return { type: 'back' };
  }
  const color = COLORS[/^ColorF[0-3]/.test(key) ? Number(key[6]) : code - 403];
  if (color) return { type: 'color', color };
  if (MEDIA_CODES.includes(code) || key.startsWith('Media')) return { type: 'media' };

  if (!typing) {
    // The top row unless shifted, the numpad, else the key's name (layouts whose digits need Shift).
    const digit =
      code >= 48 && code <= 57 && !event.shiftKey
        ? code - 48
        : code >= 96 && code <= 105
          ? code - 96
          : /^\d$/.test(key)
            ? Number(key)
            : -1;
    if (digit >= 0) return { type: 'digit', digit };
  }
  return null;
}
