/**
 * In-page measurement, imported FIRST by every page so that its keydown
 * listener (window, capture) runs before any engine's handler.
 *
 * Per arrow key press it records:
 * - t0: the keydown reaching the page (first listener);
 * - focusAt: when the last `focus()` call of that press returned. Focus is
 *   synchronous, so this is the moment focus changed. We patch
 *   HTMLElement.prototype.focus because a focus move between two shadow trees
 *   under the same host never reaches a document/window `focusin` listener
 *   (the event is retargeted to the host on both sides and stopped); the
 *   patch works the same for every engine on either page. On light pages the
 *   `focusin` time is recorded too, as a cross-check of the patch;
 * - frameAt: the next requestAnimationFrame callback after the press, i.e.
 *   the start of the first frame that can paint the new focus;
 * - doneAt: a task posted from that rAF callback, which runs once the
 *   frame's style, layout and paint are done on the main thread (extra,
 *   JSON only: it shows what the focus change costs to render);
 * - from/to: the deep active element's id before the press and at the frame,
 *   so the runner can count real moves and check the path; `scrolled` says
 *   whether the document had scrolled by then (the screen is built so that no
 *   engine needs to).
 */
import { deepActive, deepById } from './layout.js';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const idOf = (el) => (el ? el.id || el.localName : null);

const presses = [];
const errors = [];
/** index -> resolve, for `settled()` (event-driven: no polling timers competing with the engine). */
const waiters = new Map();
let liveCard = null;
let current = null;
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));

window.addEventListener('error', (e) => errors.push(String(e.message || e.error)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

window.addEventListener(
  'keydown',
  (event) => {
    if (!ARROWS.has(event.key)) return;
    const record = {
      key: event.key,
      from: idOf(deepActive()),
      to: null,
      t0: performance.now(),
      focusAt: null,
      focusStartAt: null,
      focusinAt: null,
      focusCalls: 0,
      frameAt: null,
      doneAt: null,
      scrolled: false,
    };
    presses.push(record);
    current = record;
    requestAnimationFrame(() => {
      record.frameAt = performance.now();
      record.to = idOf(deepActive());
      record.scrolled = scrollX !== 0 || scrollY !== 0;
      if (current === record) current = null;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        record.doneAt = performance.now();
        channel.port1.close();
        const index = presses.indexOf(record);
        waiters.get(index)?.(true);
        waiters.delete(index);
      };
      channel.port2.postMessage(0);
    });
  },
  true,
);

const nativeFocus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focus(options) {
  const before = current ? performance.now() : 0;
  nativeFocus.call(this, options);
  if (current) {
    current.focusAt = performance.now();
    current.focusStartAt ??= before;
    current.focusCalls++;
  }
};

document.addEventListener(
  'focusin',
  () => {
    if (current) current.focusinAt = performance.now();
  },
  true,
);

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export const bench = {
  /** Called by the page once its engine is set up; ready after load and two frames. */
  markReady(name) {
    const finish = async () => {
      await nextFrame();
      await nextFrame();
      bench.name = name;
      bench.ready = true;
      readyResolve();
    };
    if (document.readyState === 'complete') finish();
    else window.addEventListener('load', finish, { once: true });
  },
  name: null,
  ready: false,
  whenReady: () => ready,
  presses,
  errors,
  deepActiveId: () => idOf(deepActive()),
  /** Puts focus on the start element without recording a press. */
  async place(id) {
    const el = deepById(id);
    if (!el) throw new Error(`no element ${id}`);
    nativeFocus.call(el, { preventScroll: true });
    // Engines that track focus through focus events (js-spatial-navigation) see it as a native focus.
    await nextFrame();
    return idOf(deepActive());
  },
  reset() {
    presses.length = 0;
  },
  /**
   * A live update far from the path (a card's label changes, as a progress
   * or "new" badge would): a DOM change between presses, which any engine
   * that caches the tree or the boxes must notice.
   */
  mutate(n) {
    liveCard ??= deepById('c-39-24');
    liveCard.textContent = `39·24 (${n})`;
    return true;
  },
  /** Resolves once the scrolling page's scroller has stood still for 5 frames (a smooth scroll ended). */
  async scrollRest() {
    const scroller = document.querySelector('.scroller');
    for (let still = 0, last = NaN; scroller && still < 5;) {
      await nextFrame();
      still = scroller.scrollTop === last ? still + 1 : 0;
      last = scroller.scrollTop;
    }
    return true;
  },
  /** Resolves once press `index` has been painted (its post-frame task ran). */
  settled(index, timeout = 10000) {
    if (presses[index]?.doneAt != null) return Promise.resolve(true);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(index);
        reject(new Error(`press ${index} never painted (${presses.length} recorded)`));
      }, timeout);
      waiters.set(index, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  },
  /** Every navigable rectangle by id (deep), to check both pages have the same geometry. */
  geometry() {
    const out = {};
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.id) {
          const r = el.getBoundingClientRect();
          out[el.id] = [r.left, r.top, r.width, r.height];
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  },
};

window.__bench = bench;
