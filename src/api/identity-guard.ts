/**
 * THE identity guard (api-contract.md section 1, "Envelope"). Every enveloped
 * answer of every endpoint passes through `guardEnvelope` before anything else
 * may look at it; there is no other way from the network to an element.
 *
 * Checks 1-3 (whose account is this?) run before check 4 (is it well formed?),
 * so a foreign payload that is also malformed still stops the session.
 */
import * as v from 'valibot';
import { IdentityMismatchError, InvalidResponseError } from './errors.js';

export interface GuardContext {
  /** The verified session's account. */
  readonly expectedAccountId: string;
  /** The X-Request-Id this request was sent with. */
  readonly requestId: string;
  /** For reports and errors: the endpoint's path template, not the filled URL. */
  readonly endpoint: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the first property named `accountId`, at any depth, whose value is not
 * the expected id. Iterative, so a hostile, deeply nested payload cannot blow
 * the stack; `Object.keys` sees own properties only, including a JSON key
 * literally named "__proto__".
 */
export function findForeignAccountId(data: unknown, expected: string): { found: true; value: unknown } | null {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const child = record[key];
        if (key === 'accountId' && child !== expected) return { found: true, value: child };
        stack.push(child);
      }
    }
  }
  return null;
}

function asId(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 100) : null;
}

/**
 * Applies contract checks 1-4 to a parsed JSON body and returns `data` as the
 * schema's typed output. Throws IdentityMismatchError (checks 1-3) or
 * InvalidResponseError (check 4).
 */
export function guardEnvelope<S extends v.GenericSchema>(
  body: unknown,
  context: GuardContext,
  schema: S,
): v.InferOutput<S> {
  const { expectedAccountId, requestId, endpoint } = context;
  const envelope = isRecord(body) ? body : {};

  // Check 1. A body without an accountId has not proven whose it is.
  if (envelope.accountId !== expectedAccountId) {
    throw new IdentityMismatchError(
      'envelope-account',
      endpoint,
      requestId,
      expectedAccountId,
      asId(envelope.accountId),
    );
  }
  // Check 2: an answer to some other request (a cache, a crossed connection).
  if (envelope.requestId !== requestId) {
    throw new IdentityMismatchError('request-id', endpoint, requestId, expectedAccountId, asId(envelope.accountId));
  }
  // Check 3.
  const foreign = findForeignAccountId(envelope.data, expectedAccountId);
  if (foreign) {
    throw new IdentityMismatchError('nested-account', endpoint, requestId, expectedAccountId, asId(foreign.value));
  }
  // Check 4.
  const result = v.safeParse(schema, envelope.data);
  if (!result.success) {
    const paths = result.issues.slice(0, 5).map((issue) => v.getDotPath(issue) ?? '(root)');
    throw new InvalidResponseError(endpoint, paths);
  }
  return result.output;
}
