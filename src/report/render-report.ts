// Renderers of a Report: JSON (money in dollars), CSV (the safe writer's cells), and plain values for tables.
// JSON and CSV render in pieces — a head, rows encoded as bytes a chunk at a time (encode-rows.ts), a tail once the
// totals are known — so a report too big to hold as one string (a million claims) streams the same bytes
// (stream-claims.ts).
import { createCsvWriter, formatCents } from '../export/safe-csv.js';
import { writePrivateFileInPieces } from '../workspace/private-fs.js';
import { csvRowEncoder, jsonRowEncoder, type RowEncoder } from './encode-rows.js';
import type { Column, Report, ReportRow, ReportValue } from './model.js';

export type StreamFormat = 'csv' | 'json';

/** What a rendered report is written as: small parts as text, rows as bytes. */
export type ReportPiece = string | Uint8Array;

/** A piece as text: a whole report as one string (`reportToCsv`, `reportToJson`). */
export function pieceText(piece: ReportPiece): string {
  return typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');
}

export interface ReportRenderer extends RowEncoder {
  head(): string;
  tail(totals: ReportRow, notes: readonly string[], anyRows: boolean): string;
}

export function reportRenderer(format: StreamFormat, report: Pick<Report, 'report' | 'asOf' | 'columns'>): ReportRenderer {
  return format === 'json' ? jsonRenderer(report) : csvRenderer(report.columns);
}

/** Joins rendered pieces: drops the separator before the report's first row. */
export class ReportAssembler {
  private anyRows = false;

  constructor(
    private readonly renderer: Pick<ReportRenderer, 'head' | 'separator' | 'tail'>,
    private readonly write: (piece: ReportPiece) => void,
  ) {
    write(renderer.head());
  }

  /** Rows as `RowEncoder.take` gives them. */
  rows(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.write(this.anyRows ? bytes : bytes.subarray(this.renderer.separator));
    this.anyRows = true;
  }

  finish(totals: ReportRow, notes: readonly string[]): void {
    this.write(this.renderer.tail(totals, notes, this.anyRows));
  }
}

/**
 * The text of `JSON.stringify({ report, as_of, rows, totals, notes }, null, 2)`, money in dollars, but for the rows:
 * one row a line, as `JSON.stringify(row)` writes it. A row reads like the CSV's, `grep` finds a claim whole, and a
 * million claims are 365 MB, not 500 (docs/decisions.md).
 */
function jsonRenderer({ report, asOf, columns }: Pick<Report, 'report' | 'asOf' | 'columns'>): ReportRenderer {
  const money = new Set(columns.filter((c) => c.kind === 'money').map((c) => c.key));
  return {
    ...jsonRowEncoder(columns),
    head: () => `{\n  "report": ${JSON.stringify(report)},\n  "as_of": ${JSON.stringify(asOf)},\n  "rows": [`,
    tail(totals, notes, anyRows) {
      const converted: ReportRow = {};
      for (const key in totals) converted[key] = money.has(key) && typeof totals[key] === 'number' ? (totals[key] as number) / 100 : totals[key];
      const nested = (v: unknown) => JSON.stringify(v, null, 2).replaceAll('\n', '\n  ');
      return `${anyRows ? '\n  ]' : ']'},\n  "totals": ${nested(converted)},\n  "notes": ${nested(notes)}\n}\n`;
    },
  };
}

function csvRenderer(columns: readonly Column[]): ReportRenderer {
  const lines: string[] = [];
  createCsvWriter(columns.map((c) => ({ key: c.key, kind: c.kind })), (line) => lines.push(line), { lineEnding: '\n' });
  const headLine = lines.join('');
  return { ...csvRowEncoder(columns), head: () => headLine, tail: () => '' };
}

/**
 * Rows per piece when a whole report is written out: big reports never become one string, and a piece stays small
 * enough to fit memory already in use (see CHUNK_IDS).
 */
const ROWS_PER_PIECE = 4_096;

/**
 * Writes a report to `write` a piece at a time: the same text as `reportToCsv`/`reportToJson`. `recycle`: `write` is
 * done with the bytes when it returns (a synchronous write to a file), so their memory can be filled again.
 */
export function writeReport(report: Report, format: StreamFormat, write: (piece: ReportPiece) => void, recycle = false): void {
  const renderer = reportRenderer(format, report);
  const assembler = new ReportAssembler(renderer, write);
  const keys = report.columns.map((c) => c.key);
  const values: ReportValue[] = new Array<ReportValue>(keys.length);
  report.rows.forEach((row, i) => {
    for (let j = 0; j < keys.length; j++) values[j] = row[keys[j]];
    renderer.row(values);
    if ((i + 1) % ROWS_PER_PIECE === 0) {
      const bytes = renderer.take();
      assembler.rows(bytes);
      if (recycle) renderer.recycle(bytes);
    }
  });
  assembler.rows(renderer.take());
  assembler.finish(report.totals, report.notes);
}

/** A report written into `file` (owner-only) a piece at a time; the file appears whole or not at all. */
export function writeReportFile(file: string, report: Report, format: StreamFormat): void {
  // The file's writes are synchronous: written bytes are free again.
  writePrivateFileInPieces(file, (write) => writeReport(report, format, write, true));
}

function renderWhole(format: StreamFormat, report: Report): string {
  const pieces: string[] = [];
  writeReport(report, format, (piece) => pieces.push(pieceText(piece)));
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
