/** Tracks the hash route and re-renders its host when it changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hrefFor, routeFromHash, type RoutePath } from './routes.js';

export class HashRouteController implements ReactiveController {
  path: RoutePath = routeFromHash(location.hash);

  readonly #onHashChange = (): void => {
    this.path = routeFromHash(location.hash);
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.path = routeFromHash(location.hash);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** Changes the route without adding a history entry (redirects). */
  replace(path: RoutePath): void {
    if (this.path === path && routeFromHash(location.hash) === path) return;
    history.replaceState(history.state, '', hrefFor(path));
    this.#onHashChange();
  }
}
