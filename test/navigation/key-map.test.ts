/** src/navigation/key-map.ts: every platform's key events to one action each. */
import { expect } from '@open-wc/testing';
import { isTextEntry, keyAction } from '../../src/navigation/key-map.js';

interface KeyInit {
  key?: string;
  keyCode?: number;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

function key(init: KeyInit) {
  const event = new KeyboardEvent('keydown', { key: init.key ?? '', ...init });
  // keyCode is read-only in the constructor's dictionary on some engines: set it as a TV delivers it.
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  return event;
}

describe('key map', () => {
  it('arrows by key name and by code', () => {
    for (const [name, code, direction] of [
      ['ArrowLeft', 37, 'left'],
      ['ArrowUp', 38, 'up'],
      ['ArrowRight', 39, 'right'],
      ['ArrowDown', 40, 'down'],
    ] as const) {
      expect(keyAction(key({ key: name }), false)).to.deep.equal({ type: 'move', direction });
      expect(keyAction(key({ keyCode: code }), false)).to.deep.equal({ type: 'move', direction });
    }
    expect(keyAction(key({ key: 'Left' }), false)).to.deep.equal({ type: 'move', direction: 'left' });
  });

  it('OK is Enter or 13, also while typing', () => {
    expect(keyAction(key({ key: 'Enter' }), false)).to.deep.equal({ type: 'ok' });
    expect(keyAction(key({ keyCode: 13 }), true)).to.deep.equal({ type: 'ok' });
  });

  it('Back: Escape, BrowserBack, Tizen 10009, webOS / HbbTV 461, Fire TV 4; Backspace only when not typing', () => {
    const backs = [
      { key: 'Escape' },
      { key: 'BrowserBack' },
      { key: 'GoBack' },
      { keyCode: 27 },
      { keyCode: 10009 },
      { keyCode: 461 },
      { keyCode: 4 },
    ];
    for (const event of backs.map(key)) {
      expect(keyAction(event, false)).to.deep.equal({ type: 'back' });
    }
    expect(keyAction(key({ key: 'Backspace', keyCode: 8 }), false)).to.deep.equal({ type: 'back' });
    expect(keyAction(key({ key: 'Backspace', keyCode: 8 }), true)).to.equal(null);
  });

  it('colour keys by code (403-406) and by name', () => {
    for (const [code, name, color] of [
      [403, 'ColorF0Red', 'red'],
      [404, 'ColorF1Green', 'green'],
      [405, 'ColorF2Yellow', 'yellow'],
      [406, 'ColorF3Blue', 'blue'],
    ] as const) {
      expect(keyAction(key({ keyCode: code }), false)).to.deep.equal({ type: 'color', color });
      expect(keyAction(key({ key: name }), false)).to.deep.equal({ type: 'color', color });
    }
  });

  it('digits from the top row, the numpad and the key name; none while typing or with Shift', () => {
    expect(keyAction(key({ keyCode: 53 }), false)).to.deep.equal({ type: 'digit', digit: 5 });
    expect(keyAction(key({ keyCode: 96 }), false)).to.deep.equal({ type: 'digit', digit: 0 });
    expect(keyAction(key({ keyCode: 105 }), false)).to.deep.equal({ type: 'digit', digit: 9 });
    expect(keyAction(key({ key: '7' }), false)).to.deep.equal({ type: 'digit', digit: 7 });
    expect(keyAction(key({ keyCode: 53, key: '5' }), true)).to.equal(null);
    expect(keyAction(key({ keyCode: 53, key: '%', shiftKey: true }), false)).to.equal(null);
  });

  it('media keys are recognised and do nothing else', () => {
    for (const code of [415, 19, 413, 417, 412, 10252, 179, 227, 228]) {
      expect(keyAction(key({ keyCode: code }), false), String(code)).to.deep.equal({ type: 'media' });
    }
    expect(keyAction(key({ key: 'MediaPlayPause' }), false)).to.deep.equal({ type: 'media' });
  });

  it('modifier chords and unknown keys are not ours', () => {
    expect(keyAction(key({ key: 'ArrowDown', ctrlKey: true }), false)).to.equal(null);
    expect(keyAction(key({ key: 'Enter', altKey: true }), false)).to.equal(null);
    expect(keyAction(key({ key: 'r', metaKey: true }), false)).to.equal(null);
    expect(keyAction(key({ key: 'a', keyCode: 65 }), false)).to.equal(null);
  });

  it('text entry: text inputs, textareas and contenteditable, not buttons or checkboxes', () => {
    // Elements, not markup strings: the suite runs under Trusted Types.
    const make = (tag: string, attributes: Record<string, string> = {}) => {
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      return element;
    };
    expect(isTextEntry(null)).to.equal(false);
    expect(isTextEntry(make('input'))).to.equal(true);
    expect(isTextEntry(make('input', { type: 'password' }))).to.equal(true);
    expect(isTextEntry(make('textarea'))).to.equal(true);
    expect(isTextEntry(make('input', { type: 'checkbox' }))).to.equal(false);
    expect(isTextEntry(make('input', { type: 'submit' }))).to.equal(false);
    expect(isTextEntry(make('button'))).to.equal(false);
    const editable = make('div', { contenteditable: 'true' });
    document.body.append(editable);
    expect(isTextEntry(editable)).to.equal(true);
    editable.remove();
  });
});
