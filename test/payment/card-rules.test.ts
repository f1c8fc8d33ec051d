import { expect } from '@open-wc/testing';
import {
  brandOf,
  formatExpiryInput,
  groupCardNumber,
  parseExpiry,
  passesLuhn,
  tokyoYearMonth,
  validateCard,
} from '../../src/payment/card-rules.js';

/** Test numbers the card networks publish (all pass Luhn). */
const CARDS = [
  { brand: 'Visa', number: '4242424242424242', cvc: '123', grouped: '4242 4242 4242 4242' },
  { brand: 'Visa', number: '4222222222222', cvc: '123', grouped: '4222 2222 2222 2' },
  { brand: 'Mastercard', number: '5555555555554444', cvc: '123', grouped: '5555 5555 5555 4444' },
  { brand: 'Mastercard', number: '2223003122003222', cvc: '123', grouped: '2223 0031 2200 3222' },
  { brand: 'American Express', number: '378282246310005', cvc: '1234', grouped: '3782 822463 10005' },
  { brand: 'JCB', number: '3530111333300000', cvc: '123', grouped: '3530 1113 3330 0000' },
  { brand: 'Diners Club', number: '30569309025904', cvc: '123', grouped: '3056 930902 5904' },
];

const NOW = new Date('2026-12-01T12:00:00+09:00');
const valid = (number: string, cvc: string) =>
  validateCard({ number, expiry: '12/26', cvc, holder: 'TARO YAMADA' }, NOW);

describe('card rules', () => {
  for (const card of CARDS) {
    it(`${card.brand} ${card.number}: brand, Luhn, grouping, security-code length`, () => {
      expect(brandOf(card.number)?.name).to.equal(card.brand);
      expect(passesLuhn(card.number)).to.equal(true);
      expect(groupCardNumber(card.number)).to.equal(card.grouped);
      const result = valid(card.number, card.cvc);
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      const wrongCvc = valid(card.number, card.cvc.length === 4 ? '123' : '1234');
      expect(wrongCvc.ok ? null : wrongCvc.problems.cardCvc).to.equal('cvc');
    });
  }

  it('Luhn refuses a changed digit, and nothing at all', () => {
    expect(passesLuhn('4242424242424241')).to.equal(false);
    expect(passesLuhn('')).to.equal(false);
  });

  it('brand boundaries: JCB 3528-3589, Mastercard 2221-2720, unknown prefixes', () => {
    expect(brandOf('3528000000000000')?.name).to.equal('JCB');
    expect(brandOf('3589000000000000')?.name).to.equal('JCB');
    expect(brandOf('3590000000000000')).to.equal(null);
    expect(brandOf('2221000000000000')?.name).to.equal('Mastercard');
    expect(brandOf('2720990000000000')?.name).to.equal('Mastercard');
    expect(brandOf('2721000000000000')).to.equal(null);
    expect(brandOf('6011111111111117')).to.equal(null);
  });

  it('a length the brand does not issue is a number problem, not a Luhn one', () => {
    const result = valid('42424242424242', '123');
    expect(result.ok ? null : result.problems.cardNumber).to.equal('number');
  });

  it('expiry: MM/YY, MMYY, months 1-12 only', () => {
    expect(parseExpiry('08/29')).to.deep.equal({ month: 8, year: 2029 });
    expect(parseExpiry('0829')).to.deep.equal({ month: 8, year: 2029 });
    expect(parseExpiry(' 8 / 29 ')).to.deep.equal({ month: 8, year: 2029 });
    expect(parseExpiry('13/29')).to.equal(null);
    expect(parseExpiry('00/29')).to.equal(null);
    expect(parseExpiry('8/2029')).to.equal(null);
    expect(formatExpiryInput('0829')).to.equal('08/29');
    expect(formatExpiryInput('08')).to.equal('08');
  });

  it('the current month is valid and the last one expired, counted in Tokyo', () => {
    // 2026-11-30T15:30Z is already 1 December in Tokyo.
    const tokyoDecember = new Date('2026-11-30T15:30:00Z');
    expect(tokyoYearMonth(tokyoDecember)).to.deep.equal({ year: 2026, month: 12 });
    const check = (expiry: string) =>
      validateCard({ number: '4242424242424242', expiry, cvc: '123', holder: 'A' }, tokyoDecember);
    expect(check('12/26').ok).to.equal(true);
    const november = check('11/26');
    expect(november.ok ? null : november.problems.cardExpiry).to.equal('expired');
    // New Year's Eve in UTC is already January in Tokyo.
    expect(tokyoYearMonth(new Date('2026-12-31T15:00:00Z'))).to.deep.equal({ year: 2027, month: 1 });
  });

  it('every field reports its own problem; the holder name is cleaned', () => {
    const empty = validateCard({ number: '', expiry: '', cvc: '', holder: '  ' }, NOW);
    expect(empty.ok ? null : empty.problems).to.deep.equal({
      cardNumber: 'required',
      cardExpiry: 'required',
      cardCvc: 'required',
      cardHolder: 'holder',
    });
    const cleaned = validateCard(
      { number: '4242 4242-4242 4242', expiry: '1226', cvc: '123', holder: ' TARO   YAMADA ' },
      NOW,
    );
    expect(cleaned.ok && cleaned.card.holderName).to.equal('TARO YAMADA');
    expect(cleaned.ok && cleaned.card.number).to.equal('4242424242424242');
  });
});
