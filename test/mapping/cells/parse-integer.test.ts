import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../../src/mapping/cells/parse-integer.js';

describe('parseInteger', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['+4', 4],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['2.0', 2], // spreadsheets re-save whole numbers with a decimal
    ['007', 7],
    ['-0', 0],
  ])('reads %s', (raw, value) => {
    expect(parseInteger(raw)).toEqual({ ok: true, value });
  });

  it.each(['2.5', '12,5', '1,23', 'abc', '1e3', '12 units', '', '9007199254740993'])('rejects %s', (raw) => {
    expect(parseInteger(raw)).toEqual({ ok: false, expected: 'a whole number like 12' });
  });
});
