/**
 * Records a Chromium trace (CDP Tracing, devtools.timeline categories) around
 * a round of key presses and sums the renderer main thread's rendering work
 * by kind: style, layout, paint, script… A CPU profile names the JS function
 * that forced a style recalc or a layout but not how big it was; this says
 * which rendering step the presses pay for and how much of it is forced from
 * script (inside a task's JS) rather than done in a frame.
 */

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'].join(',');

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
  };
}
