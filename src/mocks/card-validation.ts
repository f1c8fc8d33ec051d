/**
 * What the payment processor's tokenizer would check before issuing a token.
 * Field names and codes are those of the 422 `errors` array.
 */
import type { FieldError } from './types.js';

export interface ValidCard {
  brand: string;
  last3: string;
  expiryMonth: number;
  expiryYear: number;
}

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Brands the service accepts, by IIN prefix. */
export function brandOf(digits: string): string | null {
  if (/^4/.test(digits)) return 'Visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'Mastercard';
  if (/^35(2[89]|[3-8]\d)/.test(digits)) return 'JCB';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (/^3(0[0-5]|[689])/.test(digits)) return 'Diners Club';
  return null;
}

/** Integers may arrive as numbers or digit strings; both are accepted. */
function integerOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,4}$/.test(value.trim())) return Number(value.trim());
  return null;
}

function tokyoYearMonth(now: number): { year: number; month: number } {
  const d = new Date(now + 9 * 3_600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export function validateCard(
  body: Record<string, unknown>,
  now = Date.now(),
): { card: ValidCard } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string): void => {
    errors.push({ field, code });
  };

  const rawNumber = body['number'];
  // Spaces and hyphens are how people type card numbers; strip them, nothing else.
  const digits = typeof rawNumber === 'string' ? rawNumber.replace(/[\s-]/g, '') : '';
  let brand: string | null = null;
  if (rawNumber === undefined || rawNumber === null || rawNumber === '') fail('number', 'required');
  else if (!/^\d{12,19}$/.test(digits)) fail('number', 'format');
  else if (!luhnOk(digits)) fail('number', 'luhn');
  else if ((brand = brandOf(digits)) === null) fail('number', 'unsupported_brand');

  const month = integerOf(body['expMonth']);
  let year = integerOf(body['expYear']);
  if (year !== null && year < 100) year += 2000;
  if (body['expMonth'] === undefined || body['expMonth'] === '') fail('expMonth', 'required');
  else if (month === null || month < 1 || month > 12) fail('expMonth', 'range');
  if (body['expYear'] === undefined || body['expYear'] === '') fail('expYear', 'required');
  else if (year === null || year > 2100) fail('expYear', 'range');
  if (month !== null && year !== null && month >= 1 && month <= 12 && year <= 2100) {
    const today = tokyoYearMonth(now);
    if (year < today.year) fail('expYear', 'expired');
    else if (year === today.year && month < today.month) fail('expMonth', 'expired');
  }

  const cvc = typeof body['cvc'] === 'number' ? String(body['cvc']) : body['cvc'];
  if (cvc === undefined || cvc === '') fail('cvc', 'required');
  else if (typeof cvc !== 'string' || !/^\d{3,4}$/.test(cvc)) fail('cvc', 'format');

  const holder = body['holderName'];
  if (typeof holder !== 'string' || holder.trim() === '') fail('holderName', 'required');
  else if (holder.length > 100) fail('holderName', 'too_long');

  if (errors.length > 0 || brand === null || month === null || year === null) {
    return { errors };
  }
  return { card: { brand, last3: digits.slice(-3), expiryMonth: month, expiryYear: year } };
}

/** For logs: keeps only the last three digits the service ever shows. */
export function maskCardNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value === undefined ? value : '[masked]';
  const digits = value.replace(/\D/g, '');
  return digits.length > 3 ? `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}` : '***';
}
