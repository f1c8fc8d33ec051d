/**
 * The floor: no search at all. The key handler looks the next element up in
 * the path model (an index move on the known grid) and calls `focus()`, which
 * scrolls natively. What any engine costs is measured against this.
 */
import { bench } from './instrument.js';
import { buildFromQuery, layoutFromQuery } from './layout.js';
import { expectedMove, expectedScrollMove } from '../lib/path.mjs';

const dom = buildFromQuery();
const model = layoutFromQuery() === 'scroll' ? expectedScrollMove : expectedMove;
window.addEventListener('keydown', (event) => {
  let next;
  try {
    next = model(document.activeElement.id, event.key);
  } catch {
    return; // off the model: no move
  }
  event.preventDefault();
  if (next && next !== document.activeElement.id) document.getElementById(next).focus();
});
bench.markReady(`floor-${dom}`);
