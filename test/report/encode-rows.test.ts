// The row encoders write plain cells byte by byte and hand the rest to the general rules. Whatever the cell, the
// bytes must be exactly what the string writers make: the safe CSV writer (still what every export uses) and
// JSON.stringify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvWriter, formatCents } from '../../src/export/safe-csv.js';
import { ByteBuffer } from '../../src/report/byte-buffer.js';
import { csvRowEncoder, jsonRowEncoder } from '../../src/report/encode-rows.js';
import type { Column, ReportValue } from '../../src/report/model.js';

const columns: Column[] = [
  { key: 'name', kind: 'text' },
  { key: 'on', kind: 'date' },
  { key: 'amount', kind: 'money' },
  { key: 'days', kind: 'integer' },
  { key: 'flag', kind: 'boolean' },
];

/** Text a report may hold: mostly plain, with every character the encoders treat specially. */
const special = fc.constantFrom('"', ',', '\\', '\n', '\r', '\t', '\u0000', '\u007f', '=', '+', '-', '@', ' ', 'a', 'é', '😀', '\u2028', '\ud800');
/** Long text is written natively and checked after, so it gets its own cases: plain, and plain but for one character. */
const longText = fc.tuple(fc.string({ minLength: 32, maxLength: 90 }), special, fc.nat()).chain(([plain, odd, at]) =>
  fc.constantFrom(plain, plain.slice(0, at % plain.length) + odd + plain.slice(at % plain.length), plain + odd, odd + plain, `${plain}${plain}`));
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: special, maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  longText,
);
const cents = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.constant(-Number.MAX_SAFE_INTEGER), fc.constantFrom(0, -0, 5, -5, 100, -100, 1e15 - 1, 1e15, -1e15));

function csvReference(rows: Record<string, ReportValue>[]): string {
  const lines: string[] = [];
  const writer = createCsvWriter(columns, (line) => lines.push(line), { lineEnding: '\n', header: false });
  for (const row of rows) writer.write(row);
  return lines.join('');
}

/** The encoded rows, decoded: as a file holds them (a lone surrogate in a string is U+FFFD in UTF-8 either way). */
function encode(encoder: ReturnType<typeof csvRowEncoder>, rows: Record<string, ReportValue>[]): string {
  for (const row of rows) encoder.row(columns.map((c) => row[c.key]));
  return encoder.take().toString('utf8');
}

const asWritten = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

describe('csvRowEncoder', () => {
  it('writes what the safe CSV writer writes, for any text, dates, cents and counts', () => {
    const row = fc.record({
      name: fc.oneof(text, fc.constant(null)),
      on: fc.oneof(text, fc.constant(null)),
      amount: fc.oneof(cents, fc.constant(null)),
      days: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constant(null)),
      flag: fc.oneof(fc.boolean(), fc.constant(null)),
    });
    fc.assert(fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
      expect(encode(csvRowEncoder(columns), rows)).toBe(asWritten(csvReference(rows)));
    }), { numRuns: 500 });
  });

  it('quotes, neutralizes and writes money as the hand-worked examples say', () => {
    const rows = [
      { name: 'Lind, "Bo"', on: '2026-03-01', amount: -123456, days: 30, flag: true },
      { name: '=SUM(A1)', on: null, amount: 5, days: -7, flag: false },
      { name: 'Zoë', on: '', amount: 0, days: 0, flag: null },
    ];
    expect(encode(csvRowEncoder(columns), rows)).toBe('"Lind, ""Bo""",2026-03-01,-1234.56,30,true\n\'=SUM(A1),,0.05,-7,false\nZoë,,0.00,0,\n');
  });

  it('fails on cents that are not integers, as the safe CSV writer does', () => {
    expect(() => encode(csvRowEncoder(columns), [{ name: 'x', on: null, amount: 1.5, days: null, flag: null }])).toThrow(/integer cents/);
  });
});

describe('jsonRowEncoder', () => {
  it('writes each row on a line of its own as JSON.stringify writes it, indented in the rows array, money in dollars', () => {
    const value = fc.oneof(text, fc.integer(), fc.double(), fc.maxSafeInteger(), fc.boolean(), fc.constant(null));
    const row = fc.record({ name: value, on: value, amount: fc.oneof(cents, fc.double(), fc.constant(null)), days: value, flag: value }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(row, { maxLength: 5 }), (generated) => {
      const rows = generated as Partial<Record<string, ReportValue>>[];
      const encoder = jsonRowEncoder(columns);
      const money = (key: string, v: ReportValue | undefined) => (key === 'amount' && typeof v === 'number' ? v / 100 : v);
      const expected = rows.map((r) => `,\n    ${JSON.stringify(Object.fromEntries(columns.filter((c) => c.key in r).map((c) => [c.key, money(c.key, r[c.key])])))}`).join('');
      for (const r of rows) encoder.row(columns.map((c) => r[c.key]));
      expect(encoder.take().toString('utf8')).toBe(expected);
    }), { numRuns: 500 });
  });

  it('writes cents as the dollars JavaScript prints', () => {
    const encoder = jsonRowEncoder([{ key: 'amount', kind: 'money' }]);
    const amounts = [0, 5, 50, 100, 12345, 12340, -5, -12300, 999999999999999];
    for (const amount of amounts) encoder.row([amount]);
    const printed = encoder.take().toString('utf8').split(',').filter(Boolean).map((row) => row.replace('"amount":', '').replace(/[\s{}]/g, ''));
    expect(printed).toEqual(['0', '0.05', '0.5', '1', '123.45', '123.4', '-0.05', '-123', '9999999999999.99']);
  });
});

describe('ByteBuffer', () => {
  it('grows past its capacity, keeps what was written, and starts over after take', () => {
    const buffer = new ByteBuffer(4);
    buffer.utf8('abc');
    buffer.append(Buffer.from('défg'));
    buffer.utf8('h'.repeat(100));
    expect(buffer.take().toString('utf8')).toBe(`abcdéfg${'h'.repeat(100)}`);
    expect(buffer.length).toBe(0);
    buffer.utf8('next');
    expect(buffer.take().toString('utf8')).toBe('next');
  });

  it('hands out bytes that own their memory, so a worker can transfer them', () => {
    const buffer = new ByteBuffer(16);
    buffer.utf8('rows');
    const bytes = buffer.take();
    expect(bytes.byteOffset).toBe(0);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
    expect(bytes.byteLength).toBe(0);
    port1.close();
    port2.close();
  });

  it('matches formatCents for every cent amount it writes as digits', () => {
    fc.assert(fc.property(cents, (amount) => {
      const encoder = csvRowEncoder([{ key: 'amount', kind: 'money' }]);
      encoder.row([amount]);
      expect(encoder.take().toString('utf8')).toBe(`${formatCents(amount)}\n`);
    }));
  });
});
