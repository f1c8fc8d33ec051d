/** Small statistics and plain-text table helpers for the runner. */

/** Nearest-rank percentile (p in 0..100) of a numeric array; null when empty. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function summarize(values) {
  return {
    n: values.length,
    median: percentile(values, 50),
    p90: percentile(values, 90),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : null,
  };
}

export const ms = (value) => (value == null ? '—' : value.toFixed(2));

export const kb = (bytes) => (bytes == null ? '—' : `${(bytes / 1024).toFixed(2)} KB`);

export const mb = (bytes) => (bytes == null ? '—' : `${(bytes / 1048576).toFixed(2)} MB`);

/** Aligned plain-text table: first column left-aligned, the rest right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
