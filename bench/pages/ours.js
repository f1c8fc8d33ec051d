/**
 * Our engine (src/navigation/focus-engine.ts, unmodified) on either page.
 * root/host are the body: the engine walks from there into every open shadow
 * root; nothing on the page opts into containers, so every move is purely
 * geometric, as it is for the peers.
 */
import { bench } from './instrument.js';
import { buildFromQuery } from './layout.js';
import { FocusEngine } from '../../src/navigation/focus-engine.js';
import { collectNavigable, deepActiveElement } from '../../src/navigation/dom.js';
import { pickNext } from '../../src/navigation/spatial.js';

const dom = buildFromQuery();
const engine = new FocusEngine({ root: document.body, host: document.body, onBack() {} });
engine.connect();

/**
 * What a press costs when the engine has nothing to reuse (the first press,
 * or one after a DOM change), from the engine's own building blocks: the
 * composed-tree walk, the rectangle reads, the geometric pick, and the focus
 * call. Like a real press, every phase
 * starts after a rendered frame (back-to-back calls would hit warm caches:
 * a focus() right after another costs a tenth of one after a frame). Focus
 * is put back afterwards; returns mean ms per phase.
 */
const rendered = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
bench.breakdown = async (iterations = 20) => {
  const origin = deepActiveElement();
  const totals = { walk: 0, rects: 0, pick: 0, focus: 0 };
  let candidates = 0;
  for (let i = 0; i < iterations; i++) {
    await rendered();
    let t = performance.now();
    const list = collectNavigable(document.body);
    totals.walk += performance.now() - t;
    t = performance.now();
    const from = origin.getBoundingClientRect();
    const boxes = list.map((el) => el.getBoundingClientRect());
    totals.rects += performance.now() - t;
    t = performance.now();
    const elements = list.filter((el) => el !== origin);
    const others = boxes.filter((_, k) => list[k] !== origin);
    const index = pickNext(from, others, 'right');
    totals.pick += performance.now() - t;
    await rendered();
    t = performance.now();
    elements[index].focus({ preventScroll: true });
    totals.focus += performance.now() - t;
    await rendered();
    origin.focus({ preventScroll: true });
    candidates = list.length;
  }
  await rendered();
  const mean = (ms) => ms / iterations;
  return {
    candidates,
    walkMs: mean(totals.walk),
    rectsMs: mean(totals.rects),
    pickMs: mean(totals.pick),
    focusMs: mean(totals.focus),
  };
};

bench.markReady(`ours-${dom}`);
