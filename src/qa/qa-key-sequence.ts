/**
 * The remote's way to open and close the QA panel: Yellow four times within
 * two seconds. Yellow alone only loads more rows of a list, which repeating
 * cannot harm, and every TV remote has it (the colour keys of the platforms in
 * key-map.ts). Any other key in between starts the count again.
 */
import type { NavAction } from '../navigation/key-map.js';

const PRESSES = 4;
const WITHIN_MS = 2000;

export class QaKeySequence {
  private _presses: number[] = [];

  constructor(private readonly _onComplete: () => void) {}

  note(action: NavAction | null, now = Date.now()): void {
    if (action?.type !== 'color' || action.color !== 'yellow') {
      this._presses = [];
      return;
    }
    this._presses = [...this._presses.filter((at) => now - at < WITHIN_MS), now];
    if (this._presses.length >= PRESSES) {
      this._presses = [];
      this._onComplete();
    }
  }
}
