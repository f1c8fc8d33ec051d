/**
 * The hand-written checks of the two payloads the shell reads before valibot
 * has loaded (identity check 4): every malformed field refuses the whole
 * session, and nothing the check does not know gets through.
 */
import { expect } from '@open-wc/testing';
import { checkProblem, checkSession } from '../../src/api/session-schema.js';

const valid = {
  accountId: 'acc_4f2b9c',
  loginId: 'taro@example.jp',
  sessionId: 'ses_1',
  csrfToken: 'csrf_1',
  expiresAt: '2026-12-01T21:00:00+09:00',
  nonce: null,
  authTime: '2026-12-01T19:02:11+09:00',
};

describe('checkSession', () => {
  it('accepts a session and copies only the fields it knows', () => {
    const checked = checkSession({ ...valid, cardLast3: '660', extra: { accountId: 'acc_other' } });
    expect(checked).to.deep.equal(valid);
  });

  it('accepts a session without authTime, and a string nonce', () => {
    const { authTime: _authTime, ...withoutAuthTime } = valid;
    expect(checkSession({ ...withoutAuthTime, nonce: 'n1' })).to.deep.equal({ ...withoutAuthTime, nonce: 'n1' });
  });

  const broken: Array<[string, unknown]> = [
    ['accountId', ''],
    ['accountId', 42],
    ['loginId', undefined],
    ['sessionId', null],
    ['csrfToken', ['csrf']],
    ['expiresAt', '2026-12-01 21:00'],
    ['expiresAt', '2026-02-31T21:00:00+09:00x'],
    ['expiresAt', '2026-13-45T99:99:00Z'],
    ['nonce', 7],
    ['nonce', undefined],
    ['authTime', null],
    ['authTime', 'yesterday'],
  ];
  for (const [field, value] of broken) {
    it(`refuses the whole session when ${field} is ${JSON.stringify(value) ?? 'missing'}`, () => {
      expect(checkSession({ ...valid, [field]: value })).to.equal(null);
    });
  }

  for (const body of [null, 'session', [valid], 3]) {
    it(`refuses ${JSON.stringify(body)}`, () => {
      expect(checkSession(body)).to.equal(null);
    });
  }
});

describe('checkProblem', () => {
  it('keeps type, title and field errors, nothing else', () => {
    const problem = {
      type: 'https://example.jp/problems/validation',
      title: 'Invalid',
      status: 422,
      detail: 'd',
      errors: [{ field: 'cardNumber', code: 'luhn', value: '4111' }],
      accountId: 'acc_other',
    };
    expect(checkProblem(problem)).to.deep.equal({
      type: problem.type,
      title: 'Invalid',
      errors: [{ field: 'cardNumber', code: 'luhn' }],
    });
  });

  for (const body of [
    { type: 5 },
    { title: ['x'] },
    { errors: [{ field: 'a' }] },
    { errors: 'cardNumber' },
    null,
    'error',
  ]) {
    it(`counts ${JSON.stringify(body)} as no details`, () => {
      expect(checkProblem(body)).to.deep.equal({});
    });
  }

  it('keeps each well-formed field beside a malformed one', () => {
    expect(checkProblem({ type: 'https://example.jp/problems/busy', title: 7, errors: [{ code: 'x' }] })).to.deep.equal(
      {
        type: 'https://example.jp/problems/busy',
      },
    );
  });
});
