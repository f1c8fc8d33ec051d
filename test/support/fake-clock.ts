/**
 * A clock the tests move by hand, for the modules that take a `Clock` (the
 * device flow, the idle lock, the list's position): no test waits for real seconds.
 */
import type { Clock } from '../../src/time/clock.js';

export class FakeClock implements Clock {
  private _now = 0;
  private _timers = new Map<number, { at: number; callback: () => void }>();
  private _next = 1;
  now(): number {
    return this._now;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this._next++;
    this._timers.set(id, { at: this._now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this._timers.delete(handle as number);
  }
  /** Runs every timer due within `ms`, in time order, each at its own time. */
  advance(ms: number): void {
    const end = this._now + ms;
    for (let due = this._nextDue(end); due; due = this._nextDue(end)) this._run(due);
    this._now = end;
  }
  /**
   * As advance(), but after each timer `settle` lets the answer it caused be
   * handled before time moves on.
   */
  async advanceSettling(ms: number, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = this._now + ms;
    for (let due = this._nextDue(end); due; due = this._nextDue(end)) {
      this._run(due);
      await settle();
    }
    this._now = end;
  }
  get pending(): number {
    return this._timers.size;
  }
  private _nextDue(end: number): [number, { at: number; callback: () => void }] | undefined {
    return [...this._timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
  }
  private _run([id, timer]: [number, { at: number; callback: () => void }]): void {
    this._timers.delete(id);
    this._now = timer.at;
    timer.callback();
  }
}
