/**
 * A seam for dev tools to watch the network layer, as lit-html's dev mode
 * offers `debugLogEvent`: `api/` only reports each exchange and the guard's
 * verdict, and knows nothing of who listens. The app installs the QA trace
 * here in dev and QA builds; in production nothing is installed and every
 * report is a call to an empty slot.
 */

/** The guard's say: `answered` when nothing checks identity (logout, report). */
export type ExchangeVerdict = 'pending' | 'answered' | 'accepted' | 'refused' | 'failed';

export interface ExchangeNote {
  readonly method?: string;
  readonly endpoint?: string;
  readonly status?: number | null;
  /** The account the answer claimed to be for (envelope or session), as received. */
  readonly accountId?: string | null;
  readonly verdict?: ExchangeVerdict;
  /** Why refused or failed: the guard check or the error kind. */
  readonly detail?: string;
}

export type ExchangeHook = (requestId: string, note: ExchangeNote) => void;

let hook: ExchangeHook | null = null;

/** Installs (or, with null, removes) the one listener. */
export function setExchangeHook(next: ExchangeHook | null): void {
  hook = next;
}

/**
 * Reports one step of the exchange of `requestId`. A function is called only
 * when someone listens, so production never builds the note.
 */
export function noteExchange(requestId: string, note: ExchangeNote | (() => ExchangeNote)): void {
  if (hook) hook(requestId, typeof note === 'function' ? note() : note);
}
