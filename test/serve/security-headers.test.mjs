/**
 * The page headers (contract section 6) have one source,
 * scripts/serve/security-headers.ts: the deploy files an operator installs
 * must be exactly what it generates (regenerate with
 * `node scripts/serve/write-deploy-headers.mjs`), and the table must say what
 * the contract asks for. That `vite preview` sends the same is checked in
 * test/tv-engine/csp.test.mjs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importTs } from '../../scripts/serve/import-ts.mjs';

const { apiOrigin, contentSecurityPolicy, netlifyHeaders, nginxHeaders, securityHeaders } = await importTs(
  'scripts/serve/security-headers.ts',
);
const { nginxCompression } = await importTs('scripts/serve/compression.ts');
const deployFile = (name) => readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8');

test('deploy/_headers and deploy/nginx-headers.conf are generated from the table, unedited', () => {
  assert.equal(deployFile('_headers'), netlifyHeaders());
  assert.equal(deployFile('nginx-headers.conf'), nginxHeaders());
});

test('deploy/nginx-compression.conf is generated from the types the preview compresses, unedited', () => {
  assert.equal(deployFile('nginx-compression.conf'), nginxCompression());
  assert.match(deployFile('nginx-compression.conf'), /^gzip_vary on;$/m);
  assert.match(
    deployFile('nginx-compression.conf'),
    /^gzip_types [^;]*\btext\/javascript\b[^;]*\bapplication\/json\b/m,
  );
});

test('every header of the table is in each deploy file with its exact value', () => {
  for (const [name, value] of securityHeaders()) {
    assert.ok(deployFile('_headers').includes(`  ${name}: ${value}\n`), `_headers: ${name}`);
    assert.ok(deployFile('nginx-headers.conf').includes(`add_header ${name} "${value}" always;\n`), `nginx: ${name}`);
  }
});

test('the CSP: no inline script or eval, no plugins, no <base>, no framing, connections to the page and the API only, Trusted Types for lit-html and the bundle loader', () => {
  const directives = Object.fromEntries(
    contentSecurityPolicy()
      .split('; ')
      .map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
  );
  assert.equal(directives['script-src'], "'self'");
  assert.equal(directives['object-src'], "'none'");
  assert.equal(directives['base-uri'], "'none'");
  assert.equal(directives['frame-ancestors'], "'none'");
  assert.equal(directives['form-action'], "'self'");
  assert.equal(directives['connect-src'], "'self'");
  assert.equal(directives['require-trusted-types-for'], "'script'");
  assert.equal(directives['trusted-types'], 'lit-html my-page-loader');
  assert.doesNotMatch(contentSecurityPolicy(), /unsafe-eval|script-src[^;]*unsafe-inline/);
  assert.deepEqual(Object.fromEntries(securityHeaders().slice(1)), {
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
});

test('an API on another origin is added to connect-src, a same-origin path is not', () => {
  assert.equal(apiOrigin('/api'), null);
  assert.equal(apiOrigin('https://api.example.jp/v1/api'), 'https://api.example.jp');
  assert.match(
    contentSecurityPolicy({ apiBase: 'https://api.example.jp/api' }),
    /connect-src 'self' https:\/\/api\.example\.jp;/,
  );
});

test("QA builds let only the page's own origin frame it (the TV simulator)", () => {
  const qa = Object.fromEntries(securityHeaders({ allowSameOriginFrame: true }));
  assert.match(qa['Content-Security-Policy'], /frame-ancestors 'self';/);
  assert.equal(qa['X-Frame-Options'], 'SAMEORIGIN');
});

test("the README's and deploy/README.md's words on the CSP are the table's", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  // The README shows the policy folded over lines, with the API's origin as a placeholder.
  const block = readme.match(/^```\n(default-src[^`]*?)\nX-Frame-Options/m)?.[1];
  assert.ok(block, 'the CSP block under "Headers and CSP"');
  const shown = block.replace(/\s*\n/g, ' ').replace(' [API origin]', '');
  assert.equal(shown, contentSecurityPolicy());
  const policies = contentSecurityPolicy()
    .match(/trusted-types ([^;]+)/)[1]
    .split(' ');
  for (const policy of policies)
    assert.ok(deployFile('README.md').includes(`\`${policy}\``), `deploy/README.md names ${policy}`);
});
