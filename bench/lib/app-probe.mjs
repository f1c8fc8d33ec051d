/**
 * In-page side of the app benchmark: a classic script that CDP
 * (Page.addScriptToEvaluateOnNewDocument) runs in every document before any
 * script of the app, plus CDP expressions that read the app's composed tree.
 *
 * `probe` is serialized with Function.prototype.toString, so it must not
 * close over anything from this module.
 */

function probe() {
  const bench = {
    errors: [],
    /** Cold load: performance.now() of the first frame that paints the menu with state=ready. */
    menuAt: null,
    presses: [],
  };
  window.__appBench = bench;
  addEventListener('error', (e) => bench.errors.push(String(e.message || e.error)));
  addEventListener('unhandledrejection', (e) => bench.errors.push(String(e.reason)));

  const app = () => document.querySelector('my-page-app');

  /** The deep active element (through open shadow roots). */
  const deepActive = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  /** Position (aria-posinset) of the list row holding focus, else null. */
  const focusedRow = () => {
    const row = deepActive()?.closest('li[aria-posinset]');
    return row ? Number(row.getAttribute('aria-posinset')) : null;
  };
  bench.focusedRow = focusedRow;
  /** Where focus went when it is on no row: enough to tell the "more" button from the app bar. */
  const describe = (el) =>
    el
      ? [el.localName, el.id && `#${el.id}`, el.dataset?.navKey && `[data-nav-key=${el.dataset.navKey}]`]
          .filter(Boolean)
          .join('') + (el.textContent ? ` "${el.textContent.trim().slice(0, 30)}"` : '')
      : null;
  /**
   * The focused row and its list, for classifying a press: whether rows
   * remain below it (loaded, or behind the list's cursor) and whether the
   * next page is on its way.
   */
  const rowState = () => {
    const row = deepActive()?.closest('li[aria-posinset]');
    if (!row) return { row: null, size: null, more: false, loading: false, active: describe(deepActive()) };
    const list = row.closest('mp-account-list');
    return {
      row: Number(row.getAttribute('aria-posinset')),
      size: Number(row.getAttribute('aria-setsize')),
      more: !!(list && list.hasMore),
      loading: !!(list && list.loading),
      active: null,
    };
  };

  /**
   * "Menu on screen" (on the floor page: its eight static links laid out): state=ready, the menu screen rendered with its 8
   * entries labelled and laid out inside the viewport. Checked at the start
   * of every frame (requestAnimationFrame), so the time is that of the first
   * frame that paints it; a check is a few querySelector calls, nothing next
   * to the frame it runs in.
   */
  const menuOnScreen = () => {
    const floor = document.querySelector('[data-bench-floor]');
    if (floor) {
      const links = floor.querySelectorAll('a[data-route]');
      const last = links.length === 8 ? links[7].getBoundingClientRect() : null;
      return !!last && last.height > 0 && last.bottom <= innerHeight;
    }
    const host = app();
    if (!host || host.getAttribute('state') !== 'ready' || !host.shadowRoot) return false;
    const menu = host.shadowRoot.querySelector('mp-menu-screen');
    const links = menu && menu.shadowRoot ? menu.shadowRoot.querySelectorAll('a[data-route]') : [];
    if (links.length !== 8) return false;
    const last = links[7].getBoundingClientRect();
    return links[0].textContent.trim() !== '' && last.height > 0 && last.bottom <= innerHeight;
  };
  // Awaited over CDP (awaitPromise) rather than polled: polling would run on the throttled main thread during the load it measures.
  bench.menuReady = new Promise((resolve, reject) => {
    if (location.hash !== '' && location.hash !== '#/') return;
    const started = performance.now();
    const tick = () => {
      if (menuOnScreen()) resolve((bench.menuAt = performance.now()));
      else if (performance.now() - started < 60000) requestAnimationFrame(tick);
      else reject(new Error('the menu was not on screen within 60 s'));
    };
    requestAnimationFrame(tick);
  });

  /**
   * Held-key instrumentation: our listener is the first on window (capture),
   * before the app's focus engine registers its own. Per keydown:
   * - t0 = event.timeStamp: when the browser received the key, so time spent
   *   queued behind a busy main thread counts (a held key does not wait);
   * - listenerAt: when the page got to it (input delay = listenerAt - t0);
   * - focusAt: return of the last focus() call made for it (focus() is
   *   patched: moves between shadow trees never reach a document listener);
   * - frameAt: its next requestAnimationFrame callback (the frame that paints
   *   it starts); doneAt: a task posted from there (that frame's main-thread
   *   work, list re-render included, is over);
   * - from / after: the focused row (rowState) as the key arrives, before
   *   any of the app's listeners, and once every listener has run (a bubble
   *   listener on window, the last stop of the event: the app's listeners
   *   all capture); the press is classified from the two (lib/presses.mjs);
   * - frameRow: the focused row at its next frame.
   */
  let current = null;
  let last = null;
  addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const record = {
        key: event.key,
        repeat: event.repeat,
        t0: event.timeStamp,
        listenerAt: performance.now(),
        focusAt: null,
        frameAt: null,
        doneAt: null,
        from: rowState(),
        after: null,
        frameRow: null,
      };
      bench.presses.push(record);
      current = record;
      last = { event, record };
      requestAnimationFrame(() => {
        record.frameAt = performance.now();
        record.frameRow = focusedRow();
        if (current === record) current = null;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          record.doneAt = performance.now();
          channel.port1.close();
        };
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  addEventListener('keydown', (event) => {
    if (last && last.event === event) last.record.after = rowState();
  });
  const nativeFocus = HTMLElement.prototype.focus;
  HTMLElement.prototype.focus = function focus(options) {
    nativeFocus.call(this, options);
    if (current) current.focusAt = performance.now();
  };
}

export const PROBE_SCRIPT = `(${probe})();`;

/** Reaches into the app's shadow roots. */
export const APP = `document.querySelector('my-page-app')`;

/**
 * The words the menu shows (bar, heading, each entry's label and hint, the
 * digit badge aside: hidden off the TV), read from the app's composed tree,
 * for the floor page that shows the same words with no application.
 */
export const MENU_TEXTS = `(() => {
  const app = ${APP}.shadowRoot;
  const menu = app.querySelector('mp-menu-screen').shadowRoot;
  const text = (el) => (el ? el.textContent.trim() : '');
  // Text and elements only: Lit's marker comments hold text of their own.
  const label = (a) => [...a.querySelector('.label').childNodes].filter((n) => n.nodeType === 3 || (n.nodeType === 1 && !n.classList.contains('digit'))).map((n) => n.textContent).join('').trim();
  return {
    brand: text(app.querySelector('.brand')),
    who: text(app.querySelector('.who')),
    buttons: [...app.querySelectorAll('.bar button')].map(text),
    heading: text(menu.querySelector('mp-screen').shadowRoot.querySelector('h1')),
    entries: [...menu.querySelectorAll('a[data-route]')].map((a) => ({ label: label(a), hint: text(a.querySelector('.hint')) })),
  };
})()`;
const screenRoot = (tag) => `(${APP} && ${APP}.shadowRoot && ${APP}.shadowRoot.querySelector('${tag}'))`;

/** Every element of the page, inside every open shadow root too. */
export const COUNT_ELEMENTS = `(() => {
  let count = 0;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      count++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return count;
})()`;

/**
 * 'done' when the screen `tag` is rendered with its data (no load state
 * left), 'error' when it shows an error, else false.
 */
export const screenState = (tag) => `(() => {
  const app = ${APP};
  if (!app || app.getAttribute('state') !== 'ready') return false;
  const screen = ${screenRoot(tag)};
  if (!screen || !screen.shadowRoot || !screen.shadowRoot.querySelector('mp-screen')) return false;
  const load = screen.shadowRoot.querySelector('mp-load-state');
  if (load) return load.getAttribute('status') === 'error' ? 'error' : false;
  return 'done';
})()`;

/** The history list: rows rendered, and focus on one of them (where the screen lands focus). */
export const HISTORY_READY = `(() => {
  const screen = ${screenRoot('mp-history-screen')};
  const rows = screen && screen.shadowRoot ? screen.shadowRoot.querySelectorAll('mp-account-list li[aria-posinset]') : [];
  return rows.length > 0 && __appBench.focusedRow() !== null ? rows.length : 0;
})()`;

/** The floor list (floor-pages.mjs): its first row focused. */
export const FLOOR_LIST_READY = `(__appBench.focusedRow() !== null ? 1 : 0)`;

/** Resolves after `n` animation frames. */
export const frames = (n = 2) =>
  `new Promise((resolve) => { let left = ${n}; const step = () => (--left <= 0 ? resolve(true) : requestAnimationFrame(step)); requestAnimationFrame(step); })`;
