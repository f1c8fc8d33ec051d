/**
 * `npm run screenshots`: every screen, the identity-stop and the error and
 * loading states, at 1920x1080 and 1280x720 (TV profile, `?tv=1`) and on a
 * 390x844 phone, in Japanese and English, into screenshots/<locale>/<size>/.
 * `--gallery` instead writes the small committed set of docs/gallery/.
 *
 * It builds the app into a private folder (others may be rebuilding dist/
 * at the same time), serves it with Vite's preview server (which answers
 * /api with the mock backend), and drives a headless modern Chromium over
 * CDP, logging in through the real form. Exits 1 if any capture failed.
 *
 *   node scripts/screenshots/take-screenshots.mjs [--gallery] [--out DIR]
 *     [--locale ja|en] [--size 1920x1080|1280x720|390x844] [--only NAME,NAME]
 *     [--dist DIR (serve an existing build, no build)] [--phone-dpr N]
 *     [--port N (serve on this port, else a free one)]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium64 as launchChromium } from '../chromium64.mjs';
import { serveBuild } from '../serve/serve-build.mjs';
import { chromiumArgs, findChromium } from '../find-chromium.mjs';
import { app, loginThroughForm, screen } from '../../test/tv-engine/app-page.mjs';
import { GALLERY, INVALID_CARD, LOCALES, SHOTS, SIZES } from './plan.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WAIT_MS = 20000;

/** A mistake in the command line: reported without a stack trace. */
class UsageError extends Error {}

let args;

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        gallery: { type: 'boolean', default: false },
        out: { type: 'string' },
        locale: { type: 'string', multiple: true },
        size: { type: 'string', multiple: true },
        only: { type: 'string' },
        dist: { type: 'string' },
        'phone-dpr': { type: 'string', default: '1' },
        port: { type: 'string', default: '0' },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  for (const locale of values.locale ?? []) {
    if (!LOCALES.includes(locale)) throw new UsageError(`--locale ${locale}: one of ${LOCALES.join(', ')}`);
  }
  for (const size of values.size ?? []) {
    if (!SIZES.some((s) => s.name === size))
      throw new UsageError(`--size ${size}: one of ${SIZES.map((s) => s.name).join(', ')}`);
  }
  if (!(Number(values['phone-dpr']) > 0)) throw new UsageError(`--phone-dpr ${values['phone-dpr']}: a positive number`);
  if (!/^\d+$/.test(values.port)) throw new UsageError(`--port ${values.port}: a port number (0 = any free one)`);
  return values;
}

/** Which shot goes where, at what scale: one job list for both modes. */
function jobs() {
  const only = args.only ? new Set(args.only.split(',')) : null;
  const locales = args.gallery ? ['ja'] : (args.locale ?? LOCALES);
  const sizeNames = args.size ?? SIZES.map((s) => s.name);
  const out = resolve(repoRoot, args.out ?? (args.gallery ? 'docs/gallery' : 'screenshots'));
  const groups = [];
  for (const locale of locales) {
    for (const size of SIZES.filter((s) => sizeNames.includes(s.name))) {
      const gallery = GALLERY.find((g) => g.size === size.name);
      if (args.gallery && !gallery) continue;
      const wanted = new Map();
      for (const shot of SHOTS) {
        if (only && !only.has(shot.name)) continue;
        if (args.gallery && !gallery.shots.includes(shot.name)) continue;
        wanted.set(shot.name, {
          file: args.gallery
            ? join(out, `${gallery.prefix}-${shot.name}.png`)
            : join(out, locale, size.name, `${shot.name}.png`),
          scale: args.gallery ? gallery.scale : 1,
        });
      }
      if (wanted.size > 0) groups.push({ locale, size, wanted });
    }
  }
  for (const name of only ?? []) {
    if (!SHOTS.some((s) => s.name === name))
      throw new UsageError(`--only: no shot named "${name}" (see scripts/screenshots/plan.mjs)`);
  }
  return groups;
}

/**
 * Without a CJK font Chromium leaves Japanese out (blank or boxes); the run
 * still goes on, since English and the layout are still worth reviewing.
 */
function checkJapaneseFont() {
  let found = '';
  try {
    found = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    // No fontconfig tools: Chromium cannot have a Japanese font from there either.
  }
  if (found) return true;
  console.warn(
    '\n!! WARNING: no Japanese font installed (`fc-list :lang=ja` is empty): Japanese text will be\n' +
      '!! missing (blank space or empty boxes) in the screenshots. Install one and run again:\n' +
      '!!   sudo apt-get install -y fonts-noto-cjk\n',
  );
  return false;
}

/**
 * A page-side check, true once the shot's screen is there and nothing is
 * still arriving: the app's state, the screen element, the load state the
 * shot wants, every Lit element updated, the QR code drawn, fonts loaded.
 */
function settledExpression(shot) {
  return `(async () => {
    const app = ${app};
    if (!app || app.getAttribute('state') !== ${JSON.stringify(shot.state ?? 'ready')}) return false;
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const has = (selector) => all.some((el) => el.matches(selector));
    if (!has(${JSON.stringify(shot.screen)})) return false;
    const load = ${JSON.stringify(shot.load ?? 'none')};
    if (load === 'none' && (has('mp-load-state') || app.shadowRoot.querySelector('main > p[role=status]'))) return false;
    if (load !== 'none' && !has('mp-load-state[status=' + load + ']')) return false;
    if (${JSON.stringify(shot.until ?? '')} && !has(${JSON.stringify(shot.until ?? '')})) return false;
    if (all.some((el) => el.localName === 'mp-phone-handoff' && !el.shadowRoot.querySelector('svg'))) return false;
    await Promise.all(all.filter((el) => el.updateComplete).map((el) => el.updateComplete));
    await document.fonts.ready;
    return document.fonts.status === 'loaded';
  })()`;
}

/** Steps that put a screen into the state a shot shows. */
const actions = {
  'open-cancel-dialog': (session) =>
    session.evaluate(`(() => {
      ${screen('mp-membership-screen')}.shadowRoot.querySelector('button.cancel-contract').click();
      return true;
    })()`),
  // Typed through input events, so the screen's own formatting runs as for a customer.
  'submit-invalid-card': (session) =>
    session.evaluate(`(() => {
      const root = ${screen('mp-card-change-screen')}.shadowRoot;
      for (const [name, value] of Object.entries(${JSON.stringify(INVALID_CARD)})) {
        const input = root.querySelector('input[name=' + name + ']');
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value }));
      }
      root.querySelector('button[type=submit]').click();
      return true;
    })()`),
};

/** Focus rings stay (they are part of the TV design); the blinking caret would not be reproducible. */
const HIDE_CARET = `(() => {
  const style = document.createElement('style');
  style.textContent = 'html { caret-color: transparent !important; }';
  document.head.append(style);
  return true;
})()`;

/** What the page shows instead, for a failure message that says what went wrong. */
const DESCRIBE_PAGE = `(() => {
  const app = ${app};
  if (!app) return 'no <my-page-app> at ' + location.href;
  const tags = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (/^mp-/.test(el.localName)) tags.push(el.localName + (el.getAttribute('status') ? '[' + el.getAttribute('status') + ']' : ''));
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return 'state=' + app.getAttribute('state') + ' ' + location.hash + ' fonts=' + document.fonts.status + ' ' + [...new Set(tags)].join(' ');
})()`;

class Capturer {
  constructor(session, base) {
    this.session = session;
    this.base = base;
    this.origin = new URL(base).origin;
    this.signedIn = false;
    this.loads = 0;
  }

  async mock(path, body) {
    const response = await fetch(new URL(path, this.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  }

  async setSize(size) {
    const dpr = size.mobile ? Number(args['phone-dpr']) : 1;
    await this.session.send('Emulation.setDeviceMetricsOverride', {
      width: size.width,
      height: size.height,
      deviceScaleFactor: dpr,
      mobile: size.mobile,
    });
    await this.session.send('Emulation.setTouchEmulationEnabled', { enabled: size.mobile });
  }

  /**
   * A new page load with a clean browser state and backend: no cookie, no
   * tab memory, mock data and config as new, then the shot's fault applied
   * by the page URL itself (as a QA link would).
   */
  async freshPage(group, shot) {
    await this.session.send('Storage.clearDataForOrigin', { origin: this.origin, storageTypes: 'all' });
    await this.mock('/__mock/reset');
    const query = new URLSearchParams({
      lang: group.locale,
      ...(group.size.tv ? { tv: '1' } : {}),
      ...(shot.fresh ?? {}),
    });
    // A distinct query per load: the same URL with another hash would not reload. The shot's name
    // alone repeats when a group starts with the shot the previous group started with (the size is
    // not in the query: 1920x1080 and 1280x720 are both tv=1), and that page may sit on another hash.
    query.set('shot', shot.name);
    query.set('load', String(++this.loads));
    this.signedIn = false;
    // Marks the old document, so the wait below cannot be satisfied by it.
    await this.session.evaluate('window.__screenshotStale = true');
    // Faults are narrowed to an endpoint the menu never reads: the login reaches `ready` at the
    // menu, and the fault shows only when the shot's route asks for its data.
    await this.session.send('Page.navigate', { url: `${this.base}?${query}#${shot.signedOut ? '/login' : '/'}` });
    const loaded = `!window.__screenshotStale && document.readyState === 'complete' && ${app} !== null`;
    const end = Date.now() + WAIT_MS;
    for (;;) {
      try {
        await this.session.waitFor(loaded, { timeout: Math.max(0, end - Date.now()) });
        break;
      } catch (error) {
        // An evaluation can land on the document being replaced; only running out of time is a failure.
        if (Date.now() > end || /^Timed out/.test(error.message)) {
          throw new Error(`the page did not load: ${error.message}`, { cause: error });
        }
      }
    }
    await this.session.evaluate(HIDE_CARET);
  }

  async signIn() {
    await loginThroughForm(this.session);
    this.signedIn = true;
  }

  async goTo(route) {
    await this.session.evaluate(`(() => {
      if (location.hash !== '#${route}') location.hash = '#${route}';
      return true;
    })()`);
  }

  async settle(shot) {
    try {
      await this.session.waitFor(settledExpression(shot), { timeout: WAIT_MS, interval: 50 });
    } catch (error) {
      if (!/^Timed out/.test(error.message)) throw error;
      const seen = await this.session.evaluate(DESCRIBE_PAGE).catch(() => 'page not readable');
      const wanted = `state=${shot.state ?? 'ready'} ${shot.screen} load=${shot.load ?? 'none'}${shot.until ? ` + ${shot.until}` : ''}`;
      throw new Error(`did not settle within ${WAIT_MS / 1000} s: wanted ${wanted}; page has ${seen}`, {
        cause: error,
      });
    }
    // Two frames for layout and paint, then the 80 ms focus transition.
    await this.session.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await new Promise((r) => setTimeout(r, 200));
  }

  async capture(file, scale) {
    const params = { format: 'png', captureBeyondViewport: false };
    if (scale !== 1) {
      // A clip is in page coordinates, so it must follow the scroll to show what the viewport shows.
      const { cssVisualViewport: v } = await this.session.send('Page.getLayoutMetrics');
      params.clip = { x: v.pageX, y: v.pageY, width: v.clientWidth, height: v.clientHeight, scale };
    }
    const { data } = await this.session.send('Page.captureScreenshot', params);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(data, 'base64'));
  }

  /** Runs one group (a locale at a size): one login, then every shot in plan order. */
  async runGroup(group, report) {
    await this.setSize(group.size);
    let needsFresh = true;
    for (const shot of SHOTS) {
      const target = group.wanted.get(shot.name);
      // Skipped shots are not driven at all, except that the login comes with the first one.
      if (!target) continue;
      const label = `${group.locale}/${group.size.name}/${shot.name}`;
      const started = Date.now();
      try {
        if (shot.fresh || shot.signedOut || needsFresh) {
          await this.freshPage(group, shot);
          needsFresh = false;
        }
        if (!shot.signedOut && !this.signedIn) await this.signIn();
        if (shot.mock) await this.mock('/__mock/config', shot.mock);
        await this.goTo(shot.signedOut ? '/login' : shot.route);
        if (shot.action) {
          await this.settle({ ...shot, until: undefined });
          await actions[shot.action](this.session);
        }
        await this.settle(shot);
        await this.capture(target.file, target.scale);
        const kb = (statSync(target.file).size / 1024).toFixed(0);
        console.log(`  wrote ${relative(repoRoot, target.file)} (${kb} KB, ${Date.now() - started} ms)`);
        report.written.push(target.file);
      } catch (error) {
        console.error(`  FAILED ${label}: ${error.message.split('\n')[0].slice(0, 400)}`);
        report.failed.push({ label, error: error.message });
        needsFresh = true;
      } finally {
        // A fault or latency set for this shot must not leak into the next one.
        if (shot.mock || shot.fresh) {
          await this.mock('/__mock/reset').catch(() => {});
          if (shot.fresh) needsFresh = true;
        }
      }
    }
  }
}

async function main() {
  const started = Date.now();
  args = readArgs();
  const groups = jobs();
  if (groups.length === 0) throw new UsageError('nothing to capture with these options (see --locale, --size, --only)');
  // Found first: the packaged Chromium may set FONTCONFIG_PATH, which fc-list must see too.
  const executablePath = await findChromium();
  if (groups.some((g) => g.locale === 'ja')) checkJapaneseFont();

  const server = await serveBuild({ dist: args.dist, cacheName: 'screenshots-dist', port: Number(args.port) });
  let browser;
  const report = { written: [], failed: [], pageErrors: [] };
  try {
    const base = server.resolvedUrls.local[0];
    browser = await launchChromium({
      executablePath,
      extraArgs: [...chromiumArgs, '--hide-scrollbars', '--font-render-hinting=none'],
    });
    console.log(`${browser.version} on ${base}`);
    const { session } = browser;
    session.on((message) => {
      if (message.method === 'Runtime.exceptionThrown') {
        const details = message.params.exceptionDetails;
        report.pageErrors.push(details.exception?.description ?? details.text);
      }
    });
    await session.send('Runtime.enable');
    await session.send('Page.enable');
    // A headless page can count as unfocused; emulated focus keeps the focus ring in every shot.
    await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    const capturer = new Capturer(session, base);
    for (const group of groups) {
      console.log(`${group.locale} ${group.size.name}${group.size.tv ? ' (tv=1)' : ''}:`);
      await capturer.runGroup(group, report);
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\n${report.written.length} screenshots written in ${seconds} s, ${report.failed.length} failed.`);
  if (report.pageErrors.length > 0) {
    console.warn(`Script errors in the page (${report.pageErrors.length}):`);
    for (const text of new Set(report.pageErrors)) console.warn(`  ${text.split('\n')[0]}`);
  }
  if (report.failed.length > 0) {
    for (const { label } of report.failed) console.error(`  failed: ${label}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error instanceof UsageError ? `screenshots: ${error.message}` : (error.stack ?? error));
  process.exitCode = 1;
});
