/**
 * A web-test-runner command that presses keys the way a TV remote delivers
 * them: raw CDP key events with the platform's keyCode (Tizen Back 10009,
 * webOS Back 461, colour keys 403-406...), optionally as a held-key burst.
 * `sendKeys` cannot send these codes.
 *
 * Browser side: `executeServerCommand('tv-key', { keyCode, key?, code?, repeat?: number, gapMs?: number })`.
 *
 * Also `media-features`: CSS media features through CDP (`forced-colors`,
 * which wtr's `emulateMedia` leaves out for Chromium, and
 * `prefers-reduced-motion`), e.g.
 * `executeServerCommand('media-features', [{ name: 'forced-colors', value: 'active' }])`; `[]` resets.
 */
const sessions = new WeakMap();

async function cdpFor(page) {
  if (!sessions.has(page)) sessions.set(page, await page.target().createCDPSession());
  return sessions.get(page);
}

export function tvKeyPlugin() {
  return {
    name: 'tv-key',
    async executeCommand({ command, payload, session }) {
      if (command === 'media-features') {
        const cdp = await cdpFor(session.browser.getPage(session.id));
        await cdp.send('Emulation.setEmulatedMedia', { features: payload });
        return true;
      }
      if (command !== 'tv-key') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await cdpFor(page);
      const { keyCode, key = '', code = '', repeat = 0, gapMs = 0 } = payload;
      const base = { windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, key, code };
      // OK (13) carries text like a real remote's Enter, so it also produces the
      // keypress that activates buttons; other remote keys are text-less.
      const down = keyCode === 13 ? { type: 'keyDown', text: '\r', unmodifiedText: '\r' } : { type: 'rawKeyDown' };
      await cdp.send('Input.dispatchKeyEvent', { ...down, ...base });
      for (let i = 0; i < repeat; i++) {
        if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
        await cdp.send('Input.dispatchKeyEvent', { ...down, autoRepeat: true, ...base });
      }
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
      return true;
    },
  };
}
