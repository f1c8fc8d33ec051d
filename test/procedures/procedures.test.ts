/**
 * Contract section 3 procedures other than the card: each asks first (focus
 * trapped, the safe choice focused), sends one correctly formed mutation, and
 * updates the screen only from the verified answer; refusals change nothing.
 */
import { waitUntil } from '../support/wait.js';
import { expect } from '@open-wc/testing';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import type { MockBackend } from '../../src/mocks/mock-backend.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import {
  TARO,
  inScreen,
  loadedRows,
  readyAppAs,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { TV, describeElement, press, tvKey, waitForFocus } from '../support/keys.js';
import { sendsRawKeyCodes } from '../support/engine.js';

function dialogOf(app: MyPageApp, tag: keyof HTMLElementTagNameMap) {
  return screenOf(app, tag)?.shadowRoot?.querySelector('mp-confirm-dialog') ?? null;
}

function mutations(mock: MockBackend) {
  return mock.requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/api/auth/session'));
}

async function openDialogOnFirstRow(app: MyPageApp, tag: keyof HTMLElementTagNameMap) {
  await waitForElement(() => inScreen(app, tag, 'li button.remove'), 'no rows');
  // Rows are the focus stops; OK on one moves to its action, a second OK presses it.
  await waitForFocus('li', 'focus not on the first row');
  await tvKey(TV.ok);
  await waitForFocus('button.remove', 'OK on the row did not reach its action');
  await tvKey(TV.ok);
  const dialog = await waitForElement(() => dialogOf(app, tag), 'no dialog');
  await waitForFocus(() => describeElement(deepActiveElement()) === 'button.cancel', 'safe choice not focused');
  return dialog;
}

const listCases = [
  { hash: '#/devices', tag: 'mp-devices-screen', method: 'DELETE', path: /^\/api\/devices\/dev_/ },
  { hash: '#/favorites', tag: 'mp-favorites-screen', method: 'DELETE', path: /^\/api\/favorites\/ttl_/ },
  { hash: '#/history', tag: 'mp-history-screen', method: 'DELETE', path: /^\/api\/viewing-history\/vh_/ },
] as const;

describe('procedures', () => {
  for (const { hash, tag, method, path } of listCases) {
    it(`${hash}: confirm with the remote removes the row, from the verified answer`, async () => {
      const mock = await resetAll();
      const app = await readyAppAs(TARO.loginId, hash);
      const rows = () => loadedRows(app, tag);
      const firstKey = (await waitForElement(() => inScreen(app, tag, 'li'), 'no rows')).dataset.navKey!;
      await openDialogOnFirstRow(app, tag);
      // Lists prefetch their next page on their own once rendered: count once that page is in.
      await waitUntil(
        () => !inScreen(app, tag, 'button.load-more[aria-disabled="true"]'),
        'the next page never finished loading',
      );
      const before = rows();

      // Focus is trapped: arrows stay on the dialog's two buttons.
      for (const key of ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowDown']) await press(key);
      expect(describeElement(deepActiveElement())).to.match(/^button\.(cancel|confirm)$/);
      await press('ArrowLeft', 'ArrowRight');
      expect(describeElement(deepActiveElement())).to.equal('button.confirm');
      mock.clearRequests();
      await tvKey(TV.ok);
      await waitForElement(() => (dialogOf(app, tag) ? null : document.body), 'dialog did not close');
      expect(rows()).to.equal(before - 1);
      expect(inScreen(app, tag, `li[data-nav-key="${firstKey}"]`)).to.equal(null);

      const sent = mutations(mock);
      expect(sent).to.have.length(1);
      expect(sent[0]!.method).to.equal(method);
      expect(sent[0]!.path).to.match(path);
      expect(sent[0]!.headers['x-csrf-token']).to.match(/^csrf_/);
      expect(sent[0]!.headers['idempotency-key']).to.be.a('string');
      expect((sent[0]!.body as Record<string, unknown>).expectedAccountId).to.equal(TARO.accountId);
      // The session was re-read right before the mutation.
      const sessionRead = mock.requests.findIndex((r) => r.path === '/api/auth/session');
      expect(sessionRead).to.be.within(0, mock.requests.indexOf(sent[0]!));
      // Focus went to a neighbouring row, not to nowhere.
      await waitForElement(
        () => (deepActiveElement()?.closest('li') ? document.body : null),
        'focus lost after removal',
      );
    });
  }

  it('Back or "keep it" closes the dialog without sending, and focus returns to the opener', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await openDialogOnFirstRow(app, 'mp-favorites-screen');
    mock.clearRequests();
    if (sendsRawKeyCodes) await tvKey(TV.tizenBack);
    else await press('Escape');
    await waitForElement(() => (dialogOf(app, 'mp-favorites-screen') ? null : document.body), 'Back did not close');
    await waitForFocus('button.remove', 'focus not back on the opener');
    await tvKey(TV.ok);
    await waitForElement(() => dialogOf(app, 'mp-favorites-screen'), 'no dialog');
    await tvKey(TV.ok); // "keep it" is focused first
    await waitForElement(() => (dialogOf(app, 'mp-favorites-screen') ? null : document.body), 'keep it did not close');
    expect(mutations(mock)).to.deep.equal([]);
    expect(location.hash).to.equal('#/favorites');
  });

  it('a refused mutation (409) keeps the row and says so in the dialog; retry reuses the key', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/devices');
    await openDialogOnFirstRow(app, 'mp-devices-screen');
    const rows = loadedRows(app, 'mp-devices-screen');
    mock.configure({ scenario: 'conflict' });
    mock.clearRequests();
    await press('ArrowRight');
    await tvKey(TV.ok);
    const dialog = dialogOf(app, 'mp-devices-screen')!;
    await waitForElement(() => dialog.shadowRoot!.querySelector('.error'), 'no error in the dialog');
    expect(loadedRows(app, 'mp-devices-screen')).to.equal(rows);
    mock.configure({ scenario: 'normal' });
    await tvKey(TV.ok);
    await waitForElement(() => (dialogOf(app, 'mp-devices-screen') ? null : document.body), 'retry did not succeed');
    const keys = mutations(mock).map((r) => r.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('a second press while the mutation is in flight sends nothing more', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await openDialogOnFirstRow(app, 'mp-favorites-screen');
    mock.configure({ latencyMs: 300 });
    mock.clearRequests();
    await press('ArrowRight');
    await tvKey(TV.ok);
    await tvKey(TV.ok);
    await tvKey(TV.ok);
    await waitForElement(() => (dialogOf(app, 'mp-favorites-screen') ? null : document.body), 'no success');
    expect(mutations(mock)).to.have.length(1);
  });

  it('a foreign answer to a removal stops the page; the row is not touched on screen', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites');
    await openDialogOnFirstRow(app, 'mp-favorites-screen');
    mock.configure({ scenario: 'foreign-account', endpoint: 'favorite-delete' });
    await press('ArrowRight');
    await tvKey(TV.ok);
    await waitForState(app, 'identity-stop');
  });

  it('cancel contract: reason chosen with the remote, scheduled end shown from the answer', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership');
    // Membership lands on Back (every control here starts something final): Down reaches the procedure.
    await waitForElement(() => inScreen(app, 'mp-membership-screen', 'button.cancel-contract'), 'no membership');
    await waitForFocus('a.back', 'focus not on Back');
    for (let i = 0; i < 4 && describeElement(deepActiveElement()) !== 'button.cancel-contract'; i++)
      await press('ArrowDown');
    expect(describeElement(deepActiveElement())).to.equal('button.cancel-contract');
    await tvKey(TV.ok);
    await waitForElement(() => dialogOf(app, 'mp-membership-screen'), 'no dialog');
    // From "keep it", up into the reasons; pick the second one with OK.
    await press('ArrowUp');
    for (let i = 0; i < 6 && describeElement(deepActiveElement()) !== 'input[reason]'; i++) await press('ArrowUp');
    for (let i = 0; i < 6; i++) await press('ArrowUp');
    await press('ArrowDown');
    await tvKey(TV.ok);
    const checked = screenOf(app, 'mp-membership-screen')!.shadowRoot!.querySelector<HTMLInputElement>(
      'input[name=reason]:checked',
    )!;
    expect(checked.value).to.equal('price');
    for (let i = 0; i < 6 && describeElement(deepActiveElement()) !== 'button.confirm'; i++)
      await press('ArrowDown', 'ArrowRight');
    mock.clearRequests();
    await tvKey(TV.ok);
    const notice = await waitForElement(() => inScreen(app, 'mp-membership-screen', '.notice'), 'no notice');
    // The last day of use: the day before the next billing date (2026-12-01).
    expect(notice.textContent).to.match(/2026年11月30日/);
    expect(inScreen(app, 'mp-membership-screen', '.status')!.textContent).to.equal('解約予定');
    const sent = mutations(mock);
    expect(sent.map((r) => r.path)).to.deep.equal(['/api/contract/cancel']);
    expect((sent[0]!.body as Record<string, unknown>).reason).to.equal('price');
  });

  it('sign out of all devices: one request, then this device is signed out too', async () => {
    const mock = await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership');
    (await waitForElement(() => inScreen(app, 'mp-membership-screen', 'button.logout-all'), 'no button')).click();
    const dialog = await waitForElement(() => dialogOf(app, 'mp-membership-screen'), 'no dialog');
    mock.clearRequests();
    (dialog.shadowRoot!.querySelector('button.confirm') as HTMLButtonElement).click();
    await waitForState(app, 'signed-out');
    expect(mutations(mock).map((r) => r.path)[0]).to.equal('/api/auth/logout-all');
  });
});
