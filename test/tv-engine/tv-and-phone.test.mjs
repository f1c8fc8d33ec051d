/**
 * Issue 11: the TV and the phone as separate browsers sharing ONE mock
 * backend (the `vite preview` server's Node middleware). The TVs are pages of
 * a Chromium 64 (`?tv=1`, driven by remote keys only); the phones are pages
 * of the modern Chromium (find-chromium) emulating a 390x844 phone with
 * touch: taps are CDP touch events, typing is Input.insertText. Every device
 * is a browser context of its own (Target.createBrowserContext): its own
 * cookie jar and storage, as separate devices have, at the cost of only two
 * browser processes on a small machine. No QA approval anywhere: the phone
 * opens the URL in the TV's QR code, logs in and approves.
 * Runs after `vite build` (see the test:tv script).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { preview } from 'vite';
import { launchChromium64 } from '../../scripts/chromium64.mjs';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { importTs } from '../../scripts/serve/import-ts.mjs';
import { app, focusOn, inScreen, remote, screen, until, watchPageProblems } from './app-page.mjs';

const { fingerprintOf } = await importTs('test/support/leak-fingerprint.ts');

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/18.6 Mobile/15E148 Safari/604.1';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/140.0.0.0 Mobile Safari/537.36';

const TARO = { loginId: 'taro@example.jp', accountId: 'acc_4f2b9c' };
const HANAKO = { loginId: 'hanako@example.jp', accountId: 'acc_7d1e3a' };
const PASSWORD = 'mypage-demo';

/**
 * What must not reach a TV before its Yes: the account's own strings (login
 * id, plan, devices, payments...), its card as the page writes it. Bare
 * numbers are too generic (the address's port can hold "123").
 */
function accountStrings(account, card) {
  const own = fingerprintOf(account.accountId).filter((value) => !/^\d+$/.test(value));
  return [...own, ...(card ? [`下3桁 ${card}`] : [])];
}

let server;
let base;
let tvBrowser;
let phoneBrowser;
const problems = [];

before(async () => {
  server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  base = server.resolvedUrls.local[0];
  [tvBrowser, phoneBrowser] = await Promise.all([
    launchChromium64(),
    findChromium().then((executablePath) => launchChromium64({ executablePath })),
  ]);
});

after(async () => {
  await tvBrowser?.close();
  await phoneBrowser?.close();
  await server?.close();
});

/** A TV of its own, on the code screen: answers the code and the URL its QR code holds. */
async function newTv() {
  const tv = await tvBrowser.newIsolatedPage();
  problems.push({ device: 'tv', list: await watchPageProblems(tv) });
  await tv.send('Page.navigate', { url: `${base}?tv=1#/login` });
  await tv.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  const panel = inScreen('mp-login-screen', 'mp-device-code');
  const qr = `(${panel} && ${panel}.shadowRoot.querySelector('svg[data-qr]'))`;
  await tv.waitFor(qr, { timeout: 20000 });
  const userCode = await tv.evaluate(`${panel}.getAttribute('user-code')`);
  const qrUrl = await tv.evaluate(`${qr}.getAttribute('data-qr')`);
  return { tv, userCode, qrUrl };
}

/** A phone of its own: 390x844, touch, a phone's user agent, optionally set to English. */
async function newPhone(userAgent, { english = false } = {}) {
  const phone = await phoneBrowser.newIsolatedPage();
  problems.push({ device: 'phone', list: await watchPageProblems(phone) });
  await phone.send('Emulation.setUserAgentOverride', { userAgent });
  await phone.send('Emulation.setDeviceMetricsOverride', {
    width: 390,
    height: 844,
    deviceScaleFactor: 3,
    mobile: true,
  });
  await phone.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  // Every pointer the page sees, so the test can say it was touched and never clicked.
  await phone.send('Page.addScriptToEvaluateOnNewDocument', {
    source: `${english ? "localStorage.setItem('my-page.locale', 'en');" : ''}
      window.__pointerTypes = [];
      addEventListener('pointerdown', function (e) { window.__pointerTypes.push(e.pointerType); }, true);`,
  });
  // The answers the phone gets to its code lookups, so a test can wait for one to arrive.
  phone.lookups = [];
  phone.on(({ method, params }) => {
    if (method === 'Network.responseReceived' && params.response.url.endsWith('/api/auth/device/lookup')) {
      phone.lookups.push(params.response.status);
    }
  });
  await phone.send('Network.enable');
  return phone;
}

/** A finger on the middle of the element `expression` finds (scrolled to first, as a thumb would). */
async function tap(phone, expression) {
  await phone.waitFor(expression);
  const point = await phone.evaluate(`(() => {
    const el = ${expression};
    let r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight) { el.scrollIntoView({ block: 'center' }); r = el.getBoundingClientRect(); }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  const touch = { ...point, radiusX: 4, radiusY: 4, force: 1, id: 1 };
  await phone.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [touch] });
  await phone.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Taps a field and types into it as the phone's keyboard does (over what it holds, with `replace`). */
async function type(phone, expression, text, { replace = false } = {}) {
  await tap(phone, expression);
  await phone.waitFor(`(() => { const el = ${expression}; return el.getRootNode().activeElement === el; })()`);
  if (replace) await phone.evaluate(`(${expression}).select()`);
  await phone.send('Input.insertText', { text });
}

const activate = (selector) => inScreen('mp-activate-screen', selector);
const login = (selector) => inScreen('mp-login-screen', selector);
const text = (expression) => `(() => { const el = ${expression}; return el ? el.textContent.trim() : ''; })()`;

/** The phone opens the QR's URL, has no session, logs in, and is back on #/activate with the code. */
async function scanAndLogIn(phone, qrUrl, account) {
  await phone.send('Page.navigate', { url: qrUrl });
  await phone.waitFor(`${app} && ${app}.getAttribute('state') === 'signed-out'`);
  await phone.waitFor(`${app}.shadowRoot.querySelector('.login-first')`);
  await type(phone, login('input[name=loginId]'), account.loginId);
  await type(phone, login('input[name=password]'), PASSWORD);
  await tap(phone, login('button[type=submit]'));
  await phone.waitFor(`${app}.getAttribute('state') === 'ready' && ${activate('input[name=userCode]')}`);
  return phone.evaluate(`${activate('input[name=userCode]')}.value`);
}

/** Taps Next on the prefilled code and waits for the question; answers its words. */
async function lookUp(phone) {
  await tap(phone, activate('button.lookup'));
  await phone.waitFor(activate('button.approve'));
  return {
    question: await phone.evaluate(text(activate('.question'))),
    deviceName: await phone.evaluate(text(activate('.device-name'))),
    focused: await phone.evaluate(`${screen('mp-activate-screen')}.shadowRoot.activeElement.className`),
  };
}

/**
 * Scans the TV's whole page (text, attributes, values, through shadow roots)
 * every frame and keeps what of `candidates` it ever saw; `stop` answers that
 * and how many frames it scanned (so a scan that never ran cannot pass).
 */
async function watchForLeaks(tv, candidates) {
  await tv.evaluate(`(() => {
    const candidates = ${JSON.stringify(candidates)};
    const watch = { seen: [], frames: 0, running: true };
    window.__leakWatch = watch;
    const strings = (node, out) => {
      if (node.nodeType === 3) { out.push(node.data); return out; }
      if (node.nodeType === 1) {
        for (const a of Array.from(node.attributes)) out.push(a.value);
        if ('value' in node && typeof node.value === 'string') out.push(node.value);
        if (node.shadowRoot) strings(node.shadowRoot, out);
      }
      for (const child of Array.from(node.childNodes)) strings(child, out);
      return out;
    };
    const scan = () => {
      const all = strings(document, []).join('\\n');
      for (const c of candidates) if (all.includes(c) && !watch.seen.includes(c)) watch.seen.push(c);
      watch.frames++;
      if (watch.running) requestAnimationFrame(scan);
    };
    scan();
    return true;
  })()`);
  return async () => {
    const watch = await tv.evaluate(`(() => { const w = window.__leakWatch; w.running = false; return w; })()`);
    return { seen: watch.seen, frames: watch.frames };
  };
}

const question = login('[role=alertdialog]');

/** The TV's account question as it reads (the TV waits on its own poll, every 5 s). */
function tvQuestion(tv) {
  return tv.waitFor(text(question), { timeout: 20000 });
}

/** Yes by the remote; answers the login id the TV is then signed in as. */
async function yesByRemote(tv) {
  await focusOn(tv, 'device-yes');
  await remote(tv, 13, 'Enter');
  await tv.waitFor(`${app}.getAttribute('state') === 'ready'`);
  return tv.evaluate(`${app}.identity.snapshot.loginId`);
}

/** The TV's contract screen after a reload (through the guard): its plan and its card. */
async function contractOn(tv, tag) {
  // A new query, not only a new hash: Chromium 64 never answers Page.navigate within the document.
  await tv.send('Page.navigate', { url: `${base}?tv=1&${tag}=1#/contract` });
  const plan = inScreen('mp-contract-screen', '.plan');
  await tv.waitFor(`${app} && ${plan} && ${plan}.textContent.trim()`);
  return tv.evaluate(text(screen('mp-contract-screen') + '.shadowRoot'));
}

let firstPhone;

test('a phone approves the TV from its QR code: login first, the question, Approve; Yes on the TV', async () => {
  const { tv, userCode, qrUrl } = await newTv();
  assert.match(userCode, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
  assert.equal(qrUrl, `${base}#/activate?code=${userCode.replace('-', '')}`);
  const leaks = await watchForLeaks(tv, [...accountStrings(TARO, '123'), ...accountStrings(HANAKO)]);

  const phone = await newPhone(IPHONE, { english: true });
  firstPhone = phone;
  assert.equal(await scanAndLogIn(phone, qrUrl, TARO), userCode.replace('-', ''));
  assert.match(await phone.evaluate('location.hash'), new RegExp(`^#/activate\\?code=${userCode.replace('-', '')}$`));
  const asked = await lookUp(phone);
  assert.equal(asked.question, `Does your TV show ${userCode}?`);
  assert.equal(asked.deviceName, 'TV');
  assert.equal(asked.focused, 'deny', 'focus lands on Decline, never on Approve');
  await tap(phone, activate('button.approve'));
  await phone.waitFor(activate('[data-outcome=approved]'));

  const words = await tvQuestion(tv);
  assert.match(words, /ta\*\*\*@example\.jp としてログインしました。お客様のアカウントですか？/);
  assert.match(words, /iPhone \(Safari\)/, 'the TV says where it was approved');
  assert.equal(await tv.evaluate(`${app}.getAttribute('state')`), 'signed-out');
  const beforeYes = await leaks();
  assert.ok(beforeYes.frames > 5, `the leak scan ran (${beforeYes.frames} frames)`);
  assert.deepEqual(beforeYes.seen, [], 'nothing of any account on the TV before Yes');

  assert.equal(await yesByRemote(tv), TARO.loginId);
  const contract = await contractOn(tv, 'reloaded');
  assert.match(contract, /プレミアム/);
  assert.match(contract, /下3桁 123/, 'the strings the scan looked for do show once the account is adopted');
  const others = await watchForLeaks(tv, accountStrings(HANAKO));
  assert.deepEqual((await others()).seen, [], "the phone's account only");
  assert.deepEqual(
    [...new Set(await phone.evaluate('window.__pointerTypes'))],
    ['touch'],
    'the phone was only touched',
  );
});

test('two TVs and two phones approving at the same moment: each TV is its own phone’s account', async () => {
  const [one, two] = await Promise.all([newTv(), newTv()]);
  assert.notEqual(one.userCode, two.userCode);
  const [taroPhone, hanakoPhone] = await Promise.all([newPhone(IPHONE), newPhone(ANDROID)]);
  await Promise.all([scanAndLogIn(taroPhone, one.qrUrl, TARO), scanAndLogIn(hanakoPhone, two.qrUrl, HANAKO)]);
  const asked = await Promise.all([lookUp(taroPhone), lookUp(hanakoPhone)]);
  assert.deepEqual(
    asked.map((a) => a.question),
    [one, two].map((tv) => `テレビに ${tv.userCode} と表示されていますか？`),
  );
  await Promise.all([tap(taroPhone, activate('button.approve')), tap(hanakoPhone, activate('button.approve'))]);
  await Promise.all([
    taroPhone.waitFor(activate('[data-outcome=approved]')),
    hanakoPhone.waitFor(activate('[data-outcome=approved]')),
  ]);

  const words = await Promise.all([tvQuestion(one.tv), tvQuestion(two.tv)]);
  assert.match(words[0], /ta\*\*\*@example\.jp/);
  assert.match(words[0], /iPhone \(Safari\)/);
  assert.match(words[1], /ha\*\*\*@example\.jp/);
  assert.match(words[1], /Android \(Chrome\)/);
  assert.deepEqual(await Promise.all([yesByRemote(one.tv), yesByRemote(two.tv)]), [TARO.loginId, HANAKO.loginId]);
  const contracts = await Promise.all([contractOn(one.tv, 'both'), contractOn(two.tv, 'both')]);
  assert.match(contracts[0], /プレミアム/);
  assert.doesNotMatch(contracts[0], /スタンダード/);
  assert.match(contracts[1], /スタンダード/);
  assert.doesNotMatch(contracts[1], /プレミアム/);
});

test('a code the TV does not show, and one that expired: the phone says so, nothing is approved', async () => {
  const phone = firstPhone;
  assert.ok(phone, 'the first test left its phone signed in');
  await tap(phone, activate('button.other-code'));
  const { tv, userCode } = await newTv();
  // A well-formed code that no TV shows (the one on screen with its groups swapped).
  const wrong = `${userCode.slice(5)}${userCode.slice(0, 4)}`;
  await type(phone, activate('input[name=userCode]'), wrong);
  await tap(phone, activate('button.lookup'));
  const problem = activate('[data-problem=wrong-code]');
  await phone.waitFor(problem);
  assert.deepEqual(phone.lookups.slice(-1), [404]);
  assert.match(await phone.evaluate(text(problem)), /^This code was not found\. Check the code on your TV/);

  // The TV's code runs out on the mock's clock: the phone finds it no more, and the TV says expired.
  const clock = await fetch(`${base}__mock/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: 601_000 }),
  });
  assert.equal(clock.status, 200);
  const lookups = phone.lookups.length;
  await type(phone, activate('input[name=userCode]'), userCode, { replace: true });
  assert.equal(await phone.evaluate(`${activate('input[name=userCode]')}.value`), userCode);
  await tap(phone, activate('button.lookup'));
  await until(() => phone.lookups.length > lookups, 'the second lookup never got an answer');
  assert.deepEqual(phone.lookups.slice(lookups), [404]);
  await phone.waitFor(problem);
  assert.equal(await phone.evaluate(`!!${activate('button.approve')}`), false, 'no question, no Approve');
  await tv.waitFor(login('[data-device-end=expired]'), { timeout: 20000 });
  await focusOn(tv, 'device-new-code');
  assert.equal(await tv.evaluate(`${app}.getAttribute('state')`), 'signed-out');
  for (const { device, list } of problems) assert.deepEqual(list, [], `${device}: no script or CSP problem`);
});
