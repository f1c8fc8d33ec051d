/**
 * Every page of this suite is served with the production headers
 * (web-test-runner.config.mjs) and fails on any CSP violation
 * (test/support/csp-watch.js). This file proves both are real: the page's own
 * headers are the table's, and what the policy forbids is refused and seen.
 */
import { expect } from '@open-wc/testing';
import { contentSecurityPolicy, securityHeaders } from '../../scripts/serve/security-headers.js';

interface CspWatch {
  expect(action: () => unknown, count?: number): Promise<string[]>;
}
const watch = (window as unknown as { __cspWatch: CspWatch }).__cspWatch;

describe('the suite runs under the production CSP', () => {
  it('serves this very page with the headers of the table', async () => {
    const response = await fetch(location.href);
    // The runner's own inline config script carries the page's one nonce.
    const nonceless = (value: string | null) => value?.replace(/ 'nonce-[^']+'/, '');
    for (const [name, value] of securityHeaders({ mockServiceWorker: true }))
      expect(nonceless(response.headers.get(name)), name).to.equal(value);
    expect(response.headers.get('content-security-policy')).to.match(/^default-src 'self'; script-src 'self' 'nonce-/);
    expect(nonceless(response.headers.get('content-security-policy'))).to.equal(
      contentSecurityPolicy({ mockServiceWorker: true }),
    );
  });

  it('refuses eval, and the watch sees it', async () => {
    let refused = false;
    const seen = await watch.expect(() => {
      try {
        new Function('return 1')();
      } catch {
        refused = true;
      }
    });
    expect(refused).to.equal(true);
    // Trusted Types refuse the string first where the engine has them.
    expect(seen.join()).to.match(/^(script-src|require-trusted-types-for)/);
  });

  it('never runs an inline script, and the watch sees it', async () => {
    const probe = window as unknown as { inlineRan?: boolean };
    const seen = await watch.expect(() => {
      const script = document.createElement('script');
      script.append(document.createTextNode('window.inlineRan = true'));
      document.body.append(script);
      script.remove();
    });
    expect(probe.inlineRan).to.equal(undefined);
    expect(seen.join()).to.match(/^(script-src|require-trusted-types-for)/);
  });

  it("differs from the deployed policy only by the mock worker's Trusted Types policy", () => {
    expect(contentSecurityPolicy({ mockServiceWorker: true }).replace(' mock-service-worker', '')).to.equal(
      contentSecurityPolicy(),
    );
  });

  it('takes no HTML from a string where the engine has Trusted Types', async function () {
    if (!('trustedTypes' in window)) this.skip();
    const box = document.createElement('div');
    let threw = false;
    const seen = await watch.expect(() => {
      try {
        box.innerHTML = '<b>x</b>';
      } catch {
        threw = true;
      }
    });
    expect(threw).to.equal(true);
    expect(box.childElementCount).to.equal(0);
    expect(seen.join()).to.match(/require-trusted-types-for/);
  });
});
