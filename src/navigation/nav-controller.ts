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

/** Where it was first defined; the trap lives in focus-trap.ts. */
export { trapFocus } from './focus-trap.js';
