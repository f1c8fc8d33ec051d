/**
 * No engine: the same page and instrumentation. It gives the heap baseline
 * and proves the move counter: arrow keys here must move nothing.
 */
import { bench } from './instrument.js';
import { buildFromQuery } from './layout.js';

const dom = buildFromQuery();
bench.markReady(`none-${dom}`);
