/**
 * What can be checked about a card before anything is sent: the brand from
 * its number (with that brand's lengths and security-code length), the Luhn
 * check digit, and an expiry that is not in the past (in Tokyo, where the
 * customers and the service are). Pure functions; nothing is stored.
 */

export interface CardBrand {
  readonly name: string;
  readonly lengths: readonly number[];
  readonly cvcLength: number;
  /** Digits per group as shown while typing. */
  readonly groups: readonly number[];
}

const FOUR = [4, 4, 4, 4, 3];

const BRANDS: ReadonlyArray<CardBrand & { readonly matches: (digits: string) => boolean }> = [
  { name: 'American Express', lengths: [15], cvcLength: 4, groups: [4, 6, 5], matches: (d) => /^3[47]/.test(d) },
  {
    name: 'Diners Club',
    lengths: [14, 15, 16, 17, 18, 19],
    cvcLength: 3,
    groups: [4, 6, 9],
    matches: (d) => /^(30[0-5]|3095|36|3[89])/.test(d),
  },
  {
    name: 'JCB',
    lengths: [16, 17, 18, 19],
    cvcLength: 3,
    groups: FOUR,
    matches: (d) => {
      const prefix = Number(d.slice(0, 4));
      return d.length >= 4 ? prefix >= 3528 && prefix <= 3589 : /^35/.test(d);
    },
  },
  { name: 'Visa', lengths: [13, 16, 19], cvcLength: 3, groups: FOUR, matches: (d) => /^4/.test(d) },
  {
    name: 'Mastercard',
    lengths: [16],
    cvcLength: 3,
    groups: FOUR,
    matches: (d) => {
      if (/^5[1-5]/.test(d)) return true;
      const prefix = Number(d.slice(0, 4));
      return d.length >= 4 && prefix >= 2221 && prefix <= 2720;
    },
  },
];

export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}

export function brandOf(digits: string): CardBrand | null {
  return BRANDS.find((brand) => brand.matches(digits)) ?? null;
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** "4242424242424242" -> "4242 4242 4242 4242", Amex "3782 822463 10005". */
export function groupCardNumber(digits: string): string {
  const groups = brandOf(digits)?.groups ?? FOUR;
  const out: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= digits.length) break;
    out.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) out.push(digits.slice(at));
  return out.join(' ');
}

/** "0829" / "08/29" -> { month: 8, year: 2029 }, or null when not a month/year. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2})\s*$/.exec(
    value.length === 4 && /^\d{4}$/.test(value) ? `${value.slice(0, 2)}/${value.slice(2)}` : value,
  );
  if (!match) return null;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return null;
  return { month, year: 2000 + Number(match[2]) };
}

/** Typing aid: "082" -> "08/2". */
export function formatExpiryInput(value: string): string {
  const digits = digitsOnly(value).slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
}

/** The current year and month in Asia/Tokyo. */
export function tokyoYearMonth(now: Date = new Date()): { year: number; month: number } {
  const tokyo = new Date(now.getTime() + 9 * 3_600_000);
  return { year: tokyo.getUTCFullYear(), month: tokyo.getUTCMonth() + 1 };
}

export type CardField = 'cardNumber' | 'cardExpiry' | 'cardCvc' | 'cardHolder';
export type CardProblem = 'required' | 'number' | 'luhn' | 'brand' | 'expiryFormat' | 'expired' | 'cvc' | 'holder';

export interface CardInput {
  readonly number: string;
  readonly expiry: string;
  readonly cvc: string;
  readonly holder: string;
}

export interface ValidCard {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
  readonly holderName: string;
  readonly brand: CardBrand;
}

/** Every problem, by field, in words the screen looks up; or the card, cleaned. */
export function validateCard(
  input: CardInput,
  now: Date = new Date(),
): { ok: true; card: ValidCard } | { ok: false; problems: Partial<Record<CardField, CardProblem>> } {
  const problems: Partial<Record<CardField, CardProblem>> = {};
  const number = digitsOnly(input.number);
  const brand = brandOf(number);
  if (!number) problems.cardNumber = 'required';
  else if (!brand) problems.cardNumber = 'brand';
  else if (!brand.lengths.includes(number.length)) problems.cardNumber = 'number';
  else if (!passesLuhn(number)) problems.cardNumber = 'luhn';

  const expiry = parseExpiry(input.expiry);
  const today = tokyoYearMonth(now);
  if (!input.expiry.trim()) problems.cardExpiry = 'required';
  else if (!expiry) problems.cardExpiry = 'expiryFormat';
  else if (expiry.year < today.year || (expiry.year === today.year && expiry.month < today.month))
    problems.cardExpiry = 'expired';

  const cvc = input.cvc.trim();
  if (!cvc) problems.cardCvc = 'required';
  else if (!/^\d+$/.test(cvc) || cvc.length !== (brand?.cvcLength ?? 3)) problems.cardCvc = 'cvc';

  const holderName = input.holder.trim().replace(/\s+/g, ' ');
  if (!holderName) problems.cardHolder = 'holder';

  if (Object.keys(problems).length > 0 || !brand || !expiry) return { ok: false, problems };
  return { ok: true, card: { number, expMonth: expiry.month, expYear: expiry.year, cvc, holderName, brand } };
}
