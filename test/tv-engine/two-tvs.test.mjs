/**
 * Two TVs signing in at the same moment (issue 11; the 2023 failure was two
 * customers at the same millisecond): two Chromium 64 browsers, each with its
 * own profile and so its own cookie jar, against ONE mock backend (the
 * preview server's Node middleware, shared state). Both codes are approved at
 * the same moment as two different accounts (the QA approval, standing in for
 * two phones); each TV must end up as the account that approved its own code,
 * asking about, and then showing, only that account.
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 } from '../../scripts/chromium64.mjs';
import { app, focusOn, inScreen, remote, watchPageProblems } from './app-page.mjs';

let server;
const tvs = [];

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  for (let i = 0; i < 2; i++) {
    const browser = await launchChromium64();
    tvs.push({ browser, session: browser.session, problems: await watchPageProblems(browser.session) });
  }
});

after(async () => {
  for (const tv of tvs) await tv.browser.close();
  await server?.close();
});

const codeElement = inScreen('mp-login-screen', 'mp-device-code');
const dialog = inScreen('mp-login-screen', '[role=alertdialog]');

async function codeOn(tv, base) {
  await tv.session.send('Page.navigate', { url: `${base}?tv=1#/login` });
  await tv.session.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  return tv.session.waitFor(`${codeElement} && ${codeElement}.getAttribute('user-code')`);
}

function approve(base, loginId, userCode) {
  return fetch(`${base}__mock/device/approve`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ loginId, userCode }),
  });
}

test('two TVs approved at the same moment by two accounts: each is signed in as its own approver', async () => {
  const base = server.resolvedUrls.local[0];
  const [code1, code2] = await Promise.all(tvs.map((tv) => codeOn(tv, base)));
  assert.notEqual(code1, code2);

  const approvals = await Promise.all([
    approve(base, 'taro@example.jp', code1),
    approve(base, 'hanako@example.jp', code2),
  ]);
  assert.deepEqual(
    approvals.map((a) => a.status),
    [200, 200],
  );

  const questions = await Promise.all(
    tvs.map((tv) =>
      tv.session.waitFor(`(() => { const el = ${dialog}; return el && el.textContent; })()`, { timeout: 20000 }),
    ),
  );
  assert.match(questions[0], /ta\*\*\*@example\.jp/);
  assert.match(questions[1], /ha\*\*\*@example\.jp/);

  for (const tv of tvs) {
    await focusOn(tv.session, 'device-yes');
    await remote(tv.session, 13, 'Enter');
  }
  const loginIds = await Promise.all(
    tvs.map(async (tv) => {
      await tv.session.waitFor(`${app}.getAttribute('state') === 'ready'`);
      return tv.session.evaluate(`${app}.identity.snapshot.loginId`);
    }),
  );
  assert.deepEqual(loginIds, ['taro@example.jp', 'hanako@example.jp']);

  // And after a reload each TV reads its own account's data, through the guard.
  // (A new query, not only a new hash: Chromium 64 never answers Page.navigate within the document.)
  const plans = await Promise.all(
    tvs.map(async (tv) => {
      await tv.session.send('Page.navigate', { url: `${base}?tv=1&reloaded=1#/contract` });
      const plan = inScreen('mp-contract-screen', '.plan');
      return tv.session.waitFor(`${app} && ${plan} && ${plan}.textContent.trim()`);
    }),
  );
  assert.deepEqual(plans, ['プレミアム', 'スタンダード']);
  for (const tv of tvs) assert.deepEqual(tv.problems, []);
});
