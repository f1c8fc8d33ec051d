/** src/identity/tab-account-memory.ts: which account this tab was opened for, across reloads, never beyond. */
import { expect } from '@open-wc/testing';
import { TabAccountMemory } from '../../src/identity/tab-account-memory.js';

/** A Storage that refuses every access, as some TV browsers do in private or kiosk modes. */
const refusingStorage = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('denied', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
} as unknown as Storage;

describe('tab account memory', () => {
  beforeEach(() => sessionStorage.clear());

  it('remembers the account id only, in sessionStorage, so a reload (a new instance) reads it', () => {
    new TabAccountMemory().write('acc_4f2b9c');
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal('acc_4f2b9c');
    expect(localStorage.getItem('my-page.tab-account')).to.equal(null);
    const reloaded = new TabAccountMemory();
    expect(reloaded.read()).to.equal('acc_4f2b9c');
    expect(reloaded.recall()).to.deep.equal({ kind: 'account', accountId: 'acc_4f2b9c' });
  });

  it('nothing remembered: none', () => {
    expect(new TabAccountMemory().recall()).to.deep.equal({ kind: 'none' });
    expect(new TabAccountMemory().read()).to.equal(null);
  });

  it('a stopped tab remembers the stop and its cause, and adopts no account on reload', () => {
    const memory = new TabAccountMemory();
    memory.write('acc_4f2b9c');
    memory.markStopped('mismatch');
    const reloaded = new TabAccountMemory();
    expect(reloaded.recall()).to.deep.equal({ kind: 'stopped', cause: 'mismatch', awaitingLogin: false });
    expect(reloaded.read()).to.equal(null);
  });

  it('"log in again" after a stop: still nobody adopted; only a login here (write) lifts it', () => {
    const memory = new TabAccountMemory();
    memory.markStopped('account-changed');
    memory.markAwaitingLogin();
    expect(new TabAccountMemory().recall()).to.deep.equal({ kind: 'stopped', cause: '', awaitingLogin: true });
    memory.write('acc_7d1e3a');
    expect(new TabAccountMemory().recall()).to.deep.equal({ kind: 'account', accountId: 'acc_7d1e3a' });
  });

  it('awaiting login is only marked on a stopped tab', () => {
    const memory = new TabAccountMemory();
    memory.write('acc_4f2b9c');
    memory.markAwaitingLogin();
    expect(memory.read()).to.equal('acc_4f2b9c');
  });

  it('clear forgets everything', () => {
    const memory = new TabAccountMemory();
    memory.write('acc_4f2b9c');
    memory.clear();
    expect(sessionStorage.getItem('my-page.tab-account')).to.equal(null);
    expect(memory.recall()).to.deep.equal({ kind: 'none' });
  });

  for (const [label, storage] of [
    ['no storage at all', null],
    ['storage that throws', refusingStorage],
  ] as const) {
    it(`${label}: the memory still holds for this page's lifetime`, () => {
      const memory = new TabAccountMemory(storage);
      expect(memory.read()).to.equal(null);
      memory.write('acc_4f2b9c');
      expect(memory.read()).to.equal('acc_4f2b9c');
      memory.markStopped('mismatch');
      expect(memory.recall()).to.deep.equal({ kind: 'stopped', cause: 'mismatch', awaitingLogin: false });
      memory.clear();
      expect(memory.recall()).to.deep.equal({ kind: 'none' });
    });
  }
});
