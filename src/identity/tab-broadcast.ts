/**
 * Tells the other tabs of the origin when this tab logs in, logs out or
 * enters the identity-stop, and locks this tab when another one does
 * (issue 12). A message carries only a tab id and a kind: never a login id,
 * an account id or account data, since any script of the origin may listen.
 * A tab never adopts an account from a message; it only drops what it holds
 * and waits for the customer's re-check (IdentityStore.unlock).
 */
import type { IdentityStore, LockReason } from './identity-store.js';

export type TabSignal = 'login' | 'logout' | 'stop';

interface TabMessage {
  readonly tab: string;
  readonly kind: TabSignal;
}

export const TAB_CHANNEL = 'my-page.identity';
/** localStorage key of the fallback; the value is removed right after it is written. */
export const TAB_SIGNAL_KEY = 'my-page.identity-signal';

const LOCKS: Record<TabSignal, LockReason> = {
  login: 'other-tab-login',
  logout: 'other-tab-logout',
  stop: 'other-tab-stop',
};

export interface TabBroadcastOptions {
  readonly win?: Window;
  /** Only for tests: this tab's id, to check that its own messages are ignored. */
  readonly tabId?: string;
  /** Only for tests: use the `storage` fallback although BroadcastChannel exists. */
  readonly forceStorage?: boolean;
}

function newTabId(): string {
  // crypto.randomUUID is missing on the 2019 TV engines; the id only tells tabs apart.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function parse(data: unknown): TabMessage | null {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== 'object' || data === null) return null;
  const { tab, kind } = data as Record<string, unknown>;
  if (typeof tab !== 'string' || (kind !== 'login' && kind !== 'logout' && kind !== 'stop')) return null;
  return { tab, kind };
}

/** Returns the disconnect function. */
export function watchTabs(store: IdentityStore, options: TabBroadcastOptions = {}): () => void {
  const win = options.win ?? window;
  const tabId = options.tabId ?? newTabId();
  const receive = (data: unknown): void => {
    const message = parse(data);
    // BroadcastChannel never echoes to its sender, but the storage fallback and
    // a second app in the same document could: the id makes it certain.
    if (!message || message.tab === tabId) return;
    store.lockOut(LOCKS[message.kind]);
  };

  let post: (message: TabMessage) => void;
  let close: () => void;
  const { BroadcastChannel: Channel } = win as Window & typeof globalThis;
  if (typeof Channel === 'function' && !options.forceStorage) {
    const channel = new Channel(TAB_CHANNEL);
    channel.onmessage = (event: MessageEvent) => receive(event.data);
    post = (message) => channel.postMessage(message);
    close = () => channel.close();
  } else {
    // Chromium < 54 and old Safari: a write to localStorage fires `storage` in
    // every other document of the origin, never in the writer.
    const onStorage = (event: StorageEvent): void => {
      if (event.key === TAB_SIGNAL_KEY && event.newValue) receive(event.newValue);
    };
    win.addEventListener('storage', onStorage);
    post = (message) => {
      try {
        // A nonce makes two equal signals in a row still a change.
        win.localStorage.setItem(TAB_SIGNAL_KEY, JSON.stringify({ ...message, n: Math.random() }));
        win.localStorage.removeItem(TAB_SIGNAL_KEY);
      } catch {
        // No storage (private mode on some TVs): the other tabs learn on their next read.
      }
    };
    close = () => win.removeEventListener('storage', onStorage);
  }

  let previous = store.state;
  const offs = [
    store.on('login', () => post({ tab: tabId, kind: 'login' })),
    store.on('logout', () => post({ tab: tabId, kind: 'logout' })),
    store.on('change', () => {
      // The stop ends the session (logout), so the other tabs lose it too.
      if (store.state === 'identity-stop' && previous !== 'identity-stop') post({ tab: tabId, kind: 'stop' });
      previous = store.state;
    }),
  ];
  return () => {
    for (const off of offs) off();
    close();
  };
}
