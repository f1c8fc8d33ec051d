/**
 * `npm run preview` answers text gzip-encoded to a client that accepts gzip,
 * as a production host does (deploy/README.md), so Lighthouse and the tests
 * measure the bytes a phone or a TV would get.
 *
 * Vite's preview compresses the files of the build itself, but only those:
 * its compression is mounted after the plugins' middlewares, so the mock
 * API (which answers /api before Vite's file server sees the request) went
 * out as identity, and no answer said `Vary: Accept-Encoding`, without
 * which a cache between the host and a TV may hand the gzip body to a
 * client that never asked for it. This middleware is mounted first and sees
 * every answer when it is complete: it gzips the text no one encoded yet and
 * names Accept-Encoding in Vary on every answer, encoded or not.
 *
 * It holds each body until the end: the preview sends whole files and
 * whole API answers, never a stream that must flow as it is written.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The media types worth compressing: text, scripts, JSON and SVG. Images,
 * fonts and archives are compressed already. deploy/nginx-compression.conf
 * lists the same (text/html is always on in nginx and may not be listed).
 */
export const COMPRESSIBLE_TYPES = [
  'text/html',
  'text/css',
  'text/javascript',
  'text/plain',
  'application/javascript',
  'application/json',
  'application/problem+json',
  'application/manifest+json',
  'image/svg+xml',
] as const;

/** Below this a gzip body saves less than the header it costs (nginx: gzip_min_length). */
export const MIN_COMPRESSED_BYTES = 1024;

/** Whether a Content-Type header names one of COMPRESSIBLE_TYPES (parameters such as charset aside). */
export function isCompressible(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (COMPRESSIBLE_TYPES as readonly string[]).includes(type);
}

/**
 * Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3): named
 * with a q above 0, or not named and `*` admitted. No header: identity only.
 */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((p) => p.startsWith('q='));
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*');
  return gzip !== undefined && gzip > 0;
}

/** Adds `token` to the response's Vary unless it is there already (or Vary is `*`). */
function addVary(res: ServerResponse, token: string): void {
  const current = res.getHeader('Vary');
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.some((v) => v === '*' || v.toLowerCase() === token.toLowerCase())) return;
  res.setHeader('Vary', [...values, token].join(', '));
}

function setHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | readonly unknown[] | undefined): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // writeHead's flat form: [name, value, name, value, ...]
    for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    return;
  }
  for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
    if (value !== undefined) res.setHeader(name, value);
  }
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The Connect middleware: mount it before anything that answers. */
export function gzipText(): Middleware {
  return (req, res, next) => {
    const wanted = acceptsGzip(req.headers['accept-encoding']);
    // Vite's own compression below reads the header loosely (it gzips for `gzip;q=0`).
    if (!wanted) req.headers['accept-encoding'] = 'identity';
    const chunks: Buffer[] = [];
    const { write, end, writeHead } = res;

    // Held, not sent: status and headers may still change once the body is known.
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      res.statusCode = status;
      if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string;
      setHeaders(res, rest[0] as OutgoingHttpHeaders | undefined);
      return this;
    } as typeof res.writeHead;

    const hold = (chunk: unknown, encoding: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
      );
    };

    res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
      hold(chunk, encoding);
      const done = [encoding, callback].find((a) => typeof a === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    } as typeof res.write;

    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      hold(chunk, encoding);
      const done = [chunk, encoding, callback].find((a) => typeof a === 'function') as (() => void) | undefined;
      res.write = write;
      res.end = end;
      res.writeHead = writeHead;

      let body: Buffer = Buffer.concat(chunks);
      const hasBody = req.method !== 'HEAD' && res.statusCode !== 204 && res.statusCode !== 304;
      // On every answer, 304s and HEADs included: each one is chosen by Accept-Encoding.
      addVary(res, 'Accept-Encoding');
      const compress =
        wanted &&
        hasBody &&
        body.length >= MIN_COMPRESSED_BYTES &&
        !res.getHeader('Content-Encoding') &&
        isCompressible(res.getHeader('Content-Type') as string | undefined);
      if (compress) {
        body = gzipSync(body);
        res.setHeader('Content-Encoding', 'gzip');
      }
      if (hasBody) res.setHeader('Content-Length', body.length);
      writeHead.call(res, res.statusCode);
      const send = end as (this: ServerResponse, chunk?: Buffer, callback?: () => void) => ServerResponse;
      return send.call(res, hasBody ? body : undefined, done);
    } as typeof res.end;

    next();
  };
}

/**
 * nginx (deploy/nginx-compression.conf, written by scripts/serve/write-deploy-headers.mjs):
 * the same types and threshold, for the `server` block that serves dist/.
 */
export function nginxCompression(): string {
  // nginx always compresses text/html and refuses it in gzip_types.
  const types = COMPRESSIBLE_TYPES.filter((type) => type !== 'text/html');
  return [
    '# Generated from scripts/serve/compression.ts by scripts/serve/write-deploy-headers.mjs: do not edit by hand.',
    '# The text of the page leaves gzip-encoded to clients that ask for it, as `npm run preview` sends it.',
    'gzip on;',
    '# Vary: Accept-Encoding, so that a cache on the way keeps the encoded and the plain answer apart.',
    'gzip_vary on;',
    `gzip_min_length ${MIN_COMPRESSED_BYTES};`,
    '# Also when a CDN or proxy in front sends the request (nginx skips those by default).',
    'gzip_proxied any;',
    `gzip_types ${types.join(' ')};`,
    '',
  ].join('\n');
}

/** The preview server's plugin (vite.config.ts): list it before the plugins that answer requests. */
export function previewCompression(): Plugin {
  return {
    name: 'my-page-preview-compression',
    configurePreviewServer(server) {
      server.middlewares.use(gzipText());
    },
  };
}
