/**
 * The one focus trap of every dialog (confirmations, the QA panel, any new
 * one): while the dialog is in the DOM, the remote's arrows (the engine, told
 * by `nav-trap`), Tab and Shift+Tab (here) all keep focus inside it; Back
 * sends it `nav-dismiss`; when it leaves the DOM, focus returns to its opener.
 *
 * Tab order is the dialog's flat tree as the customer sees it (shadow roots
 * entered, slots followed: `collectNavigable`), so slotted fields and the
 * dialog's own buttons form one cycle: the model is Shoelace/Web Awesome's
 * `internal/modal.ts` with its `tabbable.ts` walk. Nested dialogs: only the
 * innermost one (the last trapped) handles Tab.
 */
import { collectNavigable, composedContains, deepActiveElement } from './dom.js';

const traps: HTMLElement[] = [];

/**
 * Reachable by Tab: in the walk, focusable by key (not `tabindex=-1`), and
 * rendered; of a radio group only its checked radio (else its first), as the
 * browser does: arrows choose within the group.
 */
export function tabbableIn(container: HTMLElement): HTMLElement[] {
  const shown = collectNavigable(container).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
  const radio = (el: HTMLElement): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'radio';
  return shown.filter((el) => {
    if (!radio(el) || !el.name) return true;
    const group = shown.filter((other) => radio(other) && other.name === el.name && other.form === el.form);
    return el === (group.find((other) => (other as HTMLInputElement).checked) ?? group[0]);
  });
}

function innermost(): HTMLElement | undefined {
  while (traps.length && !traps[traps.length - 1]!.isConnected) traps.pop();
  return traps[traps.length - 1];
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const dialog = innermost();
  if (!dialog) {
    document.removeEventListener('keydown', onKeyDown, true);
    return;
  }
  const order = tabbableIn(dialog);
  event.preventDefault();
  if (!order.length) return;
  const active = deepActiveElement();
  const index = active && composedContains(dialog, active) ? order.indexOf(active) : -1;
  const next =
    index < 0
      ? event.shiftKey
        ? order.length - 1
        : 0
      : (index + (event.shiftKey ? -1 : 1) + order.length) % order.length;
  order[next]!.focus();
}

/**
 * Called by a dialog as it opens (its `firstUpdated`, with the element that
 * holds its content): traps focus in it until it leaves the DOM. A dialog
 * closes by being removed (the engine and this trap both let go then).
 */
export function trapFocus(dialog: HTMLElement): void {
  if (!innermost()) document.addEventListener('keydown', onKeyDown, true);
  traps.push(dialog);
  dialog.dispatchEvent(new CustomEvent('nav-trap', { detail: dialog, bubbles: true, composed: true }));
}
