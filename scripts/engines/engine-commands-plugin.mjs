/**
 * Test-runner commands for the engines suite (Firefox ESR over WebDriver BiDi,
 * WebKitGTK over classic WebDriver), where the Chromium-only pieces of the
 * base config cannot work:
 *
 * - `tv-key`: the base plugin (scripts/tv-key-plugin.mjs) sends raw CDP key
 *   events with any keyCode. WebDriver can only press keys it has a name for,
 *   and the browser derives keyCode from the key. So here the keys WebDriver
 *   can press for real (OK/Enter 13, arrows 37-40, Escape 27) are pressed as
 *   real key events, a held key (`repeat`) as repeated keyDowns in Firefox
 *   (which then carry `repeat: true`); WebKitGTK's driver ignores a keyDown
 *   for a key already down, so there a held key is not sent. Every other code
 *   (TV Back 10009/461/4, colour keys 403-406, media keys...) is NOT sent: the
 *   command answers `{ delivered: false, reason }` instead of `true`.
 *   Tests that need those codes use test/support/engine.ts to skip.
 * - `set-viewport` for WebKitGTK: @web/test-runner-commands supports it only
 *   for puppeteer and playwright; it is routed to the WebKit launcher here.
 * - `send-keys` for WebKitGTK: the stock webdriver path hands the keys to
 *   webdriverio's `keys()`, which presses them as ONE chord (all down, then all
 *   up), so `sendKeys({ type: 'taro@example.jp' })` loses repeated letters and
 *   key-ups. Here each key is pressed and released in turn, as a person types.
 */

/** Remote keys that have a WebDriver key: keyCode -> WebDriver code point / puppeteer key name. */
const WEBDRIVER_KEYS = {
  13: { webdriver: '\uE007', puppeteer: 'Enter' },
  27: { webdriver: '\uE00C', puppeteer: 'Escape' },
  37: { webdriver: '\uE012', puppeteer: 'ArrowLeft' },
  38: { webdriver: '\uE013', puppeteer: 'ArrowUp' },
  39: { webdriver: '\uE014', puppeteer: 'ArrowRight' },
  40: { webdriver: '\uE015', puppeteer: 'ArrowDown' },
};

/** W3C WebDriver code points of the named keys `sendKeys({ press })` uses. */
const NAMED_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, String.fromCharCode(0xe031 + i)])),
};

function webdriverKey(name) {
  if (name in NAMED_KEYS) return NAMED_KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`send-keys: no WebDriver key for "${name}"`);
}

/** Types `text` one key at a time (down, up, next). */
async function typeInWebDriver(driver, text) {
  const actions = [...text].flatMap((char) => [
    { type: 'keyDown', value: char },
    { type: 'keyUp', value: char },
  ]);
  await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  await driver.releaseActions();
}

/** Presses `Shift+Tab`-style combinations: modifiers down in order, all up in reverse. */
async function pressInWebDriverKeys(driver, combo) {
  const keys = combo.split(/\+(?=.)/).map(webdriverKey);
  const actions = [
    ...keys.map((value) => ({ type: 'keyDown', value })),
    ...keys.reverse().map((value) => ({ type: 'keyUp', value })),
  ];
  await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  await driver.releaseActions();
}

/** Lets a stock command plugin hand webdriver sessions to `handle` instead. */
function routeWebDriverSessions(plugins, pluginName, command, handle) {
  const stock = plugins?.find((plugin) => plugin.name === pluginName);
  if (!stock) throw new Error(`engine-commands: stock plugin ${pluginName} not found`);
  if (stock.__engineRouted?.has(command)) return;
  const original = stock.executeCommand.bind(stock);
  stock.executeCommand = async (args) => {
    if (args.command === command && args.session.browser.type === 'webdriver') return handle(args);
    return original(args);
  };
  (stock.__engineRouted ??= new Set()).add(command);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function pressInFirefox(page, name, repeat, gapMs) {
  await page.keyboard.down(name);
  for (let i = 0; i < repeat; i++) {
    if (gapMs) await sleep(gapMs);
    await page.keyboard.down(name);
  }
  await page.keyboard.up(name);
}

async function pressInWebDriver(driver, value) {
  const actions = [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ];
  await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
  await driver.releaseActions();
}

export function engineCommandsPlugin() {
  return {
    name: 'engine-commands',

    serverStart({ config }) {
      // The stock command plugins are registered ahead of this one, and for
      // webdriver sessions they throw (set-viewport) or chord the keys
      // (send-keys): route those sessions here.
      routeWebDriverSessions(config.plugins, 'set-viewport-command', 'set-viewport', ({ payload, session }) => {
        if (typeof session.browser.setViewport !== 'function') {
          throw new Error(`set-viewport is not supported for ${session.browser.name}`);
        }
        return session.browser.setViewport(session.id, payload);
      });
      routeWebDriverSessions(config.plugins, 'send-keys-command', 'send-keys', async ({ payload, session }) => {
        const driver = session.browser.driver;
        if (typeof payload?.type === 'string') await typeInWebDriver(driver, payload.type);
        else if (typeof payload?.press === 'string') await pressInWebDriverKeys(driver, payload.press);
        else throw new Error('send-keys: only "type" and "press" are supported in WebKitGTK');
        return true;
      });
    },

    async executeCommand({ command, payload, session }) {
      if (command !== 'tv-key') return undefined;
      const { keyCode, repeat = 0, gapMs = 0 } = payload;
      const key = WEBDRIVER_KEYS[keyCode];
      if (!key) {
        return {
          delivered: false,
          reason: `keyCode ${keyCode} cannot be sent through WebDriver in ${session.browser.name}`,
        };
      }
      if (session.browser.type === 'puppeteer') {
        await pressInFirefox(session.browser.getPage(session.id), key.puppeteer, repeat, gapMs);
      } else if (session.browser.type === 'webdriver') {
        if (repeat > 0) {
          // WebKitGTK's WebDriver drops a keyDown for a key already down: no auto-repeat.
          return {
            delivered: false,
            reason: `a held key (auto-repeat) cannot be sent through WebDriver in ${session.browser.name}`,
          };
        }
        await pressInWebDriver(session.browser.driver, key.webdriver);
      } else {
        throw new Error(`tv-key: unsupported browser type ${session.browser.type}`);
      }
      return true;
    },
  };
}
