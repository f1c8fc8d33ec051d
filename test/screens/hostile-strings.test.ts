/** Hostile account strings render as inert text on every list screen. */
import { waitUntil } from '../support/wait.js';
import { expect } from '@open-wc/testing';
import { TARO, inScreen, readyAppAs, resetAll, waitForElement } from '../support/app-harness.js';
import { pageText } from '../support/page-strings.js';
import { oneScreenPerEndpoint } from '../support/screens.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

function allElements(root: Document | ShadowRoot, out: Element[] = []): Element[] {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    out.push(element);
    if (element.shadowRoot) allElements(element.shadowRoot, out);
  }
  return out;
}

describe('hostile strings', () => {
  it('markup, 10,000 characters, RTL and emoji are text, never markup', async () => {
    const mock = await resetAll();
    mock.configure({ scenario: 'hostile-strings' });
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    // Every read endpoint's text, each on the first screen that shows it (src/app/route-paths.ts).
    for (const { hash, tag, shown } of oneScreenPerEndpoint()) {
      location.hash = hash;
      await waitForElement(() => inScreen(app, tag, shown), `${tag} did not render`);
    }
    location.hash = '#/favorites';
    await waitForElement(() => inScreen(app, 'mp-favorites-screen', 'li'), 'no favorites');
    await waitUntil(() => pageText().includes('<img src=x onerror='), 'the hostile title was not shown as text');

    const text = pageText();
    expect(window.__xss).to.equal(undefined);
    const injected = allElements(app.shadowRoot!).filter((el) => ['IMG', 'SCRIPT', 'IFRAME'].includes(el.tagName));
    expect(injected.map((el) => el.outerHTML)).to.deep.equal([]);
    expect(text.split('\n').some((line) => line.length >= 10_000)).to.equal(true);
    // A 10,000-character title must not widen the page.
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth + 1);
  });
});
