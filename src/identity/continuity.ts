/**
 * Re-reads the session whenever the page may have been away: restored from the
 * back/forward cache, or shown again after being hidden. Another login in the
 * same browser meanwhile is caught here (contract: "Continuity").
 */
import type { IdentityStore } from './identity-store.js';

export function watchContinuity(store: IdentityStore, target: Window = window): () => void {
  const onPageShow = (event: PageTransitionEvent): void => {
    if (!event.persisted) return;
    void (store.state === 'ready' ? store.recheck() : store.start());
  };
  const onVisibility = (): void => {
    if (target.document.visibilityState === 'visible') void store.recheck();
  };
  target.addEventListener('pageshow', onPageShow);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pageshow', onPageShow);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
