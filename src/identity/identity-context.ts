/**
 * The identity store alone (one per <my-page-app>): the shell (login) needs
 * it before the account API has loaded.
 */
import { createContext } from '@lit/context';
import type { IdentityStore } from './identity-store.js';

export const identityContext = createContext<IdentityStore>(Symbol('my-page-identity'));
