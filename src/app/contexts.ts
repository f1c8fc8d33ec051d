/**
 * App-wide state through @lit/context: the identity store and the guarded
 * API (one instance each per <my-page-app>), and the language in use.
 */
import { createContext } from '@lit/context';
import type { AccountApi } from '../api/account-api.js';
import type { IdentityStore } from '../identity/identity-store.js';
import type { I18n } from '../i18n/i18n.js';

export interface AppServices {
  readonly identity: IdentityStore;
  readonly api: AccountApi;
}

/** The identity store alone: the shell (login) needs it before the account API has loaded. */
export const identityContext = createContext<IdentityStore>(Symbol('my-page-identity'));
/**
 * Identity and the account API together. The API (endpoints, data schemas,
 * the mutation path) loads with the first screen behind the menu and is
 * provided from then on; only those screens consume this context.
 */
export const servicesContext = createContext<AppServices>(Symbol('my-page-services'));
export const i18nContext = createContext<I18n>(Symbol('my-page-i18n'));
