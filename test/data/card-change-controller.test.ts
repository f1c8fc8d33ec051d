/**
 * CardChangeController against a stub API: the flow's rules without a
 * browser page or a mock backend (the procedures suite covers those).
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutationOptions } from '../../src/api/account-api.js';
import type { PaymentMethod } from '../../src/api/account-schemas.js';
import { IdentityMismatchError, ProblemError, TimeoutError } from '../../src/api/errors.js';
import { CardChangeController, type CardChangeApi } from '../../src/data/card-change-controller.js';
import type { CardField } from '../../src/payment/card-rules.js';

const METHOD: PaymentMethod = {
  type: 'card',
  carrier: null,
  card: { brand: 'Visa', last3: '242', expiryMonth: 8, expiryYear: 2029 },
};
const GOOD = { number: '4242 4242 4242 4242', expiry: '08/29', cvc: '987', holder: 'TARO YAMADA' };

interface Call {
  readonly name: string;
  readonly key: string | undefined;
  readonly body: Record<string, unknown> | undefined;
}

type Answer = (call: Call) => unknown;

/** Answers each endpoint from a queue (the last answer repeats), and records every call. */
function stubApi(answers: { createCardToken?: Answer[]; registerCard?: Answer[] }) {
  const calls: Call[] = [];
  const api = {
    async mutate(name: 'createCardToken' | 'registerCard', options: MutationOptions) {
      const call = { name, key: options.idempotencyKey, body: options.body };
      calls.push(call);
      const queue = answers[name] ?? [];
      const answer = queue.length > 1 ? queue.shift()! : queue[0];
      if (!answer) throw new Error(`no answer for ${name}`);
      return answer(call);
    },
  } as CardChangeApi;
  return { api, calls };
}

const token = (cardToken: string) => () => ({ cardToken, brand: 'Visa', last3: '242' });
const registered = () => METHOD;
const fail = (error: Error) => () => {
  throw error;
};

function harness(api: CardChangeApi, values = GOOD) {
  let updates = 0;
  let wipes = 0;
  const focused: CardField[] = [];
  const drops = new Set<() => void>();
  const host: ReactiveControllerHost = {
    addController: (_c: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  const flow = new CardChangeController(host, {
    api: () => api,
    identity: () => ({
      on: (_event: 'drop', listener: () => void) => {
        drops.add(listener);
        return () => drops.delete(listener);
      },
    }),
    values: () => values,
    wipe: () => void wipes++,
    focusField: (name) => void focused.push(name),
  });
  flow.hostConnected();
  return {
    flow,
    focused,
    get wipes() {
      return wipes;
    },
    get updates() {
      return updates;
    },
    drop: () => drops.forEach((listener) => listener()),
    drops,
  };
}

describe('CardChangeController (stub API)', () => {
  it('tokenizes, then registers the token under another key, and ends at done with the verified answer', async () => {
    const { api, calls } = stubApi({ createCardToken: [token('tok_1')], registerCard: [registered] });
    const h = harness(api);
    await h.flow.submit();
    expect(calls.map((c) => c.name)).to.deep.equal(['createCardToken', 'registerCard']);
    expect(calls[0]!.body).to.deep.equal({
      number: '4242424242424242',
      expMonth: 8,
      expYear: 2029,
      cvc: '987',
      holderName: 'TARO YAMADA',
    });
    expect(calls[1]!.body).to.deep.equal({ cardToken: 'tok_1' });
    expect(calls[0]!.key).to.be.a('string');
    expect(calls[0]!.key).not.to.equal(calls[1]!.key);
    expect(h.flow.step).to.equal('done');
    expect(h.flow.result).to.equal(METHOD);
    expect(h.wipes).to.be.greaterThan(0);
    expect(h.updates).to.be.greaterThan(0);
  });

  it('a card that fails the checks sends nothing, names the problems and focuses the first', async () => {
    const { api, calls } = stubApi({});
    const h = harness(api, { number: '4242424242424241', expiry: '13/29', cvc: '987', holder: 'X' });
    await h.flow.submit();
    expect(calls).to.deep.equal([]);
    expect(h.flow.problems.cardNumber).to.equal('luhn');
    expect(h.flow.problems.cardExpiry).to.be.a('string');
    expect(h.focused).to.deep.equal(['cardNumber']);
    expect(h.flow.step).to.equal('form');
  });

  it('a lost registration answer (timeout) is retried with the same token and key, not tokenized again', async () => {
    const { api, calls } = stubApi({
      createCardToken: [token('tok_1')],
      registerCard: [fail(new TimeoutError('/payment-method/card')), registered],
    });
    const h = harness(api);
    await h.flow.submit();
    expect(h.flow.failure).to.be.instanceOf(TimeoutError);
    expect(h.flow.retriesToken).to.equal(true);
    await h.flow.submit();
    expect(calls.map((c) => c.name)).to.deep.equal(['createCardToken', 'registerCard', 'registerCard']);
    expect(calls[1]!.key).to.equal(calls[2]!.key);
    expect(calls[2]!.body).to.deep.equal({ cardToken: 'tok_1' });
    expect(h.flow.step).to.equal('done');
  });

  it('a 5xx is lost too (same token and key); a 422 needs a new card: new token, new registration key', async () => {
    const busy = new ProblemError('/payment-method/card', 503, null, null, [], 5);
    const refused = new ProblemError('/payment-method/card', 422, null, null, [], null);
    const { api, calls } = stubApi({
      createCardToken: [token('tok_1'), token('tok_2')],
      registerCard: [fail(busy), fail(refused), registered],
    });
    const h = harness(api);
    await h.flow.submit();
    expect(h.flow.retriesToken).to.equal(true);
    await h.flow.submit();
    expect(h.flow.failure).to.equal(refused);
    expect(h.flow.retriesToken).to.equal(false);
    await h.flow.submit();
    const names = calls.map((c) => `${c.name} ${String(c.body?.['cardToken'] ?? '')}`.trim());
    expect(names).to.deep.equal([
      'createCardToken',
      'registerCard tok_1',
      'registerCard tok_1',
      'createCardToken',
      'registerCard tok_2',
    ]);
    expect(calls[1]!.key).to.equal(calls[2]!.key);
    expect(calls[4]!.key).not.to.equal(calls[2]!.key);
    expect(h.flow.step).to.equal('done');
  });

  it('editing a field after a lost answer forgets the token: the next press tokenizes again', async () => {
    const { api, calls } = stubApi({
      createCardToken: [token('tok_1'), token('tok_2')],
      registerCard: [fail(new TimeoutError('/payment-method/card')), registered],
    });
    const h = harness(api);
    await h.flow.submit();
    h.flow.edited('cardNumber');
    expect(h.flow.failure).to.equal(null);
    expect(h.flow.retriesToken).to.equal(false);
    await h.flow.submit();
    const names = calls.map((c) => c.name);
    expect(names).to.deep.equal(['createCardToken', 'registerCard', 'createCardToken', 'registerCard']);
    expect(calls[0]!.key).not.to.equal(calls[2]!.key);
  });

  it('a failed tokenization wipes the number and shows the error; an identity failure shows nothing', async () => {
    const { api } = stubApi({ createCardToken: [fail(new ProblemError('/card-tokens', 422, null, null, [], null))] });
    const h = harness(api);
    await h.flow.submit();
    expect(h.wipes).to.equal(1);
    expect(h.flow.failure).to.be.instanceOf(ProblemError);
    expect(h.flow.step).to.equal('form');

    const stopped = stubApi({
      createCardToken: [fail(new IdentityMismatchError('envelope-account', '/card-tokens', 'r', 'acc_a', 'acc_b'))],
    });
    const h2 = harness(stopped.api);
    await h2.flow.submit();
    expect(h2.flow.failure).to.equal(null);
    expect(h2.wipes).to.equal(1);
  });

  it('a second press while sending sends nothing more', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { api, calls } = stubApi({
      createCardToken: [async () => (await gate, { cardToken: 'tok_1', brand: 'Visa', last3: '242' })],
      registerCard: [registered],
    });
    const h = harness(api);
    const first = h.flow.submit();
    expect(h.flow.step).to.equal('sending');
    await h.flow.submit();
    release();
    await first;
    expect(calls.map((c) => c.name)).to.deep.equal(['createCardToken', 'registerCard']);
  });

  it('the registration goes through the sensitive hook; a drop wipes; leaving unsubscribes and wipes', async () => {
    const { api } = stubApi({ createCardToken: [token('tok_1')], registerCard: [registered] });
    const wrapped: string[] = [];
    let wipes = 0;
    const drops = new Set<() => void>();
    const host: ReactiveControllerHost = {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
    };
    const flow = new CardChangeController(host, {
      api: () => api,
      identity: () => ({ on: (_e, l) => (drops.add(l), () => drops.delete(l)) }),
      values: () => GOOD,
      wipe: () => void wipes++,
      focusField: () => undefined,
      sensitive: async (send) => {
        wrapped.push('register');
        return send();
      },
    });
    flow.hostConnected();
    await flow.submit();
    expect(wrapped).to.deep.equal(['register']);
    const before = wipes;
    drops.forEach((listener) => listener());
    expect(wipes).to.equal(before + 1);
    flow.hostDisconnected();
    expect(drops.size).to.equal(0);
    expect(wipes).to.equal(before + 2);
  });
});
