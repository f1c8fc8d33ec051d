/**
 * WebKitGTK for web-test-runner: Debian's WebKitWebDriver (webkit2gtk-driver)
 * driving MiniBrowser, through @web/test-runner-webdriver. Needs an X display
 * (run-engines.mjs runs it under `xvfb-run -a`).
 *
 * On top of the stock webdriver launcher this
 * - starts and stops WebKitWebDriver itself (webdriverio only knows how to
 *   start the chrome/firefox/edge/safari drivers),
 * - gives every test file an 800x600 viewport, as the Chromium launcher does,
 * - gives every test file a browser of its own (a new WebDriver session: a new
 *   MiniBrowser and web process), as Chromium and Firefox give each file a
 *   new page: in one session every file ran in the same web process, which
 *   grew to ~850 MB and slowed down as the run went on, until on a busy CI
 *   machine screens late in the run took over 5 s to render,
 * - offers `setViewport(sessionId, { width, height })`, which
 *   engine-commands-plugin.mjs uses for `setViewport` from
 *   @web/test-runner-commands (whose own plugin knows puppeteer and playwright
 *   only): it sizes the window to the viewport plus MiniBrowser's toolbar,
 * - shrinks MiniBrowser's own GTK chrome (a gtk.css in a private
 *   XDG_CONFIG_HOME, for the driver and browser processes only): with the
 *   stock theme the toolbar keeps the window at least 447 px wide, so a phone
 *   viewport (390 px) was impossible. Web content is not styled by GTK.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const WEBKIT_DRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER =
  process.env.WEBKIT_MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const DEFAULT_VIEWPORT = { width: 800, height: 600 };
/** Test files run in one MiniBrowser before the next gets a new one. */
const FILES_PER_BROWSER = 1;

/** MiniBrowser's window chrome (toolbar, URL entry, buttons) as small as GTK allows. */
const COMPACT_GTK_CSS = `* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; -gtk-icon-transform: scale(0.1); }\n`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not listen on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class WebKitGtkLauncher extends WebdriverLauncher {
  #driverProcess = null;
  #driverLog = '';
  #configHome = null;
  #stopping = false;
  #filesInBrowser = 0;
  /** What MiniBrowser's own window chrome takes around the page, learnt on first use. */
  #chrome = { width: 0, height: 0 };

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKitGTK';
  }

  async createDriverManager() {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      throw new Error('WebKitGTK needs a display: run it under `xvfb-run -a` (npm run test:engines does).');
    }
    for (const file of [WEBKIT_DRIVER, MINIBROWSER]) {
      if (!existsSync(file)) throw new Error(`${file} not found: apt-get install webkit2gtk-driver`);
    }
    this.#configHome = mkdtempSync(join(tmpdir(), 'wtr-webkitgtk-'));
    mkdirSync(join(this.#configHome, 'gtk-3.0'));
    writeFileSync(join(this.#configHome, 'gtk-3.0', 'gtk.css'), COMPACT_GTK_CSS);

    const port = await freePort();
    this.#driverProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CONFIG_HOME: this.#configHome },
    });
    const keepLog = (chunk) => (this.#driverLog = (this.#driverLog + chunk).slice(-4000));
    this.#driverProcess.stdout.on('data', keepLog);
    this.#driverProcess.stderr.on('data', keepLog);
    this.#driverProcess.once('exit', () => (this.#driverProcess = null));
    try {
      await waitForPort(port);
    } catch (error) {
      throw new Error(`${error.message}\n${this.#driverLog}`, { cause: error });
    }
    Object.assign(this.options, { hostname: '127.0.0.1', port, path: '/' });
    return this.#openBrowser();
  }

  /** A new session on the running WebKitWebDriver: a new MiniBrowser, nothing kept from the last one. */
  async #openBrowser() {
    const manager = await super.createDriverManager();
    // The stock manager navigates without awaiting (fire and forget); a
    // navigation still pending when the run ends is aborted by deleteSession
    // and must not crash the runner as an unhandled rejection.
    const startSession = manager.startSession.bind(manager);
    manager.startSession = (id, url) =>
      startSession(id, url).catch((error) => {
        if (!this.#stopping) throw error;
      });
    return manager;
  }

  async startSession(id, url) {
    await this.ensureManagerInitialized();
    if (this.#filesInBrowser >= FILES_PER_BROWSER) {
      // The last file's session has stopped (concurrency 1): its browser can go.
      clearInterval(this.pendingHeartbeat);
      await this.driver?.deleteSession().catch(() => {});
      await this.#openBrowser();
      this.#filesInBrowser = 0;
    }
    this.#filesInBrowser++;
    await this.setViewport(id, DEFAULT_VIEWPORT);
    return super.startSession(id, url);
  }

  /**
   * Makes the page's layout viewport `width` x `height` CSS px: sizes the
   * window to that plus the window's chrome, then waits until the page has
   * seen the new size (the resize reaches the page asynchronously).
   */
  async setViewport(_sessionId, { width, height }) {
    const driver = this.driver;
    if (!driver) throw new Error('Not initialized');
    const inner = async () => {
      const [w, h] = await driver.execute('return [window.innerWidth, window.innerHeight]');
      return { width: w, height: h };
    };
    let seen = await inner();
    for (let attempt = 0; attempt < 4; attempt++) {
      const rect = await driver.setWindowRect(0, 0, width + this.#chrome.width, height + this.#chrome.height);
      const end = Date.now() + 1500;
      for (;;) {
        seen = await inner();
        if (seen.width === width && seen.height === height) return true;
        if (Date.now() > end) break;
        await sleep(25);
      }
      // Settled at another size: the chrome is not what was assumed.
      this.#chrome = { width: rect.width - seen.width, height: rect.height - seen.height };
    }
    throw new Error(`WebKitGTK viewport stays ${seen.width}x${seen.height}, wanted ${width}x${height}`);
  }

  async stop() {
    this.#stopping = true;
    await super.stop();
    if (this.#driverProcess) {
      const exited = new Promise((resolve) => this.#driverProcess?.once('exit', resolve));
      this.#driverProcess.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      this.#driverProcess?.kill('SIGKILL');
    }
    if (this.#configHome) rmSync(this.#configHome, { recursive: true, force: true });
  }
}

/** The capabilities measured to work here (see /work/shared/toolchain-notes.md). */
export function webkitGtkLauncher() {
  return new WebKitGtkLauncher({
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  });
}
