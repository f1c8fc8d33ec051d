/**
 * The enveloped endpoints of api-contract.md sections 2, 3 and 5 (the phone's), each with the
 * schema its `data` must match. Adding an endpoint means adding a row here
 * (and a schema): the guard and the client pick it up from this table.
 */
import type { GenericSchema, InferOutput } from 'valibot';
import {
  cardTokenSchema,
  contractSchema,
  deviceApprovedSchema,
  deviceDeniedSchema,
  deviceLookupSchema,
  devicesSchema,
  downloadsSchema,
  favoritesSchema,
  historyPageSchema,
  historyRemovedSchema,
  logoutAllSchema,
  paymentMethodSchema,
  paymentsPageSchema,
} from './account-schemas.js';

type Method = 'GET' | 'POST' | 'DELETE';

interface EndpointSpec<M extends Method, S extends GenericSchema> {
  readonly method: M;
  /** Path below the API base; `{name}` segments are filled and URL-encoded. */
  readonly path: string;
  readonly schema: S;
}

function endpoint<M extends Method, S extends GenericSchema>(method: M, path: string, schema: S): EndpointSpec<M, S> {
  return { method, path, schema };
}

export const endpoints = {
  contract: endpoint('GET', '/contract', contractSchema),
  devices: endpoint('GET', '/devices', devicesSchema),
  payments: endpoint('GET', '/payments', paymentsPageSchema),
  paymentMethod: endpoint('GET', '/payment-method', paymentMethodSchema),
  viewingHistory: endpoint('GET', '/viewing-history', historyPageSchema),
  downloads: endpoint('GET', '/downloads', downloadsSchema),
  favorites: endpoint('GET', '/favorites', favoritesSchema),

  createCardToken: endpoint('POST', '/card-tokens', cardTokenSchema),
  registerCard: endpoint('POST', '/payment-method/card', paymentMethodSchema),
  removeDevice: endpoint('DELETE', '/devices/{deviceId}', devicesSchema),
  removeHistoryEntry: endpoint('DELETE', '/viewing-history/{entryId}', historyRemovedSchema),
  removeFavorite: endpoint('DELETE', '/favorites/{titleId}', favoritesSchema),
  cancelContract: endpoint('POST', '/contract/cancel', contractSchema),
  logoutAll: endpoint('POST', '/auth/logout-all', logoutAllSchema),
  // Section 5: the phone approving a TV, under the phone's own verified session.
  lookupDevice: endpoint('POST', '/auth/device/lookup', deviceLookupSchema),
  approveDevice: endpoint('POST', '/auth/device/approve', deviceApprovedSchema),
  denyDevice: endpoint('POST', '/auth/device/deny', deviceDeniedSchema),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export type EndpointData<N extends EndpointName> = InferOutput<Endpoints[N]['schema']>;
export type ReadEndpointName = {
  [N in EndpointName]: Endpoints[N]['method'] extends 'GET' ? N : never;
}[EndpointName];
export type MutationEndpointName = Exclude<EndpointName, ReadEndpointName>;

/**
 * Fills `{name}` segments; each value is encoded so an id can never add a path
 * segment. `.` and `..` survive encoding and the URL parser would resolve them
 * (`/devices/..` is `/`), so they are refused outright.
 */
export function endpointPath(name: EndpointName, params: Record<string, string> = {}): string {
  return endpoints[name].path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === '') {
      throw new Error(`Missing path parameter "${key}" for ${name}`);
    }
    if (value === '.' || value === '..') throw new Error(`Dot segment as path parameter "${key}" for ${name}`);
    return encodeURIComponent(value);
  });
}
