/**
 * The language and formatting in use. Dates are always shown in Asia/Tokyo
 * (the service's customers are in Japan, whatever the device's zone is) and
 * money through Intl in its own currency.
 */
import { ja, type Messages } from './messages-ja.js';
import type { Money } from '../api/schemas.js';

export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
const TIME_ZONE = 'Asia/Tokyo';
const STORAGE_KEY = 'my-page.locale';

export interface I18n {
  readonly locale: Locale;
  readonly m: Messages;
  dateTime(iso: string): string;
  /** A calendar date (YYYY-MM-DD): shown as that date, no zone shift. */
  date(ymd: string): string;
  money(money: Money): string;
}

/**
 * The whole catalog of a language. Only the Japanese shell strings are in the
 * app shell; the Japanese screens' part and all of English load when first
 * needed, so the first screen does not carry them.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return (await import('./messages-en.js')).en;
  return { ...ja, ...(await import('./messages-ja-screens.js')).jaScreens };
}

/**
 * Japanese before the catalog is complete. Only the shell reads it (login,
 * menu, identity stop, load errors): the app renders a screen behind the menu
 * only once `loadMessages` has answered, which is what makes this cast safe.
 */
export function shellI18n(): I18n {
  return createI18n('ja', ja as Messages);
}

/**
 * The calendar day before `ymd` (YYYY-MM-DD), e.g. the last day a cancelled
 * contract can be used: nextBillingDate is already a Tokyo calendar date, so
 * this is calendar arithmetic (UTC, no zone shift), month and year ends included.
 */
export function dayBefore(ymd: string): string {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** How a date-time reads, in Tokyo: Intl's options for English, and what tokyoDateTimeJa writes as Intl would for Japanese. */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
};

/** Tokyo has kept UTC+9 all year since 1951: no daylight saving. */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * A Japanese date-time in Tokyo ("2026年11月20日 07:20"), without Intl: the
 * page's first Intl.DateTimeFormat loads ICU's locale and zone data (20 ms on
 * a desktop, four times that on Lighthouse's phone), inside the render of the
 * first list with dates, the viewing history. With a fixed offset the wall
 * clock is arithmetic; the text is what ja-JP Intl writes for the options
 * the English side uses (test/i18n/i18n.test.ts compares the two).
 */
export function tokyoDateTimeJa(iso: string): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${iso}`);
  const t = new Date(ms + TOKYO_OFFSET_MS);
  const two = (n: number): string => (n < 10 ? '0' : '') + n;
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

export function createI18n(locale: Locale, messages: Messages): I18n {
  const tag = locale === 'ja' ? 'ja-JP' : 'en-US';
  // Built on first use: constructing an Intl format loads locale data (about
  // 100 ms on a throttled phone), and the login page and the menu show no date.
  let dateTimeFormat: Intl.DateTimeFormat | undefined;
  let dateFormat: Intl.DateTimeFormat | undefined;
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    m: messages,
    dateTime: (iso) => {
      if (locale === 'ja') return tokyoDateTimeJa(iso);
      dateTimeFormat ??= new Intl.DateTimeFormat(tag, DATE_TIME_OPTIONS);
      return dateTimeFormat.format(new Date(iso));
    },
    date: (ymd) => {
      dateFormat ??= new Intl.DateTimeFormat(tag, {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
      });
      return dateFormat.format(new Date(`${ymd}T00:00:00Z`));
    },
    money: ({ amount, currency }) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      // `amount` is in the smallest unit; JPY has none below the yen.
      const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
      return format.format(amount / 10 ** digits);
    },
  };
}

function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** `?lang=` first (handy on a TV emulator), then the saved choice, then Japanese. */
export function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage may be unavailable on some TV browsers.
  }
  return 'ja';
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts for this page only.
  }
}
