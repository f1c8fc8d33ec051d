/**
 * Identity and the guarded account API together (one instance each per
 * <my-page-app>). The API (endpoints, data schemas, the mutation path) loads
 * with the first screen behind the menu and is provided from then on; only
 * those screens and their data controllers consume this context. Kept apart
 * from account-api.ts so the shell can provide it without loading the API.
 */
import { createContext } from '@lit/context';
import type { AccountApi } from './account-api.js';
import type { IdentityStore } from '../identity/identity-store.js';

export interface AppServices {
  readonly identity: IdentityStore;
  readonly api: AccountApi;
}

export const servicesContext = createContext<AppServices>(Symbol('my-page-services'));
