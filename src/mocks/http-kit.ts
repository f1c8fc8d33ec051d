/**
 * Response builders shared by all handlers, so every answer gets the same
 * headers (no-store above all) and every error the problem+json shape.
 *
 * msw's HttpResponse is used rather than Response: in the browser it is
 * what lets a mocked Set-Cookie reach msw's cookie store.
 */
import { HttpResponse } from 'msw';
import type { Envelope, FieldError, Problem } from './types.js';

export const PROBLEM_TYPE_BASE = 'https://mypage.example.jp/problems/';

export interface ResponseExtras {
  headers?: Record<string, string>;
  /** Full Set-Cookie values; several are allowed. */
  cookies?: string[];
}

function headersFor(contentType: string | null, extras: ResponseExtras = {}): Headers {
  // Vary: Cookie as well: a shared cache that ignores no-store must still not
  // hand one customer's answer to another (contract section 6).
  const headers = new Headers({ 'Cache-Control': 'no-store', Vary: 'Cookie', ...extras.headers });
  if (contentType) headers.set('Content-Type', contentType);
  for (const cookie of extras.cookies ?? []) headers.append('Set-Cookie', cookie);
  return headers;
}

export function jsonResponse(body: unknown, status = 200, extras?: ResponseExtras): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: headersFor('application/json; charset=utf-8', extras),
  });
}

export function envelopeResponse(envelope: Envelope, extras?: ResponseExtras): Response {
  return jsonResponse(envelope, 200, extras);
}

export function emptyResponse(status: number, extras?: ResponseExtras): Response {
  return new HttpResponse(null, { status, headers: headersFor(null, extras) });
}

export function problemResponse(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extras: ResponseExtras & { errors?: FieldError[]; members?: Pick<Problem, 'maxAge'> } = {},
): Response {
  const body: Problem = { ...extras.members, type: `${PROBLEM_TYPE_BASE}${slug}`, title, status, detail };
  if (extras.errors) body.errors = extras.errors;
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: headersFor('application/problem+json; charset=utf-8', extras),
  });
}

// --- the problems more than one handler needs ----------------------------------

export const unauthenticated = (extras?: ResponseExtras): Response =>
  problemResponse(
    401,
    'unauthenticated',
    'Not signed in',
    'ログインの有効期限が切れました。もう一度ログインしてください。',
    extras,
  );

export const serviceUnavailable = (): Response =>
  problemResponse(
    503,
    'service-unavailable',
    'Service unavailable',
    'ただいまサービスが混み合っています。しばらくしてからお試しください。',
    {
      headers: { 'Retry-After': '5' },
    },
  );

export const badRequest = (slug: string, detail: string): Response => problemResponse(400, slug, 'Bad request', detail);

export const validationFailed = (errors: FieldError[]): Response =>
  problemResponse(422, 'validation', 'Validation failed', '入力内容を確認してください。', { errors });

export const notFound = (detail: string): Response => problemResponse(404, 'not-found', 'Not found', detail);

/** What a misconfigured proxy or load balancer answers: 200, but HTML. */
export function htmlErrorPage(): Response {
  const html =
    '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>Gateway Error</title></head>' +
    '<body><h1>ただいまメンテナンス中です</h1><p>upstream connect error or disconnect/reset before headers</p></body></html>';
  return new HttpResponse(html, { status: 200, headers: headersFor('text/html; charset=utf-8') });
}

// --- requests ----------------------------------------------------------------------

export type BodyResult = { kind: 'none' } | { kind: 'invalid' } | { kind: 'json'; value: unknown; text: string };

export async function readJsonBody(request: Request): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown, text };
  } catch {
    return { kind: 'invalid' };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** FNV-1a over the text, for idempotency fingerprints (no body is stored). */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
