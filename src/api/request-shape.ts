/**
 * What every API request looks like, whichever client sends it: the URL
 * below the API base, credentials, no-store, JSON, and a fresh X-Request-Id
 * (contract section 6). Both clients build their requests here, so the ky
 * client of the account screens and the plain-fetch client of the shell (and
 * the early session read, which runs before either has loaded) cannot drift
 * apart. Nothing here may import more than this file: it ships in the tiny
 * chunk that starts the session read (see src/early-session.ts).
 */

export const API_BASE: string = (import.meta.env?.VITE_API_BASE ?? '/api').replace(/\/+$/, '');

/** Random hex from the platform CSPRNG (present on every engine we support). */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let out = '';
  for (const byte of buffer) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** RFC 4122 v4; crypto.randomUUID is missing on TV engines before Chromium 92. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = randomHex(16);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh Idempotency-Key for a new customer intent (button press, form submission). */
export function newIntentKey(): string {
  return newRequestId();
}

export interface RequestShape {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Filled path below the API base. */
  readonly path: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly searchParams?: Readonly<Record<string, string>>;
  readonly keepalive?: boolean;
}

/** The URL and fetch init of one attempt; the request id is the caller's, so a retry can reuse it. */
export function shapeRequest(shape: RequestShape, requestId: string): [url: string, init: RequestInit] {
  const query = new URLSearchParams();
  // Not the record constructor: Chromium 53-60 (the legacy bundle) lack it.
  for (const name of Object.keys(shape.searchParams ?? {})) query.append(name, shape.searchParams![name]!);
  const search = query.toString();
  const headers: Record<string, string> = { Accept: 'application/json', ...shape.headers, 'X-Request-Id': requestId };
  if (shape.json !== undefined) headers['Content-Type'] = 'application/json';
  return [
    API_BASE + shape.path + (search ? `?${search}` : ''),
    {
      method: shape.method,
      headers,
      credentials: 'include',
      cache: 'no-store',
      ...(shape.json !== undefined ? { body: JSON.stringify(shape.json) } : {}),
      ...(shape.keepalive ? { keepalive: true } : {}),
    },
  ];
}
