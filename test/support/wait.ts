import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * How long a condition may take before the test fails. @open-wc/testing's
 * own default is 1 s, which a busy 2-core CI machine running Firefox or
 * WebKitGTK overshoots on a condition that is true a moment later: the
 * limit only decides how long a failing test takes, so it is generous.
 */
export const CONDITION_TIMEOUT_MS = 5000;

/** `waitUntil` of @open-wc/testing with the suite's timeout (lint sends every test here). */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: CONDITION_TIMEOUT_MS, ...options });
}
