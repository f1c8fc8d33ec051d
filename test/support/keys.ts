/** Real key events: `sendKeys` for named keys, CDP for TV remote key codes. */
import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { waitForElement } from './app-harness.js';
import { engine } from './engine.js';

export const TV = {
  tizenBack: { keyCode: 10009, key: 'XF86Back' },
  webosBack: { keyCode: 461, key: 'GoBack' },
  fireTvBack: { keyCode: 4, key: '' },
  red: { keyCode: 403, key: 'ColorF0Red' },
  green: { keyCode: 404, key: 'ColorF1Green' },
  yellow: { keyCode: 405, key: 'ColorF2Yellow' },
  blue: { keyCode: 406, key: 'ColorF3Blue' },
  play: { keyCode: 415, key: 'MediaPlay' },
  ok: { keyCode: 13, key: 'Enter', code: 'Enter' },
  down: { keyCode: 40, key: 'ArrowDown', code: 'ArrowDown' },
  up: { keyCode: 38, key: 'ArrowUp', code: 'ArrowUp' },
  right: { keyCode: 39, key: 'ArrowRight', code: 'ArrowRight' },
  left: { keyCode: 37, key: 'ArrowLeft', code: 'ArrowLeft' },
} as const;

export interface TvKey {
  readonly keyCode: number;
  readonly key?: string;
  readonly code?: string;
}

/** One press of a remote key, or a held key with `repeat` auto-repeats `gapMs` apart. */
export async function tvKey(key: TvKey, options: { repeat?: number; gapMs?: number } = {}): Promise<void> {
  await executeServerCommand('tv-key', { ...key, ...options });
}

/**
 * `count` separate presses (key down, key up) of a remote key, all sent
 * before any is waited for: taps faster than the page can answer them.
 */
export async function tapKeys(key: TvKey, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => tvKey(key)));
}

export async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/**
 * A short, stable description of an element for assertions. Never hand DOM
 * elements to chai: a failing comparison of two Lit elements serializes their
 * internals and crashes the test page.
 */
export function describeElement(element: Element | null): string {
  if (!element) return '(nothing)';
  const key =
    element.getAttribute('data-nav-key') ?? element.getAttribute('data-route') ?? element.getAttribute('name');
  return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}${key ? `[${key}]` : ''}`;
}

/** True for a list row or a control inside one (rows with actions focus their button). */
export function inRow(element: Element | null | undefined): boolean {
  return !!element && (element.tagName === 'LI' || element.closest('li') !== null);
}

/**
 * Walks focus to `target` with arrow keys only, choosing the arrow a person
 * would: straight down/up to something below/above, sideways to something
 * beside, else along the larger distance.
 */
export async function arrowTo(target: Element, maxSteps = 80): Promise<void> {
  for (let step = 0; step < maxSteps && deepActiveElement() !== target; step++) {
    const from = deepActiveElement()!.getBoundingClientRect();
    const to = target.getBoundingClientRect();
    const dy = to.top + to.height / 2 - (from.top + from.height / 2);
    const dx = to.left + to.width / 2 - (from.left + from.width / 2);
    const besideX = to.left < from.right && to.right > from.left;
    const besideY = to.top < from.bottom && to.bottom > from.top;
    const vertical = besideX && !besideY ? true : besideY && !besideX ? false : Math.abs(dy) > Math.abs(dx);
    await press(vertical ? (dy > 0 ? 'ArrowDown' : 'ArrowUp') : dx > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  expect(describeElement(deepActiveElement())).to.equal(describeElement(target));
}

/**
 * Waits until `scroller` has reached where the engine's last scroll heads
 * (the host's `data-nav-scroll-to`, clamped to the scroll range). Comparing
 * two reads of a box is not enough: a smooth scroll that has not started yet
 * also reads the same twice.
 */
export async function scrollSettled(host: HTMLElement, scroller: Element = document.scrollingElement!): Promise<void> {
  const goal = (): number => {
    const to = Number(host.dataset.navScrollTo ?? scroller.scrollTop);
    return Math.max(0, Math.min(scroller.scrollHeight - scroller.clientHeight, to));
  };
  // WebKit restarts a smooth scroll that a newer one interrupts and may end a
  // little off the goal: there, a scroll that has stood still for 30 polls in
  // a row (about half a second) has ended too; the caller then checks what is visible.
  let still = 0;
  let last = scroller.scrollTop;
  await waitUntil(
    () => {
      still = scroller.scrollTop === last ? still + 1 : 0;
      last = scroller.scrollTop;
      return Math.abs(scroller.scrollTop - goal()) < 1 || (engine === 'webkit' && still >= 30);
    },
    `scrollTop never reached ${goal()}`,
    { timeout: 5000, interval: 16 },
  );
}

/** Waits until the focused element (through shadow roots) matches a selector or a predicate. */
export async function waitForFocus(
  match: string | ((element: HTMLElement) => boolean),
  message = `focus not on ${String(match)}`,
): Promise<HTMLElement> {
  const test = typeof match === 'string' ? (element: HTMLElement) => element.matches(match) : match;
  return waitForElement(() => {
    const active = deepActiveElement();
    return active && test(active) ? active : null;
  }, message);
}
