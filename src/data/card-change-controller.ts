/**
 * The card change as a flow, apart from the form that feeds it (the shape of
 * Shoelace's FormControlController: the element owns the fields, the
 * controller reads them through `CardFormAccess` and says what to render).
 *
 * Check the card here (brand, lengths, Luhn, expiry in Tokyo, holder), then
 * tokenize (the number goes to the tokenizer and nowhere else), then register
 * the token. The retry rule: a registration refused by the server (422, 409)
 * needs a new card, so a new token; a lost answer (timeout, network, 5xx) is
 * retried with the same token and the same Idempotency-Key, which the server
 * answers once. The number is wiped as soon as its one request ends, on a
 * `drop` of the identity store, and when the screen is left.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PaymentMethod } from '../api/account-schemas.js';
import type { MutationOptions } from '../api/account-api.js';
import { isApiError, ProblemError, type ApiError } from '../api/errors.js';
import { validateCard, type CardField, type CardProblem } from '../payment/card-rules.js';
import { MutationIntent } from './mutation-intent.js';

export type CardChangeStep = 'form' | 'sending' | 'done';

/** What the flow needs of the account API (a stub in the unit tests). */
export interface CardChangeApi {
  mutate(name: 'createCardToken', options: MutationOptions): Promise<{ cardToken: string }>;
  mutate(name: 'registerCard', options: MutationOptions): Promise<PaymentMethod>;
}

/** Where the `drop` of the identity store comes from. */
export interface DropSource {
  on(event: 'drop', listener: () => void): () => void;
}

export interface CardFormAccess {
  readonly api: () => CardChangeApi | undefined;
  readonly identity: () => DropSource | undefined;
  /** The fields as typed, read only at the moment of sending. */
  readonly values: () => { number: string; expiry: string; cvc: string; holder: string };
  /** Removes the card number and security code from the fields. */
  readonly wipe: () => void;
  readonly focusField: (name: CardField) => void;
  /**
   * Wraps the registration: the re-authentication hook (a 403
   * /reauthentication-required answer asks for a fresh proof, then sends the
   * same request again). Without it the request goes out once.
   */
  readonly sensitive?: <T>(send: () => Promise<T>) => Promise<T>;
}

const FIELD_ORDER: readonly CardField[] = ['cardNumber', 'cardExpiry', 'cardCvc', 'cardHolder'];

export class CardChangeController implements ReactiveController {
  step: CardChangeStep = 'form';
  problems: Partial<Record<CardField, CardProblem>> = {};
  failure: ApiError | null = null;
  result: PaymentMethod | null = null;

  private readonly _tokenize = new MutationIntent();
  private readonly _register = new MutationIntent();
  /** A token already issued whose registration failed: retried without the card number. */
  private _pendingToken: string | null = null;
  private _dropUnsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly access: CardFormAccess,
  ) {
    host.addController(this);
  }

  /** The next press retries the registration of an issued token (the button says "try again"). */
  get retriesToken(): boolean {
    return this.failure !== null && this._pendingToken !== null;
  }

  hostConnected(): void {
    this._subscribeDrop();
  }

  hostUpdated(): void {
    // The services context may arrive after connecting.
    this._subscribeDrop();
  }

  hostDisconnected(): void {
    this._dropUnsubscribe?.();
    this._dropUnsubscribe = null;
    this.access.wipe();
    this._pendingToken = null;
  }

  /** The customer changed a field: a new intent, and any issued token is forgotten. */
  edited(field: CardField): void {
    if (this.problems[field]) this.problems = { ...this.problems, [field]: undefined };
    this._tokenize.renew();
    this._pendingToken = null;
    this.failure = null;
    this.host.requestUpdate();
  }

  async submit(): Promise<void> {
    if (this.step === 'sending') return;
    const api = this.access.api();
    if (!api) return;
    this._set({ failure: null });

    let token = this._pendingToken;
    if (!token) {
      const { number, expiry, cvc, holder } = this.access.values();
      const checked = validateCard({ number, expiry, cvc, holder });
      if (!checked.ok) {
        this._set({ problems: checked.problems });
        const first = FIELD_ORDER.find((name) => checked.problems[name]);
        if (first) this.access.focusField(first);
        return;
      }
      this._set({ problems: {}, step: 'sending' });
      const card = checked.card;
      try {
        const issued = await this._tokenize.run((idempotencyKey) =>
          api.mutate('createCardToken', {
            body: {
              number: card.number,
              expMonth: card.expMonth,
              expYear: card.expYear,
              cvc: card.cvc,
              holderName: card.holderName,
            },
            idempotencyKey,
          }),
        );
        if (!issued) return;
        token = issued.cardToken;
        // A new token is a new registration intent.
        this._register.renew();
      } catch (error) {
        this._fail(error);
        return;
      } finally {
        // The number's only use is over, whatever happened.
        this.access.wipe();
      }
      this._pendingToken = token;
    }

    this._set({ step: 'sending' });
    const cardToken = token;
    const sensitive = this.access.sensitive ?? ((send) => send());
    try {
      const method = await this._register.run((idempotencyKey) =>
        sensitive(() => api.mutate('registerCard', { body: { cardToken }, idempotencyKey })),
      );
      if (!method) return;
      this._pendingToken = null;
      this._set({ result: method, step: 'done' });
    } catch (error) {
      this._fail(error);
    }
  }

  private _subscribeDrop(): void {
    // An identity-stop removes the screen anyway; wiping here is belt and braces.
    this._dropUnsubscribe ??= this.access.identity()?.on('drop', () => this.access.wipe()) ?? null;
  }

  private _fail(error: unknown): void {
    this._set({ step: 'form' });
    if (!isApiError(error)) throw error;
    if (error.kind === 'refused' || error.kind === 'identity') return;
    this._set({ failure: error });
    // A refused registration (422, 409) needs a new card; a lost answer is retried as is.
    const lost =
      error.kind === 'timeout' || error.kind === 'network' || (error instanceof ProblemError && error.status >= 500);
    if (!lost) this._pendingToken = null;
  }

  private _set(patch: Partial<Pick<CardChangeController, 'step' | 'problems' | 'failure' | 'result'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
