/**
 * Re-authentication before the sensitive actions (contract section 5): the
 * card change, the contract cancel and sign-out-all need a proof of identity
 * younger than 5 minutes. The screen asks `ensureFresh()` BEFORE the customer
 * starts (before a card number is typed), and sends the action through
 * `guard()`, so a 403 /reauthentication-required (the server's clock decides)
 * leads to the same prompt and then the same request again, with the same
 * Idempotency-Key (the caller's closure holds it).
 *
 * The proof itself is the identity store's: a renewed session is accepted
 * only with the nonce echoed and the same account (anything else is an
 * identity-stop), and its sessionId / csrfToken replace the old ones there,
 * which is where the mutation path reads them.
 *
 * Methods: the password everywhere. A TV offers other methods first (the
 * phone's step-up approval); they plug in with `registerTvReauthMethod`, and
 * the prompt renders the chosen one's panel.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReauthError, ReauthMethodKind } from '../components/mp-reauth-prompt.js';
import { isApiError, isReauthenticationRequired, ProblemError, RefusedError, type ApiError } from '../api/errors.js';
import type { Session } from '../api/schemas.js';

/** What a method's panel gets to finish the proof. */
export interface ProofSink {
  /** The account the proof must be for (a step-up's `expectedAccountId`). */
  readonly expectedAccountId: string;
  /**
   * The renewed session the method's flow received, and the nonce its
   * request sent. Resolves true when the store accepted it (the prompt then
   * closes and the action goes on); false when it stopped the page.
   */
  accept(session: Session, nonce: string, endpoint: string, requestId?: string | null): Promise<boolean>;
  /** The method gave up (denied, expired): the prompt stays, the customer may choose another. */
  fail(error: ApiError): void;
}

/**
 * Another way to prove identity on a TV, offered before the password. The
 * phone's step-up (device flow with `purpose: "step-up"`) is one: its panel
 * shows the code and QR, polls, and hands the token answer to `proof.accept`.
 */
export interface ReauthMethod {
  readonly kind: Exclude<ReauthMethodKind, 'password'>;
  /** The panel inside the prompt while this method is chosen; `signal` aborts when it is left. */
  render(proof: ProofSink, signal: AbortSignal): unknown;
}

const tvMethods: ReauthMethod[] = [];

/** Plugs a TV method in (offered before the password, in the order registered). */
export function registerTvReauthMethod(method: ReauthMethod): void {
  if (!tvMethods.some((known) => known.kind === method.kind)) tvMethods.push(method);
}

/** What the flow needs of the identity store (a stub in the unit tests). */
export interface ProofStore {
  readonly verifiedSession: Session | null;
  needsFreshProof(): boolean;
  reauthenticate(password: string): Promise<void>;
  acceptRenewedSession(session: Session, nonce: string, endpoint: string, requestId?: string | null): Promise<boolean>;
}

export interface ReauthOptions {
  readonly identity: () => ProofStore | undefined;
  /** On a TV the registered TV methods come first. */
  readonly tv: boolean;
}

export class ReauthController implements ReactiveController {
  /** The prompt is shown. */
  open = false;
  method: ReauthMethodKind = 'password';
  busy = false;
  error: ReauthError | null = null;
  private _settle: ((proven: boolean) => void) | null = null;
  private _asking: Promise<boolean> | null = null;
  private _panelAbort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ReauthOptions,
  ) {
    host.addController(this);
  }

  /** The methods offered, first choice first. */
  get methods(): readonly ReauthMethodKind[] {
    return this.options.tv ? [...tvMethods.map((method) => method.kind), 'password'] : ['password'];
  }

  hostDisconnected(): void {
    // Leaving the screen abandons the action that asked.
    this._finish(false);
  }

  /**
   * Before a sensitive action: true at once when the proof is fresh enough;
   * otherwise shows the prompt and resolves true once proven, false when the
   * customer declines (or the page stops, or the session ends).
   */
  ensureFresh(): Promise<boolean> {
    const identity = this.options.identity();
    if (!identity?.verifiedSession) return Promise.resolve(false);
    if (!identity.needsFreshProof()) return Promise.resolve(true);
    return this.ask();
  }

  /** Shows the prompt (or joins the one already shown). */
  ask(): Promise<boolean> {
    if (this._asking) return this._asking;
    this._asking = new Promise<boolean>((resolve) => (this._settle = resolve));
    this.open = true;
    this.busy = false;
    this.error = null;
    this._choose(this.methods[0] ?? 'password');
    return this._asking;
  }

  /**
   * Sends a sensitive request. A 403 /reauthentication-required asks for the
   * proof, then sends it once more; declined, it throws RefusedError
   * `no-fresh-proof` (nothing was done).
   */
  async guard<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!isReauthenticationRequired(error)) throw error;
      if (!(await this.ask())) throw new RefusedError(error.endpoint, 'no-fresh-proof');
      return send();
    }
  }

  choose(kind: ReauthMethodKind): void {
    if (this.busy || !this.methods.includes(kind)) return;
    this.error = null;
    this._choose(kind);
  }

  async submitPassword(password: string): Promise<void> {
    const identity = this.options.identity();
    if (!this.open || this.busy || !identity) return;
    if (password === '') {
      this._update({ error: 'required' });
      return;
    }
    this._update({ busy: true, error: null });
    try {
      await identity.reauthenticate(password);
      this._finish(true);
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error instanceof ProblemError && error.status === 422) {
        this._update({ busy: false, error: 'wrong-password' });
      } else if (error.kind === 'unauthorized' || error.kind === 'identity' || error.kind === 'refused') {
        // The session ended (5th wrong password) or the page stopped: the app shows why.
        this._finish(false);
      } else {
        this._update({ busy: false, error });
      }
    }
  }

  cancel(): void {
    if (this.busy) return;
    this._finish(false);
  }

  /** The panel of the chosen TV method, or null for the password (the prompt's own form). */
  renderPanel(): unknown {
    const method = tvMethods.find((known) => known.kind === this.method);
    const identity = this.options.identity();
    const session = identity?.verifiedSession;
    if (!method || !identity || !session || !this._panelAbort) return null;
    const sink: ProofSink = {
      expectedAccountId: session.accountId,
      accept: async (renewed, nonce, endpoint, requestId = null) => {
        const accepted = await identity.acceptRenewedSession(renewed, nonce, endpoint, requestId);
        this._finish(accepted);
        return accepted;
      },
      fail: (error) => this._update({ error }),
    };
    return method.render(sink, this._panelAbort.signal);
  }

  private _choose(kind: ReauthMethodKind): void {
    this._panelAbort?.abort();
    this._panelAbort = new AbortController();
    this.method = kind;
    this.host.requestUpdate();
  }

  private _finish(proven: boolean): void {
    this._panelAbort?.abort();
    this._panelAbort = null;
    const settle = this._settle;
    this._settle = null;
    this._asking = null;
    if (this.open) this._update({ open: false, busy: false, error: null });
    settle?.(proven);
  }

  private _update(patch: Partial<Pick<ReauthController, 'open' | 'busy' | 'error'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}

export type { ReauthError, ReauthMethodKind };
