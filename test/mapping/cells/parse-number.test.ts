import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../src/mapping/cells/parse-number.js';

describe('parseNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['-0.25', -0.25],
    ['.5', 0.5],
    ['+3', 3],
    ['1,234.5', 1234.5],
    ['1,234', 1234],
    ['60', 60],
  ])('reads %s', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each(['12,5', '1.2.3', '1e3', 'NaN', 'Infinity', '12%', '-', '.', '5.'])('rejects %s', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, expected: 'a number like 12.5' });
  });
});
