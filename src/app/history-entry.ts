/**
 * `history.replaceState` that never throws: WebKit (Safari, WebKitGTK, and
 * the WebKit inside some TV browsers) refuses more than 100 pushState and
 * replaceState calls in 10 seconds with a SecurityError, and an uncaught one
 * in the middle of a route change would leave the screen and the URL apart.
 * Where the state cannot be written, a new hash still is, by a same-document
 * `location.replace` (not counted by that limit; it drops the entry's state);
 * any other change of URL would load the page again, so it is not made.
 *
 * Returns how it went: 'state' (state and URL written), 'url' (only the hash,
 * a hashchange follows), 'refused' (nothing written).
 */
export type HistoryWrite = 'state' | 'url' | 'refused';

export function replaceHistoryEntry(state: unknown, url?: string): HistoryWrite {
  try {
    history.replaceState(state, '', url);
    return 'state';
  } catch (error) {
    if ((error as DOMException).name !== 'SecurityError') throw error;
  }
  const here = location.href;
  const next = url === undefined ? here : new URL(url, here).href;
  if (next === here || next.split('#')[0] !== here.split('#')[0]) return 'refused';
  location.replace(next);
  return 'url';
}
