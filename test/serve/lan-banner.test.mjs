/**
 * The LAN banner of `vite --host` / `vite preview --host`
 * (scripts/serve/lan-banner.ts): the terminal QR code must be the code of
 * the URL, the right way round for a scanner, with its quiet zone; the
 * banner must name the LAN URL and the QA links, or say how to get them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'lean-qr';
import { importTs } from '../../scripts/serve/import-ts.mjs';

const { lanBannerLines, renderTerminalQr } = await importTs('scripts/serve/lan-banner.ts');

const URL_ = 'http://192.168.10.23:5173/';
const PAD = 4;
// Ink is light (a terminal draws text light on dark); per cell: [top, bottom] light?
const CELLS = { ' ': [false, false], '▀': [true, false], '▄': [false, true], '█': [true, true] };

/** The printed text back to rows of modules (true = dark), dropping the padding row below an odd height. */
function modulesOf(text, height) {
  const rows = [];
  // eslint-disable-next-line no-control-regex -- ESC starts the colour codes being removed
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    const top = [];
    const bottom = [];
    for (const char of line) {
      const cell = CELLS[char];
      assert.ok(cell, `unexpected character ${JSON.stringify(char)}`);
      top.push(!cell[0]);
      bottom.push(!cell[1]);
    }
    rows.push(top, bottom);
  }
  return rows.slice(0, height);
}

test('the terminal QR code is the code of the URL, dark modules dark, inside a light quiet zone', () => {
  const code = generate(URL_);
  const side = code.size + 2 * PAD;
  const text = renderTerminalQr(URL_, { pad: PAD });
  const lines = text.split('\n');
  assert.equal(lines.length, Math.ceil(side / 2), 'two module rows per line');
  for (const line of lines) assert.equal([...line].length, side, 'one module per column');
  // Below an odd height the last half line must stay terminal background, not quiet zone.
  assert.match(lines.at(-1), /^▀+$/);

  const modules = modulesOf(text, side);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const inCode = x >= PAD && y >= PAD && x < side - PAD && y < side - PAD;
      const expected = inCode ? code.get(x - PAD, y - PAD) : false;
      assert.equal(modules[y][x], expected, `module ${x - PAD},${y - PAD}`);
    }
  }
});

test('the printed code has a QR symbol size and its three finder patterns, not mirrored or inverted', () => {
  const text = renderTerminalQr(URL_);
  const side = [...text.split('\n')[0]].length;
  const size = side - 2 * PAD;
  assert.ok(size >= 21 && size <= 177 && (size - 17) % 4 === 0, `size ${size} is no QR version`);
  assert.ok(size <= 29, `a LAN URL should fit version 3 (29 modules) or less, got ${size}`);
  const modules = modulesOf(text, side);
  const at = (x, y) => modules[y + PAD][x + PAD];
  // A finder: dark 7x7 ring, light 5x5 ring, dark 3x3 core, light separator outside.
  const finder = (left, top) => {
    for (let dy = -1; dy <= 7; dy += 1) {
      for (let dx = -1; dx <= 7; dx += 1) {
        const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
        const dark = ring === 3 || ring <= 1;
        assert.equal(at(left + dx, top + dy), dark, `finder at ${left},${top}: module ${dx},${dy}`);
      }
    }
  };
  finder(0, 0);
  finder(size - 7, 0);
  finder(0, size - 7);
  // The bottom-right corner has no finder (it would if the code were rotated or mirrored).
  assert.notDeepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((i) => at(size - 7 + i, size - 7)),
    [true, true, true, true, true, true, true],
  );
});

test('with colours, each line is painted white on black and reset before the newline', () => {
  const lines = renderTerminalQr(URL_, { ansi: true }).split('\n');
  // eslint-disable-next-line no-control-regex -- the colour codes are what is checked
  for (const line of lines) assert.match(line, /^\x1b\[97;40m[ ▀▄█]+\x1b\[0m$/);
});

test('the banner names the LAN URL, shows its QR code and the QA links', () => {
  const lines = lanBannerLines({
    networkUrls: [URL_, 'http://10.0.0.5:5173/'],
    hostCommand: 'npm start -- --host',
  });
  const text = lines.join('\n');
  assert.match(text, /TV\/phone: http:\/\/192\.168\.10\.23:5173\/ /);
  assert.ok(text.includes('http://10.0.0.5:5173/'), 'every LAN address is listed');
  assert.ok(
    text.includes(
      renderTerminalQr(URL_)
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    ),
    'QR of the first URL',
  );
  for (const link of [
    `${URL_}?tv=1`,
    `${URL_}?qa`,
    `${URL_}__mock/config`,
    `${URL_}?scenario=foreign-account&endpoint=contract#/contract`,
  ]) {
    assert.ok(text.includes(link), `${link} listed`);
  }
  assert.ok(!text.includes('\x1b['), 'no colours unless asked');
});

test('without a LAN address the banner is one hint with the command to run', () => {
  const lines = lanBannerLines({ networkUrls: [], hostCommand: 'npm run preview -- --host' });
  assert.equal(lines.length, 1);
  assert.match(lines[0], /`npm run preview -- --host`/);
});
