/**
 * An API failure in plain words, chosen from the error's kind only: nothing
 * from the failed answer is ever shown. Used by the load state, list footers,
 * dialogs, the login form and the app's start failure.
 */
import { ProblemError, type ApiError } from '../api/errors.js';
import type { Messages } from './messages-ja.js';

export function errorMessage(m: Messages, error: ApiError | null): string {
  switch (error?.kind) {
    case 'network':
      return m.errors.network;
    case 'timeout':
      return m.errors.timeout;
    case 'invalid-response':
      return m.errors.invalidResponse;
    case 'problem': {
      const problem = error as ProblemError;
      if (problem.status === 429 || problem.status >= 500) {
        return problem.retryAfter !== null ? m.errors.retryAfter(problem.retryAfter) : m.errors.server;
      }
      return m.errors.generic;
    }
    default:
      return m.errors.generic;
  }
}
