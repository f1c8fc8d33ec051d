/**
 * Issue 11: the TV sign-in fits one TV screen. At 1920x1080 and 1280x720
 * (TV profile), in Japanese and English, the heading, the code, the QR code,
 * the address, the countdown and "sign in with a password instead" are all
 * inside the 5% safe area without scrolling (a remote cannot scroll to a
 * code it cannot see); and so is the account question after an approval.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MyPageApp } from '../../src/app/my-page-app.js';
import {
  HANAKO,
  inScreen,
  mountApp,
  resetAll,
  screenOf,
  waitForElement,
  waitForState,
} from '../support/app-harness.js';
import { expectInsideSafeArea, visibleBoxes } from '../support/layout-checks.js';

async function signInScreen(width: number, height: number, locale: 'ja' | 'en'): Promise<MyPageApp> {
  await setViewport({ width, height });
  const mock = await resetAll();
  mock.deviceTiming = { expiresIn: 600, interval: 1 };
  if (locale === 'en') localStorage.setItem('my-page.locale', 'en');
  const app = await mountApp('#/login', { tv: true });
  await waitForState(app, 'signed-out');
  const panel = await waitForElement(() => inScreen(app, 'mp-login-screen', 'mp-device-code'), 'no code panel');
  await waitForElement(() => panel.shadowRoot!.querySelector('svg[data-qr]'), 'QR never drawn');
  await document.fonts.ready;
  return app;
}

/** What the screen draws: its texts, controls and the QR. */
const TEXTS_AND_CONTROLS = 'button, a, p, h1, h2, svg';

afterEach(async () => {
  localStorage.removeItem('my-page.locale');
  await setViewport({ width: 800, height: 600 });
});

describe('TV sign-in on a TV screen', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const locale of ['ja', 'en'] as const) {
      it(`${width}x${height} ${locale}: code, QR, address, countdown, password way in the safe area`, async () => {
        const app = await signInScreen(width, height, locale);
        expect(document.scrollingElement!.scrollTop).to.equal(0);
        const login = screenOf(app, 'mp-login-screen')!.shadowRoot!;
        const all = visibleBoxes(login, TEXTS_AND_CONTROLS);
        // Named, so a miss says which part it was and none of them can be absent.
        const panel = login.querySelector('mp-device-code')!.shadowRoot!;
        const parts = {
          heading: login.querySelector('mp-screen')!.shadowRoot!.querySelector('h1'),
          code: panel.querySelector('.code'),
          qr: panel.querySelector('svg[data-qr]'),
          address: panel.querySelector('.address'),
          countdown: panel.querySelector('[role=timer]'),
          password: login.querySelector('[data-nav-key=use-password]'),
        };
        for (const [name, el] of Object.entries(parts)) {
          expect(el, name).to.not.equal(null);
          const rect = el!.getBoundingClientRect();
          expect(rect.width * rect.height, `${name} is drawn`).to.be.greaterThan(0);
          all.push({ what: name, rect });
        }
        expectInsideSafeArea(all, width, height);
        // The code on one line, large enough to read across a room (at least 4% of the screen height).
        const code = parts.code!.getBoundingClientRect();
        const fontSize = parseFloat(getComputedStyle(parts.code!).fontSize);
        expect(code.height, 'the code on one line').to.be.below(fontSize * 2);
        expect(fontSize).to.be.at.least(height * 0.04);
        // A QR a phone's camera can take from the sofa: at least a fifth of the screen height.
        expect(parts.qr!.getBoundingClientRect().height).to.be.at.least(height / 5);
        // Nothing of the page lies below the fold (the remote would have to scroll to it).
        expect(document.scrollingElement!.scrollHeight).to.be.at.most(height + 1);
      });
    }
  }

  it('1280x720 en: the account question after an approval is inside the safe area too', async () => {
    const app = await signInScreen(1280, 720, 'en');
    const panel = inScreen(app, 'mp-login-screen', 'mp-device-code')!;
    const userCode = panel.getAttribute('user-code')!;
    const approval = await fetch('/__mock/device/approve', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ loginId: HANAKO.loginId, userCode }),
    });
    expect(approval.status).to.equal(200);
    await waitForElement(() => inScreen(app, 'mp-login-screen', '[role=alertdialog]'), 'no question', 10_000);
    const login = screenOf(app, 'mp-login-screen')!.shadowRoot!;
    const all = visibleBoxes(login, TEXTS_AND_CONTROLS);
    expect(all.map((b) => b.what)).to.include.members(['button[device-yes]', 'button[device-no]', 'p.question']);
    expectInsideSafeArea(all, 1280, 720);
  });
});
