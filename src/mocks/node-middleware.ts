/**
 * The mock API inside Vite's dev and preview servers (Node 20).
 *
 * Serving the mock from the server rather than a Service Worker means a
 * real HttpOnly cookie in the browser and no worker registration on TV
 * browsers that lack one. It runs the very same msw handlers.
 *
 * Node types are described structurally so this module needs no
 * @types/node and can be type-checked with the browser code.
 */
import { getResponse, type RequestHandler } from 'msw';
import { createControlHandlers, DEFAULT_CONTROL_BASE } from './control-handlers.js';
import { createHandlers, normalizeApiBase } from './handlers.js';
import type { MockBackend } from './mock-backend.js';
import { hasMockConfigParams, parseMockConfig } from './scenarios.js';

/** The parts of Node's IncomingMessage used here. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  /** Set by Connect when the middleware is mounted below a path. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The parts of Node's ServerResponse used here. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | number | readonly string[]): unknown;
  end(chunk?: Uint8Array): unknown;
}

export type NextFunction = (error?: unknown) => void;
export type MockApiMiddleware = (req: NodeRequestLike, res: NodeResponseLike, next: NextFunction) => void;

export interface MockApiMiddlewareOptions {
  apiBase?: string;
  controlBase?: string;
  /** HTML page paths whose ?scenario=&endpoint=&latency= configure the backend. */
  pagePaths?: readonly string[];
}

// Hop-by-hop or computed headers that must not be copied into a Fetch Request.
const SKIPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
]);

function toFetchHeaders(raw: NodeRequestLike['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || name.startsWith(':') || SKIPPED_REQUEST_HEADERS.has(name)) continue;
    if (Array.isArray(value)) {
      // Several Cookie headers are one cookie list; other repeats are a comma list.
      if (name === 'cookie') headers.set(name, value.join('; '));
      else for (const item of value) headers.append(name, item);
    } else {
      headers.set(name, value);
    }
  }
  return headers;
}

async function readBody(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  if (length === 0) return undefined;
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function writeResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value);
  });
  // Headers.get() would join several cookies with commas, which browsers cannot split.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies);
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status === 204 || response.status === 304) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', body.byteLength);
  res.end(body);
}

export function createMockApiMiddleware(
  backend: MockBackend,
  options: MockApiMiddlewareOptions = {},
): MockApiMiddleware {
  const apiBase = normalizeApiBase(options.apiBase);
  const controlBase = options.controlBase ?? DEFAULT_CONTROL_BASE;
  const pagePaths = options.pagePaths ?? ['/', '/index.html'];
  const handlers: RequestHandler[] = [
    ...createHandlers(backend, { apiBase }),
    ...createControlHandlers(backend, controlBase),
  ];

  const handle = async (req: NodeRequestLike, res: NodeResponseLike, next: NextFunction): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const hostHeader = req.headers['host'];
    const origin = `http://${typeof hostHeader === 'string' && hostHeader !== '' ? hostHeader : 'localhost'}`;
    const url = new URL(req.originalUrl ?? req.url ?? '/', origin);
    const path = url.pathname;
    const isApi = path === apiBase || path.startsWith(`${apiBase}/`);
    const isControl = path.startsWith(`${controlBase}/`);

    if (!isApi && !isControl) {
      // A QA link like /?scenario=foreign-account&endpoint=contract#/contract
      // configures the mock before the page (and its API calls) load.
      if (method === 'GET' && pagePaths.includes(path) && hasMockConfigParams(url.searchParams)) {
        backend.configure(parseMockConfig(url.searchParams));
      }
      next();
      return;
    }

    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const request = new Request(url, { method, headers: toFetchHeaders(req.headers), body: body ?? null });
    // On Node, msw matches relative handler paths only against an explicit baseUrl.
    const response = await getResponse(handlers, request, { baseUrl: origin, quiet: true });
    if (!response) {
      next();
      return;
    }
    await writeResponse(res, response);
  };

  return (req, res, next) => {
    handle(req, res, next).catch(next);
  };
}
