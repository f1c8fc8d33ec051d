/**
 * ReauthController against a stub identity store: when it asks, what a
 * wrong password and a declined prompt do, the 403 retry, and the hook
 * where a TV method (the phone's step-up) plugs in.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { ProblemError, RefusedError, TimeoutError, UnauthorizedError } from '../../src/api/errors.js';
import type { Session } from '../../src/api/schemas.js';
import {
  ReauthController,
  registerTvReauthMethod,
  type ProofStore,
  type ProofSink,
} from '../../src/data/reauth-controller.js';

const SESSION: Session = {
  accountId: 'acc_4f2b9c',
  loginId: 'taro@example.jp',
  sessionId: 'ses_1',
  csrfToken: 'csrf_1',
  expiresAt: '2026-12-01T21:00:00+09:00',
  nonce: null,
  authTime: '2026-12-01T13:00:00+09:00',
};

const REAUTH_REQUIRED = 'https://mypage.example.jp/problems/reauthentication-required';
const reauthRequired = () => new ProblemError('/payment-method/card', 403, REAUTH_REQUIRED, null, [], null);

function stubStore(options: { fresh: boolean; passwords?: Array<'ok' | 'wrong' | 'gone' | Error> }) {
  const tried: string[] = [];
  const accepted: Array<{ session: Session; nonce: string }> = [];
  const store: ProofStore = {
    verifiedSession: SESSION,
    needsFreshProof: () => !options.fresh,
    async reauthenticate(password) {
      tried.push(password);
      const outcome = options.passwords?.shift() ?? 'ok';
      if (outcome === 'wrong') throw new ProblemError('/auth/reauth', 422, 'x/invalid-credentials', null, [], null);
      if (outcome === 'gone') throw new UnauthorizedError('/auth/reauth');
      if (outcome instanceof Error) throw outcome;
    },
    async acceptRenewedSession(session, nonce) {
      accepted.push({ session, nonce });
      return session.accountId === SESSION.accountId && nonce === 'n1';
    },
  };
  return { store, tried, accepted };
}

function host(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

describe('ReauthController (stub store)', () => {
  it('a fresh proof: no prompt, true at once', async () => {
    const { store } = stubStore({ fresh: true });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    expect(await flow.ensureFresh()).to.equal(true);
    expect(flow.open).to.equal(false);
  });

  it('an old proof opens the prompt; the password proves it; one prompt for two askers', async () => {
    const { store, tried } = stubStore({ fresh: false });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    const first = flow.ensureFresh();
    const second = flow.ensureFresh();
    expect(flow.open).to.equal(true);
    expect(flow.methods).to.deep.equal(['password']);
    await flow.submitPassword('mypage-demo');
    expect(await first).to.equal(true);
    expect(await second).to.equal(true);
    expect(tried).to.deep.equal(['mypage-demo']);
    expect(flow.open).to.equal(false);
  });

  it('an empty password sends nothing; a wrong one keeps the prompt, with its message; cancel: false', async () => {
    const { store, tried } = stubStore({ fresh: false, passwords: ['wrong'] });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    const asked = flow.ensureFresh();
    await flow.submitPassword('');
    expect(flow.error).to.equal('required');
    expect(tried).to.deep.equal([]);
    await flow.submitPassword('nope');
    expect(flow.error).to.equal('wrong-password');
    expect(flow.open).to.equal(true);
    flow.cancel();
    expect(await asked).to.equal(false);
    expect(flow.open).to.equal(false);
  });

  it('the session ending (5th wrong password) closes the prompt with false; a timeout stays and shows', async () => {
    const { store } = stubStore({ fresh: false, passwords: [new TimeoutError('/auth/reauth'), 'gone'] });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    const asked = flow.ensureFresh();
    await flow.submitPassword('a');
    expect(flow.error).to.be.instanceOf(TimeoutError);
    expect(flow.open).to.equal(true);
    await flow.submitPassword('b');
    expect(await asked).to.equal(false);
  });

  it('guard: a 403 /reauthentication-required asks, then sends the same request again', async () => {
    const { store } = stubStore({ fresh: true });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    let sends = 0;
    const done = flow.guard(async () => {
      sends++;
      if (sends === 1) throw reauthRequired();
      return 'registered';
    });
    await waitFor(() => flow.open);
    await flow.submitPassword('mypage-demo');
    expect(await done).to.equal('registered');
    expect(sends).to.equal(2);
  });

  it('guard: declined, it throws RefusedError no-fresh-proof; other errors pass through untouched', async () => {
    const { store } = stubStore({ fresh: true });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    const done = flow.guard(async () => {
      throw reauthRequired();
    });
    await waitFor(() => flow.open);
    flow.cancel();
    const error = await done.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RefusedError);
    expect((error as RefusedError).reason).to.equal('no-fresh-proof');
    const other = new ProblemError('/x', 409, 'x/conflict', null, [], null);
    expect(await flow.guard(async () => Promise.reject(other)).catch((e: unknown) => e)).to.equal(other);
  });

  it('leaving the screen answers false', async () => {
    const { store } = stubStore({ fresh: false });
    const flow = new ReauthController(host(), { identity: () => store, tv: false });
    const asked = flow.ensureFresh();
    flow.hostDisconnected();
    expect(await asked).to.equal(false);
  });

  it('a TV method plugs in first on a TV only; its panel hands the renewed session to the store', async () => {
    let sink: ProofSink | null = null;
    let aborted = false;
    registerTvReauthMethod({
      kind: 'phone',
      render(proof, signal) {
        sink = proof;
        signal.addEventListener('abort', () => (aborted = true));
        return 'phone panel';
      },
    });
    const { store, accepted } = stubStore({ fresh: false });
    expect(new ReauthController(host(), { identity: () => store, tv: false }).methods).to.deep.equal(['password']);
    const flow = new ReauthController(host(), { identity: () => store, tv: true });
    expect(flow.methods).to.deep.equal(['phone', 'password']);
    const asked = flow.ensureFresh();
    expect(flow.method).to.equal('phone');
    expect(flow.renderPanel()).to.equal('phone panel');
    expect(sink!.expectedAccountId).to.equal(SESSION.accountId);

    // Choosing the password leaves the phone's flow (its signal aborts).
    flow.choose('password');
    expect(aborted).to.equal(true);
    expect(flow.renderPanel()).to.equal(null);
    flow.choose('phone');
    flow.renderPanel();
    const renewed = { ...SESSION, sessionId: 'ses_2', csrfToken: 'csrf_2', nonce: 'n1' };
    expect(await sink!.accept(renewed, 'n1', '/auth/device/token')).to.equal(true);
    expect(await asked).to.equal(true);
    expect(accepted.map((a) => a.session.sessionId)).to.deep.equal(['ses_2']);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await Promise.resolve();
  expect(condition()).to.equal(true);
}
