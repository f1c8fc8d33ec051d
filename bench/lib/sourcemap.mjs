/**
 * Just enough source-map reading to name the functions of a CPU profile of
 * the minified production build: generated (line, column) -> original source
 * file, line and name, from the `.map` files `vite build` writes.
 */
import { existsSync, readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Base64 VLQ: 5 data bits per digit, bit 6 = more digits follow, lowest bit of the value = sign. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Per generated line, its segments as [column, source, line, column, name?], sorted by column. */
function parseMappings(mappings) {
  const lines = [];
  let source = 0;
  let line = 0;
  let column = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const segments = [];
    let generated = 0;
    for (const part of text.split(',')) {
      if (!part) continue;
      const v = decodeSegment(part);
      generated += v[0];
      if (v.length < 4) continue;
      source += v[1];
      line += v[2];
      column += v[3];
      if (v.length > 4) name += v[4];
      segments.push([generated, source, line, column, v.length > 4 ? name : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** Reads `file.map` beside `file`; returns lookup(line0, column0) or null when there is no map. */
export function loadSourceMap(file) {
  if (!existsSync(`${file}.map`)) return null;
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = parseMappings(map.mappings);
  return (line, column) => {
    const segments = lines[line];
    if (!segments?.length) return null;
    let found = null;
    for (const segment of segments) {
      if (segment[0] > column) break;
      found = segment;
    }
    found ??= segments[0];
    const source = (map.sources[found[1]] ?? '?').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
    return { source, line: found[2], name: found[4] >= 0 ? map.names[found[4]] : null };
  };
}

/**
 * Rewrites the call frames of a CDP profile that fall in the build's scripts
 * to their original source (file:line and, when the map names it, the
 * function), so summarizeProfile (profile.mjs) prints readable labels.
 */
export function symbolizeProfile(profile, distDir) {
  const maps = new Map();
  const lookupFor = (url) => {
    let path;
    try {
      path = new URL(url).pathname;
    } catch {
      return null;
    }
    if (!path.endsWith('.js')) return null;
    if (!maps.has(path)) maps.set(path, loadSourceMap(`${distDir}${path}`));
    return maps.get(path);
  };
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const lookup = frame.url ? lookupFor(frame.url) : null;
    const at = lookup?.(frame.lineNumber, frame.columnNumber);
    if (!at) continue;
    frame.functionName = at.name ?? (frame.functionName ? `${frame.functionName}*` : '');
    frame.url = at.source;
    frame.lineNumber = at.line;
  }
  return profile;
}
