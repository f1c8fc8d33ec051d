/**
 * `npm run bench:app`: the app budgets of issue 5, measured on the REAL
 * production build in headless modern Chromium with the CPU throttled 6x
 * (Emulation.setCPUThrottlingRate). A benchmark, not a test: `npm test` does
 * not run it. Exit 0 = every budget met, 1 = a budget missed, 2 = the harness
 * failed. Prints a table (figure beside budget), writes bench/results/app.json.
 *
 * 1. `vite build` into a private directory (node_modules/.cache/app-bench/dist),
 *    served on 127.0.0.1 with the project's mock API (src/mocks) on a
 *    MockBackend of our own. `--no-build` measures dist/ as it is.
 * 2. Logs in once through the login form (heavy@example.jp) and keeps the
 *    session cookie.
 * 3. Cold loads of `/#/`: each in a new browser process (fresh profile, cache
 *    disabled, the session cookie set), navigated once that browser has
 *    finished starting (lib/settle.mjs), from navigation start to the first
 *    frame painting the menu with state=ready; median of several runs. The JS
 *    requested until then is the "initial JS", counted as gzip -9 of the
 *    built files.
 * 4. `#/history` with 5,000 entries, then with 500 (the bench truncates the
 *    heavy account's history in its own backend): Down held for 200 key
 *    events (Input.dispatchKeyEvent rawKeyDown, autoRepeat, one every 50 ms,
 *    sent on schedule whatever the page is doing); key->focus, key->next
 *    frame, rows moved, and all elements (through every open shadow root)
 *    once it has settled. Each press is classified from the focused row before
 *    and after the page handled it (lib/presses.mjs): moved one row, dropped,
 *    or wrong (skipped rows, went back, left the list while rows remained).
 * 5. A fresh `/#/`, every screen visited in turn, back to the menu, forced
 *    GC, JSHeapUsedSize (Performance.getMetrics).
 * 6. Beside 3 and 4, the floors of lib/floor-pages.mjs in the same run: a
 *    static menu (the app's render-blocking head, the menu's own words and
 *    boxes, read from the logged-in app; cold loads alternate
 *    with the app's, on loopback and on a TV network), and a plain list whose
 *    key handler only moves an index and calls focus(). The time budgets are
 *    ratios to them (issue 10), so they mean the same on a busy machine.
 *
 * `--list-only`: only the list rounds of 4 and the floor list (no cold loads,
 * no TV network, no heap), for a quick check of the keys; results in
 * bench/results/app-list.json, the full run's file left alone.
 */
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium64 } from '../scripts/chromium64.mjs';
import { SCREENS as SCREEN_ROUTES, loginThroughForm } from '../test/tv-engine/app-page.mjs';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';
import {
  APP,
  COUNT_ELEMENTS,
  MENU_TEXTS,
  FLOOR_LIST_READY,
  HISTORY_READY,
  PROBE_SCRIPT,
  frames,
  screenState,
} from './lib/app-probe.mjs';
import { buildApp, startAppServer } from './lib/app-server.mjs';
import { FLOOR_PATH, writeFloorPages, writeMenuFloor } from './lib/floor-pages.mjs';
import { waitForQuietBrowser, waitForQuietMachine } from './lib/settle.mjs';
import { projectRoot } from './lib/build.mjs';
import { profileTables, summarizeProfile } from './lib/profile.mjs';
import { symbolizeProfile } from './lib/sourcemap.mjs';
import { startTrace, summarizeTrace } from './lib/trace.mjs';
import { kb, mb, ms, summarize, table } from './lib/stats.mjs';
import { pressLine, pressSummary } from './lib/presses.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const NO_BUILD = process.argv.includes('--no-build');
const FORCE_PROFILE = process.argv.includes('--profile');
/** `--profile=tapped`: the profiled round is tapped presses rather than a held key. */
const PROFILE_TAPPED = process.argv.includes('--profile=tapped');
/** `--profile=cold`: one more cold load (loopback), profiled from navigation to the menu on screen. */
const PROFILE_COLD = process.argv.includes('--profile=cold');
const LIST_ONLY = process.argv.includes('--list-only');
/** `--quick`: one round of each kind, for a first look at a change (the figures are noisier). */
const QUICK = process.argv.includes('--quick');
/** `--trace` / `--trace=tapped`: one more round, traced, summed by rendering step (lib/trace.mjs). */
const TRACE = process.argv.find((arg) => arg.startsWith('--trace'));
const RESULTS = join(here, 'results', LIST_ONLY ? 'app-list.json' : 'app.json');

const THROTTLE = 6;
const VIEWPORT = { width: 1920, height: 1080 };
const LOGIN = { loginId: 'heavy@example.jp', password: 'mypage-demo' };
const HEAVY_ACCOUNT_ID = 'acc_9a8b7c';
/** Cold loads of `/#/`; the budget is on their median. */
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 7);
/** Extra, not budgeted: the same load as a reload in the long-lived tab. */
const RELOAD_RUNS = 5;
const HELD_PRESSES = 200;
/** A TV remote's key repeat is 20-30 Hz; 50 ms is its slow end, and what issue 5 asks. */
const REPEAT_MS = 50;
/** Fresh-page rounds of the held-key run per history size; timings pooled per size. */
const HELD_ROUNDS = QUICK ? { 5000: 1, 500: 1 } : { 5000: 3, 500: 2 };
/** Rounds of separate Down presses (key down + key up each) on the same schedule, at 5,000 entries. */
const TAPPED_ROUNDS = QUICK ? 1 : 2;
/** After the key-up: let the list's last page loads and frames finish before counting. */
const SETTLE_MS = 1500;

/** Cold loads of the floor's static menu on the TV network, like COLD_RUNS. */
const TV_NETWORK_RUNS = Number(process.env.TV_NETWORK_RUNS ?? 5);
/**
 * A TV on a home connection (issue 10): about 150 ms round trip, 10 Mbit/s
 * each way (CDP Network.emulateNetworkConditions; throughput in bytes/s).
 */
const TV_NETWORK = { offline: false, latency: 150, downloadThroughput: 1_250_000, uploadThroughput: 1_250_000 };

/**
 * The app's budgets are ratios to a floor measured in the same run, on the
 * same server and CPU throttle (lib/floor-pages.mjs), so a busy machine
 * slows both sides alike; the absolute figures are reported beside them.
 * Only the bytes, the element count and the heap are absolute: they do not
 * depend on the machine.
 */
const BUDGETS = {
  initialJsGzip: 28 * 1024,
  /** App cold load to the menu on screen / the floor's static menu page, on loopback and on the TV network. */
  coldLoadRatio: 2,
  /** p95 key->next frame, held and tapped Down in the 5,000-entry history / the floor list's. */
  keyToFrameRatio: 1.5,
  elements: 1500,
  /** Elements at the end with 5,000 entries / with 500: the DOM does not grow with the list. */
  elementsGrowth: 1.25,
  heapBytes: 8 * 1024 * 1024,
};

/** Every screen of src/app/route-paths.ts, then the menu (as the TV engine tests visit them). */
const SCREENS = SCREEN_ROUTES.map(([path, tag]) => [`#${path}`, tag]);

const BROWSER_ARGS = [
  ...chromiumArgs,
  // Headless pages count as hidden to some schedulers; a TV's page is always in front.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

const log = (...args) => console.error(...args); // progress on stderr, results on stdout
const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));
const round = (value, digits = 2) => (value == null ? null : Number(value.toFixed(digits)));
const roundStats = (s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === 'n' ? v : round(v)]));
const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
const median = (values) => summarize(values).median;

/** Sets up a page target the same way for every browser of the run. */
async function preparePage(session, { rate }) {
  await session.send('Page.enable');
  await session.send('Runtime.enable');
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Emulation.setDeviceMetricsOverride', { ...VIEWPORT, deviceScaleFactor: 1, mobile: false });
  // Headless pages are not "focused" by default; focus events and :focus need a focused page.
  await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  await session.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE_SCRIPT });
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Navigates and waits for a fresh document of `url` with the probe in it.
 * Page.navigate can answer before the new document exists, hence the marker.
 */
async function open(session, url) {
  const marker = `__appBenchNav${Math.random().toString(36).slice(2)}`;
  await session.send('Page.navigate', { url });
  await session.waitFor(
    `window.__appBench && !window.${marker} && location.href === ${JSON.stringify(url)} ? (window.${marker} = true) : false`,
    {
      timeout: 30000,
      interval: 20,
    },
  );
}

async function assertNoErrors(session, where) {
  const errors = await session.evaluate('window.__appBench ? __appBench.errors : []');
  if (errors.length) throw new Error(`page errors in ${where}: ${errors.join('; ')}`);
}

/** Logs in through the real form (nonce, echo checks and all), as a customer would, and waits for the menu. */
let logins = 0;
async function logInAsHeavy(session, origin) {
  // A URL of its own each time: navigating to the URL already shown only changes the hash, so the
  // page would not reload and would stay signed in (--list-only logs in again right after the first login).
  await open(session, `${origin}/?bench=login${++logins}#/`);
  await loginThroughForm(session, LOGIN.loginId, LOGIN.password);
  await session.waitFor(screenState('mp-menu-screen'), { timeout: 30000 });
}

/** Resolves when the probe has seen the menu on screen; the figures of that load. */
async function menuLoad(session) {
  await session.evaluate('__appBench.menuReady');
  return session.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const at = __appBench.menuAt;
    const scripts = performance.getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, initiatorType: e.initiatorType }));
    return {
      menuAt: at,
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      loadEvent: nav.loadEventEnd || null,
      scripts,
      scriptsBefore: scripts.filter((s) => s.startTime <= at).map((s) => s.path),
      scriptsAfter: scripts.filter((s) => s.startTime > at).map((s) => s.path),
      state: ${APP} ? ${APP}.getAttribute('state') : 'floor',
    };
  })()`);
}

/** The sampling CPU profiler of the cold load and of the profiled key round (200 us; `Profiler.stop` ends it). */
async function startProfiler(session) {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
}

/** One cold load of `url` in a new browser process: nothing cached, nothing compiled, only the cookie. */
async function coldLoad(executablePath, url, cookies, { network = null, profile = false } = {}) {
  const browser = await launchChromium64({ executablePath, extraArgs: BROWSER_ARGS });
  try {
    const { session } = browser;
    // Before the CPU throttle: throttling keeps the renderer busy, so a throttled browser never goes quiet.
    const settledIn = await waitForQuietBrowser(browser.pid);
    if (settledIn === null)
      log('bench:app: the new browser did not go quiet within 10 s (or no /proc): loading anyway');
    await preparePage(session, { rate: THROTTLE });
    // Only the fields a CookieParam has: getCookies answers with more (size, session…).
    const params = cookies.map(({ name, value, domain, path, expires, httpOnly, secure, sameSite }) => ({
      name,
      value,
      domain,
      path,
      httpOnly,
      secure,
      ...(sameSite ? { sameSite } : {}),
      ...(expires > 0 ? { expires } : {}),
    }));
    await session.send('Network.setCookies', { cookies: params });
    if (network) await session.send('Network.emulateNetworkConditions', network);
    if (profile) await startProfiler(session);
    await session.send('Page.navigate', { url });
    await session.waitFor(`window.__appBench && location.href === ${JSON.stringify(url)}`, {
      timeout: 30000,
      interval: 20,
    });
    const load = await menuLoad(session);
    if (profile) load.cpuProfile = (await session.send('Profiler.stop')).profile;
    await assertNoErrors(session, 'cold load');
    return load;
  } finally {
    await browser.close();
  }
}

/** Maps the scripts a load requested to their built files and gzip -9 sizes. */
function jsSizes(distDir, paths) {
  const unique = [...new Set(paths)];
  const files = unique.map((path) => {
    // Without the source-map comment the bench's own build adds (production ships no maps).
    const bytes = Buffer.from(
      readFileSync(join(distDir, path), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, ''),
    );
    return { file: path.replace(/^\//, ''), bytes: bytes.length, gzipBytes: gzipSize(bytes) };
  });
  return {
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

/**
 * What an engine without ES modules downloads: the classic and `nomodule`
 * scripts of index.html, plus the custom-elements polyfill that
 * legacy-polyfills.js writes in where customElements is missing (webOS 4).
 */
function legacySizes(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const classic = [...html.matchAll(/<script(?![^>]*type="module")[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g)].map(
    (m) => m[1],
  );
  return jsSizes(distDir, [...classic, '/polyfills/custom-elements.min.js']);
}

/**
 * Down held: one rawKeyDown, then autoRepeat ones every REPEAT_MS on a fixed schedule, then keyUp.
 * `tapped`: separate presses on that schedule instead (each its own keyUp, no autoRepeat), which
 * the engine must not coalesce: each moves exactly one row, or is dropped whole under overload.
 */
async function holdDown(session, { tapped = false } = {}) {
  const key = { key: 'ArrowDown', code: 'ArrowDown', windowsVirtualKeyCode: 40, nativeVirtualKeyCode: 40 };
  const sends = [];
  const lateness = [];
  const start = performance.now();
  for (let i = 0; i < HELD_PRESSES; i++) {
    const due = start + i * REPEAT_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    lateness.push(performance.now() - due);
    // Not awaited: a held key repeats whether or not the page has handled the last one.
    sends.push(session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: !tapped && i > 0, ...key }));
    if (tapped) sends.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  }
  await sleep(REPEAT_MS);
  if (!tapped) sends.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  await Promise.all(sends);
  return { sendLatenessMaxMs: round(Math.max(...lateness)) };
}

/**
 * One fresh `#/history` (or, with `floor`, the floor list), Down held, then
 * settled; timings and counts of that round.
 */
async function heldDownRound(
  session,
  origin,
  label,
  { profile = false, trace = false, tapped = false, floor = false } = {},
) {
  await open(session, floor ? `${origin}${FLOOR_PATH}list.html?bench=${label}` : `${origin}/?bench=${label}#/history`);
  await session
    .waitFor(floor ? FLOOR_LIST_READY : HISTORY_READY, { timeout: 60000, interval: 50 })
    .catch(async (error) => {
      const seen = await session.evaluate(`(() => {
      const app = ${APP};
      const active = (() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; })();
      const screen = app && app.shadowRoot && app.shadowRoot.querySelector('[data-route], mp-history-screen');
      return JSON.stringify({ href: location.href, state: app && app.getAttribute('state'), lock: app && app.dataset.lock,
        screens: app && app.shadowRoot ? [...app.shadowRoot.children].map((el) => el.localName) : [],
        active: active && active.outerHTML.slice(0, 120), errors: __appBench.errors });
    })()`);
      throw new Error(`${label}: the list was not ready: ${seen}`, { cause: error });
    });
  // Let the first page's frames, the landing and the pitch measurement finish.
  await sleep(1000);
  // Then a quiet machine, so a round does not share the cores with the previous round's teardown,
  // a closing cold-load browser or a collection: checked unthrottled (throttling keeps the renderer
  // busy), then the round's throttle again.
  await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const quietWaitMs = await waitForQuietMachine();
  if (quietWaitMs === null) log(`bench:app: ${label}: the machine did not go quiet within 10 s; measuring anyway`);
  await session.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await session.evaluate(frames(3));
  const before = await session.evaluate(`({ row: __appBench.focusedRow(), elements: ${COUNT_ELEMENTS} })`);
  if (profile) await startProfiler(session);
  const stopTrace = trace ? await startTrace(session) : null;
  const sent = await holdDown(session, { tapped });
  const traceEvents = stopTrace ? await stopTrace() : null;
  const cpuProfile = profile ? (await session.send('Profiler.stop')).profile : null;
  if (profile) await session.send('Profiler.disable');
  await sleep(SETTLE_MS);
  await session.evaluate(frames(3));
  const after = await session.evaluate(`({
    row: __appBench.focusedRow(),
    elements: ${COUNT_ELEMENTS},
    loaded: (() => {
      const screen = ${APP} && ${APP}.shadowRoot.querySelector('mp-history-screen');
      return screen ? screen.shadowRoot.querySelector('mp-account-list').items.length : null;
    })(),
    presses: __appBench.presses,
  })`);
  await assertNoErrors(session, `history ${label}`);
  const presses = after.presses;
  // Every press's record as the probe took it, for looking at the slow ones one by one.
  if (process.env.BENCH_PRESSES_DIR) {
    mkdirSync(process.env.BENCH_PRESSES_DIR, { recursive: true });
    writeFileSync(join(process.env.BENCH_PRESSES_DIR, `${label}.json`), JSON.stringify(presses));
  }
  if (presses.length !== HELD_PRESSES)
    throw new Error(`history ${label}: the page saw ${presses.length} of ${HELD_PRESSES} key events`);
  const moved = presses.filter((p) => p.focusAt != null && p.after?.row !== p.from.row);
  const t0s = presses.map((p) => p.t0);
  const perPress = pressSummary(presses);
  // The last press's state against the settled one: a move after the last key counts as one between presses.
  const lastAfter = presses.at(-1).after;
  if (lastAfter && lastAfter.row !== after.row) {
    perPress.between++;
    perPress.betweenExamples.push({ afterPress: presses.length, after: lastAfter, nextFrom: { row: after.row } });
  }
  return {
    quietWaitMs,
    startRow: before.row,
    endRow: after.row,
    rowsMoved: after.row - before.row,
    perPress,
    movingPresses: moved.length,
    droppedRepeats: presses.filter((p) => p.focusAt == null).length,
    loadedRows: after.loaded,
    elementsBefore: before.elements,
    elementsAfter: after.elements,
    sendLatenessMaxMs: sent.sendLatenessMaxMs,
    keyIntervalsMs: roundStats(summarize(t0s.slice(1).map((t, i) => t - t0s[i]))),
    samples: {
      keyToFocus: moved.map((p) => p.focusAt - p.t0),
      keyToFrame: presses.map((p) => p.frameAt - p.t0),
      keyToFrameDone: presses.filter((p) => p.doneAt != null).map((p) => p.doneAt - p.t0),
      inputDelay: presses.map((p) => p.listenerAt - p.t0),
    },
    cpuProfile,
    traceEvents,
  };
}

function pooled(rounds) {
  const stats = (key) => roundStats(summarize(rounds.flatMap((r) => r.samples[key])));
  return {
    rounds: rounds.length,
    presses: rounds.length * HELD_PRESSES,
    rowsMoved: rounds.map((r) => r.rowsMoved),
    perPress: rounds.map((r) => r.perPress),
    movingPresses: rounds.map((r) => r.movingPresses),
    droppedRepeats: rounds.map((r) => r.droppedRepeats),
    loadedRows: rounds.map((r) => r.loadedRows),
    elementsAfter: rounds.map((r) => r.elementsAfter),
    elementsBefore: rounds.map((r) => r.elementsBefore),
    startRows: rounds.map((r) => r.startRow),
    endRows: rounds.map((r) => r.endRow),
    sendLatenessMaxMs: Math.max(...rounds.map((r) => r.sendLatenessMaxMs)),
    quietWaitMs: rounds.map((r) => r.quietWaitMs),
    keyIntervalsMs: rounds.map((r) => r.keyIntervalsMs),
    keyToFocus: stats('keyToFocus'),
    keyToFrame: stats('keyToFrame'),
    keyToFrameDone: stats('keyToFrameDone'),
    inputDelay: stats('inputDelay'),
    keyToFrameP95ByRound: rounds.map((r) => round(summarize(r.samples.keyToFrame).p95)),
  };
}

/** Every screen in turn (each with its data on screen), back to the menu, then the GC'd heap. */
async function heapAfterEveryScreen(session, origin) {
  await open(session, `${origin}/?bench=heap#/`);
  await session.waitFor(screenState('mp-menu-screen'), { timeout: 60000, interval: 50 });
  const visited = ['#/'];
  for (const [hash, tag] of SCREENS) {
    await session.evaluate(`location.hash = ${JSON.stringify(hash)}`);
    const state = await session.waitFor(screenState(tag), { timeout: 60000, interval: 50 });
    if (state === 'error') throw new Error(`${hash} showed an error`);
    await session.evaluate(frames(2));
    visited.push(hash);
  }
  await assertNoErrors(session, 'screen tour');
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.send('Performance.disable');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return {
    visited,
    jsHeapUsedBytes: metric('JSHeapUsedSize'),
    jsHeapTotalBytes: metric('JSHeapTotalSize'),
    nodes: metric('Nodes'),
    elements: await session.evaluate(COUNT_ELEMENTS),
  };
}

async function main() {
  const started = Date.now();
  const distDir = NO_BUILD ? join(projectRoot, 'dist') : (log('bench:app: vite build…'), await buildApp());
  const benchCache = join(projectRoot, 'node_modules', '.cache', 'app-bench');
  const floorDir = writeFloorPages(distDir, join(benchCache, 'floor'));
  const server = await startAppServer(distDir, { [FLOOR_PATH]: floorDir });
  const executablePath = await findChromium();
  const browser = await launchChromium64({ executablePath, extraArgs: BROWSER_ARGS });
  const { session } = browser;
  const results = {
    meta: {
      date: new Date().toISOString(),
      browser: browser.version,
      node: process.version,
      cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
      loadAverageAtStart: loadavg().map((x) => round(x)),
      build: NO_BUILD ? 'dist/ (as found, --no-build)' : 'vite build into node_modules/.cache/app-bench/dist',
      throttle: THROTTLE,
      viewport: VIEWPORT,
      account: LOGIN.loginId,
    },
    budgets: BUDGETS,
    initialJs: null,
    legacyJs: legacySizes(distDir),
    coldLoad: null,
    floorColdLoad: null,
    tvNetwork: null,
    held: {},
    tapped: null,
    floor: null,
    heap: null,
    checks: [],
  };
  try {
    // The login itself is not measured: unthrottled, so the run spends its time on what is.
    await preparePage(session, { rate: 1 });
    log('bench:app: logging in through the form…');
    await logInAsHeavy(session, server.origin);
    const { cookies } = await session.send('Network.getCookies', { urls: [server.origin] });
    // The floor menu shows what this menu shows, as static HTML.
    writeMenuFloor(distDir, floorDir, await session.evaluate(MENU_TEXTS));
    /** Fresh demo data. A reset also ends every session (as /__mock/reset does), so log in again, unthrottled. */
    const freshBackend = async () => {
      await server.reset();
      await session.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await logInAsHeavy(session, server.origin);
      await session.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    };
    if (!cookies.length) throw new Error('no session cookie after login');

    if (!LIST_ONLY) {
      const appUrl = `${server.origin}/#/`;
      const floorUrl = `${server.origin}${FLOOR_PATH}menu.html`;
      /** App and floor alternately, so a change in the machine's load meets both. */
      const coldPairs = async (count, network, label) => {
        const app = [];
        const floor = [];
        for (let i = 1; i <= count; i++) {
          const load = await coldLoad(executablePath, appUrl, cookies, { network });
          if (load.state !== 'ready') throw new Error(`cold load ${label} ${i}: state ${load.state}`);
          app.push(load);
          floor.push(await coldLoad(executablePath, floorUrl, cookies, { network }));
          log(
            `bench:app: cold load ${label} ${i}/${count}: menu on screen at ${ms(load.menuAt)} ms ` +
              `(floor ${ms(floor.at(-1).menuAt)} ms)`,
          );
        }
        return { app, floor };
      };
      const { app: runs, floor: floorRuns } = await coldPairs(COLD_RUNS, null, 'loopback');
      if (PROFILE_COLD) {
        log('bench:app: profiling one more cold load…');
        const load = await coldLoad(executablePath, appUrl, cookies, { profile: true });
        results.coldProfile = {
          note:
            `sampling CPU profile (200 us) of one cold load at ${THROTTLE}x, from navigation to the menu on screen ` +
            `(${ms(load.menuAt)} ms), named through the build's source maps`,
          ...summarizeProfile(symbolizeProfile(load.cpuProfile, distDir), { top: 25 }),
        };
      }
      const tv = await coldPairs(TV_NETWORK_RUNS, TV_NETWORK, 'TV network');
      await session.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const reloads = [];
      for (let i = 1; i <= RELOAD_RUNS; i++) {
        await open(session, `${server.origin}/?bench=reload${i}#/`);
        reloads.push(await menuLoad(session));
      }
      const scriptSets = new Set(runs.map((r) => JSON.stringify([...new Set(r.scriptsBefore)].sort())));
      results.initialJs = {
        // The union: a script that only some loads needed before the menu still counts.
        ...jsSizes(
          distDir,
          runs.flatMap((r) => r.scriptsBefore),
        ),
        sameInEveryRun: scriptSets.size === 1,
        requestedAfterMenu: [...new Set(runs.flatMap((r) => r.scriptsAfter))],
      };
      const coldSummary = (loads) => {
        const times = loads.map((r) => r.menuAt);
        return { runs: times.map((t) => round(t, 1)), median: round(median(times), 1) };
      };
      results.floorColdLoad = coldSummary(floorRuns);
      results.tvNetwork = {
        conditions: TV_NETWORK,
        app: coldSummary(tv.app),
        floor: coldSummary(tv.floor),
      };
      results.coldLoad = {
        ...coldSummary(runs),
        min: round(Math.min(...runs.map((r) => r.menuAt)), 1),
        max: round(Math.max(...runs.map((r) => r.menuAt)), 1),
        medianDomContentLoaded: round(median(runs.map((r) => r.domContentLoaded)), 1),
        medianLoadEvent: round(median(runs.map((r) => r.loadEvent ?? 0)), 1),
        medianResponseEnd: round(median(runs.map((r) => r.responseEnd)), 1),
        reloadInSameTab: {
          runs: reloads.map((r) => round(r.menuAt, 1)),
          median: round(median(reloads.map((r) => r.menuAt)), 1),
        },
      };
    }

    // At 5,000 entries each round of the app is followed by one of the floor list, held after held and
    // tapped after tapped, as the cold loads alternate: a change in the machine's state meets both, where
    // the floor's rounds all at the end met another machine than the app's first rounds after the cold loads.
    const floorHeld = [];
    const floorTapped = [];
    const floorRound = async (r, tapped) => {
      const last = await heldDownRound(session, server.origin, `${tapped ? 'ft' : 'fh'}-${r}`, { floor: true, tapped });
      (tapped ? floorTapped : floorHeld).push(last);
      log(
        `bench:app: floor list, ${tapped ? 'tapped' : 'held'} round ${r}: moved ${last.rowsMoved} rows ` +
          `(${pressLine(last.perPress)}), p95 key->frame ${ms(summarize(last.samples.keyToFrame).p95)} ms`,
      );
    };
    for (const size of [5000, 500]) {
      await freshBackend();
      const total =
        size === 5000
          ? await server.historyLength(HEAVY_ACCOUNT_ID)
          : await server.truncateHistory(HEAVY_ACCOUNT_ID, size);
      if (total !== size) throw new Error(`the heavy account has ${total} history entries, not ${size}`);
      const rounds = [];
      for (let r = 1; r <= HELD_ROUNDS[size]; r++) {
        const t = Date.now();
        rounds.push(await heldDownRound(session, server.origin, `h${size}-${r}`));
        const last = rounds.at(-1);
        log(
          `bench:app: ${size} entries, round ${r}: moved ${last.rowsMoved} rows, presses moved/dropped/wrong ${pressLine(last.perPress)}, p95 key->frame ` +
            `${ms(summarize(last.samples.keyToFrame).p95)} ms, ${last.elementsAfter} elements (${((Date.now() - t) / 1000).toFixed(1)} s)`,
        );
        if (size === 5000) await floorRound(r, false);
      }
      results.held[size] = { historyEntries: total, ...pooled(rounds) };
      if (size !== 5000) continue;
      const taps = [];
      for (let r = 1; r <= TAPPED_ROUNDS; r++) {
        taps.push(await heldDownRound(session, server.origin, `t${size}-${r}`, { tapped: true }));
        const last = taps.at(-1);
        log(
          `bench:app: ${size} entries, tapped round ${r}: moved ${last.rowsMoved} rows for ${HELD_PRESSES} presses, ` +
            `moved/dropped/wrong ${pressLine(last.perPress)}, p95 key->frame ${ms(summarize(last.samples.keyToFrame).p95)} ms`,
        );
        await floorRound(r, true);
      }
      results.tapped = { historyEntries: total, ...pooled(taps) };
    }
    results.floor = { held: pooled(floorHeld), tapped: pooled(floorTapped) };
    if (!LIST_ONLY) {
      await freshBackend();
      log('bench:app: every screen, then the heap…');
      results.heap = await heapAfterEveryScreen(session, server.origin);
    }

    const check = (name, budget, value, pass, detail) => results.checks.push({ name, budget, value, pass, detail });
    const h5 = results.held[5000];
    const h05 = results.held[500];
    const ratio = (value, floor) => round(value / floor, 2);
    if (!LIST_ONLY) {
      // Issue 10's budget is the entry: the app's own modules for `#/` (the
      // entry chunk and what it imports). The classic polyfills, the module
      // check and the loader in public/polyfills are shown beside it.
      const appModules = results.initialJs.files.filter((f) => f.file.startsWith('assets/'));
      const entryGzip = appModules.reduce((n, f) => n + f.gzipBytes, 0);
      check(
        '#/ entry: app modules before the menu (gzip -9, modern build)',
        `≤ ${kb(BUDGETS.initialJsGzip)}`,
        kb(entryGzip),
        entryGzip <= BUDGETS.initialJsGzip,
        `${entryGzip} B in ${appModules.map((f) => f.file).join(', ')}; all initial JS with the polyfills ${results.initialJs.gzipBytes} B in ${results.initialJs.files.length} files`,
      );
      const coldChecks = [
        ['loopback', results.coldLoad.median, results.floorColdLoad.median, COLD_RUNS],
        ['TV network', results.tvNetwork.app.median, results.tvNetwork.floor.median, TV_NETWORK_RUNS],
      ];
      for (const [label, app, floor, runsCount] of coldChecks) {
        check(
          `cold load to state=ready + menu painted / floor's static menu, ${label}, medians of ${runsCount} (${THROTTLE}x CPU)`,
          `≤ ${BUDGETS.coldLoadRatio}x`,
          `${ratio(app, floor)}x`,
          app / floor <= BUDGETS.coldLoadRatio,
          `${ms(app)} ms / ${ms(floor)} ms`,
        );
      }
    }
    const keyBudgetAt = results.checks.length;
    for (const [label, app, floor] of [
      ['held', h5, results.floor.held],
      ['tapped', results.tapped, results.floor.tapped],
    ]) {
      check(
        `history 5,000: p95 key->next frame, Down ${label} ${HELD_PRESSES} x / floor list's (${THROTTLE}x CPU)`,
        `≤ ${BUDGETS.keyToFrameRatio}x`,
        `${ratio(app.keyToFrame.p95, floor.keyToFrame.p95)}x`,
        app.keyToFrame.p95 / floor.keyToFrame.p95 <= BUDGETS.keyToFrameRatio,
        `${ms(app.keyToFrame.p95)} ms / ${ms(floor.keyToFrame.p95)} ms; per round ${app.keyToFrameP95ByRound.join(', ')} ms`,
      );
    }
    const movedEnough = [...h5.rowsMoved, ...h05.rowsMoved].every((n) => n > 0);
    check(
      'history: held Down moved focus down',
      '> 0 rows, every round',
      `${[...h5.rowsMoved, ...h05.rowsMoved].join(', ')} rows`,
      movedEnough,
      'rows moved per round (5,000 then 500 entries)',
    );
    // Issue 10: a press moves exactly one row or is dropped whole; the floor's are shown, not budgeted.
    for (const [label, h] of [
      ['held, 5,000 entries', h5],
      ['held, 500 entries', h05],
      ['tapped, 5,000 entries', results.tapped],
    ]) {
      const clean = (p) => p.wrong === 0 && p.between === 0 && p.moved + p.dropped === HELD_PRESSES;
      check(
        `history, Down ${label}: every press one row down or dropped (${THROTTLE}x CPU)`,
        'wrong 0, every round',
        h.perPress.map(pressLine).join(', '),
        h.perPress.every(clean),
        `moved/dropped/wrong per round of ${HELD_PRESSES} presses; p95 key->next frame ${ms(h.keyToFrame.p95)} ms` +
          (h.perPress.some((p) => p.between) ? '; "between": focus moved with no press' : ''),
      );
    }
    const elements5 = h5.elementsAfter.at(-1);
    const elements05 = h05.elementsAfter.at(-1);
    check(
      'elements at the end (5,000 entries)',
      `≤ ${BUDGETS.elements}`,
      String(elements5),
      elements5 <= BUDGETS.elements,
      `every round: ${h5.elementsAfter.join(', ')}`,
    );
    // The list's windows move in blocks of 8 rows (mp-account-list.ts), so the count at the end
    // varies by up to a block with the row focus stops on; a DOM that grew with the list would be 10x.
    check(
      'elements at the end: 5,000 / 500 entries',
      `≤ ${BUDGETS.elementsGrowth}x`,
      `${elements5} / ${elements05}`,
      elements5 <= elements05 * BUDGETS.elementsGrowth,
      `500: ${h05.elementsAfter.join(', ')}; 5,000: ${h5.elementsAfter.join(', ')}`,
    );
    if (!LIST_ONLY)
      check(
        'JS heap after every screen, back on the menu (after GC)',
        `≤ ${mb(BUDGETS.heapBytes)}`,
        mb(results.heap.jsHeapUsedBytes),
        results.heap.jsHeapUsedBytes <= BUDGETS.heapBytes,
        `${results.heap.jsHeapUsedBytes} B`,
      );

    const keyMissed = !results.checks[keyBudgetAt].pass || !results.checks[keyBudgetAt + 1].pass;
    // A quick --list-only check profiles only when asked.
    if ((keyMissed && !LIST_ONLY) || FORCE_PROFILE || PROFILE_TAPPED) {
      const kind = PROFILE_TAPPED ? 'tapped' : 'held';
      log(`bench:app: profiling one ${kind}-Down round at 5,000 entries…`);
      await freshBackend();
      const r = await heldDownRound(session, server.origin, 'profile', { profile: true, tapped: PROFILE_TAPPED });
      results.profile = {
        note:
          `sampling CPU profile (200 us) of the page's main thread over ${HELD_PRESSES} ${kind}-Down key events at ${THROTTLE}x, ` +
          "named through the build's source maps (name* = minified name, no name in the map)",
        keyToFrameP95: round(summarize(r.samples.keyToFrame).p95),
        ...summarizeProfile(symbolizeProfile(r.cpuProfile, distDir), { top: 15 }),
      };
    }

    if (TRACE) {
      const tapped = TRACE === '--trace=tapped';
      log(`bench:app: tracing one ${tapped ? 'tapped' : 'held'}-Down round at 5,000 entries…`);
      await freshBackend();
      const r = await heldDownRound(session, server.origin, 'trace', { trace: true, tapped });
      // The whole trace too, for DevTools' Performance panel (Load profile); in the cache, also with
      // --no-build (beside dist/ it landed in the project's root).
      const traceFile = join(benchCache, 'trace.json');
      writeFileSync(traceFile, JSON.stringify({ traceEvents: r.traceEvents }));
      results.trace = {
        file: traceFile,
        kind: tapped ? 'tapped' : 'held',
        keyToFrameP95: round(summarize(r.samples.keyToFrame).p95),
        ...summarizeTrace(r.traceEvents, { presses: HELD_PRESSES }),
      };
      const floorRound = await heldDownRound(session, server.origin, 'trace-floor', {
        trace: true,
        tapped,
        floor: true,
      });
      results.floorTrace = {
        keyToFrameP95: round(summarize(floorRound.samples.keyToFrame).p95),
        ...summarizeTrace(floorRound.traceEvents, { presses: HELD_PRESSES }),
      };
      log(JSON.stringify({ app: results.trace, floor: results.floorTrace }, null, 2));
    }

    results.meta.seconds = Math.round((Date.now() - started) / 1000);
    results.meta.loadAverageAtEnd = loadavg().map((x) => round(x));
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    report(results);
    return results.checks.some((c) => !c.pass) ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(results) {
  const { meta, initialJs, legacyJs, coldLoad, floorColdLoad, tvNetwork, held, tapped, floor, heap } = results;
  const out = [];
  out.push(
    `App benchmark: production build, ${meta.browser}, CPU ${meta.throttle}x, ${meta.viewport.width}x${meta.viewport.height}, ${meta.cpus}, node ${meta.node}`,
  );
  const busy = Math.max(meta.loadAverageAtStart[0], meta.loadAverageAtEnd[0]) > cpus().length * 0.5;
  if (busy) {
    out.push(
      `Warning: the machine was busy (load average ${meta.loadAverageAtStart[0]} at start, ${meta.loadAverageAtEnd[0]} at end): ` +
        'times are inflated; re-run on a quiet machine before comparing.',
    );
  }
  const late = Math.max(...Object.values(held).map((h) => h.sendLatenessMaxMs));
  if (late > 20) {
    out.push(
      `Warning: the bench's own key sender was up to ${late} ms late (starved of CPU), so the held key did not repeat evenly; ` +
        'the held-key figures are not comparable.',
    );
  }
  out.push('');
  out.push(
    table(
      ['budget (issues 5 and 10)', 'measured', 'budget', ''],
      results.checks.map((c) => [c.name, c.value, c.budget, c.pass ? 'PASS' : 'FAIL']),
    ),
  );
  out.push('');
  if (initialJs)
    out.push(
      `Initial JS (requested before the menu was painted; same set in every run: ${initialJs.sameInEveryRun ? 'yes' : 'NO'}): ` +
        initialJs.files.map((f) => `${f.file} ${f.gzipBytes} B`).join(', ') +
        ` = ${initialJs.gzipBytes} B gzip (${initialJs.bytes} B raw).` +
        (initialJs.requestedAfterMenu.length ? ` Requested after: ${initialJs.requestedAfterMenu.join(', ')}.` : ''),
    );
  out.push(
    `Legacy (nomodule engines, not budgeted): ${legacyJs.files.map((f) => `${f.file} ${f.gzipBytes} B`).join(', ')} = ` +
      `${legacyJs.gzipBytes} B gzip (${kb(legacyJs.gzipBytes)}; ${legacyJs.bytes} B raw).`,
  );
  if (coldLoad)
    out.push(
      `Cold load (new browser process each, cache disabled, session cookie set; ms from navigation start): runs ${coldLoad.runs.join(', ')}; ` +
        `median ${coldLoad.median} (DOMContentLoaded ${coldLoad.medianDomContentLoaded}, load ${coldLoad.medianLoadEvent}). ` +
        `Reload in the same tab (warm process, not budgeted): ${coldLoad.reloadInSameTab.runs.join(', ')}; median ${coldLoad.reloadInSameTab.median}. ` +
        `Floor (static menu, same head): runs ${floorColdLoad.runs.join(', ')}; median ${floorColdLoad.median}.`,
    );
  if (tvNetwork)
    out.push(
      `TV network (${tvNetwork.conditions.latency} ms latency, ${(tvNetwork.conditions.downloadThroughput * 8) / 1e6} Mbit/s): ` +
        `app runs ${tvNetwork.app.runs.join(', ')}, median ${tvNetwork.app.median}; ` +
        `floor runs ${tvNetwork.floor.runs.join(', ')}, median ${tvNetwork.floor.median}.`,
    );
  out.push('');
  const pair = (s) => `${ms(s.median)} / ${ms(s.p95)}`;
  out.push(
    table(
      [
        'Down, #/history',
        'rows moved',
        'presses moved/dropped/wrong',
        'moving keys',
        'key->focus',
        'key->frame',
        'key->frame done',
        'input delay',
        'elements end',
        'rows loaded',
      ],
      [
        ...Object.entries(held)
          .sort((a, b) => Number(b[0]) - Number(a[0]))
          .map(([size, h]) => [`held, ${size}`, h]),
        ...(tapped ? [[`tapped, ${tapped.historyEntries}`, tapped]] : []),
        ...(floor
          ? [
              ['floor list held, 0', floor.held],
              ['floor list tapped, 0', floor.tapped],
            ]
          : []),
      ].map(([label, h]) => [
        label.startsWith('floor')
          ? `${label.split(', ')[0]} (${h.rounds} x ${HELD_PRESSES} keys)`
          : `${label.split(', ')[0]}, ${Number(label.split(', ')[1]).toLocaleString('en')} entries (${h.rounds} x ${HELD_PRESSES} keys)`,
        h.rowsMoved.join(', '),
        h.perPress.map(pressLine).join(', '),
        h.movingPresses.join(', '),
        pair(h.keyToFocus),
        pair(h.keyToFrame),
        pair(h.keyToFrameDone),
        pair(h.inputDelay),
        h.elementsAfter.join(', '),
        h.loadedRows.map((n) => n ?? '-').join(', '),
      ]),
    ),
  );
  out.push(
    `Times: ms, median / p95 (nearest rank), pooled over rounds, from the key's event.timeStamp (when the browser got it, so queueing counts). ` +
      `key->focus over keys that moved focus; key->frame (next requestAnimationFrame) and key->frame done (that frame's main-thread work over) over ` +
      `every key. ` +
      `Keys the focus engine dropped (a repeat arriving before the previous move's frame) count with the frame they waited for. ` +
      `Keys sent every ${REPEAT_MS} ms (sender lateness max ${Math.max(...Object.values(held).map((h) => h.sendLatenessMaxMs))} ms).`,
  );
  out.push(
    `Presses: each key's focused row as it arrived and once the page had handled it (aria-posinset): moved = one row down, ` +
      `dropped = focus stayed, wrong = skipped rows, went up, left the list while rows remained, or came with focus on no row; ` +
      `"between" = focus moved with no key (a key's row after it differs from the next key's row before it).`,
  );
  const groups = [
    ...Object.entries(held)
      .sort((a, b) => Number(b[0]) - Number(a[0]))
      .map(([size, h]) => [`held ${size}`, h]),
    ...(tapped ? [['tapped 5000', tapped]] : []),
    ...(floor
      ? [
          ['floor held', floor.held],
          ['floor tapped', floor.tapped],
        ]
      : []),
  ];
  out.push(
    `Dropped presses, per round, as repeat (the engine moves once a frame) / awaiting the next page at the last loaded row / other: ` +
      groups
        .map(([label, h]) => `${label} ${h.perPress.map((p) => Object.values(p.droppedAs).join('/')).join(', ')}`)
        .join('; ') +
      '.',
  );
  const wrongRounds = groups.flatMap(([label, h]) =>
    h.perPress
      .map((p, i) => [`${label} round ${i + 1}`, p])
      .filter(([, p]) => p.wrong || p.between || p.otherDrops.length),
  );
  for (const [label, p] of wrongRounds) {
    const kinds = Object.entries(p.kinds).filter(([k, n]) => n && k !== 'moved' && k !== 'dropped');
    if (p.otherDrops.length) kinds.push([`dropped for no reason seen`, p.droppedAs.other]);
    const show = (x) =>
      x
        ? x.row == null
          ? `off the list (${x.active})`
          : `row ${x.row}/${x.size}${x.more ? '+' : ''}${x.loading ? ' loading' : ''}`
        : 'unseen';
    out.push(
      `  ${label}: ${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}${p.between ? `, ${p.between} between` : ''}; first: ` +
        [
          ...p.wrongExamples.map(
            (e) => `#${e.press} ${e.kind}${e.repeat ? ' (repeat)' : ''} ${show(e.from)} -> ${show(e.after)}`,
          ),
          ...p.betweenExamples.map((e) => `after #${e.afterPress} ${show(e.after)}, next came at ${show(e.nextFrom)}`),
          ...p.otherDrops.map((e) => `#${e.press} dropped at ${show(e.from)}`),
        ].join('; '),
    );
  }
  if (heap)
    out.push(
      `Heap tour: ${heap.visited.join(' ')} -> JSHeapUsedSize ${heap.jsHeapUsedBytes} B (${mb(heap.jsHeapUsedBytes)}; total ${mb(heap.jsHeapTotalBytes)}), ` +
        `${heap.elements} elements, ${heap.nodes} DOM nodes (Performance.getMetrics) on the menu.`,
    );
  if (results.profile) {
    const p = results.profile;
    out.push('');
    out.push(
      `CPU profile, one more round at 5,000 entries (p95 key->frame ${p.keyToFrameP95} ms): ${p.busyMs} ms busy. ${p.note}.`,
    );
    out.push(profileTables(p));
  }
  if (results.coldProfile) {
    out.push('');
    out.push(`CPU profile of a cold load: ${results.coldProfile.busyMs} ms busy. ${results.coldProfile.note}.`);
    out.push(profileTables(results.coldProfile));
  }
  out.push('');
  out.push(`Results: bench/results/${basename(RESULTS)} (${meta.seconds} s)`);
  console.log(out.join('\n'));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench:app: ${error.stack ?? error}`);
    process.exit(2);
  },
);
