/**
 * Locks an idle page (issue 12, ASVS 5.0 7.3.1): a TV left on in a living room
 * must not keep showing the account to whoever walks by. After the timeout
 * without activity the store drops all account data and the lock screen
 * covers the page; its OK re-reads the session through the guard.
 */
import { systemClock, type Clock } from '../time/clock.js';
import type { IdentityStore } from './identity-store.js';

export const TV_IDLE_MS = 10 * 60_000;
export const OTHER_IDLE_MS = 15 * 60_000;

export interface IdleLockOptions {
  /** TV: only keys count (a remote has nothing else); elsewhere pointer and touch too. */
  readonly tv: boolean;
  /** Default: 10 minutes on a TV, 15 elsewhere. */
  readonly timeoutMs?: number;
  /** Injected in tests, which need not wait minutes. */
  readonly clock?: Clock;
  readonly win?: Window;
}

/**
 * `?idle=SECONDS` in dev and test builds only (QA on a TV, tests): a
 * production page must not be talked into a longer timeout by a link.
 */
export function idleTimeoutFromUrl(win: Window = window): number | undefined {
  if (import.meta.env.MODE === 'production') return undefined;
  const seconds = Number(new URLSearchParams(win.location.search).get('idle'));
  return seconds > 0 ? seconds * 1000 : undefined;
}

/** Arms while the store is `ready`; returns the disconnect function. */
export function watchIdle(store: IdentityStore, options: IdleLockOptions): () => void {
  const win = options.win ?? window;
  const clock = options.clock ?? systemClock;
  const timeout = options.timeoutMs ?? (options.tv ? TV_IDLE_MS : OTHER_IDLE_MS);
  const events = options.tv ? ['keydown'] : ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'];
  let lastActivity = clock.now();
  let timer: unknown = null;

  // Activity only notes the time: a held key repeats 30 times a second, and a
  // timer reset for each would cost more than one check when the timer fires.
  const onActivity = (): void => {
    lastActivity = clock.now();
  };
  const check = (): void => {
    timer = null;
    if (store.state !== 'ready' || store.lock) return;
    const left = lastActivity + timeout - clock.now();
    if (left <= 0) store.lockOut('idle');
    else timer = clock.setTimeout(check, left);
  };
  const arm = (): void => {
    if (store.state === 'ready' && !store.lock) {
      if (timer === null) {
        lastActivity = clock.now();
        timer = clock.setTimeout(check, timeout);
      }
    } else if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
  };
  // Timers of a hidden tab or a sleeping device fire late: check on return.
  const onVisible = (): void => {
    if (win.document.visibilityState === 'visible' && timer !== null) {
      clock.clearTimeout(timer);
      check();
    }
  };

  for (const type of events) win.addEventListener(type, onActivity, { capture: true, passive: true });
  win.document.addEventListener('visibilitychange', onVisible);
  const off = store.on('change', arm);
  arm();
  return () => {
    off();
    for (const type of events) win.removeEventListener(type, onActivity, { capture: true });
    win.document.removeEventListener('visibilitychange', onVisible);
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
}
