/**
 * A web-test-runner command that taps like a finger: CDP touch events (with
 * touch emulation on, as on a phone), so the page sees `pointerType: 'touch'`
 * pointer events, touchstart/touchend and the click a tap produces. Mouse
 * clicks and `element.click()` would prove nothing about touch.
 *
 * Browser side: `executeServerCommand('touch-tap', { x, y })` (CSS pixels of the viewport).
 * Answers `{ delivered: false }` where there is no CDP (the WebDriver engines).
 */
const sessions = new WeakMap();

async function cdpFor(page) {
  if (!sessions.has(page)) {
    const cdp = await page.target().createCDPSession();
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    sessions.set(page, cdp);
  }
  return sessions.get(page);
}

export function touchPlugin() {
  return {
    name: 'touch-tap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'touch-tap') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.target) return { delivered: false, reason: 'no CDP in this browser' };
      const cdp = await cdpFor(page);
      const point = { x: payload.x, y: payload.y, radiusX: 4, radiusY: 4, force: 1, id: 1 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      return { delivered: true };
    },
  };
}
