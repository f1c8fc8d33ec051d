/**
 * The whole page failing to start (`?scenario=server-error` before anything
 * loaded): a heading, the busy message with the server's wait, focus on Retry.
 */
import { expect } from '@open-wc/testing';
import { mountApp, resetAll, waitForElement, waitForState } from '../support/app-harness.js';
import { TV, tvKey, waitForFocus } from '../support/keys.js';

describe('start-up failure', () => {
  it('a 503 on the session read says busy with the wait, has an h1 and focuses Retry', async () => {
    const mock = await resetAll();
    mock.configure({ scenario: 'server-error' });
    const app = await mountApp('#/', { tv: true });
    const retry = await waitForElement(() => app.shadowRoot!.querySelector('button.retry'), 'no retry', 15000);
    expect(app.shadowRoot!.querySelector('h1')?.textContent?.trim()).to.equal('マイページを表示できませんでした');
    const alert = app.shadowRoot!.querySelector('[role=alert]')!.textContent!;
    expect(alert).to.contain('5秒');
    expect(alert).not.to.contain('通信状況');
    await waitForFocus((el) => el === retry, 'focus not on Retry');

    mock.configure({ scenario: 'normal' });
    await tvKey(TV.ok);
    await waitForState(app, 'signed-out');
  });
});
