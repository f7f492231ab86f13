import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY_CENTS, parseMoney } from '../../../src/mapping/cells/parse-money.js';

const NOT_AN_AMOUNT = { ok: false, expected: 'an amount like 1234.56' };

describe('parseMoney', () => {
  it.each([
    ['1234.5', 123450], // 1234 dollars * 100 + 5 tenths = 50 cents
    ['1234.56', 123456],
    ['1234', 123400],
    ['$1,234.56', 123456],
    ['-12.00', -1200],
    ['(12.00)', -1200],
    ['($12.00)', -1200],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['160.0', 16000],
    ['+5.00', 500],
    ['.50', 50],
    ['.5', 50],
    ['1,234', 123400],
    ['1,234,567.89', 123456789],
    ['12.00-', -1200], // trailing minus of some PMS exports
    ['$12.00-', -1200],
    ['0.29', 29], // 0.29 * 100 in floating point is 28.999999999999996: digits must be read as integers
    ['1.005', undefined],
    ['0.07', 7],
    ['0', 0],
    ['-0.00', 0],
    ['(0.00)', 0],
    ['007.10', 710],
    ['( 12.00 )', -1200],
    ['$ 5', 500],
    ['999,999,999.99', 99_999_999_999],
    ['-999999999.99', -99_999_999_999],
  ])('reads %s', (raw, cents) => {
    if (cents === undefined) expect(parseMoney(raw).ok).toBe(false);
    else expect(parseMoney(raw)).toEqual({ ok: true, value: cents });
  });

  it('never returns negative zero', () => {
    const result = parseMoney('-0.00');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each([
    '12,5', '1,23.00', '1,2345', ',123', '1,', '12,34,567', '1.234', '1.2345', '12,5O', '12 USD', 'USD 12', '1.2.3',
    'abc', '$', '-', '()', '(-)', '.', '1.', '(12.00', '12.00)', '(-12.00)', '-12.00-', '--12', '-$-12', '$12$', '1e5',
    '12-00', '12 34', '+-5',
  ])('rejects %s', (raw) => {
    expect(parseMoney(raw)).toEqual(NOT_AN_AMOUNT);
  });

  it('rejects more than 999,999,999.99 with its own reason', () => {
    const tooLarge = { ok: false, expected: 'an amount no larger than 999,999,999.99' };
    expect(parseMoney('1,000,000,000.00')).toEqual(tooLarge);
    expect(parseMoney('-1000000000')).toEqual(tooLarge);
    expect(parseMoney('99999999999999999999999')).toEqual(tooLarge);
  });

  const grouped = (units: number): string => String(units).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const dollars = (abs: number): string => `${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;

  it('round-trips any amount written as -?$1,234.56', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MONEY_CENTS, max: MAX_MONEY_CENTS }), (cents) => {
        const text = `${cents < 0 ? '-' : ''}$${dollars(Math.abs(cents))}`;
        expect(parseMoney(text)).toEqual({ ok: true, value: cents });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any negative amount written as (1,234.56) and as plain digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MONEY_CENTS, max: -1 }), (cents) => {
        expect(parseMoney(`(${dollars(-cents)})`)).toEqual({ ok: true, value: cents });
        expect(parseMoney(`-${dollars(-cents).replace(/,/g, '')}`)).toEqual({ ok: true, value: cents });
      }),
      { numRuns: 2000 },
    );
  });
});
