/**
 * Re-reads the session whenever the page may have been away: restored from the
 * back/forward cache (which it enters holding no account data), or shown again
 * after being hidden. Another login in the
 * same browser meanwhile is caught here (contract: "Continuity").
 */
import type { IdentityStore } from './identity-store.js';

export function watchContinuity(store: IdentityStore, target: Window = window): () => void {
  // Into the back/forward cache with nothing of the account: a restored page
  // paints its frozen DOM before any script can re-check who is logged in now.
  const onPageHide = (event: PageTransitionEvent): void => {
    if (event.persisted) store.suspend();
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    // A locked page stays locked: its own OK runs the re-check.
    if (!event.persisted || store.lock) return;
    void (store.state === 'ready' ? store.recheck() : store.start());
  };
  const onVisibility = (): void => {
    if (target.document.visibilityState === 'visible') void store.recheck();
  };
  target.addEventListener('pagehide', onPageHide);
  target.addEventListener('pageshow', onPageShow);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    target.removeEventListener('pageshow', onPageShow);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
