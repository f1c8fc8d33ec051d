/**
 * A 2019-TV-class engine for tests and benchmarks: the Chromium 64 binary that
 * the chrome-aws-lambda@64.0.3264 npm package ships (brotli-packed), driven by
 * raw CDP over a WebSocket, since current puppeteer cannot talk to it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);

/** Unpacks the binary once into node_modules/.cache and returns its path. */
export function chromium64Path() {
  const packed = join(dirname(require.resolve('chrome-aws-lambda/package.json')), 'bin', 'chromium.br');
  const target = join(
    dirname(require.resolve('chrome-aws-lambda/package.json')),
    '..',
    '.cache',
    'chromium64',
    'chromium',
  );
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, brotliDecompressSync(readFileSync(packed)));
    chmodSync(target, 0o755);
  }
  return target;
}

/** A minimal CDP session on one page target. */
class CdpSession {
  #socket;
  #nextId = 1;
  #pending = new Map();
  #listeners = new Set();

  constructor(socket) {
    this.#socket = socket;
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.id && this.#pending.has(message.id)) {
        const { resolve, reject } = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
        else resolve(message.result);
      } else if (message.method) {
        for (const listener of this.#listeners) listener(message);
      }
    });
  }

  send(method, params = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(listener) {
    this.#listeners.add(listener);
  }

  /** Evaluates an expression in the page; awaits promises; returns the value. */
  async evaluate(expression) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(`Page threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  }

  /** Polls an expression until it returns a truthy value. */
  async waitFor(expression, { timeout = 15000, interval = 100 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(expression);
      if (value) return value;
      if (Date.now() > end) throw new Error(`Timed out waiting for: ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }

  close() {
    this.#socket.close();
  }
}

/** The first page target, polled: it can be listed a moment after "DevTools listening". */
async function firstPageTarget(httpBase, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const targets = await (await fetch(`${httpBase}/json/list`)).json();
    const page = targets.find((target) => target.type === 'page');
    if (page) return page;
    if (Date.now() > end) throw new Error('Chromium listed no page target');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a headless Chromium (by default the Chromium 64 one) and returns a
 * CDP session on its first page.
 */
export async function launchChromium64({ extraArgs = [], executablePath = chromium64Path() } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'chromium-cdp-'));
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      ...extraArgs,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const browserUrl = await new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium 64 did not start:\n${stderr}`)), 20000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = stderr.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium 64 exited (${code}):\n${stderr}`)));
  });
  const httpBase = browserUrl.replace(/^ws:\/\/([^/]+)\/.*$/, 'http://$1');
  let socket;
  try {
    // "DevTools listening" can come before the first tab is listed (a loaded machine).
    const page = await firstPageTarget(httpBase);
    socket = new WebSocket(page.webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
  } catch (error) {
    // Never leave a browser behind to hang the test process.
    child.kill('SIGKILL');
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const session = new CdpSession(socket);
  const version = await (await fetch(`${httpBase}/json/version`)).json();
  let browserSession = null;
  const sessions = [session];
  return {
    session,
    version: version.Browser,
    /** The browser process (its renderers and helpers are its descendants). */
    pid: child.pid,
    /**
     * A new page in a browser context of its own (Target.createBrowserContext):
     * its own cookie jar and storage, as a second device would have, without a
     * second browser process.
     */
    async newIsolatedPage() {
      if (!browserSession) {
        const browserSocket = new WebSocket(browserUrl, { perMessageDeflate: false });
        await new Promise((resolve, reject) => {
          browserSocket.once('open', resolve);
          browserSocket.once('error', reject);
        });
        browserSession = new CdpSession(browserSocket);
        sessions.push(browserSession);
      }
      const { browserContextId } = await browserSession.send('Target.createBrowserContext');
      const { targetId } = await browserSession.send('Target.createTarget', { url: 'about:blank', browserContextId });
      const devtools = browserUrl.replace(/\/devtools\/browser\/.*$/, '');
      const pageSocket = new WebSocket(`${devtools}/devtools/page/${targetId}`, { perMessageDeflate: false });
      await new Promise((resolve, reject) => {
        pageSocket.once('open', resolve);
        pageSocket.once('error', reject);
      });
      const page = new CdpSession(pageSocket);
      sessions.push(page);
      return page;
    },
    async close() {
      for (const open of sessions) open.close();
      const exited =
        child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      try {
        // A current Chromium's helper processes can still write the profile just after the kill (ENOTEMPTY).
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // A temporary profile left in /tmp is harmless; failing the test over it is not.
      }
    },
  };
}
