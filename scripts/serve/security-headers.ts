/**
 * The headers of the page (contract section 6), in one table: `npm run
 * preview` sends them (vite.config.ts) and deploy/_headers and
 * deploy/nginx-headers.conf are generated from them (scripts/serve/write-deploy-headers.mjs),
 * so the served and the deployed values cannot drift; test/serve/security-headers.test.mjs
 * checks the committed files against this table.
 *
 * The /api answers are not covered here: the API itself sends
 * Cache-Control: no-store and Vary: Cookie (src/mocks/http-kit.ts for the mock).
 */

export interface SecurityHeaderOptions {
  /** VITE_API_BASE: a path ('/api', same origin) or an absolute URL on another origin. */
  apiBase?: string | undefined;
  /**
   * QA builds only: the TV simulator (tv-sim.html) frames the app from the
   * same origin, so framing by 'self' is allowed there, never by another site.
   */
  allowSameOriginFrame?: boolean;
  /**
   * Pages that answer /api with msw's Service Worker in the page (the browser
   * test suite; src/mocks/browser.ts): Trusted Types must admit that policy's
   * one script URL. No deployed build mocks in the page.
   */
  mockServiceWorker?: boolean;
}

/** The origin connect-src must add for the API, or null when the API is on the page's origin. */
export function apiOrigin(apiBase = '/api'): string | null {
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(apiBase)) return null;
  return new URL(apiBase).origin;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  const api = apiOrigin(options.apiBase);
  const framing = options.allowSameOriginFrame ? "'self'" : "'none'";
  const directives: Array<[string, string]> = [
    ['default-src', "'self'"],
    // No inline script, no eval: every script is a file of the build.
    ['script-src', "'self'"],
    // Chromium < 73 (2019 TVs) has no adoptedStyleSheets, so Lit writes each
    // component's css into a <style> element; styles can carry no script.
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', api ? `'self' ${api}` : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', framing],
    // Engines with Trusted Types (Chromium 83+) refuse HTML and script URLs
    // built from strings except through the two policies the page creates:
    // lit-html's own, and the bundle loader's (public/polyfills/module-loader.js).
    ['require-trusted-types-for', "'script'"],
    [
      'trusted-types',
      options.mockServiceWorker ? 'lit-html my-page-loader mock-service-worker' : 'lit-html my-page-loader',
    ],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Every header of the page and its assets, in the order the deploy files list them. */
export function securityHeaders(options: SecurityHeaderOptions = {}): Array<[string, string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(options)],
    // For engines older than frame-ancestors (and proxies that read only this one).
    ['X-Frame-Options', options.allowSameOriginFrame ? 'SAMEORIGIN' : 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['X-Content-Type-Options', 'nosniff'],
  ];
}

const GENERATED =
  'Generated from scripts/serve/security-headers.ts by scripts/serve/write-deploy-headers.mjs: do not edit by hand.';

/** Netlify and Cloudflare Pages: a `_headers` file at the root of the published folder. */
export function netlifyHeaders(options: SecurityHeaderOptions = {}): string {
  const lines = securityHeaders(options).map(([name, value]) => `  ${name}: ${value}`);
  return `# ${GENERATED}\n/*\n${lines.join('\n')}\n`;
}

/** nginx: include inside the `server` (or `location`) block that serves dist/. */
export function nginxHeaders(options: SecurityHeaderOptions = {}): string {
  // `always`: on error pages too, which a framing page could otherwise show.
  const lines = securityHeaders(options).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return `# ${GENERATED}\n# nginx drops inherited add_header lines in a block that has its own: include this file there too.\n${lines.join('\n')}\n`;
}
