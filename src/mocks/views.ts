/**
 * What each endpoint answers as `data`, computed from an account's state.
 * Always fresh copies: a handler or a fault may alter the result freely.
 */
import type {
  AccountState,
  Contract,
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

export function devicesView(state: AccountState): DeviceList {
  return { items: structuredClone(state.devices), limit: state.deviceLimit };
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
 * Opaque to the client; here simply base64url("o:<offset>"). An offset that
 * lies past the end after deletions yields an empty last page, not an error.
 */
export function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Offset, 0 for a missing or empty cursor, or null if it is not ours. */
export function decodeCursor(cursor: string | null): number | null {
  if (cursor === null || cursor === '') return 0;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = /^o:(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : null;
}

export function pageOf<T>(items: readonly T[], offset: number, size: number): Page<T> {
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    items: structuredClone(slice),
    nextCursor: next < items.length ? encodeCursor(next) : null,
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
    case 'payments':
    case 'viewing-history': {
      const offset = decodeCursor(cursor);
      if (offset === null) return null;
      const items = endpoint === 'payments' ? state.payments : state.history;
      return pageOf<unknown>(items, offset, PAGE_SIZE[endpoint]);
    }
  }
}
