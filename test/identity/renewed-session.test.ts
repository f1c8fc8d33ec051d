/**
 * IdentityStore.acceptRenewedSession, the one gate every fresh proof
 * (password, the phone's step-up) passes: our nonce and the same account, or
 * an identity-stop; and needsFreshProof on the server's clock.
 */
import { expect } from '@open-wc/testing';
import type { Session } from '../../src/api/schemas.js';
import { IdentityStore } from '../../src/identity/identity-store.js';
import { HANAKO, TARO, loginElsewhere, resetAll } from '../support/app-harness.js';

async function readyStore(): Promise<IdentityStore> {
  await resetAll();
  await loginElsewhere(TARO.loginId);
  const store = new IdentityStore();
  await store.start();
  expect(store.state).to.equal('ready');
  return store;
}

function renewed(store: IdentityStore, patch: Partial<Session>): Session {
  return { ...store.verifiedSession!, sessionId: 'ses_new', csrfToken: 'csrf_new', ...patch };
}

describe('renewed sessions (fresh proofs of identity)', () => {
  it('our nonce and the same account: the new sessionId and csrfToken replace the old ones', async () => {
    const store = await readyStore();
    const accepted = await store.acceptRenewedSession(renewed(store, { nonce: 'n1' }), 'n1', '/auth/reauth');
    expect(accepted).to.equal(true);
    expect(store.state).to.equal('ready');
    expect(store.verifiedSession!.sessionId).to.equal('ses_new');
    expect(store.verifiedSession!.csrfToken).to.equal('csrf_new');
  });

  it('another nonce: identity-stop, the renewed session is not taken', async () => {
    const store = await readyStore();
    const accepted = await store.acceptRenewedSession(renewed(store, { nonce: 'someone-else' }), 'n1', '/auth/reauth');
    expect(accepted).to.equal(false);
    expect(store.state).to.equal('identity-stop');
    expect(store.snapshot.stopCause).to.equal('login-mismatch');
    expect(store.verifiedSession).to.equal(null);
  });

  it('our nonce but another account: identity-stop, never a switch', async () => {
    const store = await readyStore();
    const other = renewed(store, { nonce: 'n1', accountId: HANAKO.accountId, loginId: HANAKO.loginId });
    expect(await store.acceptRenewedSession(other, 'n1', '/auth/device/token')).to.equal(false);
    expect(store.state).to.equal('identity-stop');
    expect(store.verifiedSession).to.equal(null);
  });

  it('needsFreshProof ages authTime on the server clock the session answer gave', async () => {
    const store = await readyStore();
    expect(store.needsFreshProof()).to.equal(false);
    const session = store.verifiedSession!;
    const authTime = Date.parse(session.authTime!);
    const ahead = session.serverClockAheadMs ?? 0;
    // Four minutes and a bit after the proof, on the server's clock: too close to the 5-minute limit.
    expect(store.needsFreshProof(authTime - ahead + 4 * 60_000 + 1000)).to.equal(true);
    expect(store.needsFreshProof(authTime - ahead + 2 * 60_000)).to.equal(false);
    await store.acceptRenewedSession({ ...session, nonce: 'n', authTime: undefined }, 'n', '/auth/reauth');
    expect(store.needsFreshProof()).to.equal(true);
  });
});
