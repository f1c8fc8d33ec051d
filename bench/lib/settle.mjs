/**
 * Waits for quiet before a measurement, in two forms that share one loop
 * (`waitForQuiet`): a reading of CPU ticks, repeated every `windowMs`, until
 * `windows` consecutive windows in a row were quiet, or `timeoutMs` passed.
 *
 * - `waitForQuietBrowser`: a freshly started browser has finished starting,
 *   its process tree (the browser, its renderers and helpers) under `quietMs`
 *   of CPU a window. A cold load navigated the moment the browser answered
 *   CDP shared the two cores with the browser's own start-up (profile
 *   creation, the network service, the GPU process): the static floor page
 *   took 160-340 ms from one run to the next, so the ratio of medians moved
 *   between 2.1x and 2.9x with the same build. Started in a settled browser
 *   it took 98-145 ms. "Cold" stays what it was: a new process, an empty
 *   profile, nothing cached or compiled for the page (issue 10's note).
 * - `waitForQuietMachine`: the whole machine under `busyShare` busy, before
 *   each key round.
 *
 * Linux only (/proc); elsewhere both return at once and say so.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** CPU time (utime + stime, in clock ticks) per process of `rootPid`'s tree: pid -> ticks. */
function treeTicks(rootPid) {
  const stats = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const inTree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { pid, ppid } of stats) {
      if (!inTree.has(pid) && inTree.has(ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return new Map(stats.filter(({ pid }) => inTree.has(pid)).map(({ pid, ticks }) => [pid, ticks]));
}

/** CPU the tree used between two readings: a new process counts whole, one that ended counts nothing (not less). */
function usedTicks(before, after) {
  let used = 0;
  for (const [pid, ticks] of after) used += Math.max(0, ticks - (before.get(pid) ?? 0));
  return used;
}

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

/**
 * Reads `read()` every `windowMs` until `quiet(last, now)` held for `windows`
 * windows in a row. Resolves with how long it waited (ms), or null when it
 * gave up at `timeoutMs`.
 */
async function waitForQuiet(read, quiet, { windowMs, windows, timeoutMs }) {
  const started = Date.now();
  let last = read();
  let quietWindows = 0;
  while (quietWindows < windows) {
    if (Date.now() - started > timeoutMs) return null;
    await sleep(windowMs);
    const now = read();
    quietWindows = quiet(last, now) ? quietWindows + 1 : 0;
    last = now;
  }
  return Date.now() - started;
}

/** Clock ticks are 10 ms on Linux (USER_HZ = 100), the resolution of a process's CPU reading. */
const TICK_MS = 10;

/** Resolves with how long it waited (ms), or null when it could not tell (no /proc) or gave up at `timeoutMs`. */
export async function waitForQuietBrowser(
  rootPid,
  { windowMs = 200, quietMs = 10, windows = 3, timeoutMs = 10000 } = {},
) {
  if (!existsSync(`/proc/${rootPid}/stat`)) return null;
  return waitForQuiet(
    () => treeTicks(rootPid),
    (last, now) => usedTicks(last, now) * TICK_MS <= quietMs,
    { windowMs, windows, timeoutMs },
  );
}

/** Busy and total CPU ticks of the whole machine, from the first line of /proc/stat. */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the idle time.
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

/**
 * Waits until the whole machine has been at most `busyShare` busy (all cores
 * together) in each of `windows` consecutive windows of `windowMs`: between
 * key rounds, so a round does not share the cores with the last one's
 * teardown, a closing cold-load browser or a garbage collection. Resolves
 * with how long it waited, or null (no /proc, or still busy at `timeoutMs`:
 * the round then runs anyway, as on a machine that is never quiet).
 */
export async function waitForQuietMachine({ windowMs = 200, busyShare = 0.1, windows = 3, timeoutMs = 10000 } = {}) {
  if (!existsSync('/proc/stat')) return null;
  return waitForQuiet(
    machineTicks,
    (last, now) => {
      const total = now.total - last.total;
      return total > 0 && (now.busy - last.busy) / total <= busyShare;
    },
    { windowMs, windows, timeoutMs },
  );
}
