/**
 * The WICG spatial-navigation polyfill (npm). Importing it is all there is:
 * it installs window.navigate(dir) and, on window load, its own keydown
 * handler that maps arrow keys (keyMode 'ARROW', the default) to
 * navigate(dir). We let that handler drive it, as a page would.
 */
import { bench } from './instrument.js';
import { buildFromQuery } from './layout.js';
import 'spatial-navigation-polyfill';

const dom = buildFromQuery();
bench.markReady(`spatial-navigation-polyfill-${dom}`);
