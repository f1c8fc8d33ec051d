/**
 * The phone's approval flow on its own, against a stub of the one mutation
 * path: code normalisation, lookup -> confirm -> approve / deny, every
 * failure as its own typed problem, and which Idempotency-Key each attempt
 * carries.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountApi } from '../../src/api/account-api.js';
import {
  IdentityMismatchError,
  InvalidResponseError,
  NetworkError,
  ProblemError,
  TimeoutError,
} from '../../src/api/errors.js';
import {
  codeFromHash,
  DeviceApprovalController,
  formatUserCode,
  normalizeUserCode,
  type DeviceApprovalServices,
} from '../../src/data/device-approval-controller.js';

interface Call {
  readonly name: string;
  readonly body: Record<string, unknown> | undefined;
  readonly key: string | undefined;
}

type Answer = (call: Call) => unknown;

const LOOKUP = {
  userCode: 'BCDF-GHJK',
  deviceName: 'リビングのテレビ',
  purpose: 'sign-in',
  requestedAt: '2026-12-01T19:02:11+09:00',
  expiresAt: '2026-12-01T19:12:11+09:00',
};

/** A stub of AccountApi.mutate: answers from a queue, records every call. */
function setUp() {
  const calls: Call[] = [];
  const answers: Answer[] = [];
  const drops = new Set<() => void>();
  let updates = 0;
  const api = {
    mutate: (async (name: string, options: { body?: Record<string, unknown>; idempotencyKey?: string } = {}) => {
      const call = { name, body: options.body, key: options.idempotencyKey };
      calls.push(call);
      const answer = answers.shift();
      if (!answer) throw new Error(`no answer queued for ${name}`);
      return answer(call);
    }) as unknown as AccountApi['mutate'],
  };
  const services: DeviceApprovalServices = {
    api,
    identity: {
      on: (_event, listener) => {
        drops.add(listener);
        return () => drops.delete(listener);
      },
    },
  };
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  };
  const flow = new DeviceApprovalController(host, () => services);
  controllers.forEach((controller) => controller.hostConnected?.());
  return {
    flow,
    calls,
    /** Queues the next answer: a value, or a function that throws. */
    answer: (next: Answer) => answers.push(next),
    drop: () => drops.forEach((listener) => listener()),
    updates: () => updates,
  };
}

const problem = (status: number, slug: string, retryAfter: number | null = null): ProblemError =>
  new ProblemError('/auth/device/x', status, `https://api.example.jp/problems/${slug}`, null, [], retryAfter);

const fail =
  (error: Error): Answer =>
  () => {
    throw error;
  };

describe('user code normalisation', () => {
  it('ignores case, spaces and dashes, also full-width forms a Japanese keyboard types', () => {
    expect(normalizeUserCode('BCDF-GHJK')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('bcdfghjk')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('  bcdf ghjk ')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('b-c-d-f g-h-j-k')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('ＢＣＤＦ－ＧＨＪＫ')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('bcdfーghjk')).to.equal('BCDFGHJK');
    expect(normalizeUserCode('lmnp\tqrst')).to.equal('LMNPQRST');
    expect(normalizeUserCode('vwxz-bcdf')).to.equal('VWXZBCDF');
  });

  it('refuses what cannot be a code: vowels, digits, Y, other lengths, other signs', () => {
    const notCodes = ['', 'BCDF-GHJ', 'BCDF-GHJKL', 'ABCD-FGHJ', 'BCDF-GHJ1', 'BCDY-GHJK', 'BCDF_GHJK', '12345678'];
    for (const typed of notCodes) {
      expect(normalizeUserCode(typed), typed).to.equal(null);
    }
  });

  it('formats as the TV shows it and reads ?code= of the QR link', () => {
    expect(formatUserCode('BCDFGHJK')).to.equal('BCDF-GHJK');
    expect(codeFromHash('#/activate?code=BCDFGHJK')).to.equal('BCDFGHJK');
    expect(codeFromHash('#/activate?code=bcdf-ghjk&x=1')).to.equal('bcdf-ghjk');
    expect(codeFromHash('#/activate')).to.equal('');
    expect(codeFromHash('')).to.equal('');
  });
});

describe('DeviceApprovalController', () => {
  it('a code that cannot be one is refused without a request', async () => {
    const { flow, calls } = setUp();
    await flow.lookup('ABCD-1234');
    expect(flow.problem).to.deep.equal({ kind: 'invalid-code' });
    expect(flow.phase).to.equal('entry');
    expect(calls).to.deep.equal([]);
  });

  it('lookup, then confirm, then approve: each its own intent, the code as the TV shows it', async () => {
    const { flow, calls, answer } = setUp();
    answer(() => LOOKUP);
    await flow.lookup(' bcdf ghjk');
    expect(flow.phase).to.equal('confirm');
    expect(flow.code).to.equal('BCDFGHJK');
    expect(flow.request?.deviceName).to.equal('リビングのテレビ');
    expect(calls[0]).to.include({ name: 'lookupDevice' });
    expect(calls[0]!.body).to.deep.equal({ userCode: 'BCDF-GHJK' });

    answer(() => ({ userCode: 'BCDF-GHJK', deviceName: 'リビングのテレビ', approved: true }));
    await flow.approve();
    expect(flow.phase).to.equal('approved');
    expect(calls[1]).to.include({ name: 'approveDevice' });
    expect(calls[1]!.body).to.deep.equal({ userCode: 'BCDF-GHJK' });
    expect(calls[1]!.key).to.be.a('string').and.not.equal(calls[0]!.key);
  });

  it('deny says declined', async () => {
    const { flow, calls, answer } = setUp();
    answer(() => LOOKUP);
    await flow.lookup('BCDFGHJK');
    answer(() => ({ userCode: 'BCDF-GHJK', approved: false }));
    await flow.deny();
    expect(flow.phase).to.equal('denied');
    expect(calls.map((c) => c.name)).to.deep.equal(['lookupDevice', 'denyDevice']);
  });

  it('approve is refused unless a lookup brought the question first', async () => {
    const { flow, calls } = setUp();
    await flow.approve();
    await flow.deny();
    expect(calls).to.deep.equal([]);
    expect(flow.phase).to.equal('entry');
  });

  it('names each failure: wrong code, expired, rate-limited with its wait, format, busy, timeout', async () => {
    const { flow, answer } = setUp();
    answer(fail(problem(404, 'unknown-code')));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'wrong-code' });
    expect(flow.phase).to.equal('entry');
    expect(flow.canRetry).to.equal(false);

    answer(fail(problem(429, 'too-many-codes', 517)));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'rate-limited', retryAfter: 517 });

    answer(fail(problem(422, 'validation')));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'invalid-code' });

    answer(fail(problem(503, 'unavailable', 5)));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'busy', retryAfter: 5 });
    expect(flow.canRetry).to.equal(true);

    answer(fail(new TimeoutError('/auth/device/lookup')));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'timeout' });

    answer(fail(new InvalidResponseError('/auth/device/lookup', ['userCode'])));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'failed' });

    // Found, then gone by the time of the answer: the code expired (or was used) meanwhile.
    answer(() => LOOKUP);
    await flow.lookup('BCDF-GHJK');
    answer(fail(problem(404, 'unknown-code')));
    await flow.approve();
    expect(flow.problem).to.deep.equal({ kind: 'expired' });
    expect(flow.phase).to.equal('confirm');
    expect(flow.canRetry).to.equal(false);
  });

  it('a network failure keeps the intent: the retry sends the same Idempotency-Key', async () => {
    const { flow, calls, answer } = setUp();
    answer(fail(new NetworkError('/auth/device/lookup')));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'network' });
    expect(flow.canRetry).to.equal(true);
    answer(() => LOOKUP);
    await flow.retry();
    expect(flow.phase).to.equal('confirm');
    expect(calls[1]!.key).to.equal(calls[0]!.key);

    answer(fail(new NetworkError('/auth/device/approve')));
    await flow.approve();
    expect(flow.phase).to.equal('confirm');
    expect(flow.problem).to.deep.equal({ kind: 'network' });
    answer(() => ({ userCode: 'BCDF-GHJK', deviceName: 'TV', approved: true }));
    await flow.retry();
    expect(flow.phase).to.equal('approved');
    expect(calls.map((c) => c.name)).to.deep.equal(['lookupDevice', 'lookupDevice', 'approveDevice', 'approveDevice']);
    expect(calls[3]!.key).to.equal(calls[2]!.key);
  });

  it('another code is another intent; the same code typed again keeps its key', async () => {
    const { flow, calls, answer } = setUp();
    answer(fail(problem(404, 'unknown-code')));
    await flow.lookup('BCDF-GHJK');
    answer(fail(problem(404, 'unknown-code')));
    await flow.lookup('bcdfghjk');
    answer(fail(problem(404, 'unknown-code')));
    await flow.lookup('LMNP-QRST');
    expect(calls[1]!.key).to.equal(calls[0]!.key);
    expect(calls[2]!.key).to.not.equal(calls[1]!.key);
  });

  it('an answer about another code is not used: nothing to approve', async () => {
    const { flow, calls, answer } = setUp();
    answer(() => ({ ...LOOKUP, userCode: 'LMNP-QRST', deviceName: '他人のテレビ' }));
    await flow.lookup('BCDF-GHJK');
    expect(flow.problem).to.deep.equal({ kind: 'mismatch' });
    expect(flow.phase).to.equal('entry');
    expect(flow.request).to.equal(null);
    await flow.approve();
    expect(calls).to.have.length(1);

    answer(() => LOOKUP);
    await flow.lookup('BCDF-GHJK');
    answer(() => ({ userCode: 'LMNP-QRST', deviceName: 'x', approved: true }));
    await flow.approve();
    expect(flow.phase).to.equal('confirm');
    expect(flow.problem).to.deep.equal({ kind: 'mismatch' });
  });

  it('a drop (stop, logout, 401) while a lookup is under way: its answer is thrown away', async () => {
    const { flow, answer, drop } = setUp();
    let release: (value: unknown) => void = () => undefined;
    answer(() => new Promise((resolve) => (release = resolve)));
    const pending = flow.lookup('BCDF-GHJK');
    expect(flow.phase).to.equal('looking-up');
    drop();
    release(LOOKUP);
    await pending;
    expect(flow.phase).to.equal('entry');
    expect(flow.request).to.equal(null);
    expect(flow.code).to.equal(null);
  });

  it('a foreign answer: the page stops (drop), and the flow shows nothing of it, not even an error', async () => {
    const { flow, answer, drop } = setUp();
    answer(() => LOOKUP);
    await flow.lookup('BCDF-GHJK');
    answer(() => {
      // As AccountApi does: the identity store stops (and drops) before the caller sees the error.
      drop();
      throw new IdentityMismatchError('envelope-account', '/auth/device/approve', 'r1', 'acc_a', 'acc_b');
    });
    await flow.approve();
    expect(flow.phase).to.equal('entry');
    expect(flow.request).to.equal(null);
    expect(flow.problem).to.equal(null);
  });

  it('a second press while one attempt runs sends nothing more', async () => {
    const { flow, calls, answer } = setUp();
    answer(() => LOOKUP);
    await flow.lookup('BCDF-GHJK');
    let release: (value: unknown) => void = () => undefined;
    answer(() => new Promise((resolve) => (release = resolve)));
    const first = flow.approve();
    await flow.approve();
    await flow.deny();
    release({ userCode: 'BCDF-GHJK', deviceName: 'TV', approved: true });
    await first;
    expect(calls.map((c) => c.name)).to.deep.equal(['lookupDevice', 'approveDevice']);
    expect(flow.phase).to.equal('approved');
  });
});
