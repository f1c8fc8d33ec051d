/**
 * Sends the start-up session read before the app's entry has loaded: the
 * module loader runs this chunk on its own, ahead of the entry (see
 * loadEntryThroughCheck in scripts/legacy/legacy-build.ts), and the entry
 * imports it too, so it runs once, whichever arrives first. The identity
 * store's first read adopts the request (api/early-session-read.ts).
 *
 * Not sent where the store would not read at start: in a tab that stopped
 * (it adopts no session until a login here), and in a frame, where the app
 * may refuse to show account data at all (its first read then goes out as
 * usual, if at all).
 */
import { startEarlySessionRead } from './api/early-session-read.js';
import { TabAccountMemory } from './identity/tab-account-memory.js';

if (window.top === window.self && new TabAccountMemory().recall().kind !== 'stopped') startEarlySessionRead();
