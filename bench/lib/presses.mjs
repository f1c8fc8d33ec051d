/**
 * What each Up/Down press did to focus in a list (issue 10: every press moves
 * exactly one row, or is dropped whole; never skips, never goes back, never
 * leaves the list while rows remain). The probe (app-probe.mjs) records the
 * focused row as the key arrives (`from`) and once the page's listeners have
 * handled it (`after`); this file only reads those records.
 */

/** Kinds of press; all but `moved` and `dropped` are wrong (`end` is a list left past its last row). */
export const PRESS_KINDS = ['moved', 'dropped', 'skipped', 'back', 'left', 'outside', 'end', 'unobserved'];

/**
 * One press: `moved` (one row in its direction), `dropped` (focus stayed),
 * `skipped` (more than one row), `back` (against its direction), `left` (off
 * the list while rows remained below or above), `outside` (focus was on no
 * row when it came), `end` (off the list past its first or last row, which
 * a round shorter than the list never reaches), `unobserved` (the page never
 * reported the state after it).
 */
export function classifyPress(press) {
  const { from, after } = press;
  if (!from || from.row == null) return 'outside';
  if (!after) return 'unobserved';
  const step = press.key === 'ArrowUp' ? -1 : 1;
  if (after.row == null) {
    const rowsRemain = step > 0 ? from.row < from.size || from.more : from.row > 1;
    return rowsRemain ? 'left' : 'end';
  }
  const rows = (after.row - from.row) * step;
  if (rows === 0) return 'dropped';
  if (rows === 1) return 'moved';
  return rows > 1 ? 'skipped' : 'back';
}

/**
 * A round's presses by kind, plus focus moves that no press made: a press's
 * `after` row differing from the next press's `from` (the list or the engine
 * moved focus on its own between them).
 */
export function pressSummary(presses, { examples = 5 } = {}) {
  const counts = Object.fromEntries(PRESS_KINDS.map((kind) => [kind, 0]));
  const wrongExamples = [];
  /** Why a press was dropped, as far as the page shows: a repeat (the engine moves once a frame), the next page awaited at the last loaded row, or neither. */
  const droppedAs = { repeat: 0, awaitingPage: 0, other: 0 };
  const otherDrops = [];
  /** Rows where presses other than repeats were dropped, and how many at each. */
  const tapsDroppedAt = {};
  let between = 0;
  const betweenExamples = [];
  presses.forEach((press, i) => {
    const kind = classifyPress(press);
    counts[kind]++;
    if (kind === 'dropped') {
      const why = press.repeat
        ? 'repeat'
        : press.from.row === press.from.size && press.from.loading
          ? 'awaitingPage'
          : 'other';
      droppedAs[why]++;
      if (why !== 'repeat') tapsDroppedAt[press.from.row] = (tapsDroppedAt[press.from.row] ?? 0) + 1;
      if (why === 'other' && otherDrops.length < examples) otherDrops.push({ press: i + 1, from: press.from });
    }
    if (kind !== 'moved' && kind !== 'dropped' && wrongExamples.length < examples) {
      wrongExamples.push({ press: i + 1, kind, repeat: press.repeat, from: press.from, after: press.after });
    }
    const next = presses[i + 1];
    if (next && press.after && press.after.row !== next.from?.row) {
      between++;
      if (betweenExamples.length < examples)
        betweenExamples.push({ afterPress: i + 1, after: press.after, nextFrom: next.from });
    }
  });
  return {
    moved: counts.moved,
    dropped: counts.dropped,
    wrong: presses.length - counts.moved - counts.dropped,
    kinds: counts,
    droppedAs,
    tapsDroppedAt,
    otherDrops,
    between,
    wrongExamples,
    betweenExamples,
  };
}

/** "moved/dropped/wrong", with the moves between presses when there were any. */
export const pressLine = (s) => `${s.moved}/${s.dropped}/${s.wrong}${s.between ? ` (+${s.between} between)` : ''}`;
