/**
 * The device flow's timing and outcomes (api-contract.md section 5) against a
 * stub API on an injected clock: every wait is asserted to the millisecond
 * and no test waits for real seconds.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeviceCode, DevicePoll, DeviceSession, DeviceStartRequest } from '../../src/api/device-auth-api.js';
import { IdentityMismatchError, NetworkError, ProblemError } from '../../src/api/errors.js';
import {
  DeviceSignInController,
  maskLoginId,
  type DeviceFlowApi,
  type DeviceFlowOptions,
  type DeviceIdentityPort,
} from '../../src/data/device-sign-in-controller.js';
import type { Session } from '../../src/api/schemas.js';
import { FakeClock } from '../support/fake-clock.js';

type Answer = DevicePoll | Error;

/** Answers polls from a queue (pending when empty) and notes when each poll came. */
class StubApi implements DeviceFlowApi {
  readonly starts: DeviceStartRequest[] = [];
  readonly pollTimes: number[] = [];
  readonly polledCodes: string[] = [];
  answers: Answer[] = [];
  logouts = 0;
  startError: Error | null = null;
  private _inFlight: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly clock: FakeClock,
    private readonly timing = { expiresIn: 600, interval: 5 },
  ) {}
  async start(request: DeviceStartRequest): Promise<DeviceCode> {
    this.starts.push(request);
    if (this.startError) throw this.startError;
    const n = this.starts.length;
    return {
      deviceCode: `dc_${n}`,
      userCode: n === 1 ? 'BCDF-GHJK' : 'LMNP-QRST',
      verificationUri: 'https://example.test/#/activate',
      verificationUriComplete: `https://example.test/#/activate?code=${n === 1 ? 'BCDFGHJK' : 'LMNPQRST'}`,
      ...this.timing,
      nonce: `nonce_${n}`,
    };
  }
  poll(code: DeviceCode): Promise<DevicePoll> {
    this.pollTimes.push(this.clock.now());
    this.polledCodes.push(code.deviceCode);
    const answer = this.answers.shift() ?? { kind: 'pending' };
    const result = answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    this._inFlight = result.catch(() => undefined);
    return result;
  }
  async logout(): Promise<void> {
    this.logouts++;
  }
  /** Lets the controller finish handling the last answer (microtasks only, no time passes). */
  async settled(): Promise<void> {
    await this._inFlight;
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

class StubIdentity implements DeviceIdentityPort {
  held = 0;
  adopted: Session[] = [];
  stops: { error: IdentityMismatchError; cause: string }[] = [];
  holdDeviceSession(): void {
    this.held++;
  }
  adoptDeviceSession(session: Session): void {
    this.adopted.push(session);
  }
  async stop(error: IdentityMismatchError, cause: 'mismatch' | 'login-mismatch'): Promise<void> {
    this.stops.push({ error, cause });
  }
}

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

const session = (over: Partial<DeviceSession> = {}): DeviceSession => ({
  accountId: 'acc_4f2b9c',
  loginId: 'taro@example.jp',
  sessionId: 'ses_1',
  csrfToken: 'csrf_1',
  expiresAt: '2026-12-01T21:00:00+09:00',
  nonce: 'nonce_1',
  authTime: '2026-12-01T19:02:11+09:00',
  approval: { userCode: 'BCDF-GHJK', approvedOn: 'iPhone (Safari)' },
  ...over,
});

function setUp(options: Partial<DeviceFlowOptions> = {}, timing?: { expiresIn: number; interval: number }) {
  const clock = new FakeClock();
  const api = new StubApi(clock, timing);
  const identity = new StubIdentity();
  const host = new Host();
  const flow = new DeviceSignInController(host, {
    purpose: 'sign-in',
    deviceName: 'Test TV',
    api,
    clock,
    identity: () => identity,
    ...options,
  } as DeviceFlowOptions);
  return { clock, api, identity, host, flow };
}

/** Advances the clock, then lets the answer of any poll it caused be handled. */
async function advance(t: { clock: FakeClock; api: StubApi }, ms: number): Promise<void> {
  await t.clock.advanceSettling(ms, () => t.api.settled());
}

describe('DeviceSignInController: polling as section 5 says', () => {
  it('polls first after `interval` seconds, then every interval while pending', async () => {
    const t = setUp();
    await t.flow.start();
    expect(t.flow.state.phase).to.equal('waiting');
    await advance(t, 4999);
    expect(t.api.pollTimes).to.deep.equal([]);
    await advance(t, 1);
    expect(t.api.pollTimes).to.deep.equal([5000]);
    await advance(t, 10_000);
    expect(t.api.pollTimes).to.deep.equal([5000, 10_000, 15_000]);
    expect(t.api.polledCodes).to.deep.equal(['dc_1', 'dc_1', 'dc_1']);
  });

  it('slow-down adds 5 s to the interval for that and every later poll', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'slow-down' }, { kind: 'pending' }, { kind: 'slow-down' }];
    await advance(t, 5000); // slow-down: interval 10 s
    await advance(t, 10_000); // pending: stays 10 s
    await advance(t, 10_000); // slow-down: interval 15 s
    await advance(t, 30_000);
    expect(t.api.pollTimes).to.deep.equal([5000, 15_000, 25_000, 40_000, 55_000]);
    expect(t.flow.intervalSeconds).to.equal(15);
  });

  it('a network failure doubles the wait, again on each further failure; then the interval resumes', async () => {
    const t = setUp();
    await t.flow.start();
    const offline = () => new NetworkError('/auth/device/token');
    t.api.answers = [offline(), offline(), { kind: 'pending' }];
    await advance(t, 5000); // fails: next in 10 s
    expect(t.flow.state.phase === 'waiting' && t.flow.state.offline).to.equal(true);
    await advance(t, 10_000); // fails: next in 20 s
    await advance(t, 20_000); // pending: next in 5 s
    expect(t.flow.state.phase === 'waiting' && t.flow.state.offline).to.equal(false);
    await advance(t, 5000);
    expect(t.api.pollTimes).to.deep.equal([5000, 15_000, 35_000, 40_000]);
  });

  it('a 503 is waited out like a network failure; the doubling stops at 60 s', async () => {
    const t = setUp({}, { expiresIn: 600, interval: 20 });
    await t.flow.start();
    const busy = () => new ProblemError('/auth/device/token', 503, null, null, [], null);
    t.api.answers = [busy(), busy(), busy()];
    await advance(t, 20_000); // next in 40
    await advance(t, 40_000); // next in 60 (not 80)
    await advance(t, 60_000);
    expect(t.api.pollTimes).to.deep.equal([20_000, 60_000, 120_000]);
  });

  it('denied: stops polling with the reason', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'denied' }];
    await advance(t, 5000);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'denied' });
    await advance(t, 60_000);
    expect(t.api.pollTimes).to.have.length(1);
    expect(t.clock.pending).to.equal(0);
  });

  it('expired from the server: stops polling with the reason', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'pending' }, { kind: 'expired' }];
    await advance(t, 10_000);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'expired' });
    expect(t.clock.pending).to.equal(0);
  });

  it('counts down each second and ends as expired at 0 without another poll', async () => {
    const t = setUp({}, { expiresIn: 12, interval: 5 });
    await t.flow.start();
    const left = () => (t.flow.state.phase === 'waiting' ? t.flow.state.secondsLeft : null);
    expect(left()).to.equal(12);
    await advance(t, 1000);
    expect(left()).to.equal(11);
    await advance(t, 9500);
    expect(left()).to.equal(2);
    await advance(t, 1500);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'expired' });
    expect(t.api.pollTimes).to.deep.equal([5000, 10_000]);
    expect(t.clock.pending).to.equal(0);
  });

  it('a start that fails (or is not ours) ends as start-failed and shows no code', async () => {
    const t = setUp();
    t.api.startError = new IdentityMismatchError('device-nonce', '/auth/device/start', 'r1', null, null);
    await t.flow.start();
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'start-failed' });
    expect(t.clock.pending).to.equal(0);
  });
});

describe('DeviceSignInController: the result', () => {
  it('sign-in: an approval holds the tab, asks with the masked id, and adopts only on confirm()', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session() }];
    await advance(t, 5000);
    expect(t.flow.state).to.deep.equal({
      phase: 'confirm',
      maskedLoginId: 'ta***@example.jp',
      approvedOn: 'iPhone (Safari)',
    });
    expect(t.identity.held).to.equal(1);
    expect(t.identity.adopted).to.deep.equal([]);
    expect(t.clock.pending).to.equal(0);
    t.flow.confirm();
    expect(t.identity.adopted.map((s) => s.accountId)).to.deep.equal(['acc_4f2b9c']);
    expect(t.flow.state.phase).to.equal('signed-in');
    expect(t.api.logouts).to.equal(0);
  });

  it('sign-in: decline() logs the session out and shows a new code', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session() }];
    await advance(t, 5000);
    await t.flow.decline();
    expect(t.api.logouts).to.equal(1);
    expect(t.identity.adopted).to.deep.equal([]);
    expect(t.flow.state.phase === 'waiting' && t.flow.state.code.userCode).to.equal('LMNP-QRST');
    await advance(t, 5000);
    expect(t.api.polledCodes.at(-1)).to.equal('dc_2');
  });

  it('an answer not bound to this code is an identity-stop (login-mismatch), never an adoption', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [new IdentityMismatchError('device-user-code', '/auth/device/token', 'r1', null, 'acc_7d1e3a')];
    await advance(t, 5000);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'refused' });
    const stops = t.identity.stops.map((s) => [s.error.check, s.cause]);
    expect(stops).to.deep.equal([['device-user-code', 'login-mismatch']]);
    expect(t.identity.held + t.identity.adopted.length).to.equal(0);
    expect(t.clock.pending).to.equal(0);
  });

  it('an unreadable approval ends the flow and logs out whatever session came with it', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [new ProblemError('/auth/device/token', 400, '/problems/something-new', null, [], null)];
    await advance(t, 5000);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'failed' });
    expect(t.api.logouts).to.equal(1);
  });

  it('leaving the host stops polling; an approval that lands afterwards is logged out', async () => {
    const t = setUp();
    await t.flow.start();
    let release!: (poll: DevicePoll) => void;
    t.api.answers = [];
    const late = new Promise<DevicePoll>((resolve) => (release = resolve));
    t.api.poll = (code) => {
      t.api.pollTimes.push(t.clock.now());
      t.api.polledCodes.push(code.deviceCode);
      return late;
    };
    await t.clock.advanceSettling(5000);
    t.host.disconnect();
    expect(t.flow.state.phase).to.equal('idle');
    release({ kind: 'approved', session: session() });
    await late;
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(t.api.logouts).to.equal(1);
    expect(t.identity.held + t.identity.adopted.length).to.equal(0);
    await t.clock.advanceSettling(60_000);
    expect(t.api.pollTimes).to.have.length(1);
  });

  it('leaving while the question is open logs the unconfirmed session out', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session() }];
    await advance(t, 5000);
    t.host.disconnect();
    expect(t.api.logouts).to.equal(1);
    expect(t.identity.adopted).to.deep.equal([]);
  });

  it('leaving the page with the question open logs the session out; Yes then adopts nothing', async () => {
    const t = setUp();
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session() }];
    await advance(t, 5000);
    window.dispatchEvent(new Event('pagehide'));
    expect(t.api.logouts).to.equal(1);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'failed' });
    t.flow.confirm();
    expect(t.identity.adopted).to.deep.equal([]);
    // Once answered, a later pagehide is none of the flow's business.
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session() }];
    await advance(t, 5000);
    t.flow.confirm();
    window.dispatchEvent(new Event('pagehide'));
    expect(t.api.logouts).to.equal(1);
    expect(t.identity.adopted).to.have.length(1);
  });

  /** A step-up under the verified session of acc_4f2b9c. */
  const setUpStepUp = (onRenewed: (session: DeviceSession, nonce: string) => unknown) =>
    setUp({
      purpose: 'step-up',
      expectedAccountId: 'acc_4f2b9c',
      csrfToken: 'csrf_old',
      onRenewed,
    } as Partial<DeviceFlowOptions>);

  it('step-up: sends the account and CSRF token; the same account ends renewed, handed to onRenewed', async () => {
    const renewed: DeviceSession[] = [];
    const nonces: string[] = [];
    const t = setUpStepUp((s: DeviceSession, nonce: string) => renewed.push(s) && nonces.push(nonce));
    await t.flow.start();
    expect(t.api.starts).to.deep.equal([
      { purpose: 'step-up', deviceName: 'Test TV', expectedAccountId: 'acc_4f2b9c', csrfToken: 'csrf_old' },
    ]);
    t.api.answers = [{ kind: 'approved', session: session({ sessionId: 'ses_2' }) }];
    await advance(t, 5000);
    expect(t.flow.state.phase).to.equal('renewed');
    expect(renewed.map((s) => s.sessionId)).to.deep.equal(['ses_2']);
    expect(nonces, 'the nonce of the code polled').to.deep.equal(['nonce_1']);
    expect(t.identity.held + t.identity.adopted.length).to.equal(0);
  });

  it('step-up: after a new code, onRenewed gets the nonce of the code the approval answered', async () => {
    const nonces: string[] = [];
    const t = setUpStepUp((_s: DeviceSession, nonce: string) => nonces.push(nonce));
    await t.flow.start();
    await t.flow.start();
    expect(t.flow.state).to.deep.include({ phase: 'waiting' });
    t.api.answers = [{ kind: 'approved', session: session({ sessionId: 'ses_3' }) }];
    await advance(t, 5000);
    expect(t.api.polledCodes).to.deep.equal(['dc_2']);
    expect(nonces).to.deep.equal(['nonce_2']);
  });

  it('step-up: an approval for another account is an identity-stop (mismatch), never a switch', async () => {
    const renewed: DeviceSession[] = [];
    const t = setUpStepUp((s: DeviceSession) => renewed.push(s));
    await t.flow.start();
    t.api.answers = [{ kind: 'approved', session: session({ accountId: 'acc_7d1e3a', loginId: 'hanako@example.jp' }) }];
    await advance(t, 5000);
    expect(t.flow.state).to.deep.include({ phase: 'ended', reason: 'refused' });
    expect(t.identity.stops.map((s) => [s.error.check, s.cause, s.error.receivedAccountId])).to.deep.equal([
      ['session-account', 'mismatch', 'acc_7d1e3a'],
    ]);
    expect(renewed).to.deep.equal([]);
  });

  it('masks the local part of the login id', () => {
    expect(maskLoginId('taro@example.jp')).to.equal('ta***@example.jp');
    expect(maskLoginId('ab@example.jp')).to.equal('a***@example.jp');
    expect(maskLoginId('a@example.jp')).to.equal('a***@example.jp');
    expect(maskLoginId('hanako.yamada@example.jp')).to.equal('ha***@example.jp');
  });
});
