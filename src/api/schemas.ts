/**
 * The valibot primitives every account payload shares. The account payloads
 * are in account-schemas.ts, the session and problem details (which the shell
 * reads before valibot has loaded) in session-schema.ts. Together: one schema
 * per payload of api-contract.md sections 1-3 (identity check 4).
 *
 * `v.object` drops unknown keys from the output, so a server that adds fields
 * is accepted (the contract allows extras) but nothing we did not ask for can
 * ever reach an element.
 */
import * as v from 'valibot';
import { isDateTime } from './session-schema.js';

export type { Problem, Session } from './session-schema.js';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A time with an explicit offset that Date can actually read. */
export const dateTime = v.pipe(
  v.string(),
  v.check((value) => isDateTime(value)),
);
export const calendarDate = v.pipe(
  v.string(),
  v.regex(ISO_DATE),
  v.check((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`))),
);
export const id = v.pipe(v.string(), v.minLength(1));
export const text = v.string();
export const last3 = v.pipe(v.string(), v.regex(/^\d{3}$/));

export const moneySchema = v.object({
  amount: v.pipe(v.number(), v.integer(), v.safeInteger()),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});

export const cardSummary = v.object({ brand: text, last3 });

export type Money = v.InferOutput<typeof moneySchema>;
