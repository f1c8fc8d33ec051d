/**
 * The one focus trap (src/navigation/focus-trap.ts), with real keys: arrows,
 * Tab and Shift+Tab keep focus inside a dialog whose fields are slotted into
 * its shadow root, in the order the customer sees them, and let go when the
 * dialog leaves the DOM.
 */
import { needsHeldKeys } from '../support/engine.js';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { FocusEngine } from '../../src/navigation/focus-engine.js';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { tabbableIn, trapFocus } from '../../src/navigation/focus-trap.js';
import { sendKeys } from '@web/test-runner-commands';
import { nextFrame, press } from '../support/keys.js';

/** A dialog like mp-confirm-dialog: a heading and a slot for fields, its own buttons after them. */
class TrapTestDialog extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    const heading = document.createElement('h2');
    heading.textContent = 'Confirm';
    const cancel = Object.assign(document.createElement('button'), { textContent: 'cancel' });
    const confirm = Object.assign(document.createElement('button'), { textContent: 'confirm' });
    dialog.append(heading, document.createElement('slot'), cancel, confirm);
    root.append(dialog);
  }

  get dialog(): HTMLElement {
    return this.shadowRoot!.querySelector('[role=dialog]')!;
  }
}
customElements.define('trap-test-dialog', TrapTestDialog);

let engine: FocusEngine | null = null;

function focusedName(): string | null {
  const active = deepActiveElement();
  return active?.getAttribute('aria-label') || active?.textContent?.trim() || null;
}

async function openDialog(): Promise<{ root: HTMLElement; host: TrapTestDialog }> {
  const root = await fixture<HTMLElement>(
    html`<div>
      <button aria-label="outside-before">before</button>
      <trap-test-dialog>
        <input aria-label="note" />
        <label><input type="radio" name="why" aria-label="why-a" />a</label>
        <label><input type="radio" name="why" aria-label="why-b" checked />b</label>
        <button aria-label="hidden" style="display:none">hidden</button>
        <span tabindex="-1" aria-label="by-script-only">x</span>
      </trap-test-dialog>
      <button aria-label="outside-after">after</button>
    </div>`,
  );
  engine = new FocusEngine({ root, host: root, onBack: () => undefined });
  engine.connect();
  root.querySelector<HTMLElement>('[aria-label=outside-before]')!.focus();
  const host = root.querySelector<TrapTestDialog>('trap-test-dialog')!;
  trapFocus(host.dialog);
  return { root, host };
}

afterEach(() => {
  engine?.disconnect();
  engine = null;
  fixtureCleanup();
});

describe('focus trap', () => {
  it('Tab and Shift+Tab cycle through the slotted fields and the dialog buttons, never leaving', async function () {
    // Shift held down: WebKitGTK's WebDriver here only types and presses.
    needsHeldKeys(this);
    const { host } = await openDialog();
    expect(tabbableIn(host.dialog).map((el) => el.getAttribute('aria-label') ?? el.textContent)).to.deep.equal([
      'note',
      'why-b',
      'cancel',
      'confirm',
    ]);
    expect(focusedName()).to.equal('note');
    const seen: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      await press('Tab');
      seen.push(focusedName());
    }
    expect(seen).to.deep.equal(['why-b', 'cancel', 'confirm', 'note', 'why-b']);
    const back: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      back.push(focusedName());
    }
    expect(back).to.deep.equal(['note', 'confirm', 'cancel']);
  });

  it('arrows stay inside the same dialog', async () => {
    await openDialog();
    const seen = new Set<string | null>();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowUp']) {
      await press(key);
      seen.add(focusedName());
    }
    for (const name of seen) expect(['note', 'why-a', 'why-b', 'cancel', 'confirm']).to.include(name);
    expect(seen.size).to.be.greaterThan(1);
  });

  it('lets go when the dialog leaves the DOM: focus back on the opener, Tab the browser’s again', async () => {
    const { host } = await openDialog();
    expect(focusedName()).to.equal('note');
    host.remove();
    engine!.repair();
    expect(focusedName()).to.equal('outside-before');
    await press('Tab');
    expect(focusedName()).to.equal('outside-after');
    await nextFrame();
  });
});
