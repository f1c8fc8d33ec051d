/**
 * Deterministic data generation: a seeded PRNG and list builders.
 *
 * Everything is seeded so two runs (and two test machines) see the same
 * demo data, which lets tests and QA notes refer to concrete values.
 */
import type { Carrier, Download, Favorite, HistoryEntry, IsoDate, IsoDateTime, Payment } from './types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const JST_OFFSET_MS = 9 * HOUR_MS;

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: tiny, good enough for demo data, and reproducible. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  };
  return { next, int, pick };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Epoch ms of a Tokyo wall-clock time (month is 1-based). */
export function jst(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS;
}

/** Formats in Tokyo time with an explicit offset, as the contract's examples do. */
export function toJstDateTime(ms: number): IsoDateTime {
  const d = new Date(Math.floor(ms / 1000) * 1000 + JST_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`
  );
}

export function toJstDate(ms: number): IsoDate {
  return toJstDateTime(ms).slice(0, 10);
}

export interface SeriesSpec {
  titleId: string;
  title: string;
  /** 1 for a film. */
  episodes: number;
}

export function episodeTitle(series: SeriesSpec, episode: number): string {
  return series.episodes > 1 ? `${series.title} 第${episode}話` : series.title;
}

export interface HistoryOptions {
  seed: number;
  /** Short account-specific tag that keeps ids unique across accounts. */
  tag: string;
  count: number;
  newestMs: number;
  pool: readonly SeriesSpec[];
  /** Average hours between two viewings. */
  meanGapHours: number;
}

/**
 * Newest first. Walking back in time, each series counts its episodes down,
 * so a binge reads naturally (第8話, 第7話, ...) instead of random numbers.
 */
export function generateHistory(options: HistoryOptions): HistoryEntry[] {
  const rng = createRandom(options.seed);
  const progress = new Map<string, number>();
  const entries: HistoryEntry[] = [];
  let at = options.newestMs;
  let series = rng.pick(options.pool);
  for (let i = 0; i < options.count; i += 1) {
    if (rng.next() < 0.35) series = rng.pick(options.pool);
    const current = progress.get(series.titleId) ?? rng.int(1, series.episodes);
    entries.push({
      entryId: `vh_${options.tag}${String(options.count - i).padStart(5, '0')}`,
      viewedAt: toJstDateTime(at),
      titleId: series.titleId,
      title: episodeTitle(series, current),
    });
    progress.set(series.titleId, current > 1 ? current - 1 : series.episodes);
    const gapHours = 0.4 + rng.next() * options.meanGapHours * 2;
    at -= Math.round((gapHours * HOUR_MS) / 60_000) * 60_000;
  }
  return entries;
}

export interface PayerSpec {
  method: 'card' | 'carrier';
  carrier: Carrier | null;
  cardLast3: string | null;
}

export interface PaymentOptions {
  seed: number;
  tag: string;
  payer: PayerSpec;
  /** Newest billing month, e.g. { year: 2026, month: 11 }. */
  newestMonth: { year: number; month: number };
  billingDay: number;
  months: number;
  planLabel: string;
  monthlyFee: number;
  /** Rentals and purchases between monthly charges. */
  extras: number;
  extraTitles: readonly SeriesSpec[];
  extraAmounts: readonly number[];
}

export function generatePayments(options: PaymentOptions): Payment[] {
  const rng = createRandom(options.seed);
  const { payer } = options;
  const raw: Array<Omit<Payment, 'paymentId'> & { ms: number }> = [];
  const { year, month } = options.newestMonth;
  for (let i = 0; i < options.months; i += 1) {
    const monthIndex = year * 12 + (month - 1) - i;
    const y = Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    const ms = jst(y, m, options.billingDay, 0, rng.int(1, 9)) + rng.int(0, 59) * 1000;
    raw.push({
      ms,
      paidAt: toJstDateTime(ms),
      description: `${options.planLabel} 月額料金（${y}年${m}月分）`,
      amount: { amount: options.monthlyFee, currency: 'JPY' },
      ...payer,
    });
  }
  const newestMs = raw[0]?.ms ?? jst(year, month, options.billingDay);
  const span = options.months * 30 * DAY_MS;
  for (let i = 0; i < options.extras; i += 1) {
    const ms = newestMs + 6 * DAY_MS - Math.floor(rng.next() * span);
    const title = rng.pick(options.extraTitles).title;
    const kind = rng.next() < 0.8 ? 'レンタル' : '購入';
    raw.push({
      ms,
      paidAt: toJstDateTime(ms),
      description: `${kind}「${title}」`,
      amount: { amount: rng.pick(options.extraAmounts), currency: 'JPY' },
      ...payer,
    });
  }
  raw.sort((a, b) => b.ms - a.ms);
  return raw.map(({ ms: _ms, ...payment }, index) => ({
    paymentId: `pay_${options.tag}${String(raw.length - index).padStart(5, '0')}`,
    ...payment,
  }));
}

/** Newest first, a few days apart. */
export function generateFavorites(
  seed: number,
  pool: readonly SeriesSpec[],
  count: number,
  newestMs: number,
): Favorite[] {
  const rng = createRandom(seed);
  let at = newestMs;
  return pool.slice(0, count).map((series) => {
    const favorite = { titleId: series.titleId, title: series.title, addedAt: toJstDateTime(at) };
    at -= rng.int(20, 400) * HOUR_MS + rng.int(0, 59) * 60_000;
    return favorite;
  });
}

export interface DownloadOptions {
  seed: number;
  tag: string;
  count: number;
  newestMs: number;
  pool: readonly SeriesSpec[];
  devices: ReadonlyArray<{ name: string; os: string }>;
  /** Licence length after download. */
  validDays: number;
}

export function generateDownloads(options: DownloadOptions): Download[] {
  const rng = createRandom(options.seed);
  let at = options.newestMs;
  const result: Download[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const series = rng.pick(options.pool);
    const device = rng.pick(options.devices);
    result.push({
      downloadId: `dl_${options.tag}${String(options.count - i).padStart(4, '0')}`,
      deviceName: device.name,
      deviceOs: device.os,
      downloadedAt: toJstDateTime(at),
      titleId: series.titleId,
      title: episodeTitle(series, rng.int(1, series.episodes)),
      expiresAt: toJstDateTime(at + options.validDays * DAY_MS),
    });
    at -= rng.int(5, 60) * HOUR_MS + rng.int(0, 59) * 60_000;
  }
  return result;
}

export { DAY_MS, HOUR_MS };
