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
import { IdentityMismatchError, RefusedError, UnauthorizedError } from './errors.js';
import { newRequestId, send, type RawAnswer } from './http-client.js';
import { guardEnvelope } from './identity-guard.js';
import type { IdentityStore } from '../identity/identity-store.js';

export interface MutationOptions {
  readonly params?: Record<string, string>;
  /** Body fields besides expectedAccountId. */
  readonly body?: Record<string, unknown>;
  /** One per user intent; pass the same key when retrying that intent. */
  readonly idempotencyKey?: string;
}

export class AccountApi {
  constructor(private readonly identity: IdentityStore) {}

  /** A fresh key for a new user intent (button press, form submission). */
  static newIntentKey(): string {
    return newRequestId();
  }

  async read<N extends ReadEndpointName>(
    name: N,
    query?: Record<string, string>,
  ): Promise<EndpointData<N>> {
    const spec = endpoints[name];
    return this.#guarded(name, spec.path, () =>
      send({ method: 'GET', path: spec.path, endpoint: spec.path, searchParams: query, retryUnsent: true }),
    );
  }

  /**
   * Contract section 1, "Mutations": only under a verified identity that a
   * fresh session read has just confirmed, with CSRF token, Idempotency-Key
   * and expectedAccountId; never retried here, because the server may have
   * acted.
   */
  async mutate<N extends MutationEndpointName>(name: N, options: MutationOptions = {}): Promise<EndpointData<N>> {
    const spec = endpoints[name];
    if (!this.identity.verifiedSession) throw new RefusedError(spec.path, 'not-verified');
    const session = await this.identity.recheck();
    if (!session) throw new RefusedError(spec.path, 'not-verified');
    const path = endpointPath(name, options.params);
    return this.#guarded(name, spec.path, () =>
      send({
        method: spec.method,
        path,
        endpoint: spec.path,
        json: { ...options.body, expectedAccountId: session.accountId },
        headers: {
          'X-CSRF-Token': session.csrfToken,
          'Idempotency-Key': options.idempotencyKey ?? AccountApi.newIntentKey(),
        },
      }),
    );
  }

  async #guarded<N extends ReadEndpointName | MutationEndpointName>(
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
    if (stale()) throw new RefusedError(endpoint, 'not-verified');

    try {
      return guardEnvelope(
        answer.body,
        { expectedAccountId: session.accountId, requestId: answer.requestId, endpoint },
        endpoints[name].schema,
      ) as EndpointData<N>;
    } catch (error) {
      if (error instanceof IdentityMismatchError) await this.identity.stop(error);
      throw error;
    }
  }
}
