/**
 * Check 4 and transport faults: the view that asked shows a plain error with
 * a retry, renders nothing from that answer, and the session goes on.
 */
import { expect } from '@open-wc/testing';
import type { ScenarioName } from '../../src/mocks/types.js';
import { TARO, inScreen, readyAppAs, resetAll, waitForElement } from '../support/app-harness.js';
import { oneScreenPerEndpoint } from '../support/screens.js';

const cases = oneScreenPerEndpoint();

function loadState(app: HTMLElement & { shadowRoot: ShadowRoot | null }, tag: keyof HTMLElementTagNameMap) {
  return app.shadowRoot!.querySelector(tag)?.shadowRoot?.querySelector('mp-load-state') ?? null;
}

describe('error states', () => {
  for (const { endpoint, hash, tag, shown } of cases) {
    it(`schema-break on ${endpoint}: an error with retry, no stop, nothing rendered`, async () => {
      const mock = await resetAll();
      mock.configure({ scenario: 'schema-break', endpoint });
      const app = await readyAppAs(TARO.loginId, hash);
      const state = await waitForElement(() => {
        const el = loadState(app, tag);
        return el?.getAttribute('status') === 'error' ? el : null;
      }, 'no error state');
      expect(state.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('正しくない応答');
      expect(inScreen(app, tag, shown)).to.equal(null);
      expect(app.getAttribute('state')).to.equal('ready');
      expect(mock.requests.some((r) => r.path === '/api/security/identity-mismatch')).to.equal(false);

      mock.configure({ scenario: 'normal', endpoint: null });
      (state.shadowRoot!.querySelector('button.retry') as HTMLButtonElement).click();
      await waitForElement(() => inScreen(app, tag, shown), 'retry did not load');
    });
  }

  for (const scenario of ['malformed-json', 'server-error'] as ScenarioName[]) {
    it(`${scenario}: a plain error with retry; the session goes on`, async () => {
      const mock = await resetAll();
      mock.configure({ scenario, endpoint: 'contract' });
      const app = await readyAppAs(TARO.loginId, '#/contract');
      const state = await waitForElement(() => {
        const el = loadState(app, 'mp-contract-screen');
        return el?.getAttribute('status') === 'error' ? el : null;
      }, 'no error state');
      const message = state.shadowRoot!.querySelector('[role=alert]')!.textContent!;
      expect(message).to.contain(scenario === 'server-error' ? '5秒' : '正しくない応答');
      // Said once: "try again" is not repeated when the server names a wait.
      if (scenario === 'server-error') expect(message.split('お試しください').length - 1).to.equal(1);
      expect(app.getAttribute('state')).to.equal('ready');
      location.hash = '#/favorites';
      await waitForElement(() => inScreen(app, 'mp-favorites-screen', 'li'), 'other screens still work');
    });
  }

  it('slow answers show a loading state first', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/');
    mock.configure({ latencyMs: 400 });
    location.hash = '#/contract';
    await waitForElement(
      () => (loadState(app, 'mp-contract-screen')?.getAttribute('status') === 'loading' ? document.body : null),
      'no loading state',
    );
    await waitForElement(() => inScreen(app, 'mp-contract-screen', '.plan'), 'never loaded');
  });
});
