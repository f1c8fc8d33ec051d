/**
 * The demo customers. Every string and amount of taro differs from hanako's,
 * and the other way round, so any value of one showing up in the other's
 * session is a detectable leak.
 */
import { HANAKO_TITLES, TARO_TITLES } from './catalog.js';
import { generateDownloads, generateFavorites, generateHistory, generatePayments, jst } from './generate.js';
import { buildHeavyAccount, HEAVY_ACCOUNT_ID, HEAVY_LOGIN_ID } from './heavy-account.js';
import type { AccountState, Device } from './types.js';

/** Same password for every demo account, so QA never has to look one up. */
export const DEMO_PASSWORD = 'mypage-demo';

export interface DemoAccount {
  accountId: string;
  loginId: string;
  /** What the account is for, shown in the QA panel and README. */
  purpose: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { accountId: 'acc_4f2b9c', loginId: 'taro@example.jp', purpose: 'Card payer, premium plan, typical data' },
  { accountId: 'acc_7d1e3a', loginId: 'hanako@example.jp', purpose: 'Carrier (docomo) payer, cancellation scheduled' },
  {
    accountId: 'acc_0c5e88',
    loginId: 'empty@example.jp',
    purpose: 'No devices, payments, history, downloads or favorites',
  },
  { accountId: HEAVY_ACCOUNT_ID, loginId: HEAVY_LOGIN_ID, purpose: '5,000 history entries and 600 payments' },
];

const [TARO, HANAKO, EMPTY] = DEMO_ACCOUNTS.map((a) => a.accountId) as [string, string, string];

const TARO_DEVICES: Device[] = [
  {
    deviceId: 'dev_8a31f0',
    name: 'リビングのテレビ',
    os: 'Android TV 12',
    registeredAt: '2024-03-09T19:12:44+09:00',
    lastUsedAt: '2026-11-24T21:48:10+09:00',
  },
  {
    deviceId: 'dev_2c7d19',
    name: '書斎のパソコン',
    os: 'Windows 11',
    registeredAt: '2024-06-21T08:30:02+09:00',
    lastUsedAt: '2026-11-20T23:05:51+09:00',
  },
  {
    deviceId: 'dev_e40b5a',
    name: '太郎のiPhone',
    os: 'iOS 18.6',
    registeredAt: '2025-01-04T12:00:19+09:00',
    lastUsedAt: '2026-11-25T07:41:03+09:00',
  },
  {
    deviceId: 'dev_71f9c2',
    name: '寝室のFire TV Stick',
    os: 'Fire OS 8',
    registeredAt: '2025-09-13T22:17:36+09:00',
    lastUsedAt: '2026-11-18T00:26:47+09:00',
  },
];

const HANAKO_DEVICES: Device[] = [
  {
    deviceId: 'dev_b5e2a8',
    name: 'ダイニングのテレビ',
    os: 'webOS 23',
    registeredAt: '2023-11-02T18:45:27+09:00',
    lastUsedAt: '2026-11-23T20:14:39+09:00',
  },
  {
    deviceId: 'dev_46d0c3',
    name: '花子のGalaxy',
    os: 'Android 15',
    registeredAt: '2025-04-18T09:22:11+09:00',
    lastUsedAt: '2026-11-24T12:37:58+09:00',
  },
  {
    deviceId: 'dev_f9a716',
    name: '子ども部屋のタブレット',
    os: 'iPadOS 18.5',
    registeredAt: '2025-12-26T16:03:50+09:00',
    lastUsedAt: '2026-11-19T17:55:21+09:00',
  },
];

function buildTaro(): AccountState {
  return {
    accountId: TARO,
    loginId: 'taro@example.jp',
    contract: {
      planName: 'プレミアム',
      planCode: 'premium',
      status: 'active',
      monthlyFee: { amount: 2530, currency: 'JPY' },
      nextBillingDate: '2026-12-01',
    },
    paymentMethod: {
      type: 'card',
      carrier: null,
      card: { brand: 'Visa', last3: '123', expiryMonth: 8, expiryYear: 2029 },
    },
    deviceLimit: 5,
    devices: structuredClone(TARO_DEVICES),
    payments: generatePayments({
      seed: 4_201,
      tag: 't',
      payer: { method: 'card', carrier: null, cardLast3: '123' },
      newestMonth: { year: 2026, month: 11 },
      billingDay: 1,
      months: 24,
      planLabel: 'プレミアムプラン',
      monthlyFee: 2530,
      extras: 6,
      extraTitles: TARO_TITLES,
      extraAmounts: [440, 550],
    }),
    history: generateHistory({
      seed: 4_202,
      tag: 't',
      count: 80,
      newestMs: jst(2026, 11, 24, 22, 41),
      pool: TARO_TITLES,
      meanGapHours: 9,
    }),
    downloads: generateDownloads({
      seed: 4_203,
      tag: 't',
      count: 6,
      newestMs: jst(2026, 11, 23, 8, 17),
      pool: TARO_TITLES,
      devices: [TARO_DEVICES[2]!, TARO_DEVICES[1]!],
      validDays: 30,
    }),
    favorites: generateFavorites(4_204, TARO_TITLES, 12, jst(2026, 11, 22, 23, 9)),
  };
}

function buildHanako(): AccountState {
  return {
    accountId: HANAKO,
    loginId: 'hanako@example.jp',
    contract: {
      planName: 'スタンダード',
      planCode: 'standard',
      status: 'cancel_scheduled',
      monthlyFee: { amount: 1490, currency: 'JPY' },
      nextBillingDate: '2026-12-15',
    },
    paymentMethod: { type: 'carrier', carrier: 'docomo', card: null },
    deviceLimit: 3,
    devices: structuredClone(HANAKO_DEVICES),
    payments: generatePayments({
      seed: 7_101,
      tag: 'k',
      payer: { method: 'carrier', carrier: 'docomo', cardLast3: null },
      newestMonth: { year: 2026, month: 11 },
      billingDay: 15,
      months: 20,
      planLabel: 'スタンダードプラン',
      monthlyFee: 1490,
      extras: 5,
      extraTitles: HANAKO_TITLES,
      extraAmounts: [330, 660],
    }),
    history: generateHistory({
      seed: 7_102,
      tag: 'k',
      count: 60,
      newestMs: jst(2026, 11, 23, 21, 6),
      pool: HANAKO_TITLES,
      meanGapHours: 11,
    }),
    downloads: generateDownloads({
      seed: 7_103,
      tag: 'k',
      count: 3,
      newestMs: jst(2026, 11, 21, 13, 52),
      pool: HANAKO_TITLES,
      devices: [HANAKO_DEVICES[1]!, HANAKO_DEVICES[2]!],
      validDays: 14,
    }),
    favorites: generateFavorites(7_104, HANAKO_TITLES, 8, jst(2026, 11, 20, 10, 33)),
  };
}

function buildEmpty(): AccountState {
  return {
    accountId: EMPTY,
    loginId: 'empty@example.jp',
    contract: {
      planName: 'ベーシック',
      planCode: 'basic',
      status: 'active',
      monthlyFee: { amount: 990, currency: 'JPY' },
      nextBillingDate: '2026-12-10',
    },
    paymentMethod: { type: 'carrier', carrier: 'softbank', card: null },
    deviceLimit: 2,
    devices: [],
    payments: [],
    history: [],
    downloads: [],
    favorites: [],
  };
}

const BUILDERS: Record<string, () => AccountState> = {
  [TARO]: buildTaro,
  [HANAKO]: buildHanako,
  [EMPTY]: buildEmpty,
  [HEAVY_ACCOUNT_ID]: buildHeavyAccount,
};

/** Pristine data, built on first use (the heavy account costs a few ms). */
const pristine = new Map<string, AccountState>();

/** A fresh deep copy of an account's initial data, safe to mutate. */
export function loadAccountState(accountId: string): AccountState {
  let seed = pristine.get(accountId);
  if (!seed) {
    const build = BUILDERS[accountId];
    if (!build) throw new Error(`Unknown demo account ${accountId}`);
    seed = build();
    pristine.set(accountId, seed);
  }
  return structuredClone(seed);
}

export function isDemoAccount(accountId: string): boolean {
  return Object.hasOwn(BUILDERS, accountId);
}

/** Login ids match trimmed and case-insensitively, as the client compares them. */
export function findAccountByLoginId(loginId: string): DemoAccount | undefined {
  const wanted = loginId.trim().toLowerCase();
  return DEMO_ACCOUNTS.find((a) => a.loginId === wanted);
}

export function findAccountById(accountId: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.accountId === accountId);
}

/**
 * The "other customer" whose data an identity fault serves. taro and hanako
 * are each other's partner; everyone else gets taro, whose data is richest.
 */
export function partnerOf(accountId: string): string {
  if (accountId === TARO) return HANAKO;
  return TARO;
}
