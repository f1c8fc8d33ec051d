/**
 * One schema per account payload of api-contract.md sections 2-3: what the
 * screens behind the menu read and change (identity check 4). Loads with
 * them, not with the app shell.
 */
import * as v from 'valibot';
import { calendarDate, cardSummary, dateTime, id, last3, moneySchema, text } from './schemas.js';

// --- data endpoints (section 2) --------------------------------------------

export const contractSchema = v.object({
  planName: text,
  planCode: text,
  status: v.picklist(['active', 'cancel_scheduled', 'suspended']),
  monthlyFee: moneySchema,
  nextBillingDate: calendarDate,
  card: v.nullable(cardSummary),
});

export const devicesSchema = v.object({
  items: v.array(
    v.object({
      deviceId: id,
      name: text,
      os: text,
      registeredAt: dateTime,
      lastUsedAt: dateTime,
      // Beyond the contract (where it is silent): the device of this session. Absent means not known.
      current: v.optional(v.boolean(), false),
    }),
  ),
  limit: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const cursor = v.nullable(v.pipe(v.string(), v.minLength(1)));

export const paymentsPageSchema = v.object({
  items: v.array(
    v.object({
      paymentId: id,
      paidAt: dateTime,
      description: text,
      amount: moneySchema,
      method: v.picklist(['card', 'carrier']),
      carrier: v.nullable(v.picklist(['docomo', 'au', 'softbank'])),
      cardLast3: v.nullable(last3),
    }),
  ),
  nextCursor: cursor,
});

export const paymentMethodSchema = v.object({
  type: v.picklist(['card', 'carrier']),
  carrier: v.nullable(text),
  card: v.nullable(
    v.object({
      brand: text,
      last3,
      expiryMonth: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
      expiryYear: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
    }),
  ),
});

export const historyPageSchema = v.object({
  items: v.array(v.object({ entryId: id, viewedAt: dateTime, titleId: id, title: text })),
  nextCursor: cursor,
});

export const downloadsSchema = v.object({
  items: v.array(
    v.object({
      downloadId: id,
      deviceName: text,
      deviceOs: text,
      downloadedAt: dateTime,
      titleId: id,
      title: text,
      expiresAt: dateTime,
    }),
  ),
});

export const favoritesSchema = v.object({
  items: v.array(v.object({ titleId: id, title: text, addedAt: dateTime })),
});

// --- mutation answers (section 3) -------------------------------------------

export const cardTokenSchema = v.object({ cardToken: id, brand: text, last3 });
export const historyRemovedSchema = v.object({ removed: id });
export const logoutAllSchema = v.object({
  signedOutDevices: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

// --- a phone approving a TV (section 5) -------------------------------------

/** `BCDF-GHJK`: 8 letters of the contract's alphabet (no vowels, no digits); the dash is optional. */
const userCode = v.pipe(v.string(), v.regex(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-?[BCDFGHJKLMNPQRSTVWXZ]{4}$/));

export const deviceLookupSchema = v.object({
  userCode,
  deviceName: text,
  purpose: v.picklist(['sign-in', 'step-up']),
  requestedAt: dateTime,
  expiresAt: dateTime,
});
export const deviceApprovedSchema = v.object({ userCode, deviceName: text, approved: v.literal(true) });
export const deviceDeniedSchema = v.object({ userCode, approved: v.literal(false) });

export type Contract = v.InferOutput<typeof contractSchema>;
export type Devices = v.InferOutput<typeof devicesSchema>;
export type Device = Devices['items'][number];
export type PaymentsPage = v.InferOutput<typeof paymentsPageSchema>;
export type Payment = PaymentsPage['items'][number];
export type PaymentMethod = v.InferOutput<typeof paymentMethodSchema>;
export type HistoryPage = v.InferOutput<typeof historyPageSchema>;
export type HistoryEntry = HistoryPage['items'][number];
export type Downloads = v.InferOutput<typeof downloadsSchema>;
export type Download = Downloads['items'][number];
export type Favorites = v.InferOutput<typeof favoritesSchema>;
export type Favorite = Favorites['items'][number];
export type CardToken = v.InferOutput<typeof cardTokenSchema>;
export type DeviceLookup = v.InferOutput<typeof deviceLookupSchema>;
