import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isPracticeSyncError } from '../../src/errors.js';
import { createCsvWriter, formatCents, neutralizeCell, toCsv } from '../../src/export/safe-csv.js';

describe('formatCents', () => {
  it('writes plain two-decimal numbers', () => {
    expect(formatCents(-2930)).toBe('-29.30');
    expect(formatCents(123456)).toBe('1234.56');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(100000000)).toBe('1000000.00');
  });

  it('refuses anything but integer cents with an internal error', () => {
    for (const bad of [12.5, Number.NaN, Infinity, 2 ** 60]) {
      try {
        formatCents(bad);
        expect.unreachable();
      } catch (error) {
        expect(isPracticeSyncError(error) && error.code).toBe('internal');
      }
    }
  });
});

describe('neutralizeCell', () => {
  it('prefixes an apostrophe to text a spreadsheet would run', () => {
    expect(neutralizeCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeCell('+1 555')).toBe(`'+1 555`);
    expect(neutralizeCell('-Ins Est')).toBe(`'-Ins Est`);
    expect(neutralizeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutralizeCell('\tx')).toBe(`'\tx`);
    expect(neutralizeCell('\rx')).toBe(`'\rx`);
    expect(neutralizeCell('\nx')).toBe(`'\nx`);
    // Signed, but not only a number: still guarded.
    expect(neutralizeCell('-19.40 refund')).toBe(`'-19.40 refund`);
    expect(neutralizeCell('-1e5')).toBe(`'-1e5`);
    expect(neutralizeCell('+1-1')).toBe(`'+1-1`);
    expect(neutralizeCell('-.5')).toBe(`'-.5`);
    expect(neutralizeCell('-')).toBe(`'-`);
  });

  it('leaves a signed number as the number it is (a refund in a text column)', () => {
    expect(neutralizeCell('-19.40')).toBe('-19.40');
    expect(neutralizeCell('+5')).toBe('+5');
    expect(neutralizeCell('-0')).toBe('-0');
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeCell('Rivera, Ana')).toBe('Rivera, Ana');
    expect(neutralizeCell('a=b')).toBe('a=b');
    expect(neutralizeCell('')).toBe('');
  });
});

describe('toCsv', () => {
  const columns = [
    { key: 'name', kind: 'text', header: 'Patient Name' },
    { key: 'amount', kind: 'money', header: 'Amount' },
    { key: 'date', kind: 'date', label: 'Date' },
    { key: 'units', kind: 'number' },
  ] as const;

  it('quotes per RFC 4180, neutralizes text but never money, CRLF by default', () => {
    const csv = toCsv(columns, [
      { name: '=HYPERLINK("http://evil.test","Click")', amount: -2930, date: '2026-03-02', units: 1.5 },
      { name: 'Okafor, Ben', amount: 123456, date: null, units: null },
      { name: 'line\nbreak', amount: null, date: '2026-03-04', units: '2' },
    ]);
    expect(csv).toBe(
      'Patient Name,Amount,Date,units\r\n' +
        `"'=HYPERLINK(""http://evil.test"",""Click"")",-29.30,2026-03-02,1.5\r\n` +
        '"Okafor, Ben",1234.56,,\r\n' +
        '"line\nbreak",,2026-03-04,2\r\n',
    );
    expect(parse(csv, { columns: true })).toEqual([
      { 'Patient Name': `'=HYPERLINK("http://evil.test","Click")`, Amount: '-29.30', Date: '2026-03-02', units: '1.5' },
      { 'Patient Name': 'Okafor, Ben', Amount: '1234.56', Date: '', units: '' },
      { 'Patient Name': 'line\nbreak', Amount: '', Date: '2026-03-04', units: '2' },
    ]);
  });

  it('takes a line ending and delimiter', () => {
    const csv = toCsv([{ key: 'a', kind: 'text' }, { key: 'b', kind: 'money' }], [{ a: 'x;y', b: 100 }], { lineEnding: '\n', delimiter: ';' });
    expect(csv).toBe('a;b\n"x;y";1.00\n');
  });

  it('throws internal when a money cell is not integer cents', () => {
    for (const bad of [12.5, '12.50']) {
      try {
        toCsv([{ key: 'm', kind: 'money' }], [{ m: bad }]);
        expect.unreachable();
      } catch (error) {
        expect(isPracticeSyncError(error) && error.code).toBe('internal');
      }
    }
  });

  it('accepts report columns (integer, boolean) as they are', () => {
    const csv = toCsv([{ key: 'n', kind: 'integer' }, { key: 'ok', kind: 'boolean' }], [{ n: 3, ok: true }, { n: -1, ok: false }]);
    expect(csv).toBe('n,ok\r\n3,true\r\n-1,false\r\n');
    expect(() => toCsv([{ key: 'n', kind: 'integer' }], [{ n: 1.5 }])).toThrow(/integer column/);
  });
});

describe('createCsvWriter', () => {
  it('streams the header at once, then one line per row', () => {
    const lines: string[] = [];
    const writer = createCsvWriter([{ key: 'a', kind: 'text' }], (line) => lines.push(line), { lineEnding: '\n' });
    expect(lines).toEqual(['a\n']);
    writer.write({ a: '=1' });
    writer.write({ a: 'plain' });
    expect(lines).toEqual(['a\n', "'=1\n", 'plain\n']);
    expect(writer.rows).toBe(2);
  });

  it('can leave the header out', () => {
    const lines: string[] = [];
    createCsvWriter([{ key: 'a', kind: 'text' }], (line) => lines.push(line), { header: false }).write({ a: 'x' });
    expect(lines).toEqual(['x\r\n']);
  });
});
