/**
 * The heavy account: thousands of rows, for paging and rendering-cost tests.
 * Built only when first asked for, so starting the mock stays cheap.
 */
import { HEAVY_TITLES } from './catalog.js';
import { generateDownloads, generateFavorites, generateHistory, generatePayments, jst } from './generate.js';
import type { AccountState, Device } from './types.js';

export const HEAVY_ACCOUNT_ID = 'acc_9a8b7c';
export const HEAVY_LOGIN_ID = 'heavy@example.jp';

const DEVICES: Device[] = [
  {
    deviceId: 'dev_9c01d4',
    name: '大広間のテレビ',
    os: 'Google TV 14',
    registeredAt: '2021-04-02T10:15:09+09:00',
    lastUsedAt: '2026-11-25T06:58:31+09:00',
  },
  {
    deviceId: 'dev_9c02e7',
    name: '二階のテレビ',
    os: 'Android TV 11',
    registeredAt: '2022-08-19T20:41:55+09:00',
    lastUsedAt: '2026-11-24T23:12:02+09:00',
  },
  {
    deviceId: 'dev_9c03a2',
    name: 'お父さんのAndroid',
    os: 'Android 14',
    registeredAt: '2023-02-27T07:03:40+09:00',
    lastUsedAt: '2026-11-23T12:44:18+09:00',
  },
  {
    deviceId: 'dev_9c04b8',
    name: 'お母さんのiPad',
    os: 'iPadOS 17.7',
    registeredAt: '2024-12-25T09:30:00+09:00',
    lastUsedAt: '2026-11-22T15:20:47+09:00',
  },
  {
    deviceId: 'dev_9c05f1',
    name: '車載モニター',
    os: 'Android Automotive 13',
    registeredAt: '2025-07-07T17:07:07+09:00',
    lastUsedAt: '2026-11-16T09:02:33+09:00',
  },
];

export function buildHeavyAccount(): AccountState {
  const payer = { method: 'card', carrier: null, cardLast3: '789' } as const;
  return {
    accountId: HEAVY_ACCOUNT_ID,
    loginId: HEAVY_LOGIN_ID,
    contract: {
      planName: 'ファミリー',
      planCode: 'family',
      status: 'active',
      monthlyFee: { amount: 3290, currency: 'JPY' },
      nextBillingDate: '2026-12-05',
    },
    paymentMethod: {
      type: 'card',
      carrier: null,
      card: { brand: 'JCB', last3: '789', expiryMonth: 11, expiryYear: 2030 },
    },
    deviceLimit: 5,
    devices: structuredClone(DEVICES),
    payments: generatePayments({
      seed: 9_807,
      tag: 'h',
      payer,
      newestMonth: { year: 2026, month: 11 },
      billingDay: 5,
      months: 24,
      planLabel: 'ファミリープラン',
      monthlyFee: 3290,
      extras: 576,
      extraTitles: HEAVY_TITLES,
      extraAmounts: [220, 385, 770, 1100, 1650, 2200],
    }),
    history: generateHistory({
      seed: 9_808,
      tag: 'h',
      count: 5000,
      newestMs: jst(2026, 11, 25, 7, 12),
      pool: HEAVY_TITLES,
      meanGapHours: 2,
    }),
    downloads: generateDownloads({
      seed: 9_809,
      tag: 'h',
      count: 10,
      newestMs: jst(2026, 11, 24, 19, 3),
      pool: HEAVY_TITLES,
      devices: DEVICES.slice(2, 5),
      validDays: 30,
    }),
    favorites: generateFavorites(9_810, HEAVY_TITLES.slice(7), 40, jst(2026, 11, 21, 22, 5)),
  };
}
