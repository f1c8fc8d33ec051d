/**
 * The schemas the app shell needs (session, problem) and the primitives every
 * payload shares. The account payloads are in account-schemas.ts, which loads
 * with the screens that read them. Together: one schema per payload of
 * api-contract.md sections 1-3 (identity check 4).
 *
 * `v.object` drops unknown keys from the output, so a server that adds fields
 * is accepted (the contract allows extras) but nothing we did not ask for can
 * ever reach an element.
 */
import * as v from 'valibot';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A time with an explicit offset that Date can actually read. */
export const dateTime = v.pipe(
  v.string(),
  v.regex(ISO_DATE_TIME),
  v.check((value) => !Number.isNaN(Date.parse(value))),
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

// --- auth (not enveloped) ---------------------------------------------------

export const sessionSchema = v.object({
  accountId: id,
  loginId: id,
  sessionId: id,
  csrfToken: id,
  expiresAt: dateTime,
  nonce: v.nullable(v.string()),
  /** Contract section 5: when the owner last proved who they are (login, reauth, phone approval). */
  authTime: v.optional(dateTime),
});

// --- errors -----------------------------------------------------------------

export const problemSchema = v.object({
  type: v.optional(v.string()),
  title: v.optional(v.string()),
  status: v.optional(v.number()),
  detail: v.optional(v.string()),
  errors: v.optional(v.array(v.object({ field: v.string(), code: v.string() }))),
});

export type Money = v.InferOutput<typeof moneySchema>;
/**
 * A session answer, plus one value the client derives: how far the server's
 * clock was ahead of this device's when the answer came (its `Date` header),
 * so `authTime` can be aged on the server's clock, which decides the 403.
 */
export type Session = v.InferOutput<typeof sessionSchema> & { readonly serverClockAheadMs?: number };
export type Problem = v.InferOutput<typeof problemSchema>;
