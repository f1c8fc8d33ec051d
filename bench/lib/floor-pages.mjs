/**
 * The floors of the app benchmark: the least a page can do on the same
 * server, in the same browser and the same run, so the app's budgets are
 * ratios that mean the same on a quiet or a busy machine (issue 10).
 *
 * - `menu.html`: the app's own head (the TV polyfills script and the built
 *   CSS, both render-blocking as in the app) and the menu's eight links as
 *   static HTML: what a cold load of `#/` costs with no application at all.
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

/** Writes the floor pages for the build in `distDir` into `outDir`; returns `outDir`. */
export function writeFloorPages(distDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const head = blockingHead(distDir);
  const links = Array.from({ length: 8 }, (_, i) => `      <a data-route href="#/r${i + 1}">メニュー項目 ${i + 1}</a>`);
  writeFileSync(
    join(outDir, 'menu.html'),
    page(
      head,
      `    <nav data-bench-floor style="display:flex;flex-direction:column;gap:16px;padding:54px 96px">\n${links.join('\n')}\n    </nav>`,
    ),
  );
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
