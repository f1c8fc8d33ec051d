/**
 * Geometric choice of the next element, on rectangles only (no DOM): given
 * where focus is and where the candidates are, which one does the customer
 * mean by this arrow?
 */
import type { Direction } from './key-map.js';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** How much a sideways offset counts against a step forward. */
const ORTHOGONAL_WEIGHT = 2;
/** Pixels of overlap that still count as "beside", for rounding and focus scaling. */
const SLACK = 1;

/**
 * Score of moving from `from` to `to` in `direction`, or -1 when `to` is not
 * in that direction at all. Lower is better: the gap ahead, plus the sideways
 * distance (zero while the two overlap across the axis), plus a small pull
 * towards aligned centres to break ties in uneven rows.
 */
export function score(from: Box, to: Box, direction: Direction): number {
  return direction === 'left' || direction === 'right'
    ? along(from.left, from.right, to.left, to.right, from.top, from.bottom, to.top, to.bottom, direction === 'right')
    : along(from.top, from.bottom, to.top, to.bottom, from.left, from.right, to.left, to.right, direction === 'down');
}

/** `score` on one axis: the edges along the move, then across it; `forward` towards larger values. */
function along(
  fromStart: number,
  fromEnd: number,
  toStart: number,
  toEnd: number,
  crossFromStart: number,
  crossFromEnd: number,
  crossToStart: number,
  crossToEnd: number,
  forward: boolean,
): number {
  // Ahead means: its centre is beyond ours (by more than rounding or a focus
  // transition in progress can move it), and its far edge goes past ours.
  // Centres are compared doubled, as sums of edges.
  if ((forward ? 1 : -1) * (toStart + toEnd - (fromStart + fromEnd)) <= 2 * SLACK) return -1;
  if (forward ? toEnd <= fromEnd - SLACK : toStart >= fromStart + SLACK) return -1;

  const gap = Math.max(0, forward ? toStart - fromEnd : fromStart - toEnd);
  const overlap = Math.min(crossFromEnd, crossToEnd) - Math.max(crossFromStart, crossToStart);
  const sideways = overlap > 0 ? 0 : -overlap;
  const misalignment = Math.abs(crossFromStart + crossFromEnd - (crossToStart + crossToEnd)) / 2;
  return gap + sideways * ORTHOGONAL_WEIGHT + misalignment * 0.05;
}

/** Index of the best candidate, or -1 when nothing lies in that direction. */
export function pickNext(from: Box, candidates: readonly Box[], direction: Direction): number {
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const s = score(from, candidates[i]!, direction);
    if (s >= 0 && s < bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}

/** Index of the candidate closest to `to` (focus repair after a removal). */
export function pickNearest(to: Box, candidates: readonly Box[]): number {
  const cx = (to.left + to.right) / 2;
  const cy = (to.top + to.bottom) / 2;
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const dx = Math.max(c.left - cx, 0, cx - c.right);
    const dy = Math.max(c.top - cy, 0, cy - c.bottom);
    // Prefer staying in the same row: a list's next row usually takes the removed one's place.
    const distance = dx * dx + dy * dy * 3;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}
