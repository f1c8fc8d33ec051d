/**
 * Time and timers, for every module that waits (the device sign-in's polls
 * and countdown, the idle lock, the list's position throttle). They take a
 * `Clock` rather than calling the timers themselves, so a test moves time by
 * hand (test/support/fake-clock.ts) and never waits for real seconds. The
 * lowest layer there is: it imports nothing, and any folder may import it.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
