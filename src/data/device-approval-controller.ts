/**
 * The phone's side of signing a TV in (api-contract.md section 5): the code
 * typed or taken from the QR, the lookup, the customer's answer to "does your
 * TV show this code?", then approve or deny. Every request goes through the
 * one mutation path (`AccountApi.mutate`: verified session re-read, CSRF,
 * Idempotency-Key, expectedAccountId, the guard on the answer); this
 * controller only decides what to send next and names each failure, so the
 * screen can say it in words. It renders nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountApi } from '../api/account-api.js';
import type { DeviceLookup } from '../api/account-schemas.js';
import {
  IdentityMismatchError,
  InvalidResponseError,
  isApiError,
  NetworkError,
  ProblemError,
  RefusedError,
  TimeoutError,
  UnauthorizedError,
} from '../api/errors.js';
import type { IdentityStore } from '../identity/identity-store.js';
import { MutationIntent } from './mutation-intent.js';

/** The contract's user-code letters: no vowels (no words), no digits (no 0/O, 1/I). */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{8}$/;

/**
 * What a person typed, as the server compares it: case, spaces and dashes do
 * not count. Full-width letters and the dashes a Japanese keyboard offers
 * (ー, －, ‐) are folded too. Returns the 8 letters, or null when it cannot be
 * a code (so a typo costs no request and no attempt of the wrong-code limit).
 */
export function normalizeUserCode(typed: string): string | null {
  const code = typed
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212\u30fc\uff0d]/g, '')
    .toUpperCase();
  return USER_CODE.test(code) ? code : null;
}

/** `BCDFGHJK` -> `BCDF-GHJK`, as the TV shows it. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The `code` of `#/activate?code=BCDFGHJK` (the QR code's link), as typed text; '' when absent. */
export function codeFromHash(hash: string): string {
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('code') ?? '';
}

export type ApprovalPhase =
  /** Waiting for a code. */
  | 'entry'
  | 'looking-up'
  /** The TV's request is shown: "Does your TV show BCDF-GHJK?" */
  | 'confirm'
  | 'approving'
  | 'denying'
  | 'approved'
  | 'denied';

/** Each way it can go wrong, as the screen words it. No value of a refused answer is ever carried. */
export type ApprovalProblem =
  /** Not 8 letters of the alphabet (nothing was sent), or the server said the format is wrong (422). */
  | { readonly kind: 'invalid-code' }
  /** 404 `/unknown-code` on the lookup: no TV shows this code (typo, or it already expired). */
  | { readonly kind: 'wrong-code' }
  /** 404 on approve / deny after the lookup found it: the code ran out (or was used) meanwhile. */
  | { readonly kind: 'expired' }
  /** 429: too many wrong codes for this session; `retryAfter` in seconds. */
  | { readonly kind: 'rate-limited'; readonly retryAfter: number | null }
  /** No answer: the retry sends the same Idempotency-Key, so it cannot act twice. */
  | { readonly kind: 'network' }
  | { readonly kind: 'timeout' }
  /** 503 (or another 5xx): the server is busy; `retryAfter` in seconds. */
  | { readonly kind: 'busy'; readonly retryAfter: number | null }
  /** A verified answer about another code than the one asked for: nothing of it is used. */
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'failed' };

export interface DeviceApprovalServices {
  readonly api: Pick<AccountApi, 'mutate'>;
  readonly identity: Pick<IdentityStore, 'on'>;
}

type Action = 'lookup' | 'approve' | 'deny';

function problemOf(error: unknown, action: Action): ApprovalProblem | null {
  // Refused unsent (page stopping, a press while in flight), a foreign answer (the page
  // stops), a gone session (the login screen comes): there is nothing to say here.
  if (error instanceof RefusedError || error instanceof IdentityMismatchError || error instanceof UnauthorizedError) {
    return null;
  }
  if (error instanceof NetworkError) return { kind: 'network' };
  if (error instanceof TimeoutError) return { kind: 'timeout' };
  if (error instanceof InvalidResponseError) return { kind: 'failed' };
  if (error instanceof ProblemError) {
    const type = error.problemType ?? '';
    // mutate() has already stopped the page on this one.
    if (error.status === 409 && /account-mismatch$/.test(type)) return null;
    if (error.status === 404) return action === 'lookup' ? { kind: 'wrong-code' } : { kind: 'expired' };
    if (error.status === 429) return { kind: 'rate-limited', retryAfter: error.retryAfter };
    if (error.status === 422) return { kind: 'invalid-code' };
    if (error.status >= 500) return { kind: 'busy', retryAfter: error.retryAfter };
  }
  return { kind: 'failed' };
}

export class DeviceApprovalController implements ReactiveController {
  phase: ApprovalPhase = 'entry';
  /** The code in hand, normalised (8 letters); null before the first valid one. */
  code: string | null = null;
  /** The TV's request as the verified lookup answer describes it; only in confirm and after. */
  request: DeviceLookup | null = null;
  problem: ApprovalProblem | null = null;

  private _lookupIntent = new MutationIntent();
  private _approveIntent = new MutationIntent();
  private _denyIntent = new MutationIntent();
  /** What the retry button repeats: the action that failed, with its intent's key. */
  private _failed: Action | null = null;
  /** Bumped by every drop: an answer to an older ticket belongs to no one on screen. */
  private _ticket = 0;
  private _unsubscribe: (() => void) | null = null;

  private readonly _onDrop = (): void => {
    this._ticket++;
    this._clear();
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly services: () => DeviceApprovalServices | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this._unsubscribe = this.services()?.identity.on('drop', this._onDrop) ?? null;
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._onDrop();
  }

  get busy(): boolean {
    return this.phase === 'looking-up' || this.phase === 'approving' || this.phase === 'denying';
  }

  /** True when the last failure can be retried as the same intent (same Idempotency-Key). */
  get canRetry(): boolean {
    const kind = this.problem?.kind;
    return this._failed !== null && (kind === 'network' || kind === 'timeout' || kind === 'busy');
  }

  /** Looks up the code the customer typed (or the QR brought). */
  async lookup(typed: string): Promise<void> {
    if (this.busy) return;
    const code = normalizeUserCode(typed);
    if (!code) {
      this.problem = { kind: 'invalid-code' };
      this._failed = null;
      this.host.requestUpdate();
      return;
    }
    // Another code is another intent; the same code again (a retry) keeps its key.
    if (code !== this.code) this._lookupIntent.renew();
    this.code = code;
    await this._lookup();
  }

  async approve(): Promise<void> {
    const code = this.code;
    if (this.phase !== 'confirm' || !code) return;
    await this._decide('approve', code);
  }

  async deny(): Promise<void> {
    const code = this.code;
    if (this.phase !== 'confirm' || !code) return;
    await this._decide('deny', code);
  }

  /** Repeats the action that failed, with the same Idempotency-Key. */
  async retry(): Promise<void> {
    if (!this.canRetry || this.busy) return;
    const failed = this._failed;
    if (failed === 'lookup') await this._lookup();
    else if (failed && this.code) await this._decide(failed, this.code);
  }

  /** "Enter another code": forgets the TV's request and starts over. */
  startOver(): void {
    if (this.busy) return;
    this._clear();
    this.host.requestUpdate();
  }

  private async _lookup(): Promise<void> {
    const code = this.code;
    if (!code) return;
    await this._run('lookup', 'entry', this._lookupIntent, async (api, key) => {
      const body = { userCode: formatUserCode(code) };
      const answer = await api.mutate('lookupDevice', { body, idempotencyKey: key });
      if (normalizeUserCode(answer.userCode) !== code) return null;
      return () => {
        this.request = answer;
        this.phase = 'confirm';
        // A new confirmation: the decision about it is a new intent.
        this._approveIntent.renew();
        this._denyIntent.renew();
      };
    });
  }

  private async _decide(action: 'approve' | 'deny', code: string): Promise<void> {
    const intent = action === 'approve' ? this._approveIntent : this._denyIntent;
    await this._run(action, 'confirm', intent, async (api, key) => {
      const options = { body: { userCode: formatUserCode(code) }, idempotencyKey: key };
      const answer =
        action === 'approve' ? await api.mutate('approveDevice', options) : await api.mutate('denyDevice', options);
      if (normalizeUserCode(answer.userCode) !== code) return null;
      return () => {
        this.phase = action === 'approve' ? 'approved' : 'denied';
      };
    });
  }

  /**
   * One attempt of `action` under its intent. `send` returns how to apply a
   * verified answer about our code (null: it was about another code), applied
   * only if nothing dropped the flow meanwhile. While it runs the phase shows
   * the work; a failure returns to `from` with the problem named.
   */
  private async _run(
    action: Action,
    from: ApprovalPhase,
    intent: MutationIntent,
    send: (api: DeviceApprovalServices['api'], key: string) => Promise<(() => void) | null>,
  ): Promise<void> {
    const services = this.services();
    if (!services || intent.busy) return;
    const ticket = this._ticket;
    this.phase = action === 'lookup' ? 'looking-up' : action === 'approve' ? 'approving' : 'denying';
    this.problem = null;
    this._failed = null;
    this.host.requestUpdate();
    let apply: (() => void) | null | undefined;
    let problem: ApprovalProblem | null = null;
    try {
      apply = await intent.run((key) => send(services.api, key));
    } catch (error) {
      if (!isApiError(error)) throw error;
      problem = problemOf(error, action);
    }
    if (ticket !== this._ticket) return;
    if (apply) {
      apply();
    } else {
      if (apply === null) problem = { kind: 'mismatch' };
      this.phase = from;
      if (action === 'lookup') this.request = null;
      this.problem = problem;
      this._failed = problem ? action : null;
    }
    this.host.requestUpdate();
  }

  private _clear(): void {
    this.phase = 'entry';
    this.code = null;
    this.request = null;
    this.problem = null;
    this._failed = null;
    this._lookupIntent.renew();
  }
}
