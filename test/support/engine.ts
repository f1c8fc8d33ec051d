/**
 * Which browser engine runs this test page, and what the test-runner commands
 * can do in it. `npm test` runs Chromium; `npm run test:engines` runs the same
 * files in Firefox ESR and WebKitGTK (web-test-runner.engines.config.mjs),
 * where `tv-key` goes through WebDriver instead of CDP
 * (scripts/engines/engine-commands-plugin.mjs):
 *
 * | `tv-key` sends                         | Chromium | Firefox | WebKitGTK |
 * |----------------------------------------|----------|---------|-----------|
 * | OK 13, arrows 37-40, Escape 27         | yes      | yes     | yes       |
 * | held key (`repeat`, keydown.repeat)    | yes      | yes     | no        |
 * | any other keyCode (Back 10009/461/4,   | yes      | no      | no        |
 * | colours 403-406, media 415...)         |          |         |           |
 *
 * Where a key is not sent, `tv-key` answers `{ delivered: false, reason }`.
 * Skip only what depends on it, with `needsRawKeyCodes(this)` /
 * `needsHeldKeys(this)` at the start of that test (a `function () {}` test,
 * so that `this` is Mocha's context).
 */

export type Engine = 'chromium' | 'firefox' | 'webkit';

export function detectEngine(userAgent: string = navigator.userAgent): Engine {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(?:HeadlessChrome|Chrome|Chromium)\//.test(userAgent)) return 'chromium';
  if (/\bAppleWebKit\//.test(userAgent)) return 'webkit';
  return 'chromium';
}

export const engine: Engine = detectEngine();

/** `tv-key` delivers any keyCode (raw CDP key events): Chromium only. */
export const sendsRawKeyCodes: boolean = engine === 'chromium';

/** `tv-key` with `repeat` delivers a held key (keydowns with `repeat: true`). */
export const sendsHeldKeys: boolean = engine !== 'webkit';

/** Skips the running test in engines where TV remote key codes cannot be sent. */
export function needsRawKeyCodes(context: Mocha.Context): void {
  if (!sendsRawKeyCodes) context.skip();
}

/** Skips the running test in engines where a held (auto-repeating) key cannot be sent. */
export function needsHeldKeys(context: Mocha.Context): void {
  if (!sendsHeldKeys) context.skip();
}
