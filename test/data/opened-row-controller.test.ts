/**
 * src/data/opened-row-controller.ts: the opened row is looked up in the rows
 * shown, so dropping them drops the details; close and leaving close it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { OpenedRowController } from '../../src/data/opened-row-controller.js';

interface Row {
  readonly id: string;
  readonly title: string;
}

class OpenedRowHost extends LitElement {
  rows: Row[] | undefined = [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
  ];
  readonly opened = new OpenedRowController<Row>(
    this,
    (row) => row.id,
    () => this.rows,
  );

  override render() {
    return html`<p>${this.opened.row?.title ?? ''}</p>`;
  }
}
customElements.define('test-opened-row-host', OpenedRowHost);

const open = (host: OpenedRowHost, row: Row) =>
  host.opened.open(new CustomEvent('row-open', { detail: row }) as CustomEvent<Row>);
const shown = (host: OpenedRowHost) => host.shadowRoot!.querySelector('p')!.textContent;

describe('OpenedRowController', () => {
  it('nothing is open at first; opening a row shows that row, from the rows themselves', async () => {
    const host = await fixture<OpenedRowHost>(html`<test-opened-row-host></test-opened-row-host>`);
    expect(host.opened.row).to.equal(undefined);
    open(host, { id: 'b', title: 'a stale copy' });
    await host.updateComplete;
    expect(host.opened.row).to.equal(host.rows![1]);
    expect(shown(host)).to.equal('B');
  });

  it('rows dropped (or reloaded without it): the details go with them', async () => {
    const host = await fixture<OpenedRowHost>(html`<test-opened-row-host></test-opened-row-host>`);
    open(host, host.rows![0]!);
    host.rows = undefined;
    expect(host.opened.row).to.equal(undefined);
    host.rows = [{ id: 'b', title: 'B' }];
    expect(host.opened.row).to.equal(undefined);
    // The same row back (a reload that has it): shown again, with its new values.
    host.rows = [{ id: 'a', title: 'A again' }];
    expect(host.opened.row?.title).to.equal('A again');
  });

  it('close closes and re-renders the host', async () => {
    const host = await fixture<OpenedRowHost>(html`<test-opened-row-host></test-opened-row-host>`);
    open(host, host.rows![0]!);
    await host.updateComplete;
    expect(shown(host)).to.equal('A');
    host.opened.close();
    await host.updateComplete;
    expect(host.opened.row).to.equal(undefined);
    expect(shown(host)).to.equal('');
  });

  it('leaving the screen closes it: coming back shows the list, not the old details', async () => {
    const host = await fixture<OpenedRowHost>(html`<test-opened-row-host></test-opened-row-host>`);
    open(host, host.rows![1]!);
    const parent = host.parentElement!;
    host.remove();
    expect(host.opened.row).to.equal(undefined);
    parent.append(host);
    await host.updateComplete;
    expect(shown(host)).to.equal('');
  });
});
