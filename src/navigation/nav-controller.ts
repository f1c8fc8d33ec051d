/**
 * How an element opts into the engine's focus care: after each of its updates
 * the engine checks, in the next frame, that focus is still somewhere sensible
 * (a list row deleted, a page of rows replaced, a loading state resolved).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class NavController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.host.dispatchEvent(new Event('nav-updated', { bubbles: true, composed: true }));
  }
}

/** Called by a dialog as it opens: keeps focus inside it while it is in the DOM. */
export function trapFocus(dialog: HTMLElement): void {
  dialog.dispatchEvent(new CustomEvent('nav-trap', { detail: dialog, bubbles: true, composed: true }));
}
