// @ts-check
/**
 * The whole browser suite in the engines other than Chromium: Firefox ESR
 * (Debian `firefox-esr`, driven over WebDriver BiDi by puppeteer through
 * @web/test-runner-chrome) and WebKitGTK (Debian `webkit2gtk-driver`'s
 * WebKitWebDriver + MiniBrowser through @web/test-runner-webdriver, needs an X
 * display: `xvfb-run -a`).
 *
 * Same files, plugins, HTML and timeouts as web-test-runner.config.mjs; only
 * the browsers differ, and the Chromium-only `tv-key` command (CDP) is
 * replaced by scripts/engines/engine-commands-plugin.mjs.
 *
 * ENGINES=firefox or ENGINES=webkit picks one (default: both). Use
 * `npm run test:engines`, which runs each engine in its own wtr process.
 */
import { existsSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';
import { engineCommandsPlugin } from './scripts/engines/engine-commands-plugin.mjs';
import { webkitGtkLauncher } from './scripts/engines/webkit-launcher.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const launchers = {
  firefox: () => {
    if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} not found: apt-get install firefox-esr`);
    const launcher = chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        // puppeteer 24.43 sends emulation.setScreenOrientationOverride beside every
        // viewport, and Firefox ESR 140.12 (Debian, 2026-12) does not know that
        // BiDi command: every session failed before its first test. The viewport
        // itself is its own command; only that refusal is let through.
        const { browsingContext } = page.mainFrame();
        const setOrientation = browsingContext.setScreenOrientationOverride.bind(browsingContext);
        browsingContext.setScreenOrientationOverride = (orientation) =>
          setOrientation(orientation).catch((error) => {
            if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(error))) throw error;
          });
        return page;
      },
    });
    launcher.name = 'Firefox ESR'; // the launcher calls every browser "Chrome"
    // On a loaded machine Firefox sometimes aborts the test page's first
    // navigation (NS_BINDING_ABORTED, seen at load 18): the page never ran,
    // so loading it once more is the same session, not a retried test.
    const startSession = launcher.startSession.bind(launcher);
    launcher.startSession = async (sessionId, url) => {
      try {
        await startSession(sessionId, url);
      } catch (error) {
        const page = launcher.activePages.get(sessionId);
        if (!page || !String(error).includes('NS_BINDING_ABORTED')) throw error;
        await page.runSession(url, false);
      }
    };
    return launcher;
  },
  webkit: () => webkitGtkLauncher(),
};

const wanted = (process.env.ENGINES ?? 'firefox,webkit')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of wanted) {
  if (!(name in launchers))
    throw new Error(`ENGINES: unknown engine "${name}" (known: ${Object.keys(launchers).join(', ')})`);
}

export default {
  ...base,
  plugins: [...(base.plugins ?? []).filter((plugin) => plugin.name !== 'tv-key'), engineCommandsPlugin()],
  browsers: wanted.map((name) => launchers[/** @type {keyof typeof launchers} */ (name)]()),
  // Firefox throttles background tabs, and msw keeps the mocked session in the
  // origin's localStorage: one page at a time, as in the base config.
  concurrency: 1,
};
