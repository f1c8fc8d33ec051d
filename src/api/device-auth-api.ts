/**
 * The TV's half of the device flow (api-contract.md section 5): ask for a
 * code, then ask whether it was approved. Like login, these answers are not
 * enveloped, so the binding checks live here: the start must echo our nonce
 * (else no code is shown), and an approval must echo our nonce AND name the
 * user code this TV shows. Two TVs approved at the same moment are told apart
 * only by these two checks.
 */
import * as v from 'valibot';
import { IdentityMismatchError, InvalidResponseError, ProblemError } from './errors.js';
import { noteExchange } from './exchange-hook.js';
import { send } from './http-client.js';
import { randomHex } from './request-shape.js';
import { dateTime, id } from './schemas.js';
import { checkSession, type Session } from './session-schema.js';

const LETTERS = '[BCDFGHJKLMNPQRSTVWXZ]{4}';
const userCode = v.pipe(v.string(), v.regex(new RegExp(`^${LETTERS}-${LETTERS}$`)));
/** The QR and the text on screen: only a web address, never `javascript:` or anything else a server might send. */
const webAddress = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/));
const seconds = v.pipe(v.number(), v.integer(), v.minValue(1));

const startSchema = v.object({
  deviceCode: id,
  userCode,
  verificationUri: webAddress,
  verificationUriComplete: webAddress,
  expiresIn: seconds,
  interval: seconds,
  nonce: v.string(),
});

/** What a device token answer adds to a session (checkSession checks the session's own fields). */
const tokenExtras = v.object({
  nonce: v.string(),
  authTime: dateTime,
  approval: v.object({ userCode: v.string(), approvedOn: v.string() }),
});

export type DevicePurpose = 'sign-in' | 'step-up';

export type DeviceStartRequest =
  | { readonly purpose: 'sign-in'; readonly deviceName: string }
  /** Under the TV's own verified session: its account and CSRF token. */
  | {
      readonly purpose: 'step-up';
      readonly deviceName: string;
      readonly expectedAccountId: string;
      readonly csrfToken: string;
    };

/** A code this TV may show: the start answer, checked, with the nonce it was asked with. */
export interface DeviceCode {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly expiresIn: number;
  readonly interval: number;
  readonly nonce: string;
}

export interface DeviceSession extends Session {
  readonly authTime: string;
  readonly approval: { readonly userCode: string; readonly approvedOn: string };
}

export type DevicePoll =
  | { readonly kind: 'pending' }
  | { readonly kind: 'slow-down' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'approved'; readonly session: DeviceSession };

/** As the server compares codes: case, spaces and dashes do not count. */
export const normalizeUserCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

export async function startDeviceAuthorization(request: DeviceStartRequest): Promise<DeviceCode> {
  const nonce = randomHex(16);
  const stepUp = request.purpose === 'step-up';
  const answer = await send({
    method: 'POST',
    path: '/auth/device/start',
    endpoint: '/auth/device/start',
    json: {
      nonce,
      deviceName: request.deviceName,
      purpose: request.purpose,
      ...(stepUp ? { expectedAccountId: request.expectedAccountId } : {}),
    },
    headers: stepUp ? { 'X-CSRF-Token': request.csrfToken } : undefined,
  });
  const parsed = v.safeParse(startSchema, answer.body);
  if (!parsed.success) {
    noteExchange(answer.requestId, { verdict: 'refused', detail: 'schema: (device start)' });
    throw new InvalidResponseError('/auth/device/start', ['(device start)']);
  }
  if (parsed.output.nonce !== nonce) {
    // Another TV's code: showing it would let this room's phone approve that TV.
    noteExchange(answer.requestId, { verdict: 'refused', detail: 'identity: device-nonce' });
    throw new IdentityMismatchError('device-nonce', '/auth/device/start', answer.requestId, null, null);
  }
  noteExchange(answer.requestId, { verdict: 'accepted' });
  return { ...parsed.output, nonce };
}

const POLL_PROBLEMS: Record<string, DevicePoll['kind']> = {
  'authorization-pending': 'pending',
  'slow-down': 'slow-down',
  'access-denied': 'denied',
  'expired-token': 'expired',
  // The server does not know this code with this nonce (forgotten, restarted): the way on is a new code.
  'invalid-grant': 'expired',
};

function pollProblem(error: unknown): DevicePoll['kind'] | null {
  if (!(error instanceof ProblemError) || error.status !== 400 || !error.problemType) return null;
  const slug = /\/([a-z-]+)$/.exec(error.problemType)?.[1] ?? '';
  return POLL_PROBLEMS[slug] ?? null;
}

/**
 * One poll. Network failures, timeouts and unknown problems are thrown as
 * they are (the caller decides the wait). An approval for anything but this
 * code with this nonce throws IdentityMismatchError; the session the server
 * set with it must then be ended by the caller.
 */
export async function pollDeviceToken(code: DeviceCode): Promise<DevicePoll> {
  let answer;
  try {
    answer = await send({
      method: 'POST',
      path: '/auth/device/token',
      endpoint: '/auth/device/token',
      json: { deviceCode: code.deviceCode, nonce: code.nonce },
    });
  } catch (error) {
    const kind = pollProblem(error);
    if (kind && kind !== 'approved') return { kind };
    throw error;
  }
  const own = checkSession(answer.body);
  const extras = v.safeParse(tokenExtras, answer.body);
  if (!own || !extras.success) {
    noteExchange(answer.requestId, { verdict: 'refused', detail: 'schema: (device token)' });
    throw new InvalidResponseError('/auth/device/token', ['(device token)']);
  }
  const session: DeviceSession = { ...own, ...extras.output };
  const check =
    session.nonce !== code.nonce
      ? 'device-nonce'
      : normalizeUserCode(session.approval.userCode) !== normalizeUserCode(code.userCode)
        ? 'device-user-code'
        : null;
  noteExchange(
    answer.requestId,
    check ? { verdict: 'refused', detail: `identity: ${check}` } : { verdict: 'accepted' },
  );
  if (check) throw new IdentityMismatchError(check, '/auth/device/token', answer.requestId, null, session.accountId);
  return { kind: 'approved', session };
}
