/**
 * The engine on tricky layouts, driven by real key events: nested shadow
 * roots, scrolled containers, containers with memory, dialogs, removal, held
 * keys, text fields and the pointer.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { FocusEngine } from '../../src/navigation/focus-engine.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { trapFocus } from '../../src/navigation/focus-trap.js';
import { isTvDevice } from '../../src/app/device-profile.js';
import { TV, describeElement, nextFrame, press, scrollSettled, tvKey } from '../support/keys.js';
import { needsHeldKeys, needsRawKeyCodes, sendsRawKeyCodes } from '../support/engine.js';

/** A card whose button lives two shadow roots deep, like a Lit element in a Lit list. */
class DeepCard extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const inner = document.createElement('deep-card-inner');
    inner.setAttribute('label', this.getAttribute('label') ?? '');
    this.attachShadow({ mode: 'open' }).append(inner);
  }
}
class DeepCardInner extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const button = document.createElement('button');
    button.textContent = this.getAttribute('label');
    button.style.cssText = 'width:100%;height:100%';
    this.attachShadow({ mode: 'open' }).append(button);
  }
}
customElements.define('deep-card', DeepCard);
customElements.define('deep-card-inner', DeepCardInner);

let engine: FocusEngine | null = null;
let backs = 0;

async function mount(template: ReturnType<typeof html>): Promise<HTMLElement> {
  const root = await fixture<HTMLElement>(html`<div style="position:relative">${template}</div>`);
  backs = 0;
  engine = new FocusEngine({ root, host: root, onBack: () => backs++, hoverFocuses: isTvDevice() });
  engine.connect();
  return root;
}

function focusedLabel(): string | null {
  const active = deepActiveElement();
  return active?.textContent?.trim() || active?.getAttribute('aria-label') || active?.id || null;
}

/** mount() reads the device profile for the engine, as the app does, so set it before. */
function withTvProfile(tv: boolean): void {
  const search = new URLSearchParams(location.search);
  search.set('tv', tv ? '1' : '0');
  history.replaceState(null, '', `${location.pathname}?${search}`);
}

async function hover(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  // Two moves: the engine ignores zero-movement mousemoves.
  await sendMouse({ type: 'move', position: [Math.round(box.left + 5), Math.round(box.top + 5)] });
  await sendMouse({ type: 'move', position: [Math.round(box.left + 15), Math.round(box.top + 15)] });
}

afterEach(async () => {
  withTvProfile(false);
  engine?.disconnect();
  engine = null;
  fixtureCleanup();
  await resetMouse();
});

const cell = 'display:inline-block;width:120px;height:60px;margin:8px;vertical-align:top';

describe('focus engine', () => {
  it('moves through a grid of buttons two shadow roots deep', async () => {
    await mount(
      html`<div style="width:420px">
        ${['a', 'b', 'c', 'd', 'e', 'f'].map((l) => html`<deep-card label=${l} style=${cell}></deep-card>`)}
      </div>`,
    );
    expect(engine!.focusFirst()).to.equal(true);
    expect(focusedLabel()).to.equal('a');
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('b');
    await press('ArrowDown');
    expect(focusedLabel()).to.equal('e');
    await press('ArrowLeft', 'ArrowUp');
    expect(focusedLabel()).to.equal('a');
    // Nothing up there: focus stays, it is never lost.
    await press('ArrowUp');
    expect(focusedLabel()).to.equal('a');
  });

  it('leaves the window to a key shim registered after it: the shim sees every key first', async () => {
    await mount(
      html`<div style="width:420px">
        ${['a', 'b', 'c'].map((l) => html`<deep-card label=${l} style=${cell}></deep-card>`)}
      </div>`,
    );
    engine!.focusFirst();
    // As the TV simulator's key mapper does when it finds the frame's document late.
    const swallowed: string[] = [];
    const shim = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowRight') return;
      swallowed.push(event.key);
      event.stopImmediatePropagation();
      event.preventDefault();
    };
    addEventListener('keydown', shim, true);
    try {
      await press('ArrowRight');
      expect(swallowed).to.deep.equal(['ArrowRight']);
      expect(focusedLabel()).to.equal('a');
    } finally {
      removeEventListener('keydown', shim, true);
    }
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('b');
  });

  it('landing reads the boxes of the elements it tries only, not of every row', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => i);
    await mount(
      html`<button data-nav-secondary>back</button>
        <button style="width:0;height:0;padding:0;border:0" data-nav-default></button>
        <div>${rows.map((i) => html`<button style="display:block;height:30px">row ${i}</button>`)}</div>
        <button data-nav-default>default</button>`,
    );
    const read = Element.prototype.getBoundingClientRect;
    let reads = 0;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      reads++;
      return read.call(this);
    };
    try {
      expect(engine!.focusFirst()).to.equal(true);
    } finally {
      Element.prototype.getBoundingClientRect = read;
    }
    // data-nav-default first (the empty one is not shown), whatever comes before it in the tree.
    expect(focusedLabel()).to.equal('default');
    expect(reads, 'boxes read to land').to.be.at.most(5);
    await press('ArrowUp');
    expect(focusedLabel()).to.equal('row 299');
  });

  it('uneven rows and overlapping items follow the geometry', async () => {
    await mount(
      html`<div style="position:relative;width:700px;height:300px">
        <button style="position:absolute;left:0;top:0;width:300px;height:50px">wide-1</button>
        <button style="position:absolute;left:320px;top:0;width:300px;height:50px">wide-2</button>
        <button style="position:absolute;left:0;top:100px;width:180px;height:50px">n-1</button>
        <button style="position:absolute;left:200px;top:100px;width:180px;height:50px">n-2</button>
        <button style="position:absolute;left:400px;top:100px;width:180px;height:50px">n-3</button>
        <button style="position:absolute;left:150px;top:200px;width:200px;height:60px">under</button>
        <button style="position:absolute;left:300px;top:220px;width:200px;height:60px">over</button>
      </div>`,
    );
    engine!.focusFirst();
    await press('ArrowRight', 'ArrowDown');
    expect(focusedLabel()).to.equal('n-3');
    await press('ArrowLeft', 'ArrowUp');
    expect(focusedLabel()).to.equal('wide-1');
    await press('ArrowDown', 'ArrowDown');
    expect(focusedLabel()).to.equal('under');
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('over');
    await press('ArrowLeft');
    expect(focusedLabel()).to.equal('under');
  });

  it('scrolls a scrolled container so the focused row is fully visible', async () => {
    const root = await mount(
      html`<div data-nav-scroller style="height:200px;overflow:auto">
        ${Array.from({ length: 20 }, (_, i) => html`<button style="display:block;height:50px;width:200px">row-${i}</button>`)}
      </div>`,
    );
    const scroller = root.querySelector('[data-nav-scroller]') as HTMLElement;
    engine!.focusFirst();
    for (let i = 0; i < 8; i++) await press('ArrowDown');
    expect(focusedLabel()).to.equal('row-8');
    await scrollSettled(root, scroller);
    const row = deepActiveElement()!.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    expect(scroller.scrollTop).to.be.greaterThan(0);
    expect(row.top).to.be.at.least(view.top - 1);
    expect(row.bottom).to.be.at.most(view.bottom + 1);
  });

  it('containers remember their last focused element', async () => {
    await mount(
      html`<div style="display:flex;gap:40px">
        <div data-nav-container data-nav-enter="last" style="width:150px">
          ${['m1', 'm2', 'm3'].map((l) => html`<button style="display:block;height:50px;width:140px">${l}</button>`)}
        </div>
        <div data-nav-container data-nav-enter="last">
          ${['c1', 'c2', 'c3', 'c4'].map((l) => html`<button style="display:block;height:50px;width:200px">${l}</button>`)}
        </div>
      </div>`,
    );
    engine!.focusFirst();
    await press('ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowDown');
    expect(focusedLabel()).to.equal('c4');
    // Into the menu where it was left (m1), not beside c4 (m3).
    await press('ArrowLeft');
    expect(focusedLabel()).to.equal('m1');
    await press('ArrowDown');
    expect(focusedLabel()).to.equal('m2');
    // Back into the content at c4, not at the nearest c2.
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('c4');
  });

  it('a dialog traps focus, Back dismisses it, and focus returns to its opener', async () => {
    const root = await mount(html`<button>before</button><button id="opener">opener</button><button>after</button>`);
    (root.querySelector('#opener') as HTMLElement).focus();
    const dialog = document.createElement('div');
    render(html`<button>keep</button><button>cancel</button>`, dialog);
    let dismissed = 0;
    dialog.addEventListener('nav-dismiss', () => {
      dismissed++;
      dialog.remove();
    });
    root.append(dialog);
    trapFocus(dialog);
    expect(focusedLabel()).to.equal('keep');
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('cancel');
    await press('ArrowUp', 'ArrowLeft', 'ArrowLeft', 'ArrowUp');
    expect(['keep', 'cancel']).to.include(focusedLabel());
    if (sendsRawKeyCodes) await tvKey(TV.tizenBack);
    else await press('Escape');
    expect(dismissed).to.equal(1);
    expect(backs).to.equal(0);
    engine!.repair();
    expect(focusedLabel()).to.equal('opener');
  });

  it('when the focused element is removed, focus moves to the nearest one', async () => {
    const root = await mount(
      html`<div style="width:420px">
        ${['a', 'b', 'c', 'd', 'e', 'f'].map((l) => html`<button style=${cell}>${l}</button>`)}
      </div>`,
    );
    engine!.focusFirst();
    await press('ArrowRight', 'ArrowDown');
    expect(focusedLabel()).to.equal('e');
    deepActiveElement()!.remove();
    root.dispatchEvent(new Event('nav-updated', { bubbles: true, composed: true }));
    await nextFrame();
    expect(['d', 'f']).to.include(focusedLabel());
  });

  it('a held key moves at most once per repeat and stops when released: no backlog', async function () {
    needsHeldKeys(this);
    await mount(
      html`${Array.from({ length: 40 }, (_, i) => html`<button style="display:block;height:40px;width:200px">r${i}</button>`)}`,
    );
    engine!.focusFirst();
    // Each key event moves one row, or none when it comes before the last move's frame:
    // at 40 ms apart that is all ten on an idle machine, fewer on a busy one, never more.
    const row = (): number => Number(focusedLabel()!.slice(1));
    const steps: number[] = [];
    let previous = row();
    const record = (): void => {
      steps.push(row() - previous);
      previous = row();
    };
    // Beside the engine's, on the document and after it: it sees where each key took focus.
    document.addEventListener('keydown', record, true);
    await tvKey(TV.down, { repeat: 9, gapMs: 40 });
    document.removeEventListener('keydown', record, true);
    expect(steps.length).to.equal(10);
    expect(
      steps.filter((step) => step !== 0 && step !== 1),
      `steps ${steps.join(',')}`,
    ).to.deep.equal([]);
    expect(steps[0]).to.equal(1);
    expect(row()).to.equal(steps.filter((step) => step === 1).length);
    // A burst faster than the frame rate is coalesced: fewer moves, and none after release.
    const beforeBurst = row();
    await tvKey(TV.down, { repeat: 30 });
    const afterBurst = focusedLabel();
    expect(Number(afterBurst!.slice(1))).to.be.within(beforeBurst + 1, 40);
    // Moves happen in the keydown handler itself: a backlog would show within a few frames.
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(focusedLabel()).to.equal(afterBurst);
  });

  it('text fields: left/right move the caret, up/down leave, Backspace deletes, OK types first and submits after', async () => {
    let submitted = 0;
    const root = await mount(
      html`<form
        @submit=${(e: Event) => {
          e.preventDefault();
          submitted++;
        }}
      >
        <input name="a" value="abc" style="display:block;width:200px" />
        <input name="b" style="display:block;width:200px" />
        <button style="display:block">go</button>
      </form>`,
    );
    const [a, b] = [...root.querySelectorAll('input')];
    a!.focus();
    a!.setSelectionRange(3, 3);
    await press('ArrowLeft');
    expect(describeElement(deepActiveElement())).to.equal('input[a]');
    expect(a!.selectionStart).to.equal(2);
    await press('Backspace');
    expect(a!.value).to.equal('ac');
    expect(backs).to.equal(0);
    // At the caret's edge, left/right leave the field like any other arrow.
    await press('ArrowLeft');
    expect(a!.selectionStart).to.equal(0);
    expect(describeElement(deepActiveElement())).to.equal('input[a]');
    // Down to a field not typed in yet: OK starts typing there, it does not submit.
    await press('ArrowDown');
    expect(describeElement(deepActiveElement())).to.equal('input[b]');
    await tvKey(TV.ok);
    expect(submitted).to.equal(0);
    expect(describeElement(deepActiveElement())).to.equal('input[b]');
    // Once typing, OK is the keyboard's Enter.
    await tvKey(TV.ok);
    expect(submitted).to.equal(1);
    await press('ArrowDown');
    expect(focusedLabel()).to.equal('go');
    await press('ArrowUp');
    expect(describeElement(deepActiveElement())).to.equal('input[b]');
    expect(b!.value).to.equal('');
  });

  it('TV Back codes and Escape all mean Back; Backspace outside a field too; media keys do nothing', async function () {
    await mount(html`<button>x</button>`);
    engine!.focusFirst();
    await press('Escape', 'Backspace');
    expect(backs).to.equal(2);
    needsRawKeyCodes(this);
    for (const key of [TV.tizenBack, TV.webosBack, TV.fireTvBack]) await tvKey(key);
    expect(backs).to.equal(5);
    await tvKey(TV.play);
    expect(backs).to.equal(5);
    expect(focusedLabel()).to.equal('x');
  });

  it('colour and digit keys click the control that declares them', async () => {
    const clicks: string[] = [];
    await mount(html`
      <button data-color-key="yellow" @click=${() => clicks.push('yellow')}>more</button>
      <button data-digit-key="3" @click=${() => clicks.push('three')}>third</button>
    `);
    engine!.focusFirst();
    if (sendsRawKeyCodes) await tvKey(TV.yellow);
    await press('3');
    if (sendsRawKeyCodes) await tvKey(TV.blue);
    expect(clicks).to.deep.equal(sendsRawKeyCodes ? ['yellow', 'three'] : ['three']);
  });

  it('hovering focuses an item on a TV (Magic Remote), and the next arrow continues from there', async () => {
    withTvProfile(true);
    const root = await mount(
      html`<div style="width:420px">
        ${['a', 'b', 'c', 'd', 'e', 'f'].map((l) => html`<button style=${cell}>${l}</button>`)}
      </div>`,
    );
    engine!.focusFirst();
    const e = [...root.querySelectorAll('button')].find((b) => b.textContent === 'e')!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(e.left + 10), Math.round(e.top + 10)] });
    await sendMouse({ type: 'move', position: [Math.round(e.left + 20), Math.round(e.top + 20)] });
    expect(focusedLabel()).to.equal('e');
    await press('ArrowRight');
    expect(focusedLabel()).to.equal('f');
  });

  it('a desktop mouse hovering an item leaves focus where it was', async () => {
    withTvProfile(false);
    const root = await mount(
      html`<div style="width:420px">${['a', 'b', 'c'].map((l) => html`<button style=${cell}>${l}</button>`)}</div>`,
    );
    engine!.focusFirst();
    await hover([...root.querySelectorAll('button')].find((b) => b.textContent === 'c')!);
    await nextFrame();
    expect(focusedLabel()).to.equal('a');
  });

  for (const tv of [false, true]) {
    it(`hovering a button while typing keeps the field focused, Backspace edits and Enter clicks nothing (${tv ? 'TV' : 'desktop'})`, async () => {
      withTvProfile(tv);
      let clicks = 0;
      const root = await mount(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <input id="card" style=${cell} />
          <button type="button" style=${cell} @click=${() => clicks++}>logout</button>
        </form>`,
      );
      const field = root.querySelector('input')!;
      field.focus();
      await sendKeys({ type: '4242' });
      await hover(root.querySelector('button')!);
      await sendKeys({ type: '42' });
      await press('Backspace');
      await nextFrame();
      expect(describeElement(deepActiveElement())).to.equal('input');
      expect(field.value).to.equal('42424');
      expect(backs).to.equal(0);
      await press('Enter');
      expect(clicks).to.equal(0);
    });
  }
});
