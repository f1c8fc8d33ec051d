/**
 * Summarises a CDP Profiler profile (sampling CPU profile of the page's main
 * thread) into self and inclusive time per function, so a slow engine run can
 * say where its time goes without opening DevTools.
 */

import { table } from './stats.mjs';

/**
 * Maps a line of an unminified esbuild bundle to the source module it came
 * from, using the `// path/to/module.ts` comment esbuild puts before each one.
 */
export function moduleLocator(bundleText) {
  const starts = [];
  bundleText.split('\n').forEach((line, index) => {
    const match = /^\s*\/\/ ((?:src|bench|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(line);
    if (match) starts.push([index, match[1]]);
  });
  return (lineNumber) => {
    let found = null;
    for (const [start, path] of starts) if (start <= lineNumber) found = path;
    return found;
  };
}

const makeLabel = (locate) => (frame) => {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const module = locate?.(frame.url, frame.lineNumber);
  return `${name} (${module ?? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`})`;
};

/**
 * `locate(url, line)` names the source module of a bundle line (see
 * moduleLocator). `within(label)` picks a function (e.g. the keydown handler): only samples
 * with it on the stack count, so the summary explains that function's time.
 */
export function summarizeProfile(profile, { top = 12, within = null, locate = null } = {}) {
  const label = makeLabel(locate);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map();
  const inclusive = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
    const leaf = nodes.get(id);
    const leafLabel = label(leaf.callFrame);
    if (leafLabel === '(idle)') return;
    if (within) {
      let inside = false;
      for (let node = leaf; node && !inside; node = nodes.get(parent.get(node.id)))
        inside = within(label(node.callFrame));
      if (!inside) return;
    }
    busy += dt;
    self.set(leafLabel, (self.get(leafLabel) ?? 0) + dt);
    const seen = new Set();
    for (let node = leaf; node; node = nodes.get(parent.get(node.id))) {
      const key = label(node.callFrame);
      if (seen.has(key) || key === '(root)') continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, t]) => ({ fn, ms: Number(t.toFixed(2)), share: Number(((t / busy) * 100).toFixed(1)) }));
  return { busyMs: Number(busy.toFixed(1)), self: rank(self), inclusive: rank(inclusive) };
}

/** A summary's self and inclusive time, as the two tables both benchmarks print. */
export function profileTables(summary) {
  const rows = (entries) => entries.map((f) => [f.fn, f.ms.toFixed(1), f.share.toFixed(1)]);
  return `${table(['self time (function)', 'ms', '%'], rows(summary.self))}\n\n${table(['inclusive time (function)', 'ms', '%'], rows(summary.inclusive))}`;
}
