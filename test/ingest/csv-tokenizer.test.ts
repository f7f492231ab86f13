// The hand-written tokenizer against RFC 4180 cases, line numbers, chunk boundaries, and csv-stringify round trips.
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, MAX_CELL_CHARS, tokenize } from '../../src/ingest/csv-tokenizer.js';

function records(text: string, chunkSize = text.length || 1, delimiter = ',', skip = 0): [string[], number][] {
  const out: [string[], number][] = [];
  const t = new CsvTokenizer(delimiter, skip, (cells, line) => void out.push([cells, line]));
  for (let i = 0; i < text.length; i += chunkSize) t.push(text.slice(i, i + chunkSize));
  t.end();
  return out;
}

describe('CsvTokenizer', () => {
  it('quoted delimiters, escaped quotes, quoted newlines, and the line each record starts on', () => {
    const text = 'a,b,c\r\n"x,1","say ""hi""","two\nlines"\r\n3,4,5';
    expect(records(text)).toEqual([
      [['a', 'b', 'c'], 1],
      [['x,1', 'say "hi"', 'two\nlines'], 2],
      [['3', '4', '5'], 4],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1,h2\r\n"a ""q"" b",2\r\n\r\n"multi\r\nline",x\rlast,"end"\n';
    const whole = records(text);
    for (let size = 1; size <= 7; size++) expect(records(text, size)).toEqual(whole);
    expect(whole).toEqual([[['h1', 'h2'], 1], [['a "q" b', '2'], 2], [['multi\r\nline', 'x'], 4], [['last', 'end'], 6]]);
  });

  it('counts a line break inside quotes as one line whether it is LF, CRLF or CR, whatever the chunks', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `h1,h2${eol}"two${eol}lines",1${eol}"a${eol}${eol}b",2${eol}last,3${eol}`;
      for (let size = 1; size <= text.length; size++) {
        expect(records(text, size).map(([, line]) => line)).toEqual([1, 2, 4, 7]);
      }
    }
  });

  it('skips blank lines and rows of empty cells, and preamble lines', () => {
    expect(records('Date 10/24/2026\nA\tB\n\n\t\n1\t2\n', 100, '\t', 1)).toEqual([[['A', 'B'], 2], [['1', '2'], 5]]);
  });

  it('takes a quote inside an unquoted cell literally', () => {
    expect(tokenize('Robert "Bob" Lee,5\n"ab"cd,6', ',')).toEqual([['Robert "Bob" Lee', '5'], ['abcd', '6']]);
  });

  it('an unclosed quote is an error naming the line where it opened', () => {
    expect(() => records('a,b\n1,"never\nclosed\n')).toThrow(/quoted cell opened on line 2 is never closed/);
  });

  it('refuses a cell past MAX_CELL_CHARS, quoted or not, in one chunk or many, naming the line it starts on', () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 1);
    for (const chunk of [65_536, long.length + 20]) {
      expect(() => records(`a,b\n1,2\n3,"${long}`, chunk)).toThrow('a cell starting on line 3 is longer than 1,000,000 characters (a quote never closed?)');
    }
    // Unquoted, a cell is held by itself only while it spans reads (a file is read 64 KB at a time): checked there.
    expect(() => records(`a,b\n1,2\n3,4\n5,${long}${'x'.repeat(65_536)}\n`, 65_536)).toThrow(/^a cell starting on line 4 is longer than 1,000,000 characters$/);
    // At the limit it is a cell like any other.
    expect(records(`a\n"${'y'.repeat(MAX_CELL_CHARS)}"\n`, 65_536)[1][0][0]).toHaveLength(MAX_CELL_CHARS);
  });

  it('stops when the handler returns false', () => {
    const seen: string[] = [];
    const t = new CsvTokenizer(',', 0, (cells) => (seen.push(cells[0]), seen.length < 2 ? undefined : false));
    expect(t.push('a\nb\nc\nd\n')).toBe(false);
    expect(seen).toEqual(['a', 'b']);
  });

  it('round-trips anything csv-stringify writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', '\t', 'é', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';', '\t'), fc.integer({ min: 1, max: 9 }), (rows, delimiter, chunk) => {
        const kept = rows.filter((r) => r.some((c) => c.trim() !== ''));
        const text = stringify(rows, { delimiter, quoted_match: /[\r\n\s]/, record_delimiter: 'windows' });
        expect(records(text, chunk, delimiter).map(([cells]) => cells)).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  });
});
