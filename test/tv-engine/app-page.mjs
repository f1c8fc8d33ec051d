/**
 * CDP expressions and steps for the built app in a TV engine, shared by the
 * Node tests in this folder (not a test file itself).
 */

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
  await session.waitFor(inScreen('mp-login-screen', 'input[name=loginId]'));
  await session.evaluate(`(() => {
    const root = ${screen('mp-login-screen')}.shadowRoot;
    root.querySelector('input[name=loginId]').value = ${JSON.stringify(loginId)};
    root.querySelector('input[name=password]').value = ${JSON.stringify(password)};
    root.querySelector('button[type=submit]').click();
    return true;
  })()`);
  await session.waitFor(`${app}.getAttribute('state') === 'ready'`);
}
