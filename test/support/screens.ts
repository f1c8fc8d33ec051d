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

/** The first screen showing each read endpoint, in table order: one fault case per endpoint. */
export function oneScreenPerEndpoint(): readonly DataScreen[] {
  const seen = new Set<string>();
  return ROUTE_TABLE.filter((route): route is DataRoute => 'endpoint' in route)
    .filter((route) => !seen.has(route.endpoint) && !!seen.add(route.endpoint))
    .map((route) => ({ endpoint: route.endpoint, hash: hrefFor(route.path), tag: route.tag, shown: route.shows }));
}

/** Every route a signed-in customer can open, as hashes (the menu first). */
export function signedInHashes(): readonly string[] {
  return ROUTE_TABLE.filter((route) => !('signedOut' in route)).map((route) => hrefFor(route.path));
}
