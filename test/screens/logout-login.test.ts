/**
 * Logging out and logging in by remote: Log out asks first (safe choice
 * focused), the login screen then says so without the login id, and a failed
 * login keeps focus on the form instead of dropping it to <body>.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  TARO,
  inScreen,
  mountApp,
  readyAppAs,
  resetAll,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { TV, arrowTo, describeElement, inRow, press, tvKey, waitForFocus } from '../support/keys.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { pageText } from '../support/page-strings.js';
import type { MyPageApp } from '../../src/app/my-page-app.js';

function logoutDialog(app: MyPageApp): HTMLElement | null {
  return app.shadowRoot!.querySelector('mp-confirm-dialog');
}

describe('logout and login by remote', () => {
  it('Log out asks first with the safe choice focused; Cancel keeps the session, Confirm shows a notice without the login id', async () => {
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/favorites', { tv: true });
    await waitForFocus((el) => inRow(el), 'no row');
    // Up from the first row (a full-width row: Back, then the app bar), then along the bar.
    const inBar = () => !!deepActiveElement()?.closest('.bar');
    for (let i = 0; i < 4 && !inBar(); i++) await press('ArrowUp');
    expect(inBar(), 'Up never reached the app bar').to.equal(true);
    await arrowTo(app.shadowRoot!.querySelector('button.logout')!);
    await tvKey(TV.ok);
    const dialog = await waitForElement(() => logoutDialog(app), 'no confirmation');
    await waitForFocus((el) => el.classList.contains('cancel'), 'the safe choice is not focused first');
    await tvKey(TV.ok);
    await waitForFocus((el) => el.classList.contains('logout'), 'focus did not return to Log out');
    expect(logoutDialog(app)).to.equal(null);
    expect(app.getAttribute('state')).to.equal('ready');

    await tvKey(TV.ok);
    await waitForElement(() => logoutDialog(app), 'no confirmation the second time');
    await waitForFocus((el) => el.classList.contains('cancel'));
    await arrowTo(logoutDialog(app)!.shadowRoot!.querySelector('button.confirm')!);
    await tvKey(TV.ok);
    await waitForState(app, 'signed-out');
    const notice = await waitForElement(
      () => inScreen(app, 'mp-login-screen', '.notice[role=status]'),
      'no logged-out notice',
    );
    expect(notice.textContent).to.contain('ログアウトしました');
    expect(pageText()).not.to.contain(TARO.loginId);
    expect(dialog.isConnected).to.equal(false);
  });

  it('a login that was never preceded by a logout shows no notice', async () => {
    await resetAll();
    const app = await mountApp('#/login');
    await waitForElement(() => inScreen(app, 'mp-login-screen', 'form'), 'no login form');
    expect(inScreen(app, 'mp-login-screen', '.notice')).to.equal(null);
  });

  it('a wrong password submitted by remote keeps focus on the form', async () => {
    await resetAll();
    const app = await mountApp('#/login', { tv: true });
    // A TV shows the code first; the password form is the second choice.
    const usePassword = await waitForElement(
      () => inScreen(app, 'mp-login-screen', '[data-nav-key=use-password]'),
      'no choice',
    );
    await waitForFocus((el) => el === usePassword, 'focus not on "sign in with a password"');
    await tvKey(TV.ok);
    const loginId = await waitForElement(
      () => inScreen(app, 'mp-login-screen', 'input[name=loginId]'),
      'no login form',
    );
    await waitForFocus((el) => el === loginId, 'focus not on the login id');
    await sendKeys({ type: TARO.loginId });
    await arrowTo(inScreen(app, 'mp-login-screen', 'input[name=password]')!);
    await sendKeys({ type: 'wrong-password' });
    const submit = inScreen(app, 'mp-login-screen', 'button[type=submit]')!;
    await arrowTo(submit);
    await tvKey(TV.ok);
    await waitForElement(() => inScreen(app, 'mp-login-screen', '.form-error[role=alert]'), 'no error shown');
    expect(describeElement(deepActiveElement())).to.equal(describeElement(submit));
    expect(deepActiveElement()).to.equal(submit);
    expect(app.getAttribute('state')).to.equal('signed-out');
  });
});
