/**
 * @bbc/tv-lrud-spatial (npm) is a pure function: the page calls
 * getNextFocus(current, keyCode, scope) from its keydown handler and focuses
 * the result, which is what we do (scope: the body, its default).
 */
import { bench } from './instrument.js';
import { buildFromQuery } from './layout.js';
import { getNextFocus } from '@bbc/tv-lrud-spatial';

const dom = buildFromQuery();
window.addEventListener('keydown', (event) => {
  if (event.keyCode < 37 || event.keyCode > 40) return;
  const next = getNextFocus(document.activeElement, event.keyCode, document.body);
  if (next) {
    event.preventDefault();
    next.focus();
  }
});
bench.markReady(`lrud-${dom}`);
