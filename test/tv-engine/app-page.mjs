/**
 * CDP expressions and steps for the built app in a TV engine, shared by the
 * Node tests in this folder (not a test file itself).
 */
import { importTs } from '../../scripts/serve/import-ts.mjs';

/** The route table the app itself reads (src/app/route-paths.ts: plain data). */
export const { ROUTE_TABLE } = await importTs('src/app/route-paths.ts');

/** Reaches into the app's shadow roots from a CDP expression. */
export const app = `document.querySelector('my-page-app')`;
export const screen = (tag) => `(${app}.shadowRoot && ${app}.shadowRoot.querySelector('${tag}'))`;
export const inScreen = (tag, selector) =>
  `(${screen(tag)} && ${screen(tag)}.shadowRoot && ${screen(tag)}.shadowRoot.querySelector('${selector}'))`;

/** The `data-nav-key` of the focused row or link (through shadow roots), else its class or tag. */
export const focused = `(() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  const keyed = a && a.closest('[data-nav-key]');
  return a ? ((keyed && keyed.getAttribute('data-nav-key')) || a.className || a.tagName) : null;
})()`;

/** One remote key press as the TV delivers it (keyCode; Enter with its text). */
export async function remote(session, keyCode, key = '') {
  const down = keyCode === 13 ? { type: 'keyDown', text: '\r' } : { type: 'rawKeyDown' };
  await session.send('Input.dispatchKeyEvent', { ...down, windowsVirtualKeyCode: keyCode, key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', windowsVirtualKeyCode: keyCode, key });
}

/** Waits until the focused element is the one named `key`. */
export function focusOn(session, key) {
  return session.waitFor(`(() => { const f = ${focused}; return f === ${JSON.stringify(key)} ? f : null; })()`);
}

/** Logs in through the real form (nonce, echo checks and all) and waits for `ready`. */
export async function loginThroughForm(session, loginId = 'taro@example.jp', password = 'mypage-demo') {
  await session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  // A TV profile (?tv=1) shows the code first: take its "sign in with a password instead".
  const usePassword = inScreen('mp-login-screen', '[data-nav-key=use-password]');
  const loginInput = inScreen('mp-login-screen', 'input[name=loginId]');
  await session.waitFor(`${loginInput} || ${usePassword}`);
  await session.evaluate(`(() => { if (!${loginInput}) ${usePassword}.click(); return true; })()`);
  await session.waitFor(loginInput);
  await session.evaluate(`(() => {
    const root = ${screen('mp-login-screen')}.shadowRoot;
    root.querySelector('input[name=loginId]').value = ${JSON.stringify(loginId)};
    root.querySelector('input[name=password]').value = ${JSON.stringify(password)};
    root.querySelector('button[type=submit]').click();
    return true;
  })()`);
  await session.waitFor(`${app}.getAttribute('state') === 'ready'`);
}

/** Engines before Trusted Types (Chromium < 83) say they skip its two directives, as CSP intends. */
const TRUSTED_TYPES_UNKNOWN =
  /^Unrecognized Content-Security-Policy directive '(require-trusted-types-for|trusted-types)'\.\s*$/;

/**
 * Collects what the page's CSP refused (securitypolicyviolation, from before
 * any script of the page runs) and every script error and console error, so
 * a test can require none. Call before the first navigation.
 */
export async function watchPageProblems(session) {
  const problems = [];
  session.on((message) => {
    const { method, params } = message;
    if (method === 'Runtime.exceptionThrown') {
      problems.push(`exception: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`);
    } else if (method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
      problems.push(`console.${params.type}: ${params.args.map((arg) => arg.value ?? arg.description).join(' ')}`);
    } else if (
      method === 'Log.entryAdded' &&
      params.entry.level === 'error' &&
      params.entry.source !== 'network' &&
      !TRUSTED_TYPES_UNKNOWN.test(params.entry.text)
    ) {
      // Network entries are HTTP statuses, such as the contract's 401 of a signed-out session read.
      problems.push(`log (${params.entry.source}): ${params.entry.text} ${params.entry.url ?? ''}`.trim());
    }
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');
  await session.send('Page.enable');
  await session.send('Page.addScriptToEvaluateOnNewDocument', {
    source: `document.addEventListener('securitypolicyviolation', function (e) {
      console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  return problems;
}

/** Every account screen by route and tag, in table order, then back to the menu. */
export const SCREENS = [
  ...ROUTE_TABLE.filter((route) => !route.signedOut && route.path !== '/').map((route) => [route.path, route.tag]),
  ['/', 'mp-menu-screen'],
];

/** Opens each screen by its hash and waits until it has rendered and loaded its data. */
export async function visitEveryScreen(session) {
  for (const [path, tag] of SCREENS) {
    await session.evaluate(`location.hash = '#${path}'`);
    await session.waitFor(`(() => {
      const el = ${screen(tag)};
      return !!(el && el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('mp-load-state'));
    })()`);
  }
}

/**
 * Polls a condition on what the test has collected in Node (CDP events arrive
 * on their own); `message` (a string, or a function read at the timeout) says
 * what never happened.
 */
export async function until(condition, message, { timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out: ${typeof message === 'function' ? message() : message}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
