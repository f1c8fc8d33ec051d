import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { IdentityMismatchError, InvalidResponseError } from '../../src/api/errors.js';
import { findForeignAccountId, guardEnvelope } from '../../src/api/identity-guard.js';
import { contractSchema, favoritesSchema } from '../../src/api/account-schemas.js';

const context = { expectedAccountId: 'acc_me', requestId: 'req-1', endpoint: '/favorites' };
const favorites = { items: [{ titleId: 'ttl_1', title: '海辺の約束', addedAt: '2026-11-01T20:00:00+09:00' }] };

function envelope(overrides: Record<string, unknown> = {}) {
  return { accountId: 'acc_me', requestId: 'req-1', data: favorites, ...overrides };
}

function failure(body: unknown, schema: v.GenericSchema = favoritesSchema): unknown {
  try {
    guardEnvelope(body, context, schema);
  } catch (error) {
    return error;
  }
  throw new Error('the guard accepted the payload');
}

describe('guardEnvelope', () => {
  it('returns the typed data of an envelope that passes checks 1-4', () => {
    expect(guardEnvelope(envelope(), context, favoritesSchema)).to.deep.equal(favorites);
  });

  it('drops unknown extra fields instead of passing them on', () => {
    const data = { items: [{ ...favorites.items[0], secret: 'x' }], extra: 1 };
    expect(guardEnvelope(envelope({ data }), context, favoritesSchema)).to.deep.equal(favorites);
  });

  it('check 1: refuses another account, a missing account and a non-string account', () => {
    for (const accountId of ['acc_other', undefined, null, 42, 'ACC_ME', ' acc_me']) {
      const error = failure(envelope({ accountId }));
      expect(error).to.be.instanceOf(IdentityMismatchError);
      expect((error as IdentityMismatchError).check).to.equal('envelope-account');
    }
  });

  it('check 1 runs even when the body is not an envelope at all', () => {
    for (const body of [null, 'text', [], 7, { data: favorites }]) {
      expect((failure(body) as IdentityMismatchError).check).to.equal('envelope-account');
    }
  });

  it('check 2: refuses the answer to another request', () => {
    const error = failure(envelope({ requestId: 'req-2' })) as IdentityMismatchError;
    expect(error.check).to.equal('request-id');
    expect(error.receivedAccountId).to.equal('acc_me');
  });

  it('check 3: refuses a foreign accountId at any depth, in objects and arrays', () => {
    const nested = {
      items: [favorites.items[0], { ...favorites.items[0], meta: [{ deep: { accountId: 'acc_other' } }] }],
    };
    const error = failure(envelope({ data: nested })) as IdentityMismatchError;
    expect(error.check).to.equal('nested-account');
    expect(error.receivedAccountId).to.equal('acc_other');
  });

  it('check 3 accepts nested accountIds that are the verified account', () => {
    const data = { items: [{ ...favorites.items[0], accountId: 'acc_me' }] };
    expect(() => guardEnvelope(envelope({ data }), context, favoritesSchema)).not.to.throw();
  });

  it('check 3 treats a nested accountId of another type as foreign', () => {
    const data = { items: [{ ...favorites.items[0], accountId: null }] };
    expect((failure(envelope({ data })) as IdentityMismatchError).check).to.equal('nested-account');
  });

  it('check 3 survives a hostile, very deeply nested payload', () => {
    let deep: Record<string, unknown> = { accountId: 'acc_other' };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(findForeignAccountId(deep, 'acc_me')).to.deep.equal({ found: true, value: 'acc_other' });
  });

  it('check 3 sees a JSON key literally named __proto__', () => {
    const data = JSON.parse('{"items":[],"__proto__":{"accountId":"acc_other"}}');
    expect((failure(envelope({ data })) as IdentityMismatchError).check).to.equal('nested-account');
  });

  it('identity checks win over the schema check', () => {
    const error = failure(envelope({ accountId: 'acc_other', data: { broken: true } }));
    expect(error).to.be.instanceOf(IdentityMismatchError);
  });

  it('check 4: a schema break is an InvalidResponseError naming paths, never values', () => {
    const data = {
      planName: 'SECRET-PLAN',
      planCode: 'p',
      status: 'active',
      monthlyFee: { amount: '2530円', currency: 'JPY' },
      nextBillingDate: '2026-12-01',
      card: null,
    };
    const error = failure(envelope({ data }), contractSchema) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.paths).to.include('monthlyFee.amount');
    expect(JSON.stringify(error) + error.message).not.to.include('SECRET-PLAN');
    expect(JSON.stringify(error) + error.message).not.to.include('2530円');
  });

  it('check 4: refuses impossible dates and non-integer money', () => {
    const base = {
      planName: 'x',
      planCode: 'p',
      status: 'active',
      monthlyFee: { amount: 1, currency: 'JPY' },
      nextBillingDate: '2026-12-01',
      card: null,
    };
    for (const data of [
      { ...base, nextBillingDate: '2026-13-45' },
      { ...base, monthlyFee: { amount: 1.5, currency: 'JPY' } },
      { ...base, status: 'unknown' },
      { ...base, card: { brand: 'VISA', last3: '1234' } },
    ]) {
      expect(failure(envelope({ data }), contractSchema)).to.be.instanceOf(InvalidResponseError);
    }
  });
});
