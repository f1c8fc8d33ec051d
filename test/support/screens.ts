/** The screens of src/app/route-paths.ts as the test loops need them. */
import { ROUTE_TABLE, hrefFor, type Route } from '../../src/app/route-paths.js';
import type { ReadEndpointKey } from '../../src/mocks/types.js';

type DataRoute = Extract<Route, { endpoint: string }>;

export interface DataScreen {
  readonly endpoint: ReadEndpointKey;
  readonly hash: string;
  readonly tag: DataRoute['tag'];
  /** Matches once its data is shown. */
  readonly shown: string;
}

/** Every screen showing an endpoint's data, in table order. */
export function dataScreens(): readonly DataScreen[] {
  return ROUTE_TABLE.filter((route): route is DataRoute => 'endpoint' in route).map((route) => ({
    endpoint: route.endpoint,
    hash: hrefFor(route.path),
    tag: route.tag,
    shown: route.shows,
  }));
}

/** The screens whose data is a list (its rows show it): each has an empty state. */
export function listScreens(): readonly DataScreen[] {
  return dataScreens().filter((screen) => screen.shown === 'li');
}

/** The first screen showing each read endpoint, in table order: one fault case per endpoint. */
export function oneScreenPerEndpoint(): readonly DataScreen[] {
  const seen = new Set<string>();
  return dataScreens().filter((screen) => !seen.has(screen.endpoint) && !!seen.add(screen.endpoint));
}

/** Every route a signed-in customer can open, as hashes (the menu first). */
export function signedInHashes(): readonly string[] {
  return ROUTE_TABLE.filter((route) => !('signedOut' in route)).map((route) => hrefFor(route.path));
}
