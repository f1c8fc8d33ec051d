/**
 * Issue 13 item 6: the reasons in the cancel dialog are TV-sized choices,
 * readable from 3 m, chosen by remote; selected looks clearly unlike
 * unselected, and unlike focused.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deepActiveElement } from '../../src/navigation/dom.js';
import { TARO, inScreen, readyAppAs, resetAll, screenOf, waitForElement } from '../support/app-harness.js';
import { TV, arrowTo, describeElement, tvKey, waitForFocus } from '../support/keys.js';

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

describe('cancel dialog reasons on a TV', () => {
  it('1920x1080: big choices, picked with the remote, selected distinct from unselected and from focused', async () => {
    await setViewport({ width: 1920, height: 1080 });
    await resetAll();
    const app = await readyAppAs(TARO.loginId, '#/membership', { tv: true });
    const open = await waitForElement(
      () => inScreen(app, 'mp-membership-screen', 'button.cancel-contract'),
      'no button',
    );
    await arrowTo(open);
    await tvKey(TV.ok);
    const root = screenOf(app, 'mp-membership-screen')!.shadowRoot!;
    await waitForElement(() => root.querySelector('mp-confirm-dialog label.choice'), 'no reasons');
    await waitForFocus(() => describeElement(deepActiveElement()) === 'button.cancel', 'keep-it not focused first');

    const choices = [...root.querySelectorAll<HTMLLabelElement>('label.choice')];
    expect(choices.length).to.equal(5);
    for (const choice of choices) {
      const rect = choice.getBoundingClientRect();
      const dot = choice.querySelector('input')!.getBoundingClientRect();
      expect(rect.height, choice.textContent!).to.be.at.least(80);
      expect(dot.width, 'dot').to.be.at.least(32);
      expect(parseFloat(getComputedStyle(choice).fontSize)).to.be.at.least(32);
    }

    // By remote: up into the reasons, to "price", OK.
    const price = choices.find((c) => c.querySelector('input')!.value === 'price')!.querySelector('input')!;
    await arrowTo(price);
    await tvKey(TV.ok);
    const picked = (): HTMLElement | null => (price.checked && price.closest('.checked') ? price : null);
    await waitForElement(picked, 'OK did not select the reason');
    // Focus moves on: the selected one is left without the ring, still clearly selected.
    const other = choices.find((c) => c.querySelector('input')!.value === 'other')!.querySelector('input')!;
    await arrowTo(other);
    const selected = getComputedStyle(price.closest('label')!);
    const plain = getComputedStyle(choices.find((c) => c.querySelector('input')!.value === 'content')!);
    const focused = getComputedStyle(other.closest('label')!);
    expect(selected.backgroundColor).to.not.equal(plain.backgroundColor);
    expect(selected.borderTopColor).to.not.equal(plain.borderTopColor);
    expect(selected.boxShadow).to.contain('inset');
    expect(Number(selected.fontWeight)).to.be.greaterThan(Number(plain.fontWeight));
    expect(getComputedStyle(price).backgroundImage).to.contain('gradient');
    expect(getComputedStyle(other).backgroundImage).to.equal('none');
    // Focused: the ring round the row; selected and plain have none.
    expect(focused.outlineStyle).to.equal('solid');
    expect(parseFloat(focused.outlineWidth)).to.be.at.least(6);
    expect(selected.outlineStyle).to.equal('none');
    expect(plain.outlineStyle).to.equal('none');
    expect(focused.backgroundColor).to.equal(plain.backgroundColor);
  });
});
