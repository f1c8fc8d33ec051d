/**
 * A desktop keyboard as a TV remote. A desktop browser cannot produce the
 * key codes a remote sends (colour keys 403-406, Tizen Back 10009, webOS
 * Back 461), so a few spare keys stand in for them: the original event is
 * cancelled before anything else in the page sees it, and an event with the
 * platform's keyCode and key value is sent where a real one would arrive, at
 * the focused element (inside shadow roots).
 *
 * Arrows, OK and digits are the same on a TV and a keyboard and pass through.
 */
import { deepActiveElement } from '../../navigation/dom.js';
import type { Platform } from './sim-settings.js';

export interface TvKey {
  readonly keyCode: number;
  /** `KeyboardEvent.key` as that platform's browser reports it (test/support/keys.ts, key-map.ts). */
  readonly key: string;
  /** For people: what the remote's key is called. */
  readonly label: string;
}

const COLOUR_KEYS: Readonly<Record<string, TvKey>> = {
  F1: { keyCode: 403, key: 'ColorF0Red', label: 'red' },
  F2: { keyCode: 404, key: 'ColorF1Green', label: 'green' },
  F3: { keyCode: 405, key: 'ColorF2Yellow', label: 'yellow' },
  F4: { keyCode: 406, key: 'ColorF3Blue', label: 'blue' },
};

const BACK_KEYS: Readonly<Record<Platform, TvKey>> = {
  tizen: { keyCode: 10009, key: 'XF86Back', label: 'Back' },
  webos: { keyCode: 461, key: 'GoBack', label: 'Back' },
};

/** The keyboard keys that stand in for remote keys, for the toolbar's legend. */
export function keyLegend(platform: Platform): readonly (readonly [string, TvKey])[] {
  return [...Object.entries(COLOUR_KEYS), ['Escape', BACK_KEYS[platform]], ['Backspace', BACK_KEYS[platform]]];
}

const NOT_TEXT = ['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'];

/**
 * True while the customer types into a field (Backspace then deletes a
 * character). By tag name, not `instanceof` like key-map.ts: the element
 * belongs to the framed page's realm, whose HTMLInputElement is not ours.
 */
export function isTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element.localName === 'textarea') return true;
  if (element.localName === 'input') return !NOT_TEXT.includes((element as HTMLInputElement).type);
  return (element as HTMLElement).isContentEditable === true;
}

/** The remote key a keyboard key stands for on `platform`, or null when it passes through as it is. */
export function tvKeyFor(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  platform: Platform,
  typing: boolean,
): TvKey | null {
  // Alt+F4, Ctrl+F5 and the like stay the desktop's.
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const colour = COLOUR_KEYS[event.key];
  if (colour) return colour;
  if (event.key === 'Escape' || (event.key === 'Backspace' && !typing)) return BACK_KEYS[platform];
  return null;
}

/** What happened to the last key, for the toolbar. */
export interface KeyReport {
  readonly type: 'keydown' | 'keyup';
  /** The keyboard's key (`KeyboardEvent.key`). */
  readonly from: string;
  readonly fromCode: number;
  /** The remote key sent instead; null when the key passed through. */
  readonly to: TvKey | null;
  /** Set when the key could not be mapped as it should. */
  readonly problem?: 'late';
}

export interface TvKeyMapperOptions {
  /** Read at every key, so a platform switch applies to the next press. */
  platform(): Platform;
  onKey?(report: KeyReport): void;
}

/** Keys that the framed app handles in script alone, so a copy of them does what the real key does. */
function scriptedKey(key: string): boolean {
  return key.startsWith('Arrow') || /^[0-9]$/.test(key);
}

export class TvKeyMapper {
  /** The remote key a held keyboard key stands for, so its repeats and keyup stay that key. */
  private readonly _held = new Map<string, TvKey>();
  /** The events this mapper sent; its own listeners let them through. */
  private readonly _sent = new WeakSet<Event>();

  constructor(private readonly _options: TvKeyMapperOptions) {}

  /**
   * Maps keys pressed inside `win` (the framed app's window). Installed in
   * the capture phase on the window, the first place an event passes, so the
   * original is cancelled before the app's engine (on the document) sees it,
   * whenever this is attached, as long as it is before the first key (see
   * tv-sim-frame.ts); a listener of the page's own on the window sees it
   * first only if it was registered first.
   */
  attach(win: Window): () => void {
    const listener = (event: Event) => this._onKey(event as KeyboardEvent, win);
    win.addEventListener('keydown', listener, true);
    win.addEventListener('keyup', listener, true);
    return () => {
      win.removeEventListener('keydown', listener, true);
      win.removeEventListener('keyup', listener, true);
    };
  }

  /**
   * A key pressed on the simulator's own page (its toolbar had focus): the
   * remote keys and the keys the app handles in script go on to `win`'s
   * focused element. Returns true when the key was sent on.
   */
  forward(event: KeyboardEvent, win: Window): boolean {
    if (this._sent.has(event)) return false;
    const type = event.type === 'keyup' ? 'keyup' : 'keydown';
    const tv = this._resolve(event, win);
    const copy: TvKey | null =
      tv ?? (scriptedKey(event.key) ? { keyCode: event.keyCode, key: event.key, label: event.key } : null);
    this._report(event, tv);
    if (!copy) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    this._send(win, type, copy, event.repeat, tv ? '' : event.code);
    return true;
  }

  private _onKey(event: KeyboardEvent, win: Window): void {
    if (this._sent.has(event)) return;
    const typing = isTyping(deepActiveElement(win.document));
    if (event.type === 'keydown' && event.defaultPrevented && tvKeyFor(event, this._options.platform(), typing)) {
      // A listener of the page ran before ours and has already acted on the
      // desktop key (Escape is Back there too): sending Back as well would
      // act twice.
      event.stopImmediatePropagation();
      this._report(event, null, 'late');
      return;
    }
    const tv = this._resolve(event, win);
    this._report(event, tv);
    if (!tv) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this._send(win, event.type === 'keyup' ? 'keyup' : 'keydown', tv, event.repeat, '');
  }

  private _resolve(event: KeyboardEvent, win: Window): TvKey | null {
    const id = event.code || event.key;
    if (event.type === 'keyup') {
      const tv = this._held.get(id) ?? null;
      this._held.delete(id);
      return tv;
    }
    // A held Backspace stays Back even if focus lands in a field meanwhile.
    const held = event.repeat ? this._held.get(id) : undefined;
    if (held) return held;
    const tv = tvKeyFor(event, this._options.platform(), isTyping(deepActiveElement(win.document)));
    if (tv) this._held.set(id, tv);
    else this._held.delete(id);
    return tv;
  }

  private _send(win: Window, type: 'keydown' | 'keyup', tv: TvKey, repeat: boolean, code: string): void {
    const doc = win.document;
    const target = deepActiveElement(doc) ?? doc.body ?? doc.documentElement;
    // The framed window's own constructor, so the app gets an event of its realm.
    const Keyboard = (win as unknown as typeof globalThis).KeyboardEvent;
    const event = new Keyboard(type, {
      key: tv.key,
      code,
      repeat,
      bubbles: true,
      composed: true,
      cancelable: true,
      view: win,
    });
    // KeyboardEventInit has no keyCode / which in every engine; the app reads keyCode.
    Object.defineProperty(event, 'keyCode', { value: tv.keyCode, configurable: true });
    Object.defineProperty(event, 'which', { value: tv.keyCode, configurable: true });
    this._sent.add(event);
    target.dispatchEvent(event);
  }

  private _report(event: KeyboardEvent, to: TvKey | null, problem?: 'late'): void {
    const report: KeyReport = {
      type: event.type === 'keyup' ? 'keyup' : 'keydown',
      from: event.key,
      fromCode: event.keyCode,
      to,
    };
    this._options.onKey?.(problem ? { ...report, problem } : report);
  }
}
