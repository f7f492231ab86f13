import { describe, expect, it } from 'vitest';
import { parseList } from '../../../src/mapping/cells/parse-list.js';

describe('parseList', () => {
  it('splits on commas by default, trimming and dropping empty items', () => {
    expect(parseList('90837, 90791,,  90834 ,')).toEqual({ ok: true, value: ['90837', '90791', '90834'] });
  });

  it('splits on the separator given', () => {
    expect(parseList('90837; 90791', ';')).toEqual({ ok: true, value: ['90837', '90791'] });
    expect(parseList('a | b', ' | ')).toEqual({ ok: true, value: ['a', 'b'] });
  });

  it('keeps a cell without separators whole, and reads separators only as an empty list', () => {
    expect(parseList('90837')).toEqual({ ok: true, value: ['90837'] });
    expect(parseList(', ,')).toEqual({ ok: true, value: [] });
  });
});
