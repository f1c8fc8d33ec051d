/**
 * Typed failures of the data layer. Views switch on `kind` to choose what to
 * say; none of these errors ever carries a value from a refused payload, so an
 * error message or a log line cannot leak another account's data.
 */

export type ApiErrorKind =
  /** The request never got an answer (offline, DNS, connection reset). */
  | 'network'
  /** No answer in time: the server may or may not have acted. */
  | 'timeout'
  /** 401: the session is gone. */
  | 'unauthorized'
  /** A problem+json (or other non-2xx) answer. */
  | 'problem'
  /** Check 4, or a body that is not the JSON the contract promises. */
  | 'invalid-response'
  /** Checks 1-3, the login checks, or a session that changed account. */
  | 'identity'
  /** Refused locally: identity not verified, a mutation already in flight, no fresh proof. */
  | 'refused'
  /** The caller gave up (left the screen, data dropped): never shown, nothing to retry. */
  | 'aborted';

export abstract class ApiError extends Error {
  abstract readonly kind: ApiErrorKind;
}

export class NetworkError extends ApiError {
  readonly kind = 'network';
  constructor(readonly endpoint: string) {
    super(`No answer from ${endpoint}`);
  }
}

export class TimeoutError extends ApiError {
  readonly kind = 'timeout';
  constructor(readonly endpoint: string) {
    super(`Timed out waiting for ${endpoint}`);
  }
}

export class UnauthorizedError extends ApiError {
  readonly kind = 'unauthorized';
  constructor(readonly endpoint: string) {
    super(`Session gone (${endpoint})`);
  }
}

export interface FieldError {
  readonly field: string;
  readonly code: string;
}

export class ProblemError extends ApiError {
  readonly kind = 'problem';
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly problemType: string | null,
    readonly title: string | null,
    readonly fieldErrors: readonly FieldError[],
    /** Seconds, from Retry-After on 429/503. */
    readonly retryAfter: number | null,
  ) {
    super(`HTTP ${status} from ${endpoint}`);
  }
}

export class InvalidResponseError extends ApiError {
  readonly kind = 'invalid-response';
  /** Where the payload broke the schema, as paths only: never the values. */
  constructor(
    readonly endpoint: string,
    readonly paths: readonly string[],
  ) {
    super(`Unexpected answer from ${endpoint}`);
  }
}

export type IdentityCheck =
  | 'envelope-account'
  | 'request-id'
  | 'nested-account'
  | 'login-nonce'
  | 'login-id'
  | 'session-account'
  /** A device-flow answer (start or token) that does not echo this TV's nonce. */
  | 'device-nonce'
  /** A device approval for another code than the one this TV shows. */
  | 'device-user-code';

export class IdentityMismatchError extends ApiError {
  readonly kind = 'identity';
  constructor(
    readonly check: IdentityCheck,
    readonly endpoint: string,
    readonly requestId: string | null,
    readonly expectedAccountId: string | null,
    /** Only the identifier, which the report needs; never other payload data. */
    readonly receivedAccountId: string | null,
  ) {
    super(`Identity check "${check}" failed on ${endpoint}`);
  }
}

export class RefusedError extends ApiError {
  readonly kind = 'refused';
  constructor(
    readonly endpoint: string,
    /** `no-fresh-proof`: a sensitive action whose re-authentication the customer declined. */
    readonly reason: 'not-verified' | 'in-flight' | 'no-fresh-proof',
  ) {
    super(`Refused ${endpoint}: ${reason}`);
  }
}

export class AbortedError extends ApiError {
  readonly kind = 'aborted';
  constructor(readonly endpoint: string) {
    super(`Aborted ${endpoint}`);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Contract section 5: the server wants a fresh proof of identity before this action. */
export function isReauthenticationRequired(error: unknown): error is ProblemError {
  return (
    error instanceof ProblemError &&
    error.status === 403 &&
    /\/reauthentication-required$/.test(error.problemType ?? '')
  );
}
