/**
 * Tracks the hash route, re-renders its host when it changes, and knows how
 * deep into the app's own history the tab is, so Back can go back inside the
 * app or, at its first page, leave it as the platform expects.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { replaceHistoryEntry } from './history-entry.js';
import { hrefFor, routeFromHash, type RoutePath } from './route-paths.js';

interface RouteState {
  readonly myPageDepth: number;
}

function depthOf(state: unknown): number | null {
  const depth = (state as RouteState | null)?.myPageDepth;
  return typeof depth === 'number' ? depth : null;
}

export class HashRouteController implements ReactiveController {
  path: RoutePath = routeFromHash(location.hash);
  private _depth = 0;
  /** A redirect written by `location.replace` (see `replace`): its hashchange is no new entry. */
  private _replacedTo: RoutePath | null = null;

  private readonly _onHashChange = (): void => {
    const from = this.path;
    const replaced = this._replacedTo === routeFromHash(location.hash);
    this._replacedTo = null;
    // A new entry (link, typed URL) has no state yet; one we return to keeps its depth.
    let depth = depthOf(history.state);
    if (depth === null) {
      depth = replaced ? this._depth : this._depth + 1;
      // Refused (too many in a row, WebKit): this entry is counted again if we come back to it.
      replaceHistoryEntry({ ...(history.state as object | null), myPageDepth: depth });
    }
    this._depth = depth;
    this.path = routeFromHash(location.hash);
    if (from !== this.path) this.onChange?.(from, this.path);
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called before the host re-renders for the new route. */
    private readonly onChange?: (from: RoutePath, to: RoutePath) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.path = routeFromHash(location.hash);
    this._depth = depthOf(history.state) ?? 0;
    if (depthOf(history.state) === null) replaceHistoryEntry({ ...(history.state as object | null), myPageDepth: 0 });
    window.addEventListener('hashchange', this._onHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onHashChange);
  }

  /** True when Back can stay inside the app's own history. */
  get canGoBack(): boolean {
    return this._depth > 0;
  }

  /** Changes the route without adding a history entry (redirects). */
  replace(path: RoutePath): void {
    if (this.path === path && routeFromHash(location.hash) === path) return;
    const written = replaceHistoryEntry(
      { ...(history.state as object | null), myPageDepth: this._depth },
      hrefFor(path),
    );
    if (written === 'url') this._replacedTo = path;
    const from = this.path;
    this.path = path;
    if (from !== path) this.onChange?.(from, path);
    this.host.requestUpdate();
  }
}
