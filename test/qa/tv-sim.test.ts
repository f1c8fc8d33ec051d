/**
 * The TV simulator (tv-sim.html): keyboard keys become the remote's key
 * codes where the app listens, originals cancelled; the frame is a TV's CSS
 * pixel size, scaled to fit, with the 5% overscan-safe area outlined.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { TvKeyMapper, type KeyReport } from '../../src/qa/tv-sim/tv-key-mapper.js';
import { frameUrl, readSettings, writeSettings, type Platform } from '../../src/qa/tv-sim/sim-settings.js';
import { describeReport } from '../../src/qa/tv-sim/tv-sim-page.js';
import type { TvSimFrame } from '../../src/qa/tv-sim/tv-sim-frame.js';
import '../../src/qa/tv-sim/tv-sim-frame.js';

let platform: Platform = 'tizen';
let reports: KeyReport[] = [];
const mapper = new TvKeyMapper({ platform: () => platform, onKey: (report) => reports.push(report) });
const cleanups: (() => void)[] = [];

/** A key event as a string: chai never sees an event or an element. */
function describeKey(event: KeyboardEvent): string {
  return `${event.type} ${event.keyCode} ${event.key}${event.isTrusted ? '' : ' synthetic'}`;
}

/** A button (and a text field) inside an open shadow root, recording the key events that reach them. */
async function mountShadowControls(): Promise<{ button: HTMLButtonElement; input: HTMLInputElement; seen: string[] }> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  render(html`<button>OK</button><input name="q" value="abc" />`, root);
  const seen: string[] = [];
  for (const type of ['keydown', 'keyup']) {
    root.addEventListener(type, (event) => seen.push(describeKey(event as KeyboardEvent)));
  }
  const button = root.querySelector('button')!;
  button.focus();
  return { button, input: root.querySelector('input')!, seen };
}

/** Records the original events as the page's first window listener sees them. */
function recordOriginals(): KeyboardEvent[] {
  const originals: KeyboardEvent[] = [];
  const listener = (event: Event) => {
    if (event.isTrusted) originals.push(event as KeyboardEvent);
  };
  window.addEventListener('keydown', listener, true);
  cleanups.push(() => window.removeEventListener('keydown', listener, true));
  return originals;
}

beforeEach(() => {
  platform = 'tizen';
  reports = [];
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  fixtureCleanup();
});

describe('tv-sim key mapper', () => {
  it('turns F1-F4 into the colour keys 403-406 at the element focused inside a shadow root, originals cancelled', async () => {
    const originals = recordOriginals();
    cleanups.push(mapper.attach(window));
    const { seen } = await mountShadowControls();
    await sendKeys({ press: 'F1' });
    await sendKeys({ press: 'F2' });
    await sendKeys({ press: 'F3' });
    await sendKeys({ press: 'F4' });
    expect(seen.join(' | ')).to.equal(
      [
        'keydown 403 ColorF0Red synthetic',
        'keyup 403 ColorF0Red synthetic',
        'keydown 404 ColorF1Green synthetic',
        'keyup 404 ColorF1Green synthetic',
        'keydown 405 ColorF2Yellow synthetic',
        'keyup 405 ColorF2Yellow synthetic',
        'keydown 406 ColorF3Blue synthetic',
        'keyup 406 ColorF3Blue synthetic',
      ].join(' | '),
    );
    expect(originals.map((event) => `${event.key} ${event.defaultPrevented}`).join(', ')).to.equal(
      'F1 true, F2 true, F3 true, F4 true',
    );
    expect(describeReport(reports.find((report) => report.type === 'keydown') ?? null)).to.equal(
      'F1 (112) → red (403, ColorF0Red)',
    );
  });

  it('sends Escape and Backspace as Back: 10009 on Tizen, 461 on webOS', async () => {
    cleanups.push(mapper.attach(window));
    const { seen } = await mountShadowControls();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Backspace' });
    platform = 'webos';
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Backspace' });
    expect(seen.filter((line) => line.startsWith('keydown')).join(' | ')).to.equal(
      'keydown 10009 XF86Back synthetic | keydown 10009 XF86Back synthetic | keydown 461 GoBack synthetic | keydown 461 GoBack synthetic',
    );
  });

  it('lets arrows, Enter and digits through untouched, and Backspace while typing', async () => {
    const originals = recordOriginals();
    cleanups.push(mapper.attach(window));
    const { input, seen } = await mountShadowControls();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: '5' });
    input.focus();
    input.setSelectionRange(3, 3);
    await sendKeys({ press: 'Backspace' });
    expect(seen.filter((line) => line.startsWith('keydown')).join(' | ')).to.equal(
      'keydown 40 ArrowDown | keydown 53 5 | keydown 8 Backspace',
    );
    expect(originals.some((event) => event.defaultPrevented)).to.equal(false);
    expect(input.value).to.equal('ab');
    expect(describeReport(reports.find((report) => report.type === 'keydown') ?? null)).to.equal(
      'ArrowDown (40) → as is',
    );
  });

  it('never sends Back twice when a page listener already took Escape', async () => {
    // As if the app had registered its window listener before the mapper.
    const early = (event: KeyboardEvent) => {
      if (event.key === 'Escape') event.preventDefault();
    };
    window.addEventListener('keydown', early, true);
    cleanups.push(() => window.removeEventListener('keydown', early, true));
    cleanups.push(mapper.attach(window));
    const { seen } = await mountShadowControls();
    await sendKeys({ press: 'Escape' });
    expect(seen.filter((line) => line.startsWith('keydown')).join(' | ')).to.equal('');
    expect(reports[0]?.problem).to.equal('late');
  });
});

describe('tv-sim settings', () => {
  it('reads its own settings from its URL, with defaults for anything missing or unknown', () => {
    expect(JSON.stringify(readSettings(''))).to.equal('{"res":"1080","platform":"tizen","safeArea":true}');
    expect(JSON.stringify(readSettings('?res=720&platform=webos&safe=0'))).to.equal(
      '{"res":"720","platform":"webos","safeArea":false}',
    );
    expect(JSON.stringify(readSettings('?res=4k&platform=roku'))).to.equal(
      '{"res":"1080","platform":"tizen","safeArea":true}',
    );
    expect(writeSettings('?scenario=slow', { res: '720', platform: 'webos', safeArea: false })).to.equal(
      '?scenario=slow&res=720&platform=webos&safe=0',
    );
  });

  it('frames the app beside it in its TV profile, with the app parameters and the hash passed on', () => {
    expect(
      frameUrl(
        'http://tv.test/tv-sim.html?res=720&platform=webos&safe=0&scenario=foreign-account&endpoint=contract&latency=800&lang=en&qa=1&tv=0#/contract',
      ),
    ).to.equal('http://tv.test/?tv=1&scenario=foreign-account&endpoint=contract&latency=800&lang=en&qa=1#/contract');
    expect(frameUrl('http://tv.test/sub/tv-sim.html')).to.equal('http://tv.test/sub/?tv=1');
  });
});

/**
 * A page shaped like index.html (test/fixtures/tv-sim-app.html): a classic
 * script first, then a module that registers a window capture keydown
 * listener as the app's FocusEngine does, and focuses a button inside an open
 * shadow root. A served file, so it runs under the suite's CSP as the app does.
 */
const FIXTURE_PAGE = new URL('/test/fixtures/tv-sim-app.html', location.href).href;

async function mountFrame(): Promise<TvSimFrame> {
  const box = await fixture<HTMLElement>(html`
    <div style="display:flex;width:960px;height:600px">
      <tv-sim-frame
        style="flex:1"
        .src=${FIXTURE_PAGE}
        @tv-frame-window=${(event: CustomEvent<Window>) => cleanups.push(mapper.attach(event.detail))}
      ></tv-sim-frame>
    </div>
  `);
  const sim = box.querySelector('tv-sim-frame')!;
  await waitUntil(
    () => sim.frame?.contentDocument?.readyState === 'complete' && sim.frame.contentDocument.URL === FIXTURE_PAGE,
    'frame not loaded',
  );
  return sim;
}

function box(element: Element, origin: DOMRect): string {
  const rect = element.getBoundingClientRect();
  return [rect.left - origin.left, rect.top - origin.top, rect.width, rect.height].map((n) => Math.round(n)).join(' ');
}

describe('tv-sim frame', () => {
  it('is the TV size in CSS pixels, scaled to fit, with the safe area 5% in from each edge', async () => {
    const sim = await mountFrame();
    const frame = sim.frame!;
    await waitUntil(() => sim.scale === 0.5, `scale ${sim.scale}`);
    await sim.updateComplete;
    const win = frame.contentWindow!;
    expect(`${win.innerWidth}x${win.innerHeight}`).to.equal('1920x1080');
    const origin = frame.getBoundingClientRect();
    expect(box(frame, origin)).to.equal('0 0 960 540');
    const safe = sim.shadowRoot!.querySelector('.safe')!;
    // 96 x 54 px at 1080p, halved on screen.
    expect(box(safe, origin)).to.equal('48 27 864 486');
    expect(getComputedStyle(safe).pointerEvents).to.equal('none');

    sim.width = 1280;
    sim.height = 720;
    await waitUntil(() => sim.scale === 0.75, `scale ${sim.scale}`);
    await sim.updateComplete;
    expect(`${win.innerWidth}x${win.innerHeight}`).to.equal('1280x720');
    expect(box(safe, frame.getBoundingClientRect())).to.equal('48 27 864 486');

    sim.safeArea = false;
    await sim.updateComplete;
    expect(getComputedStyle(safe).display).to.equal('none');
  });

  it("maps keys inside the framed page before the app's document listener sees them, though the page registered it first", async () => {
    const sim = await mountFrame();
    const win = sim.frame!.contentWindow as Window & { seen?: string[] };
    await waitUntil(
      () => win.seen !== undefined && win.document.querySelector('#host')?.shadowRoot,
      'fixture did not run',
    );
    sim.focusFrame();
    await sendKeys({ press: 'F1' });
    platform = 'webos';
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'ArrowDown' });
    // Pressed on the simulator's own page (its toolbar), sent on to the frame.
    const onPage = new KeyboardEvent('keydown', { key: 'F4', cancelable: true });
    expect(mapper.forward(onPage, win)).to.equal(true);
    expect(win.seen!.join(' | ')).to.equal(
      '403 ColorF0Red synthetic | 461 GoBack synthetic | 40 ArrowDown | 406 ColorF3Blue synthetic',
    );
    expect(onPage.defaultPrevented).to.equal(true);
  });
});
