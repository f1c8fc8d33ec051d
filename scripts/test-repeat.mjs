#!/usr/bin/env node
/**
 * `npm run test:repeat -- --runs 5 [--load cpu|engines|none] [--load-workers N] [--port P]`:
 * `npm test` N times in a row, stopping at the first failure, while a
 * CPU-heavy job runs beside it the whole time, so "the suite never flakes" is
 * checked on a machine as busy as a shared CI runner.
 *
 *   cpu      one busy-looping Node process per core (or --load-workers N)
 *   engines  `npm run test:engines` over and over (Firefox ESR and WebKitGTK)
 *   none     nothing beside the suite
 *
 * Each run's whole output goes to a log file (--log-dir, default a fresh
 * folder in the system temp dir); the console gets one line per run (pass or
 * fail, duration, the 1-minute load average at its start, mean and peak) and
 * a summary. A failed run's recap (wtr's "Failed tests, again", else the log's
 * tail) is printed before exiting 1. --port P hands WTR_PORT=P to the suite's
 * wtr (and P+1 to the engines load), so parallel suites do not race for 8000.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const LOADS = ['cpu', 'engines', 'none'];
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    load: { type: 'string', default: 'cpu' },
    'load-workers': { type: 'string', default: String(availableParallelism()) },
    port: { type: 'string' },
    'log-dir': { type: 'string' },
  },
});
const runs = Number(values.runs);
const workers = Number(values['load-workers']);
const port = values.port === undefined ? undefined : Number(values.port);
if (
  !Number.isInteger(runs) ||
  runs < 1 ||
  !LOADS.includes(values.load) ||
  !Number.isInteger(workers) ||
  workers < 0 ||
  (port !== undefined && !Number.isInteger(port))
) {
  console.error(
    'usage: npm run test:repeat -- [--runs 5] [--load cpu|engines|none] [--load-workers N] [--port P] [--log-dir D]',
  );
  process.exit(2);
}
const logDir = values['log-dir'] ?? mkdtempSync(join(tmpdir(), 'test-repeat-'));
mkdirSync(logDir, { recursive: true });

/** Every child in its own process group, so stopping one ends its browsers too. */
const children = new Set();
function start(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
function stopAll() {
  for (const child of children) stop(child);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

let loadRunning = true;
function startLoad() {
  if (values.load === 'cpu') {
    for (let i = 0; i < workers; i++) start(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    return `${workers} busy-loop worker${workers === 1 ? '' : 's'}`;
  }
  if (values.load === 'engines') {
    const log = createWriteStream(join(logDir, 'load-engines.log'));
    const env = { ...process.env, ...(port !== undefined ? { WTR_PORT: String(port + 1) } : {}) };
    const again = () => {
      if (!loadRunning) return;
      const child = start('npm', ['run', 'test:engines'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      child.once('exit', again);
    };
    again();
    return '`npm run test:engines` in a loop';
  }
  return 'no load';
}

/** One `npm test`, its output in `logFile`; resolves with its exit code and load samples. */
function runSuite(logFile) {
  const log = createWriteStream(logFile);
  const env = { ...process.env, ...(port !== undefined ? { WTR_PORT: String(port) } : {}) };
  const child = start('npm', ['test'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const samples = [loadavg()[0]];
  const sampler = setInterval(() => samples.push(loadavg()[0]), 5000);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      log.end(() => resolve({ code: code ?? (signal ? 1 : 0), samples }));
    });
  });
}

/**
 * The part of a failed run's log that names the failures: wtr's own recap, or
 * the `not ok` entries of the Node tests (test:tv), each with the lines that
 * say why; else the log's tail (a typecheck or lint failure).
 */
function recap(logFile) {
  const text = readFileSync(logFile, 'utf8');
  const at = text.lastIndexOf('Failed tests, again:');
  if (at !== -1) return text.slice(at).trimEnd();
  const lines = text.trimEnd().split('\n');
  const failed = lines.flatMap((line, i) => (/^not ok \d+ - /.test(line) ? lines.slice(i, i + 12) : []));
  return (failed.length ? failed : lines.slice(-60)).join('\n');
}

const fmt = (n) => n.toFixed(2);
const load = startLoad();
console.log(`test:repeat: up to ${runs} run(s) of \`npm test\` beside ${load}; logs in ${logDir}`);

const results = [];
for (let run = 1; run <= runs; run++) {
  const logFile = join(logDir, `run-${run}.log`);
  const started = Date.now();
  const { code, samples } = await runSuite(logFile);
  const seconds = (Date.now() - started) / 1000;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const peak = Math.max(...samples);
  results.push({ passed: code === 0, seconds, mean, peak });
  console.log(
    `run ${run}/${runs}: ${code === 0 ? 'pass' : `FAIL (exit ${code})`} in ${seconds.toFixed(0)} s, ` +
      `load average ${fmt(samples[0])} at start, mean ${fmt(mean)}, peak ${fmt(peak)} (${logFile})`,
  );
  if (code !== 0) {
    console.log(`\n${recap(logFile)}\n`);
    break;
  }
}
loadRunning = false;
stopAll();

const passed = results.filter((r) => r.passed).length;
const durations = results.map((r) => r.seconds).sort((a, b) => a - b);
const meanLoad = results.reduce((a, r) => a + r.mean, 0) / results.length;
console.log(
  `test:repeat: ${passed}/${runs} passed${passed === results.length ? '' : `, stopped at run ${results.length}`}; ` +
    `beside ${load}; duration ${durations[0].toFixed(0)}-${durations.at(-1).toFixed(0)} s; ` +
    `load average mean ${fmt(meanLoad)}, peak ${fmt(Math.max(...results.map((r) => r.peak)))}`,
);
process.exit(passed === runs ? 0 : 1);
