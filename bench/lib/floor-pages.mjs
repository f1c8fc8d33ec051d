/**
 * The floors of the app benchmark: the least a page can do on the same
 * server, in the same browser and the same run, so the app's budgets are
 * ratios that mean the same on a quiet or a busy machine (issue 10).
 *
 * - `menu.html`: the app's own head (the TV polyfills script and the built
 *   CSS, both render-blocking as in the app) and the menu as static HTML:
 *   the bar, the heading and the eight entries with the words the app
 *   shows (read from the logged-in app: `writeMenuFloor`), in the same
 *   boxes and weights. What a cold load of `#/` costs with no application
 *   at all: the layout and the Japanese type of the screen itself are the
 *   page's, not the app's. (Placeholder links, "メニュー項目 1…8" in one
 *   weight, made the floor about 50 ms cheaper at 6x than the same screen
 *   drawn statically: issue 10's note.)
 * - `list.html`: a list of plain rows whose keydown handler only moves an
 *   index and calls focus(): what a key press costs with no engine, no
 *   window and no framework. It listens on window in the capture phase, as
 *   the app's focus engine does, so the probe's bubble listener sees the
 *   row each key left focus on.
 *
 * Both carry the markers the probe reads (app-probe.mjs): `data-bench-floor`
 * on the menu, `li[aria-posinset]` rows.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOOR_PATH = '/__floor/';
/** Rows of the floor list: more than the presses of one round. */
const LIST_ROWS = 400;

/** The render-blocking head of the built index.html: its classic scripts and stylesheets. */
function blockingHead(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script(?![^>]*(?:type="module"|nomodule))[^>]*\ssrc="[^"]+"[^>]*><\/script>/g)];
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)];
  return [...scripts, ...styles].map((m) => m[0]).join('\n    ');
}

const page = (head, body) => `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>floor</title>
    ${head}
  </head>
  <body>
${body}
  </body>
</html>
`;

const LIST_SCRIPT = `(function () {
  var rows = document.querySelectorAll('li');
  var index = 0;
  rows[0].focus();
  addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    index = Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    rows[index].focus();
  }, true);
})();
`;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The menu floor: `menu` is MENU_TEXTS (app-probe.mjs) read from the app.
 * Inline styles copy the app's boxes (the bar, the grid of entries, their
 * padding and weights: my-page-app.ts, menu-screen.ts, mp-screen.ts); page.css
 * from the built head gives the same fonts, sizes and line breaking.
 */
export function writeMenuFloor(distDir, outDir, menu) {
  mkdirSync(outDir, { recursive: true });
  const entries = menu.entries.map(
    ({ label, hint }, i) =>
      `        <li style="display:flex"><a data-route href="#/r${i + 1}" style="flex:1;min-width:0;display:flex;flex-direction:column;gap:0.3rem;padding:1rem 1.2rem;border-radius:0.6rem;background:#1d2331;color:inherit;text-decoration:none;border:0.1rem solid transparent"><span style="font-weight:700">${escape(label)}</span><span style="color:#b9c0d0">${escape(hint)}</span></a></li>`,
  );
  // The shared button rules (styles/shared-styles.ts), so the bar is as tall as the app's.
  const button =
    'font:inherit;font-size:1rem;min-height:2.6rem;padding:0.45rem 1.2rem;border-radius:0.5rem;' +
    'border:0.1rem solid #5b6478;background:#2a3142;color:#f4f6fb;display:inline-flex;align-items:center;justify-content:center';
  const buttons = menu.buttons.map((text) => `<button style="${button}">${escape(text)}</button>`);
  const body = `    <div style="padding:var(--mp-page-padding)">
      <header style="display:flex;align-items:center;gap:1.5rem;margin-bottom:1.5rem;flex-wrap:wrap">
        <span style="font-size:1.1rem;font-weight:700;margin-right:auto">${escape(menu.brand)}</span>
        <span style="font-size:1rem">${escape(menu.who)}</span>
        ${buttons.join('\n        ')}
      </header>
      <main>
        <h1 style="font-size:1.6rem;margin:0 0 1.5rem">${escape(menu.heading)}</h1>
        <nav data-bench-floor>
          <ul style="list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem">
${entries.join('\n')}
          </ul>
        </nav>
      </main>
    </div>`;
  writeFileSync(join(outDir, 'menu.html'), page(blockingHead(distDir), body));
  return outDir;
}

/** Writes the list floor for the build in `distDir` into `outDir` (the menu floor needs the app: `writeMenuFloor`); returns `outDir`. */
export function writeFloorPages(distDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const head = blockingHead(distDir);
  const rows = Array.from(
    { length: LIST_ROWS },
    (_, i) => `      <li tabindex="-1" aria-posinset="${i + 1}" aria-setsize="${LIST_ROWS}">視聴履歴 ${i + 1}</li>`,
  );
  writeFileSync(
    join(outDir, 'list.html'),
    page(
      head,
      `    <ul style="list-style:none;margin:0;padding:54px 96px;height:100vh;overflow:auto;box-sizing:border-box">\n${rows.join('\n')}\n    </ul>\n    <script src="list.js"></script>`,
    ),
  );
  writeFileSync(join(outDir, 'list.js'), LIST_SCRIPT);
  return outDir;
}
