/**
 * Payload shapes of api-contract.md, written out by hand for the mock.
 *
 * The mock deliberately does not import the front end's schemas: if both
 * sides shared one definition, a misreading of the contract would be
 * invisible to the tests.
 */

/** ISO 8601 with offset, always `+09:00` in the demo data. */
export type IsoDateTime = string;
/** `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Money {
  amount: number;
  currency: 'JPY';
}

export type ContractStatus = 'active' | 'cancel_scheduled' | 'suspended';
export type Carrier = 'docomo' | 'au' | 'softbank';

export interface CardSummary {
  brand: string;
  last3: string;
}

export interface Contract {
  planName: string;
  planCode: string;
  status: ContractStatus;
  monthlyFee: Money;
  nextBillingDate: IsoDate;
  card: CardSummary | null;
}

export interface Device {
  deviceId: string;
  name: string;
  os: string;
  registeredAt: IsoDateTime;
  lastUsedAt: IsoDateTime;
  /**
   * The device of the session that asked (where the contract is silent; see
   * the README's decisions). Only in answers, never stored.
   */
  current?: boolean;
}

export interface DeviceList {
  items: Device[];
  limit: number;
}

export interface Payment {
  paymentId: string;
  paidAt: IsoDateTime;
  description: string;
  amount: Money;
  method: 'card' | 'carrier';
  carrier: Carrier | null;
  cardLast3: string | null;
}

export interface CardDetails extends CardSummary {
  expiryMonth: number;
  expiryYear: number;
}

export interface PaymentMethod {
  type: 'card' | 'carrier';
  carrier: Carrier | null;
  card: CardDetails | null;
}

export interface HistoryEntry {
  entryId: string;
  viewedAt: IsoDateTime;
  titleId: string;
  title: string;
}

export interface Download {
  downloadId: string;
  deviceName: string;
  deviceOs: string;
  downloadedAt: IsoDateTime;
  titleId: string;
  title: string;
  expiresAt: IsoDateTime;
}

export interface Favorite {
  titleId: string;
  title: string;
  addedAt: IsoDateTime;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ItemList<T> {
  items: T[];
}

export interface CardTokenAnswer {
  cardToken: string;
  brand: string;
  last3: string;
}

export interface Session {
  accountId: string;
  loginId: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: IsoDateTime;
  nonce: string | null;
  /** When the owner last proved who they are (login, reauth, device approval). */
  authTime: IsoDateTime;
}

export interface Envelope<T = unknown> {
  accountId: string;
  requestId: string;
  data: T;
}

export interface FieldError {
  field: string;
  code: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  /** `/reauthentication-required`: how recent authTime must be, in seconds. */
  maxAge?: number;
}

/**
 * Everything a mutation can change for one account. The contract's `card`
 * is not stored: it is always derived from the payment method so the two
 * answers can never disagree.
 */
export interface AccountState {
  accountId: string;
  loginId: string;
  contract: Omit<Contract, 'card'>;
  paymentMethod: PaymentMethod;
  deviceLimit: number;
  devices: Device[];
  payments: Payment[];
  history: HistoryEntry[];
  downloads: Download[];
  favorites: Favorite[];
  /** Set by `POST /api/contract/cancel`; kept only so QA can see it arrived. */
  cancelReason?: string | null;
}

// --- mock configuration -----------------------------------------------------

export type ScenarioName =
  | 'normal'
  | 'foreign-account'
  | 'foreign-nested'
  | 'wrong-request-id'
  | 'login-swap'
  | 'login-swap-echo'
  | 'session-switch'
  | 'schema-break'
  | 'malformed-json'
  | 'slow'
  | 'server-error'
  | 'unauthorized'
  | 'hostile-strings'
  | 'session-switch-before-card'
  | 'mutation-timeout'
  | 'conflict'
  | 'validation'
  | 'device-crossed'
  | 'device-slow-down'
  | 'device-expired'
  | 'device-denied'
  | 'stepup-other-account'
  | 'reauth-swap';

export type ReadEndpointKey =
  'contract' | 'devices' | 'payments' | 'payment-method' | 'viewing-history' | 'downloads' | 'favorites';

export type MutationEndpointKey =
  | 'card-tokens'
  | 'payment-method-card'
  | 'device-delete'
  | 'history-delete'
  | 'favorite-delete'
  | 'contract-cancel'
  | 'logout-all'
  | DeviceMutationEndpointKey;

/** The phone's side of signing a TV in (contract section 5). */
export type DeviceMutationEndpointKey = 'device-lookup' | 'device-approve' | 'device-deny';

/** Endpoints whose answer is an envelope. */
export type EnvelopedEndpointKey = ReadEndpointKey | MutationEndpointKey;

export type EndpointKey =
  | 'session'
  | 'login'
  | 'logout'
  | 'identity-mismatch'
  | 'device-start'
  | 'device-token'
  | 'reauth'
  | EnvelopedEndpointKey;

export interface MockConfig {
  scenario: ScenarioName;
  /** Restricts the fault to one endpoint; null = every endpoint it can apply to. */
  endpoint: EndpointKey | null;
  /** Added to every answer, whatever the scenario. */
  latencyMs: number;
}

export interface ScenarioInfo {
  name: ScenarioName;
  description: string;
  /** Endpoints where the fault shows; `endpoint` in the config narrows this. */
  appliesTo: readonly EndpointKey[];
}

/** One request as the backend saw it, for tests and the QA panel. */
export interface RequestLogEntry {
  at: IsoDateTime;
  method: string;
  /** Path and query, without origin. */
  path: string;
  endpoint: EndpointKey | null;
  /** Only the headers the contract cares about, lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON body with card number, CVC and password masked; null if none. */
  body: unknown;
  /** Account of the session cookie that came with the request, if valid. */
  sessionAccountId: string | null;
}
