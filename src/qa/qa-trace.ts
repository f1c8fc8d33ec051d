/**
 * What the QA panel shows besides the mock's settings: each exchange with the
 * API and the identity guard's verdict on it, and each key the page received
 * with what the key map made of it. That is how QA tells a platform key-code
 * problem or a backend fault from a page bug.
 *
 * Compiled out of production: every call site sits behind `QA_ENABLED`, which
 * a production build replaces with `false`, so this module and the panel
 * never reach the bundle (test/tv-engine/build-contents.test.mjs checks).
 */
import type { ExchangeNote, ExchangeVerdict } from '../api/exchange-hook.js';
import type { NavAction } from '../navigation/key-map.js';

/** Dev server, `--mode qa` builds and the test runner (which defines MODE as `test`). */
export const QA_ENABLED: boolean = import.meta.env.MODE !== 'production';

export type Verdict = ExchangeVerdict;

/** One exchange as the panel lists it: every field of the network layer's notes, filled in. */
export interface TracedExchange extends Required<ExchangeNote> {
  readonly requestId: string;
  readonly at: number;
}

export interface TracedKey {
  readonly at: number;
  readonly keyCode: number;
  readonly key: string;
  readonly code: string;
  /** What the key map made of it, e.g. `move:down`, `back`, `color:red`; `(none)` when unmapped. */
  readonly action: string;
}

const KEEP = 30;
const exchanges: TracedExchange[] = [];
const keys: TracedKey[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/**
 * Records or updates the exchange of one request (one X-Request-Id). The app
 * installs it as the network layer's exchange hook (api/exchange-hook.ts).
 */
export function traceExchange(requestId: string, patch: ExchangeNote): void {
  const index = exchanges.findIndex((exchange) => exchange.requestId === requestId);
  if (index >= 0) {
    exchanges[index] = { ...exchanges[index]!, ...patch };
  } else {
    exchanges.unshift({
      requestId,
      at: Date.now(),
      method: '',
      endpoint: '',
      status: null,
      accountId: null,
      verdict: 'pending',
      detail: '',
      ...patch,
    });
    exchanges.length = Math.min(exchanges.length, KEEP);
  }
  changed();
}

export function describeAction(action: NavAction | null): string {
  if (!action) return '(none)';
  switch (action.type) {
    case 'move':
      return `move:${action.direction}`;
    case 'digit':
      return `digit:${action.digit}`;
    case 'color':
      return `color:${action.color}`;
    default:
      return action.type;
  }
}

export function traceKey(event: KeyboardEvent, action: NavAction | null): void {
  keys.unshift({
    at: Date.now(),
    keyCode: event.keyCode,
    key: event.key,
    code: event.code,
    action: describeAction(action),
  });
  keys.length = Math.min(keys.length, KEEP);
  changed();
}

/** Newest first. */
export function tracedExchanges(): readonly TracedExchange[] {
  return exchanges;
}

/** Newest first. */
export function tracedKeys(): readonly TracedKey[] {
  return keys;
}

export function onTrace(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Only for tests: a clean slate between cases. */
export function clearTrace(): void {
  exchanges.length = 0;
  keys.length = 0;
  changed();
}
