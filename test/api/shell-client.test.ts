/**
 * The shell's plain-fetch client and the early session read (issue 10: the
 * start-up read goes out before the entry has loaded). The early request is
 * adopted by the first read only, under its own request id; a failed one is
 * sent again; nothing later is ever answered by it.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { startEarlySessionRead } from '../../src/api/early-session-read.js';
import { NetworkError, TimeoutError, UnauthorizedError } from '../../src/api/errors.js';
import { send } from '../../src/api/fetch-client.js';
import { readSession } from '../../src/api/session-api.js';
import { TARO, loginElsewhere, mockWorker, resetAll } from '../support/app-harness.js';

function sessionReads(mock: Awaited<ReturnType<typeof resetAll>>) {
  return mock.requests.filter((r) => r.method === 'GET' && r.path === '/api/auth/session');
}

describe('the early session read', () => {
  it('is adopted by the first read only: one request, its answer, its request id; later reads are fresh', async () => {
    const mock = await resetAll();
    await loginElsewhere(TARO.loginId);
    startEarlySessionRead();
    // Sent before anyone asked for the session, as from the early chunk.
    await new Promise<void>((resolve) => {
      const check = (): void => (sessionReads(mock).length ? resolve() : void requestAnimationFrame(check));
      check();
    });
    const first = await readSession();
    expect(first?.accountId).to.equal(TARO.accountId);
    const reads = sessionReads(mock);
    expect(reads, 'the first read sent nothing of its own').to.have.length(1);
    expect(reads[0]!.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);

    // Logged out meanwhile: a later read must ask again, never reuse the early answer.
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
    startEarlySessionRead(); // a second early read per page is refused
    expect(await readSession()).to.equal(null);
    const after = sessionReads(mock);
    expect(after).to.have.length(2);
    expect(after[1]!.headers['x-request-id']).to.not.equal(reads[0]!.headers['x-request-id']);
  });
});

describe('the shell client (fetch-client.ts)', () => {
  const read = { method: 'GET', path: '/auth/session', endpoint: '/auth/session', retryUnsent: true } as const;

  it('sends again, under the same request id, a first attempt that failed on the way', async () => {
    const mock = await resetAll();
    await loginElsewhere(TARO.loginId);
    const answer = await send(read, { requestId: 'early-id-1', response: Promise.reject(new TypeError('offline')) });
    expect((answer.body as { accountId: string }).accountId).to.equal(TARO.accountId);
    expect(answer.requestId).to.equal('early-id-1');
    expect(sessionReads(mock).map((r) => r.headers['x-request-id'])).to.deep.equal(['early-id-1']);
  });

  it('retries a read that never reached the server twice, then fails with NetworkError', async () => {
    const mock = await resetAll();
    const worker = await mockWorker();
    let attempts = 0;
    worker.use(
      http.get('/api/auth/session', () => {
        attempts++;
        return HttpResponse.error();
      }),
    );
    try {
      const failure = await send(read).catch((error: unknown) => error);
      expect(failure).to.be.instanceOf(NetworkError);
      expect(attempts).to.equal(3);
      expect(sessionReads(mock)).to.have.length(0);
    } finally {
      worker.resetHandlers();
    }
  });

  it('never retries a POST, and maps 401 to UnauthorizedError', async () => {
    await resetAll();
    const worker = await mockWorker();
    let attempts = 0;
    worker.use(
      http.post('/api/auth/logout', () => {
        attempts++;
        return HttpResponse.error();
      }),
    );
    try {
      const failure = await send({ method: 'POST', path: '/auth/logout', endpoint: '/auth/logout' }).catch(
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(NetworkError);
      expect(attempts).to.equal(1);
    } finally {
      worker.resetHandlers();
    }
    const signedOut = await send(read).catch((error: unknown) => error);
    expect(signedOut).to.be.instanceOf(UnauthorizedError);
  });

  it('gives up on an attempt that never answers: TimeoutError, not sent again', async () => {
    await resetAll();
    const failure = await send(
      { ...read, timeoutMs: 20 },
      { requestId: 'early-id-2', response: new Promise<Response>(() => undefined) },
    ).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(TimeoutError);
  });

  it('sends the contract headers: JSON, no-store, credentials, X-Request-Id', async () => {
    const mock = await resetAll();
    await send({
      method: 'POST',
      path: '/security/identity-mismatch',
      endpoint: '/security/identity-mismatch',
      json: { expectedAccountId: 'a', receivedAccountId: 'b', endpoint: '/contract', requestId: null },
      headers: { 'Idempotency-Key': 'k1' },
    }).catch(() => undefined);
    const sent = mock.requests.find((r) => r.path === '/api/security/identity-mismatch')!;
    expect(sent.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
    expect(sent.headers['idempotency-key']).to.equal('k1');
    expect(sent.body).to.deep.equal({
      expectedAccountId: 'a',
      receivedAccountId: 'b',
      endpoint: '/contract',
      requestId: null,
    });
  });
});
