/**
 * The only way elements read or change account data. Every answer of every
 * enveloped endpoint goes network -> send() -> guardEnvelope() -> caller; an
 * identity failure stops the whole page through the IdentityStore before the
 * caller even sees the error.
 */
import {
  endpointPath,
  endpoints,
  type EndpointData,
  type MutationEndpointName,
  type ReadEndpointName,
} from './endpoints.js';
import {
  IdentityMismatchError,
  InvalidResponseError,
  NetworkError,
  ProblemError,
  RefusedError,
  UnauthorizedError,
} from './errors.js';
import { send, type RawAnswer } from './http-client.js';
import { newIntentKey } from './request-shape.js';
import { guardEnvelope } from './identity-guard.js';
import { noteExchange } from './exchange-hook.js';
import type { IdentityStore } from '../identity/identity-store.js';

export interface MutationOptions {
  readonly params?: Record<string, string>;
  /** Body fields besides expectedAccountId. */
  readonly body?: Record<string, unknown>;
  /** One per user intent; pass the same key when retrying that intent. */
  readonly idempotencyKey?: string;
}

/** For whoever watches the exchanges (the QA trace): which guard check refused an answer. */
function guardRefusal(error: unknown): string {
  if (error instanceof IdentityMismatchError)
    return `identity: ${error.check}, received ${error.receivedAccountId ?? '?'}`;
  if (error instanceof InvalidResponseError) return `schema: ${error.paths.join(', ')}`;
  return String(error);
}

export interface ReadOptions {
  /** Cancels the read: it then fails with AbortedError, which no view shows. */
  readonly signal?: AbortSignal;
}

/** The reads of one load, cancelled together (what a data controller hands its loader). */
export interface AccountReader {
  read<N extends ReadEndpointName>(name: N, query?: Record<string, string>): Promise<EndpointData<N>>;
}

export class AccountApi {
  /** Per-attempt timeout of a mutation (tests shorten it). */
  mutationTimeoutMs = 20_000;
  /** Idempotency keys of mutations under way: a second press of the same intent sends nothing. */
  private readonly _inFlight = new Set<string>();

  constructor(private readonly identity: IdentityStore) {}

  async read<N extends ReadEndpointName>(
    name: N,
    query?: Record<string, string>,
    options: ReadOptions = {},
  ): Promise<EndpointData<N>> {
    const spec = endpoints[name];
    return this._guarded(name, spec.path, () =>
      send({
        method: 'GET',
        path: spec.path,
        endpoint: spec.path,
        searchParams: query,
        retryUnsent: true,
        signal: options.signal,
      }),
    );
  }

  /** Reads that `signal` cancels. */
  reader(signal?: AbortSignal): AccountReader {
    return { read: (name, query) => this.read(name, query, { signal }) };
  }

  /**
   * Contract section 1, "Mutations": only under a verified identity that a
   * fresh session read has just confirmed (so also right before every card
   * change), with CSRF token, Idempotency-Key and expectedAccountId.
   *
   * Never retried automatically: a browser cannot prove that a failed fetch
   * did not reach the server. The one case where it certainly did not, the
   * browser being offline, sends nothing at all. The caller offers a retry
   * that reuses the same Idempotency-Key, which the server answers once.
   */
  async mutate<N extends MutationEndpointName>(name: N, options: MutationOptions = {}): Promise<EndpointData<N>> {
    const spec = endpoints[name];
    const key = options.idempotencyKey ?? newIntentKey();
    if (this._inFlight.has(key)) throw new RefusedError(spec.path, 'in-flight');
    if (!this.identity.verifiedSession) throw new RefusedError(spec.path, 'not-verified');
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new NetworkError(spec.path);
    this._inFlight.add(key);
    try {
      // A failed re-read throws here: the mutation is refused unsent, retryable.
      const session = await this.identity.recheck({ failClosed: true });
      if (!session) throw new RefusedError(spec.path, 'not-verified');
      const path = endpointPath(name, options.params);
      return await this._guarded(name, spec.path, () =>
        send({
          method: spec.method,
          path,
          endpoint: spec.path,
          json: { ...options.body, expectedAccountId: session.accountId },
          headers: { 'X-CSRF-Token': session.csrfToken, 'Idempotency-Key': key },
          timeoutMs: this.mutationTimeoutMs,
        }),
      );
    } catch (error) {
      // The server itself says the session is not the account we act for.
      if (error instanceof ProblemError && error.status === 409 && /account-mismatch$/.test(error.problemType ?? '')) {
        const expected = this.identity.verifiedSession?.accountId ?? null;
        await this.identity.stop(new IdentityMismatchError('session-account', spec.path, null, expected, null));
      }
      throw error;
    } finally {
      this._inFlight.delete(key);
    }
  }

  private async _guarded<N extends ReadEndpointName | MutationEndpointName>(
    name: N,
    endpoint: string,
    request: () => Promise<RawAnswer>,
  ): Promise<EndpointData<N>> {
    const session = this.identity.verifiedSession;
    if (!session) throw new RefusedError(endpoint, 'not-verified');
    const generation = this.identity.generation;
    const stale = (): boolean => generation !== this.identity.generation;

    let answer: RawAnswer;
    try {
      answer = await request();
    } catch (error) {
      if (stale()) throw new RefusedError(endpoint, 'not-verified');
      if (error instanceof UnauthorizedError) this.identity.sessionGone();
      throw error;
    }
    // The identity changed while we waited: whatever came back belongs to no one on screen.
    if (stale()) {
      noteExchange(answer.requestId, { verdict: 'refused', detail: 'identity changed meanwhile' });
      throw new RefusedError(endpoint, 'not-verified');
    }

    try {
      const data = guardEnvelope(
        answer.body,
        { expectedAccountId: session.accountId, requestId: answer.requestId, endpoint },
        endpoints[name].schema,
      ) as EndpointData<N>;
      noteExchange(answer.requestId, { verdict: 'accepted' });
      return data;
    } catch (error) {
      noteExchange(answer.requestId, () => ({ verdict: 'refused', detail: guardRefusal(error) }));
      if (error instanceof IdentityMismatchError) await this.identity.stop(error);
      throw error;
    }
  }
}
