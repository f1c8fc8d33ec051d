/**
 * The leak search every identity test relies on: it must see what a customer
 * could see or hear, however deep, and only that, or leak tests either pass
 * blind or fail on the runner's own random ids.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { foundOnPage } from '../support/page-strings.js';

describe('leak search (foundOnPage)', () => {
  it('finds text, attributes and field values two shadow roots deep', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const outer = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    outer.append(inner);
    const innerRoot = inner.attachShadow({ mode: 'open' });
    const label = document.createElement('p');
    label.textContent = 'deep-text-4417';
    label.setAttribute('aria-label', 'deep-attr-4417');
    const field = document.createElement('input');
    field.value = 'deep-value-4417';
    innerRoot.append(label, field);

    expect(foundOnPage(['deep-text-4417', 'deep-attr-4417', 'deep-value-4417'])).to.deep.equal([
      'deep-text-4417',
      'deep-attr-4417',
      'deep-value-4417',
    ]);
  });

  it('ignores what a <script> holds, which is never shown or announced', async () => {
    // Written into the template, as the runner writes its own: under the
    // suite's Trusted Types a script's text cannot be set from code.
    await fixture<HTMLDivElement>(
      html`<div>
        <script type="application/json" data-id="script-attr-4417">
          { "sessionId": "script-text-4417" }
        </script>
        <p>shown-4417</p>
      </div>`,
    );

    expect(foundOnPage(['script-attr-4417', 'script-text-4417', 'shown-4417'])).to.deep.equal(['shown-4417']);
  });
});
