/**
 * The production build in a 2019-TV-class engine (Chromium 64), against the
 * mock API answered over plain HTTP by the preview server: it must log in,
 * reach state=ready and show the contract screen and every other screen, with
 * no script error and no CSP violation under the headers the preview server
 * sends (vite.config.ts: the deployed CSP, which this engine reads without
 * Trusted Types).
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 } from '../../scripts/chromium64.mjs';
import {
  app,
  focusOn,
  focused,
  inScreen,
  loginThroughForm,
  remote,
  screen,
  visitEveryScreen,
  watchPageProblems,
} from './app-page.mjs';

let server;
let browser;
/** Script errors, console errors and CSP violations (app-page.mjs). */
let pageErrors;

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  browser = await launchChromium64();
  pageErrors = await watchPageProblems(browser.session);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the engine under test really is Chromium 64', () => {
  assert.match(browser.version, /Chrome\/64\./);
});

test('the preview server sends the CSP this engine runs under', async () => {
  const csp = (await fetch(server.resolvedUrls.local[0])).headers.get('content-security-policy');
  assert.match(csp ?? '', /script-src 'self';.*frame-ancestors 'none'/);
});

test('the built app logs in, reaches ready and shows the contract in Chromium 64', async () => {
  const { session } = browser;
  const base = server.resolvedUrls.local[0];
  await session.send('Page.navigate', { url: `${base}#/contract` });
  await loginThroughForm(session);
  const plan = await session.waitFor(
    `(() => { const el = ${inScreen('mp-contract-screen', '.plan')}; return el && el.textContent.trim(); })()`,
  );
  assert.equal(plan, 'プレミアム');
  const fee = await session.evaluate(`${inScreen('mp-contract-screen', '.fee')}.textContent.trim()`);
  assert.match(fee, /2,530/);
  // The modern bundle (import.meta parses here), not the legacy fallback of Chromium 61-63.
  assert.equal(await session.evaluate('window.__MY_PAGE_MODERN__'), true);
  assert.equal(await session.evaluate('typeof window.__MY_PAGE_BUILD__'), 'undefined');
  assert.deepEqual(pageErrors, []);
});

test('the remote drives the built app in Chromium 64: Tizen Back, arrows, OK', async () => {
  const { session } = browser;
  // From the contract screen (previous test), Tizen's Back key returns to the menu.
  await remote(session, 10009, 'XF86Back');
  await session.waitFor(`${screen('mp-menu-screen')} !== null`);
  await focusOn(session, '/contract');
  await remote(session, 39, 'ArrowRight');
  assert.equal(await session.evaluate(focused), '/devices');
  await remote(session, 13, 'Enter');
  await session.waitFor(inScreen('mp-devices-screen', 'li'));
  assert.match(
    await session.waitFor(`(() => { const f = ${focused}; return f && f.startsWith('dev_') ? f : null; })()`),
    /^dev_/,
  );
  await remote(session, 40, 'ArrowDown');
  assert.match(await session.evaluate(focused), /^dev_/);
  // webOS Back.
  await remote(session, 461);
  await focusOn(session, '/devices');
  assert.deepEqual(pageErrors, []);
});

test('every screen in Chromium 64 under the CSP: no violation, no console error', async () => {
  await visitEveryScreen(browser.session);
  assert.deepEqual(pageErrors, []);
});

test('a 2019-class TV signs in with the code approved elsewhere (the QA approval), by remote alone', async () => {
  const { session } = browser;
  const base = server.resolvedUrls.local[0];
  await session.evaluate(`fetch('/api/auth/logout', { method: 'POST', credentials: 'include' }).then(() => true)`);
  await session.send('Page.navigate', { url: `${base}?tv=1#/login` });
  await session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  const codeElement = inScreen('mp-login-screen', 'mp-device-code');
  const code = await session.waitFor(`${codeElement} && ${codeElement}.getAttribute('user-code')`);
  assert.match(code, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  // The QR code rendered too (lean-qr in this engine).
  await session.waitFor(`${codeElement}.shadowRoot.querySelector('svg[data-qr] rect')`);
  // What a phone's approval does, from outside the TV's browser.
  const approval = await fetch(`${base}__mock/device/approve`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ loginId: 'taro@example.jp', userCode: code }),
  });
  assert.equal(approval.status, 200);
  const dialog = inScreen('mp-login-screen', '[role=alertdialog]');
  const question = await session.waitFor(`(() => { const el = ${dialog}; return el && el.textContent; })()`, {
    timeout: 20000,
  });
  assert.match(question, /ta\*\*\*@example\.jp/);
  assert.doesNotMatch(question, /taro@example\.jp/);
  assert.equal(await session.evaluate(`${app}.getAttribute('state')`), 'signed-out');
  await focusOn(session, 'device-yes');
  await remote(session, 13, 'Enter');
  await session.waitFor(`${app}.getAttribute('state') === 'ready'`);
  await session.waitFor(`${screen('mp-menu-screen')} !== null`);
  assert.deepEqual(pageErrors, []);
});
