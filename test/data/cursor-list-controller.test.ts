/**
 * src/data/cursor-list-controller.ts against a stub API: pages appended only
 * whole, a failed "more" keeps what is shown, a drop or leaving clears all
 * and cancels the request, an abandoned load never shows, and render().
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { LitElement } from 'lit';
import { AbortedError, NetworkError } from '../../src/api/errors.js';
import { servicesContext, type AppServices } from '../../src/api/services-context.js';
import { CursorListController, type CursorPage } from '../../src/data/cursor-list-controller.js';

interface Item {
  readonly id: string;
}

/** One read the controller made, answered by the test. */
interface Call {
  readonly cursor: string | null;
  readonly signal: AbortSignal | undefined;
  answer(page: CursorPage<Item>): void;
  fail(error: unknown): void;
}

const calls: Call[] = [];
const dropListeners = new Set<() => void>();

const stubServices = {
  identity: {
    on: (_type: 'drop', listener: () => void) => {
      dropListeners.add(listener);
      return () => dropListeners.delete(listener);
    },
  },
  api: {
    reader: (signal?: AbortSignal) => ({
      read: (_name: string, query?: Record<string, string>) =>
        new Promise((resolve, reject) => {
          // As http-client.ts does: an aborted request fails with AbortedError.
          signal?.addEventListener('abort', () => reject(new AbortedError('/payments')));
          calls.push({ cursor: query?.cursor ?? null, signal, answer: resolve, fail: reject });
        }),
    }),
  },
} as unknown as AppServices;

function drop(): void {
  for (const listener of [...dropListeners]) listener();
}

class StubServicesProvider extends LitElement {
  constructor() {
    super();
    new ContextProvider(this, { context: servicesContext, initialValue: stubServices });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('stub-services-provider', StubServicesProvider);

class PagedListHost extends LitElement {
  readonly list = new CursorListController<Item>(
    this,
    (api, cursor) => api.read('payments', cursor ? { cursor } : undefined) as unknown as Promise<CursorPage<Item>>,
  );

  override render() {
    return this.list.render({
      ready: (items) => html`<p class="ready">${items.map((item) => item.id).join(',')}</p>`,
      empty: () => html`<p class="empty">none</p>`,
    });
  }
}
customElements.define('paged-list-host', PagedListHost);

const page = (ids: string[], nextCursor: string | null): CursorPage<Item> => ({
  items: ids.map((id) => ({ id })),
  nextCursor,
});

async function mount(): Promise<PagedListHost> {
  const provider = await fixture<StubServicesProvider>(
    html`<stub-services-provider><paged-list-host></paged-list-host></stub-services-provider>`,
  );
  const host = provider.querySelector<PagedListHost>('paged-list-host')!;
  await host.updateComplete;
  return host;
}

/** Lets the controller see a settled answer, then the host render it. */
async function settled(host: PagedListHost): Promise<void> {
  await Promise.resolve();
  await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
  await host.updateComplete;
}

const shown = (host: PagedListHost, selector: string) => host.shadowRoot!.querySelector(selector);

describe('CursorListController', () => {
  beforeEach(() => {
    calls.length = 0;
    dropListeners.clear();
  });

  it('loads the first page on connect: loading state, then the rows', async () => {
    const host = await mount();
    expect(host.list.status).to.equal('loading');
    expect(shown(host, 'mp-load-state')?.getAttribute('status')).to.equal('loading');
    expect(calls.map((call) => call.cursor)).to.deep.equal([null]);
    calls[0]!.answer(page(['a', 'b'], 'c1'));
    await settled(host);
    expect(host.list.status).to.equal('ready');
    expect(host.list.hasMore).to.equal(true);
    expect(shown(host, '.ready')!.textContent).to.equal('a,b');
  });

  it('an empty first page renders `empty`', async () => {
    const host = await mount();
    calls[0]!.answer(page([], null));
    await settled(host);
    expect(shown(host, '.empty')).to.exist;
    expect(host.list.hasMore).to.equal(false);
  });

  it('appends the next page only when it has arrived whole; a second press meanwhile sends nothing', async () => {
    const host = await mount();
    calls[0]!.answer(page(['a'], 'c1'));
    await settled(host);
    host.list.loadMore();
    host.list.loadMore();
    expect(calls.map((call) => call.cursor)).to.deep.equal([null, 'c1']);
    expect(host.list.moreStatus).to.equal('loading');
    expect(host.list.items.map((item) => item.id)).to.deep.equal(['a']);
    calls[1]!.answer(page(['b', 'c'], null));
    await settled(host);
    expect(host.list.items.map((item) => item.id)).to.deep.equal(['a', 'b', 'c']);
    expect(host.list.moreStatus).to.equal('idle');
    host.list.loadMore();
    expect(calls).to.have.length(2);
  });

  it('a failed "more" keeps the rows shown and offers that page again', async () => {
    const host = await mount();
    calls[0]!.answer(page(['a'], 'c1'));
    await settled(host);
    host.list.loadMore();
    calls[1]!.fail(new NetworkError('/payments'));
    await settled(host);
    expect(host.list.status).to.equal('ready');
    expect(host.list.moreStatus).to.equal('error');
    expect(host.list.moreError).to.be.instanceOf(NetworkError);
    expect(shown(host, '.ready')!.textContent).to.equal('a');
    host.list.loadMore();
    expect(calls[2]!.cursor).to.equal('c1');
  });

  it('a failed first page is an error with a retry (the default error view)', async () => {
    const host = await mount();
    calls[0]!.fail(new NetworkError('/payments'));
    await settled(host);
    expect(host.list.status).to.equal('error');
    const state = shown(host, 'mp-load-state')!;
    expect(state.getAttribute('status')).to.equal('error');
    await (state as LitElement).updateComplete;
    (state.shadowRoot!.querySelector('button.retry') as HTMLButtonElement).click();
    expect(host.list.status).to.equal('loading');
    expect(calls.map((call) => call.cursor)).to.deep.equal([null, null]);
  });

  it('removes rows only when asked (after a verified answer)', async () => {
    const host = await mount();
    calls[0]!.answer(page(['a', 'b', 'c'], null));
    await settled(host);
    host.list.remove((item) => item.id === 'b');
    await host.updateComplete;
    expect(shown(host, '.ready')!.textContent).to.equal('a,c');
  });

  it('a drop forgets every row, cancels the request in flight, and its late failure never shows', async () => {
    const host = await mount();
    calls[0]!.answer(page(['a'], 'c1'));
    await settled(host);
    host.list.loadMore();
    const inFlight = calls[1]!;
    expect(inFlight.signal?.aborted).to.equal(false);
    drop();
    expect(inFlight.signal?.aborted).to.equal(true);
    await settled(host);
    expect(host.list.items).to.deep.equal([]);
    expect(host.list.nextCursor).to.equal(null);
    expect(host.list.status).to.equal('loading');
    expect(host.list.moreStatus).to.equal('idle');
    expect(host.list.moreError).to.equal(null);
    expect(shown(host, '.ready')).to.equal(null);
  });

  it('leaving the page cancels the load; coming back loads afresh', async () => {
    const host = await mount();
    const first = calls[0]!;
    const parent = host.parentElement!;
    host.remove();
    expect(first.signal?.aborted).to.equal(true);
    expect(dropListeners.size).to.equal(0);
    parent.append(host);
    expect(calls).to.have.length(2);
    calls[1]!.answer(page(['z'], null));
    await settled(host);
    expect(shown(host, '.ready')!.textContent).to.equal('z');
  });

  it('a reload supersedes the load in flight: the older one is cancelled and its answer ignored', async () => {
    const host = await mount();
    const older = calls[0]!;
    host.list.reload();
    expect(older.signal?.aborted).to.equal(true);
    older.answer(page(['stale'], null));
    calls[1]!.answer(page(['fresh'], null));
    await settled(host);
    expect(host.list.status).to.equal('ready');
    expect(shown(host, '.ready')!.textContent).to.equal('fresh');
  });
});
