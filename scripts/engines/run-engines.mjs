#!/usr/bin/env node
/**
 * `npm run test:engines`: the whole browser suite (test/**\/*.test.ts) in
 * Firefox ESR and in WebKitGTK, one web-test-runner process per engine
 * (web-test-runner.engines.config.mjs with ENGINES=<engine>), one after the
 * other: Firefox headless, WebKitGTK under `xvfb-run -a` (unless a display is
 * already there). Both always run; prints each engine's summary at the end and
 * exits non-zero if either failed.
 *
 *   node scripts/engines/run-engines.mjs [firefox] [webkit] [-- <wtr args>]
 *   e.g. npm run test:engines -- webkit -- --files test/navigation/layout.test.ts
 *
 * ENGINES_TIMEOUT_MINUTES (default 20) bounds each engine's run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const wtrBin = join(dirname(require.resolve('@web/test-runner')), 'bin.js');

const ENGINES = {
  firefox: { label: 'Firefox ESR', display: false },
  webkit: { label: 'WebKitGTK', display: true },
};
/** Xvfb screen: larger than the biggest viewport the tests ask for (1920x1080) plus window chrome. */
const XVFB_SCREEN = '-screen 0 2560x1600x24';
const timeoutMs = Number(process.env.ENGINES_TIMEOUT_MINUTES ?? 20) * 60_000;

const args = process.argv.slice(2);
const split = args.indexOf('--');
const names = split === -1 ? args : args.slice(0, split);
const wtrArgs = split === -1 ? [] : args.slice(split + 1);
const selected = names.length ? names : Object.keys(ENGINES);
for (const name of selected) {
  if (!(name in ENGINES)) {
    console.error(`run-engines: unknown engine "${name}" (known: ${Object.keys(ENGINES).join(', ')})`);
    process.exit(2);
  }
}

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes being removed
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The engine's wtr now running: its own process group, which a stop of this script must end too. */
let running = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (running) {
      try {
        process.kill(-running.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    process.exit(130);
  });
}

function runEngine(name) {
  const { label, display } = ENGINES[name];
  const wtr = [process.execPath, wtrBin, '--config', 'web-test-runner.engines.config.mjs', ...wtrArgs];
  let command = wtr;
  if (display && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    if (!hasCommand('xvfb-run')) {
      return Promise.resolve({
        name,
        label,
        code: 1,
        seconds: 0,
        summary: 'not run: needs xvfb-run (apt-get install xvfb xauth)',
      });
    }
    command = ['xvfb-run', '-a', '-s', XVFB_SCREEN, ...wtr];
  }
  console.log(`\n=== ${label}: ${command.join(' ')}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: { ...process.env, ENGINES: name },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a timeout ends xvfb-run, wtr and the browser together
    });
    running = child;
    let tail = '';
    const forward = (stream) => (chunk) => {
      stream.write(chunk);
      tail = (tail + chunk).slice(-20_000);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Ended after SIGTERM.
        }
      }, 5000).unref();
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running = null;
      const text = stripAnsi(tail);
      const counts = [
        ...text.matchAll(/(\d+)\/(\d+) test files \| (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g),
      ].at(-1);
      const finished = [...text.matchAll(/^Finished running tests.*$/gm)].at(-1)?.[0];
      const parts = [];
      if (counts) {
        parts.push(
          `${counts[1]}/${counts[2]} files, ${counts[3]} passed, ${counts[4]} failed${counts[5] ? `, ${counts[5]} skipped` : ''}`,
        );
      }
      if (finished) parts.push(finished.replace(/^Finished running tests /, ''));
      if (timedOut) parts.push(`killed after ${timeoutMs / 60_000} min`);
      if (!parts.length) parts.push(signal ? `ended by ${signal}` : 'no summary (see the log above)');
      resolve({
        name,
        label,
        code: timedOut ? 1 : (code ?? 1),
        seconds: Math.round((Date.now() - started) / 1000),
        summary: parts.join('; '),
        failures: failureRecap(text),
      });
    });
  });
}

/**
 * The failed tests as wtr's failure recap (scripts/wtr/failure-recap-reporter.mjs)
 * printed them at the end of this engine's run, to repeat under the summary:
 * the next engine's run would otherwise push them out of a CI log's tail.
 */
function failureRecap(text) {
  const recap = text.lastIndexOf('Failed tests, again:\n');
  return recap === -1 ? null : text.slice(recap).split('\n\n')[0];
}

const results = [];
for (const name of selected) results.push(await runEngine(name));

console.log('\n=== Engines summary');
for (const { label, code, seconds, summary } of results) {
  console.log(`${code === 0 ? 'PASS' : 'FAIL'}  ${label.padEnd(12)} ${summary} (exit ${code}, ${seconds} s)`);
}
for (const { label, failures } of results) if (failures) console.log(`\n--- ${label}: ${failures}`);
process.exit(results.every((result) => result.code === 0) ? 0 : 1);
