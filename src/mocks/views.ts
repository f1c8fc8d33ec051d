/**
 * What each endpoint answers as `data`, computed from an account's state.
 * Always fresh copies: a handler or a fault may alter the result freely.
 */
import type {
  AccountState,
  Contract,
  Device,
  DeviceList,
  ItemList,
  Download,
  Favorite,
  Page,
  PaymentMethod,
  ReadEndpointKey,
} from './types.js';

export const PAGE_SIZE = { payments: 20, 'viewing-history': 50 } as const;

export function contractView(state: AccountState): Contract {
  const card = state.paymentMethod.card;
  return {
    ...structuredClone(state.contract),
    card: card ? { brand: card.brand, last3: card.last3 } : null,
  };
}

/**
 * The mock's sessions name no device, so it takes the session's device to be
 * the one used last (a real backend knows it from the session).
 */
export function devicesView(state: AccountState): DeviceList {
  const items = structuredClone(state.devices);
  const latest = items.reduce<Device | null>((best, d) => (!best || d.lastUsedAt > best.lastUsedAt ? d : best), null);
  if (latest) latest.current = true;
  return { items, limit: state.deviceLimit };
}

export function paymentMethodView(state: AccountState): PaymentMethod {
  return structuredClone(state.paymentMethod);
}

export function downloadsView(state: AccountState): ItemList<Download> {
  return { items: structuredClone(state.downloads) };
}

export function favoritesView(state: AccountState): ItemList<Favorite> {
  return { items: structuredClone(state.favorites) };
}

// --- cursors ----------------------------------------------------------------

/**
 * Opaque to the client. Keyset, not offset: base64url("k:<time ms>:<id>") of
 * the last item of the page, so deleting a row before the next page is
 * fetched neither skips nor repeats anything (lists are newest first).
 */
export function encodeCursor(time: number, id: string): string {
  return btoa(`k:${time}:${id}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export interface CursorKey {
  readonly time: number;
  readonly id: string;
}

/** The key after which the page starts; `start` for a missing or empty cursor; null if it is not ours. */
export function decodeCursor(cursor: string | null): CursorKey | 'start' | null {
  if (cursor === null || cursor === '') return 'start';
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(cursor)) return null;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = /^k:(\d{1,15}):([A-Za-z0-9_-]{1,60})$/.exec(text);
  return match ? { time: Number(match[1]), id: match[2]! } : null;
}

/** Newest first, ties by id descending: the order the lists are kept in. */
function isAfter(time: number, id: string, key: CursorKey): boolean {
  return time < key.time || (time === key.time && id < key.id);
}

export function pageOf<T>(
  items: readonly T[],
  after: CursorKey | 'start',
  size: number,
  keyOf: (item: T) => CursorKey,
): Page<T> {
  const start =
    after === 'start'
      ? 0
      : items.findIndex((item) => {
          const key = keyOf(item);
          return isAfter(key.time, key.id, after);
        });
  const from = start < 0 ? items.length : start;
  const slice = items.slice(from, from + size);
  const last = slice[slice.length - 1];
  const more = from + size < items.length && last !== undefined;
  return {
    items: structuredClone(slice),
    nextCursor: more ? encodeCursor(keyOf(last).time, keyOf(last).id) : null,
  };
}

/** Data of a GET endpoint, or null when the cursor is invalid. */
export function readView(endpoint: ReadEndpointKey, state: AccountState, cursor: string | null): unknown {
  switch (endpoint) {
    case 'contract':
      return contractView(state);
    case 'devices':
      return devicesView(state);
    case 'payment-method':
      return paymentMethodView(state);
    case 'downloads':
      return downloadsView(state);
    case 'favorites':
      return favoritesView(state);
    case 'payments': {
      const after = decodeCursor(cursor);
      if (after === null) return null;
      return pageOf(state.payments, after, PAGE_SIZE.payments, (p) => ({
        time: Date.parse(p.paidAt),
        id: p.paymentId,
      }));
    }
    case 'viewing-history': {
      const after = decodeCursor(cursor);
      if (after === null) return null;
      return pageOf(state.history, after, PAGE_SIZE['viewing-history'], (h) => ({
        time: Date.parse(h.viewedAt),
        id: h.entryId,
      }));
    }
  }
}
