// Renderers of a Report: JSON (money in dollars), CSV (through the safe writer), and plain values for tables.
// JSON and CSV render in pieces — a head, rows a chunk at a time, a tail once the totals are known — so a report too
// big to hold as one string (a million claims) streams the same bytes (stream-claims.ts).
import { createCsvWriter, formatCents, type CsvColumn } from '../export/safe-csv.js';
import { writePrivateFileInPieces } from '../workspace/private-fs.js';
import type { Column, Report, ReportRow, ReportValue } from './model.js';

export type StreamFormat = 'csv' | 'json';

export interface ReportRenderer {
  head(): string;
  /** The rows' text; each row starts with `separator`, which the first row of the report goes without. */
  rows(rows: readonly ReportRow[]): string;
  separator: string;
  tail(totals: ReportRow, notes: readonly string[], anyRows: boolean): string;
}

export function reportRenderer(format: StreamFormat, report: Pick<Report, 'report' | 'asOf' | 'columns'>): ReportRenderer {
  return format === 'json' ? jsonRenderer(report) : csvRenderer(report.columns);
}

/** Joins rendered pieces: drops the separator before the report's first row. */
export class ReportAssembler {
  private anyRows = false;

  constructor(
    private readonly renderer: ReportRenderer,
    private readonly write: (text: string) => void,
  ) {
    write(renderer.head());
  }

  rows(text: string): void {
    if (text === '') return;
    this.write(this.anyRows ? text : text.slice(this.renderer.separator.length));
    this.anyRows = true;
  }

  finish(totals: ReportRow, notes: readonly string[]): void {
    this.write(this.renderer.tail(totals, notes, this.anyRows));
  }
}

/** The same text as `JSON.stringify({ report, as_of, rows, totals, notes }, null, 2)`, money in dollars. */
function jsonRenderer({ report, asOf, columns }: Pick<Report, 'report' | 'asOf' | 'columns'>): ReportRenderer {
  const money = new Set(columns.filter((c) => c.kind === 'money').map((c) => c.key));
  const value = (key: string, v: ReportValue) => (money.has(key) && typeof v === 'number' ? v / 100 : v);
  const keyText = new Map<string, string>();
  const separator = ',';
  return {
    head: () => `{\n  "report": ${JSON.stringify(report)},\n  "as_of": ${JSON.stringify(asOf)},\n  "rows": [`,
    separator,
    rows(rows) {
      const lines: string[] = [];
      const fields: string[] = [];
      for (const row of rows) {
        for (const key in row) {
          const v = row[key];
          if (v === undefined) continue;
          let prefix = keyText.get(key);
          if (prefix === undefined) keyText.set(key, (prefix = `\n      ${JSON.stringify(key)}: `));
          fields.push(prefix + jsonValue(value(key, v)));
        }
        lines.push(fields.length === 0 ? `${separator}\n    {}` : `${separator}\n    {${fields.join(',')}\n    }`);
        fields.length = 0;
      }
      return lines.join('');
    },
    tail(totals, notes, anyRows) {
      const converted: ReportRow = {};
      for (const key in totals) converted[key] = value(key, totals[key]);
      const nested = (v: unknown) => JSON.stringify(v, null, 2).replaceAll('\n', '\n  ');
      return `${anyRows ? '\n  ]' : ']'},\n  "totals": ${nested(converted)},\n  "notes": ${nested(notes)}\n}\n`;
    },
  };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify` of a cell, without its set-up cost per call: a million-row report has 16 million cells. */
function jsonValue(value: ReportValue): string {
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value === null) return 'null';
  return value ? 'true' : 'false';
}

function csvRenderer(columns: readonly Column[]): ReportRenderer {
  const csvColumns: CsvColumn[] = columns.map((c) => ({ key: c.key, kind: c.kind === 'date' ? 'date' : c.kind }));
  const lines: string[] = [];
  const writer = createCsvWriter(csvColumns, (line) => lines.push(line), { lineEnding: '\n' });
  const headLine = lines.splice(0).join('');
  return {
    head: () => headLine,
    separator: '',
    rows(rows) {
      for (const row of rows) writer.write(row);
      return lines.splice(0).join('');
    },
    tail: () => '',
  };
}

/** Rows per piece when a whole report is written out: big reports never become one string. */
const ROWS_PER_PIECE = 16_384;

/** Writes a report to `write` a piece at a time: the same text as `reportToCsv`/`reportToJson`. */
export function writeReport(report: Report, format: StreamFormat, write: (text: string) => void): void {
  const renderer = reportRenderer(format, report);
  const assembler = new ReportAssembler(renderer, write);
  for (let i = 0; i < report.rows.length; i += ROWS_PER_PIECE) assembler.rows(renderer.rows(report.rows.slice(i, i + ROWS_PER_PIECE)));
  assembler.finish(report.totals, report.notes);
}

/** A report written into `file` (owner-only) a piece at a time; the file appears whole or not at all. */
export function writeReportFile(file: string, report: Report, format: StreamFormat): void {
  writePrivateFileInPieces(file, (write) => writeReport(report, format, write));
}

function renderWhole(format: StreamFormat, report: Report): string {
  const pieces: string[] = [];
  writeReport(report, format, (text) => pieces.push(text));
  return pieces.join('');
}

export function reportToJson(report: Report): string {
  return renderWhole('json', report);
}

export function reportToCsv(report: Report): string {
  return renderWhole('csv', report);
}

/** A cell as a person reads it: money with two decimals and thousands separators, empty for null. */
export function displayValue(column: Column, value: ReportValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.kind === 'money' && typeof value === 'number') {
    const text = formatCents(value);
    const [whole, cents] = text.replace('-', '').split('.');
    return `${value < 0 ? '-' : ''}${groupThousands(whole)}.${cents}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : '';
  return String(value);
}

/** `1234567` → `1,234,567`, as en-US writes it (toLocaleString costs a microsecond a call; a big table has millions). */
function groupThousands(digits: string): string {
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
