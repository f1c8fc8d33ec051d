/**
 * How each fault scenario alters an enveloped answer's `data`.
 * Pure functions on fresh copies; the handlers decide when they apply.
 */
import type { AccountState, CardTokenAnswer, EnvelopedEndpointKey } from './types.js';
import { contractView, devicesView, downloadsView, favoritesView, paymentMethodView, readView } from './views.js';

type Data = Record<string, unknown>;

const LONG_TITLE = '果てしなく長いタイトル'.repeat(1000).slice(0, 10_000);

/** Each one breaks a different naive rendering: innerHTML, layout, bidi, grapheme counting. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  LONG_TITLE,
  'مسلسل \u202Eשלום עולם\u202C الحلقة ٣',
  '👨‍👩‍👧‍👦 家族で観る 👩🏽‍💻 🏳️‍🌈 🧑‍🚀',
];

const hostile = (index: number): string => HOSTILE_STRINGS[index % HOSTILE_STRINGS.length]!;

function itemsOf(data: unknown): Data[] {
  const items = (data as Data)['items'];
  return Array.isArray(items) ? (items as Data[]) : [];
}

/**
 * foreign-account: what the partner would have received from the same
 * endpoint. For a mutation, the partner's view of the same resource.
 */
export function foreignAnswer(
  endpoint: EnvelopedEndpointKey,
  partner: AccountState,
  cursor: string | null,
  ownData: unknown,
): unknown {
  switch (endpoint) {
    case 'contract':
    case 'contract-cancel':
      return contractView(partner);
    case 'devices':
    case 'device-delete':
      return devicesView(partner);
    case 'payment-method':
    case 'payment-method-card':
      return paymentMethodView(partner);
    case 'downloads':
      return downloadsView(partner);
    case 'favorites':
    case 'favorite-delete':
      return favoritesView(partner);
    case 'payments':
    case 'viewing-history':
      return readView(endpoint, partner, cursor) ?? readView(endpoint, partner, null);
    case 'card-tokens': {
      const card = partner.paymentMethod.card;
      const own = ownData as CardTokenAnswer;
      return card ? { ...own, brand: card.brand, last3: card.last3 } : own;
    }
    case 'history-delete':
      return { removed: partner.history[0]?.entryId ?? (ownData as Data)['removed'] };
    case 'logout-all':
      return { signedOutDevices: partner.devices.length };
    // The TV's request is not the partner's: the envelope's accountId is what differs.
    case 'device-lookup':
    case 'device-approve':
    case 'device-deny':
      return ownData;
  }
}

/**
 * foreign-nested: the envelope is right, but one nested object belongs to
 * the partner and says so in its own `accountId` (contract check 3).
 */
export function injectForeign(endpoint: EnvelopedEndpointKey, data: unknown, partner: AccountState): unknown {
  const out = data as Data;
  const mark = (value: object): Data => ({ ...structuredClone(value), accountId: partner.accountId });
  const intoList = (item: object | undefined): boolean => {
    if (!item || !Array.isArray(out['items'])) return false;
    const items = out['items'] as unknown[];
    if (items.length > 0) items[0] = mark(item);
    else items.push(mark(item));
    return true;
  };
  const card = partner.paymentMethod.card;
  let done = false;
  switch (endpoint) {
    case 'contract':
    case 'contract-cancel':
      if (card) out['card'] = mark({ brand: card.brand, last3: card.last3 });
      else out['monthlyFee'] = mark(partner.contract.monthlyFee);
      done = true;
      break;
    case 'payment-method':
    case 'payment-method-card':
      // A carrier payer has no card object to leak, so its billing record is added as an extra field.
      if (card) out['card'] = mark(card);
      else out['billingAccount'] = mark({ type: 'carrier', carrier: partner.paymentMethod.carrier });
      done = true;
      break;
    case 'devices':
    case 'device-delete':
      done = intoList(partner.devices[0]);
      break;
    case 'payments':
      done = intoList(partner.payments[0]);
      break;
    case 'viewing-history':
      done = intoList(partner.history[0]);
      break;
    case 'downloads':
      done = intoList(partner.downloads[0]);
      break;
    case 'favorites':
    case 'favorite-delete':
      done = intoList(partner.favorites[0]);
      break;
    default:
      break;
  }
  if (!done) out['account'] = mark({ loginId: partner.loginId });
  return out;
}

/** schema-break: one endpoint-specific violation that any correct validator rejects. */
export function breakSchema(endpoint: EnvelopedEndpointKey, data: unknown): unknown {
  const out = data as Data;
  switch (endpoint) {
    case 'contract':
    case 'contract-cancel': {
      const fee = out['monthlyFee'] as { amount: number } | undefined;
      out['monthlyFee'] = `${fee?.amount ?? 0}円`;
      return out;
    }
    case 'devices':
    case 'device-delete':
      out['items'] = Object.fromEntries(itemsOf(out).map((d) => [String(d['deviceId']), d]));
      return out;
    case 'payments':
      delete out['nextCursor'];
      for (const item of itemsOf(out)) item['amount'] = `¥${String((item['amount'] as Data)['amount'])}`;
      return out;
    case 'payment-method':
    case 'payment-method-card':
      out['type'] = 'クレジットカード';
      return out;
    case 'viewing-history':
      out['items'] = null;
      return out;
    case 'downloads':
      out['items'] = 'ダウンロードはありません';
      return out;
    case 'favorites':
    case 'favorite-delete':
      return { favorites: out['items'] };
    case 'card-tokens':
      out['last3'] = Number(out['last3']);
      return out;
    case 'history-delete':
      return { deleted: true };
    case 'logout-all':
      return { signedOutDevices: `${String(out['signedOutDevices'])}台` };
    case 'device-lookup':
    case 'device-approve':
    case 'device-deny':
      return { ...out, userCode: 12345678 };
  }
}

/** hostile-strings: same shapes, customer-visible text replaced. */
export function hostilize(endpoint: EnvelopedEndpointKey, data: unknown): unknown {
  const out = data as Data;
  const each = (field: string, offset = 0): void =>
    itemsOf(out).forEach((item, i) => {
      item[field] = hostile(i + offset);
    });
  switch (endpoint) {
    case 'contract':
    case 'contract-cancel':
      out['planName'] = hostile(0);
      break;
    case 'devices':
    case 'device-delete':
      each('name');
      each('os', 3);
      break;
    case 'payments':
      each('description');
      break;
    case 'payment-method':
    case 'payment-method-card': {
      const card = out['card'] as Data | null;
      if (card) card['brand'] = hostile(0);
      else out['carrier'] = hostile(0);
      break;
    }
    case 'downloads':
      each('title');
      each('deviceName', 1);
      break;
    case 'viewing-history':
    case 'favorites':
    case 'favorite-delete':
      each('title');
      break;
    default:
      break;
  }
  return out;
}
