/**
 * Records a Chromium trace (CDP Tracing, devtools.timeline categories) around
 * a round of key presses and sums the renderer main thread's rendering work
 * by kind: style, layout, paint, script… A CPU profile names the JS function
 * that forced a style recalc or a layout but not how big it was; this says
 * which rendering step the presses pay for and how much of it is forced from
 * script (inside a task's JS) rather than done in a frame, which elements
 * were restyled and why, and what the list's block renders cost apiece.
 */

// Invalidation tracking names each element restyled and why (a :focus flip, an inserted node): it
// slows the traced round a little, which only ever runs for a diagnosis, never for a budget.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'blink',
  'v8.execute',
].join(',');

/** Starts tracing on `session`; returns a function that stops and resolves with the events. */
export async function startTrace(session) {
  const events = [];
  // The session keeps its listeners: once complete, this one takes no later trace's events.
  let collecting = true;
  let done;
  const complete = new Promise((resolve) => (done = resolve));
  session.on((message) => {
    if (!collecting) return;
    if (message.method === 'Tracing.dataCollected') events.push(...message.params.value);
    else if (message.method === 'Tracing.tracingComplete') {
      collecting = false;
      done();
    }
  });
  await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    await session.send('Tracing.end');
    await complete;
    return events;
  };
}

/** Rendering steps as the timeline names them. */
const KINDS = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layer',
  'Document::updateStyle': 'style',
  HitTest: 'hit test',
  FunctionCall: 'script',
  EvaluateScript: 'script',
  EventDispatch: 'event',
  FireAnimationFrame: 'animation frame',
  ScrollLayer: 'scroll',
};

/**
 * Durations per kind on the renderer's main thread (the thread with the most
 * UpdateLayoutTree events); `forced` = the part of style and layout that ran
 * inside script (a JS read or focus() made it happen).
 */
export function summarizeTrace(events, { presses }) {
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !KINDS[e.name]) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const main =
    [...byThread.values()].sort(
      (a, b) =>
        b.filter((e) => e.name === 'UpdateLayoutTree').length - a.filter((e) => e.name === 'UpdateLayoutTree').length,
    )[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const counts = {};
  const forced = { style: 0, layout: 0 };
  let elements = 0;
  let layoutObjects = 0;
  const open = [];
  for (const e of main) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    const kind = KINDS[e.name];
    const inScript = open.some(
      (o) => KINDS[o.name] === 'script' || KINDS[o.name] === 'event' || KINDS[o.name] === 'animation frame',
    );
    // Nested steps of the same kind are counted once, at the outermost.
    if (!open.some((o) => KINDS[o.name] === kind)) {
      totals[kind] = (totals[kind] ?? 0) + e.dur / 1000;
      counts[kind] = (counts[kind] ?? 0) + 1;
      if (inScript && (kind === 'style' || kind === 'layout')) forced[kind] += e.dur / 1000;
      if (e.name === 'UpdateLayoutTree') elements += e.args?.elementCount ?? 0;
      if (e.name === 'Layout') layoutObjects += e.args?.beginData?.dirtyObjects ?? 0;
    }
    open.push(e);
  }
  const per = (value) => Number((value / presses).toFixed(2));
  return {
    note: `renderer main thread, ${presses} presses; ms per press (count per press); script/event include the style and layout they forced`,
    perPress: Object.fromEntries(
      Object.entries(totals)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, total]) => [kind, `${per(total)} ms (${per(counts[kind])})`]),
    ),
    forcedPerPress: { style: per(forced.style), layout: per(forced.layout) },
    styledElementsPerPress: per(elements),
    dirtyLayoutObjectsPerPress: per(layoutObjects),
    restyledPerPress: restyled(events, main[0]?.tid, presses),
    blockRenders: blockRenders(events, main[0]?.tid),
  };
}

/** Each element restyled (its tag and class) and why, per press: the most frequent ones. */
function restyled(events, tid, presses) {
  const counts = new Map();
  for (const e of events) {
    if (e.name !== 'StyleRecalcInvalidationTracking' || e.tid !== tid) continue;
    const { nodeName = '?', reason = '?', extraData = '' } = e.args?.data ?? {};
    const key = `${nodeName}: ${reason}${extraData ? ` ${extraData}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, n]) => [key, Number((n / presses).toFixed(2))]),
  );
}

/** Below this many elements restyled at once, a recalculation is a press's focus change, not new rows. */
const BLOCK_RENDER_ELEMENTS = 20;

/**
 * The tasks that restyled at least BLOCK_RENDER_ELEMENTS elements at once (the
 * list's window moving by a block): how many, and the median task with its
 * style recalculation, layout-tree rebuild (creating the new rows' layout
 * objects) and layout, in ms.
 */
function blockRenders(events, tid) {
  const mine = events.filter((e) => e.ph === 'X' && e.tid === tid);
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const within = (outer, e) => e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
  const renders = new Set();
  for (const e of mine) {
    if (e.name !== 'UpdateLayoutTree' || (e.args?.elementCount ?? 0) < BLOCK_RENDER_ELEMENTS) continue;
    const task = tasks.find((t) => within(t, e));
    if (task) renders.add(task);
  }
  const sums = [...renders].map((task) => {
    const sum = (name) =>
      mine.filter((e) => e.name === name && within(task, e)).reduce((ms, e) => ms + e.dur / 1000, 0);
    return {
      task: task.dur / 1000,
      recalcStyle: sum('Document::recalcStyle'),
      rebuildLayoutTree: sum('Document::rebuildLayoutTree'),
      layout: sum('Layout'),
    };
  });
  const median = (key) => {
    const sorted = sums.map((s) => s[key]).sort((a, b) => a - b);
    return sorted.length ? Number(sorted[Math.floor(sorted.length / 2)].toFixed(2)) : null;
  };
  return {
    count: sums.length,
    medianMs: {
      task: median('task'),
      recalcStyle: median('recalcStyle'),
      rebuildLayoutTree: median('rebuildLayoutTree'),
      layout: median('layout'),
    },
  };
}
