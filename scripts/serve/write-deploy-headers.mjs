// @ts-check
/**
 * Writes deploy/_headers and deploy/nginx-headers.conf from the one table of
 * scripts/serve/security-headers.ts, and deploy/nginx-compression.conf from
 * the types scripts/serve/compression.ts compresses. Run again after changing either, or
 * with VITE_API_BASE set when the API is on another origin:
 *   VITE_API_BASE=https://api.example.jp/api node scripts/serve/write-deploy-headers.mjs
 */
import { writeFileSync } from 'node:fs';
import { importTs } from './import-ts.mjs';

const { netlifyHeaders, nginxHeaders } = await importTs('scripts/serve/security-headers.ts');
const { nginxCompression } = await importTs('scripts/serve/compression.ts');
const options = { apiBase: process.env.VITE_API_BASE };
const deploy = new URL('../../deploy/', import.meta.url);
writeFileSync(new URL('_headers', deploy), netlifyHeaders(options));
writeFileSync(new URL('nginx-headers.conf', deploy), nginxHeaders(options));
writeFileSync(new URL('nginx-compression.conf', deploy), nginxCompression());
