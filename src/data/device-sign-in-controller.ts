/**
 * The TV's device flow (api-contract.md section 5) as a Lit ReactiveController:
 * asks for a code, counts down to its expiry, polls as the contract says, and
 * ends in exactly one result. It renders nothing; the host reads `state`.
 *
 * Polling: the first poll `interval` seconds after the code; `slow-down` adds
 * 5 s to the interval for that and every later poll; a network failure (or a
 * timeout, 429, 5xx) doubles the wait before the next poll (again on every
 * further failure, up to 60 s), and the next answer brings the interval back;
 * `denied` / `expired` (or the code's own countdown reaching 0) stop polling.
 *
 * Purposes:
 * - `sign-in`: on an approval the tab adopts nobody yet (`holdDeviceSession`);
 *   the state becomes `confirm` with the masked login id, and only `confirm()`
 *   (the customer's Yes) adopts the session. `decline()` logs out and shows a
 *   new code.
 * - `step-up` (re-authentication on a TV, under the TV's verified session):
 *   pass `expectedAccountId` and `csrfToken`. An approval for another account
 *   is an identity-stop; the same account ends in `renewed` with the new
 *   session (also handed to `onRenewed`, with the nonce of the code it
 *   answered, whose echo was checked), which the caller puts in place of
 *   the old one. There is no account question: the account did not change.
 *
 * Any answer that is not bound to this code (other nonce, other user code)
 * is an identity-stop with cause `login-mismatch` (sign-in) or `mismatch`
 * (step-up), never a sign-in. Leaving the host (hostDisconnected) aborts the
 * flow; a session that arrives after that, or stays unconfirmed, is logged out,
 * as it is when the page is left (pagehide) with the question open.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  pollDeviceToken,
  startDeviceAuthorization,
  type DeviceCode,
  type DevicePoll,
  type DeviceSession,
  type DeviceStartRequest,
} from '../api/device-auth-api.js';
import { logout as postLogout } from '../api/session-api.js';
import { IdentityMismatchError, ProblemError, isApiError, type ApiError } from '../api/errors.js';
import type { Session } from '../api/schemas.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface DeviceFlowApi {
  start(request: DeviceStartRequest): Promise<DeviceCode>;
  poll(code: DeviceCode): Promise<DevicePoll>;
  /** Ends whatever session the server set (best effort, never throws). */
  logout(): Promise<void>;
}

export const httpDeviceFlowApi: DeviceFlowApi = {
  start: startDeviceAuthorization,
  poll: pollDeviceToken,
  logout: postLogout,
};

/** What the flow needs of the identity store (IdentityStore has all of it). */
export interface DeviceIdentityPort {
  holdDeviceSession(): void;
  adoptDeviceSession(session: Session): void;
  stop(error: IdentityMismatchError, cause: 'mismatch' | 'login-mismatch'): Promise<void>;
}

export type DeviceFlowOptions = {
  readonly deviceName: string;
  /** A getter: the store may come from a context that arrives after construction. */
  readonly identity: () => DeviceIdentityPort | undefined;
  readonly api?: DeviceFlowApi;
  readonly clock?: Clock;
} & (
  | { readonly purpose: 'sign-in' }
  | {
      readonly purpose: 'step-up';
      readonly expectedAccountId: string;
      readonly csrfToken: string;
      /** With the nonce of the code the approval answered (its echo was checked): the proof the caller passes on. */
      readonly onRenewed?: (session: DeviceSession, nonce: string) => void;
    }
);

export type DeviceFlowEnd =
  /** The phone declined. */
  | 'denied'
  /** The code ran out (server or countdown). */
  | 'expired'
  /** No code could be had (network, server, a start answer not ours). */
  | 'start-failed'
  /** An answer this flow cannot use (schema, unknown problem); its session, if any, was ended. */
  | 'failed'
  /** The answer was not bound to this code or account: the page is in identity-stop. */
  | 'refused';

export type DeviceFlowState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | {
      readonly phase: 'waiting';
      readonly code: DeviceCode;
      readonly secondsLeft: number;
      /** The last poll got no answer; polling goes on, slower. */
      readonly offline: boolean;
    }
  /** sign-in only: approved, checked, waiting for the customer's answer. Nothing of the account but this mask. */
  | { readonly phase: 'confirm'; readonly maskedLoginId: string; readonly approvedOn: string }
  | { readonly phase: 'signed-in' }
  | { readonly phase: 'renewed'; readonly session: DeviceSession }
  | { readonly phase: 'ended'; readonly reason: DeviceFlowEnd; readonly error: ApiError | null };

/** Seconds added by each `slow-down`, for good (section 5). */
export const SLOW_DOWN_STEP_S = 5;
/** The longest wait between polls while the network is failing. */
export const MAX_BACKOFF_MS = 60_000;

/** "ta***@example.jp": enough for the owner to recognise, too little for the room to learn. */
export function maskLoginId(loginId: string): string {
  const at = loginId.lastIndexOf('@');
  const local = at < 0 ? loginId : loginId.slice(0, at);
  const domain = at < 0 ? '' : loginId.slice(at);
  const shown = local.length > 2 ? 2 : Math.min(1, local.length);
  return `${local.slice(0, shown)}***${domain}`;
}

/** Failures after which the next poll may well succeed: the wait doubles. */
function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error instanceof ProblemError && (error.status === 429 || error.status >= 500);
}

export class DeviceSignInController implements ReactiveController {
  private _state: DeviceFlowState = { phase: 'idle' };
  /** Bumped by every start, abort and end: a late answer of an older run is not ours. */
  private _run = 0;
  private _pollTimer: unknown = null;
  private _tickTimer: unknown = null;
  private _intervalMs = 0;
  private _waitMs = 0;
  private _expiresAt = 0;
  private _pending: DeviceSession | null = null;
  /**
   * While a session waits for the customer's answer, leaving the page (reload,
   * closing, the back/forward cache) ends it with a keepalive logout: no other
   * tab or later load may find an approval nobody confirmed.
   */
  private readonly _onPageHide = (): void => {
    this._abandon();
    this._end('failed');
  };
  private readonly _api: DeviceFlowApi;
  private readonly _clock: Clock;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DeviceFlowOptions,
  ) {
    this._api = options.api ?? httpDeviceFlowApi;
    this._clock = options.clock ?? systemClock;
    host.addController(this);
  }

  get state(): DeviceFlowState {
    return this._state;
  }

  /** The current polling interval in seconds (grows with slow-down). */
  get intervalSeconds(): number {
    return this._intervalMs / 1000;
  }

  /** How long the flow waits before the next poll, in ms (0 when not polling). */
  get nextPollInMs(): number {
    return this._pollTimer === null ? 0 : this._waitMs;
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Asks for a code (a new one, if one is shown: the old one is abandoned). */
  async start(): Promise<void> {
    this._abandon();
    const run = this._run;
    this._set({ phase: 'starting' });
    let code: DeviceCode;
    try {
      code = await this._api.start(this._startRequest());
    } catch (error) {
      if (run === this._run) this._end('start-failed', error);
      return;
    }
    if (run !== this._run) return;
    this._intervalMs = code.interval * 1000;
    this._waitMs = this._intervalMs;
    this._expiresAt = this._clock.now() + code.expiresIn * 1000;
    this._set({ phase: 'waiting', code, secondsLeft: code.expiresIn, offline: false });
    this._schedulePoll(run, this._waitMs);
    this._tick(run);
  }

  /** The customer's Yes: only now does the tab adopt the approved session. */
  confirm(): void {
    const session = this._pending;
    if (this._state.phase !== 'confirm' || !session) return;
    this._setPending(null);
    this._run++;
    this._set({ phase: 'signed-in' });
    this.options.identity()?.adoptDeviceSession(session);
  }

  /** The customer's No: the session that came back is ended, and a new code shown. */
  async decline(): Promise<void> {
    if (this._state.phase !== 'confirm') return;
    this._setPending(null);
    this._run++;
    this._set({ phase: 'starting' });
    await this._api.logout();
    await this.start();
  }

  /** Stops everything; an unconfirmed session is ended. Back to `idle`. */
  abort(): void {
    this._abandon();
    if (this._state.phase !== 'idle') this._set({ phase: 'idle' });
  }

  private _startRequest(): DeviceStartRequest {
    const options = this.options;
    return options.purpose === 'step-up'
      ? {
          purpose: 'step-up',
          deviceName: options.deviceName,
          expectedAccountId: options.expectedAccountId,
          csrfToken: options.csrfToken,
        }
      : { purpose: 'sign-in', deviceName: options.deviceName };
  }

  private _abandon(): void {
    this._run++;
    this._clearTimers();
    this._setPending(null, true);
  }

  private _setPending(session: DeviceSession | null, logOutOld = false): void {
    const had = this._pending !== null;
    this._pending = session;
    if (session && !had) window.addEventListener('pagehide', this._onPageHide);
    if (!session && had) {
      window.removeEventListener('pagehide', this._onPageHide);
      if (logOutOld) void this._api.logout();
    }
  }

  private _clearTimers(): void {
    if (this._pollTimer !== null) this._clock.clearTimeout(this._pollTimer);
    if (this._tickTimer !== null) this._clock.clearTimeout(this._tickTimer);
    this._pollTimer = null;
    this._tickTimer = null;
  }

  private _set(state: DeviceFlowState): void {
    this._state = state;
    this.host.requestUpdate();
  }

  private _end(reason: DeviceFlowEnd, error: unknown = null): void {
    this._run++;
    this._clearTimers();
    this._set({ phase: 'ended', reason, error: isApiError(error) ? error : null });
  }

  private _tick(run: number): void {
    const left = this._expiresAt - this._clock.now();
    if (left <= 0) {
      this._end('expired');
      return;
    }
    const state = this._state;
    const secondsLeft = Math.ceil(left / 1000);
    if (state.phase === 'waiting' && state.secondsLeft !== secondsLeft) this._set({ ...state, secondsLeft });
    // To the next whole second, so the countdown never skips one on a late timer.
    const toNext = left - (secondsLeft - 1) * 1000;
    this._tickTimer = this._clock.setTimeout(() => {
      if (run === this._run) this._tick(run);
    }, toNext);
  }

  private _schedulePoll(run: number, ms: number): void {
    this._waitMs = ms;
    this._pollTimer = this._clock.setTimeout(() => {
      this._pollTimer = null;
      if (run === this._run) void this._poll(run);
    }, ms);
  }

  private _setOffline(offline: boolean): void {
    const state = this._state;
    if (state.phase === 'waiting' && state.offline !== offline) this._set({ ...state, offline });
  }

  private async _poll(run: number): Promise<void> {
    const state = this._state;
    if (state.phase !== 'waiting') return;
    let outcome: DevicePoll;
    try {
      outcome = await this._api.poll(state.code);
    } catch (error) {
      if (error instanceof IdentityMismatchError) {
        // Whatever this run's fate, a session not bound to this code must go, and the page stops.
        if (run === this._run) this._end('refused', error);
        await this._stop(error);
        return;
      }
      if (run !== this._run) return;
      if (isTransient(error)) {
        this._setOffline(true);
        this._schedulePoll(run, Math.min(this._waitMs * 2, MAX_BACKOFF_MS));
        return;
      }
      // A 200 we cannot read may still have set a session: end it.
      this._end('failed', error);
      await this._api.logout();
      return;
    }
    if (run !== this._run) {
      // Approved after the customer left or asked for a new code: nobody chose this session.
      if (outcome.kind === 'approved') await this._api.logout();
      return;
    }
    this._setOffline(false);
    switch (outcome.kind) {
      case 'pending':
        this._schedulePoll(run, this._intervalMs);
        return;
      case 'slow-down':
        this._intervalMs += SLOW_DOWN_STEP_S * 1000;
        this._schedulePoll(run, this._intervalMs);
        return;
      case 'denied':
      case 'expired':
        this._end(outcome.kind);
        return;
      case 'approved':
        await this._approved(outcome.session, state.code.nonce);
        return;
    }
  }

  private async _approved(session: DeviceSession, nonce: string): Promise<void> {
    const options = this.options;
    this._clearTimers();
    if (options.purpose === 'step-up') {
      if (session.accountId !== options.expectedAccountId) {
        const error = new IdentityMismatchError(
          'session-account',
          '/auth/device/token',
          null,
          options.expectedAccountId,
          session.accountId,
        );
        this._end('refused', error);
        await this._stop(error);
        return;
      }
      this._run++;
      this._set({ phase: 'renewed', session });
      options.onRenewed?.(session, nonce);
      return;
    }
    this.options.identity()?.holdDeviceSession();
    this._setPending(session);
    this._set({
      phase: 'confirm',
      maskedLoginId: maskLoginId(session.loginId),
      approvedOn: session.approval.approvedOn,
    });
  }

  private async _stop(error: IdentityMismatchError): Promise<void> {
    const identity = this.options.identity();
    if (identity) await identity.stop(error, this.options.purpose === 'step-up' ? 'mismatch' : 'login-mismatch');
    else await this._api.logout();
  }
}
