// Report rows encoded as CSV or JSON bytes, a row at a time, values in column order. Plain cells (ASCII text that
// needs no quoting or escaping, integer cents, counts, null) are written here byte by byte; every other cell goes
// through the general rules (`csvField` of the safe CSV writer, `JSON.stringify`), so those rules stay in one place.
import { csvField, type CsvColumn } from '../export/safe-csv.js';
import { ByteBuffer, putBytes, putDigits, putPlainAscii } from './byte-buffer.js';
import type { Column, ColumnKind, ReportValue } from './model.js';

export type RowValues = readonly (ReportValue | undefined)[];

export interface RowEncoder {
  /** Bytes each encoded row starts with, which the report's first row goes without (`ReportAssembler`). */
  readonly separator: number;
  /** Appends a row: `values[i]` is the value of `columns[i]`; undefined leaves the field out of JSON. */
  row(values: RowValues): void;
  /** The rows appended since the last call. */
  take(): Buffer;
  /** Hands back what `take` gave, once it is written and read no more, to be filled again (`ByteBuffer.recycle`). */
  recycle(bytes: Uint8Array): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NEWLINE = 0x0a;
const CLOSE_BRACE = 0x7d;

/** Room for any plain cell but its text: a separator, a sign, digits, a decimal point and cents. */
const CELL_ROOM = 32;

/** Money and counts of at most 15 digits: written as digits, they are exactly what `formatCents` and `String` give. */
const MAX_PLAIN_INTEGER = 1e15;

function isPlainInteger(value: ReportValue | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < MAX_PLAIN_INTEGER;
}

/** = + - @: the characters a spreadsheet starts a formula with (tab, CR and LF are not plain ASCII anyway). */
function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40;
}

function putInteger(buffer: Buffer, at: number, value: number): number {
  if (value < 0) buffer[at++] = MINUS;
  return putDigits(buffer, at, Math.abs(value));
}

/**
 * Cents as dollars: with two decimals as `formatCents` writes them (`-123456` → `-1234.56`, for CSV), or `shortest`,
 * as JavaScript prints the number of dollars (`String(cents / 100)`: `-123450` → `-1234.5`, `100` → `1`, for JSON).
 */
function putMoney(buffer: Buffer, at: number, cents: number, shortest: boolean): number {
  if (cents < 0) buffer[at++] = MINUS;
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs - dollars * 100;
  at = putDigits(buffer, at, dollars);
  if (shortest && rest === 0) return at;
  buffer[at++] = DOT;
  buffer[at++] = ZERO + Math.floor(rest / 10);
  if (!shortest || rest % 10 !== 0) buffer[at++] = ZERO + (rest % 10);
  return at;
}

const TEXT = 0;
const MONEY = 1;
const INTEGER = 2;
const BOOLEAN = 3;

function kindCode(kind: ColumnKind): number {
  return kind === 'text' || kind === 'date' ? TEXT : kind === 'money' ? MONEY : kind === 'integer' ? INTEGER : BOOLEAN;
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/** CSV lines, comma-separated and LF-terminated, every cell as the safe CSV writer writes it. */
export function csvRowEncoder(columns: readonly Column[]): RowEncoder {
  const out = new ByteBuffer();
  const kinds = columns.map((c) => kindCode(c.kind));
  const csvColumns: CsvColumn[] = columns.map((c) => ({ key: c.key, kind: c.kind }));
  return {
    separator: 0,
    row(values) {
      for (let i = 0; i < kinds.length; i++) {
        const value = values[i];
        const buffer = out.reserve(CELL_ROOM + (typeof value === 'string' ? value.length : 0));
        if (i > 0) buffer[out.length++] = COMMA;
        if (value === null || value === undefined || value === '') continue;
        const kind = kinds[i];
        let end = -1;
        if (kind === TEXT) {
          if (typeof value === 'string' && !startsFormula(value)) end = putPlainAscii(buffer, out.length, value, QUOTE, COMMA);
        } else if (kind === MONEY) {
          if (isPlainInteger(value)) end = putMoney(buffer, out.length, value, false);
        } else if (kind === INTEGER) {
          if (isPlainInteger(value)) end = putInteger(buffer, out.length, value);
        } else if (typeof value === 'boolean') {
          end = putBytes(buffer, out.length, value ? TRUE : FALSE);
        }
        if (end >= 0) out.length = end;
        else out.utf8(csvField(value, csvColumns[i]));
      }
      out.reserve(1)[out.length++] = NEWLINE;
    },
    take: () => out.take(),
    recycle: (bytes) => out.recycle(bytes),
  };
}

/** A value as `JSON.stringify` writes it, money in dollars. */
function jsonText(value: ReportValue, money: boolean): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    const number = money ? value / 100 : value;
    return Number.isFinite(number) ? String(number) : 'null';
  }
  return value === null ? 'null' : value ? 'true' : 'false';
}

/**
 * Rows of a JSON report, money in dollars: each row is `,` then a line holding the row as `JSON.stringify` writes it,
 * fields in column order, indented as an element of the `rows` array (`jsonRenderer`).
 */
export function jsonRowEncoder(columns: readonly Column[]): RowEncoder {
  const out = new ByteBuffer();
  // Each field's bytes before its value: the first field's, and any later one's (with the comma after the one before).
  const firsts = columns.map((c) => Buffer.from(`${JSON.stringify(c.key)}:`));
  const laters = columns.map((c) => Buffer.from(`,${JSON.stringify(c.key)}:`));
  const money = columns.map((c) => c.kind === 'money');
  const open = Buffer.from(',\n    {');
  return {
    separator: 1,
    row(values) {
      out.append(open);
      let fields = 0;
      for (let i = 0; i < firsts.length; i++) {
        const value = values[i];
        if (value === undefined) continue;
        const prefix = fields++ > 0 ? laters[i] : firsts[i];
        const buffer = out.reserve(CELL_ROOM + prefix.length + (typeof value === 'string' ? value.length + 2 : 0));
        const at = putBytes(buffer, out.length, prefix);
        let end = -1;
        if (typeof value === 'string') {
          buffer[at] = QUOTE;
          end = putPlainAscii(buffer, at + 1, value, QUOTE, BACKSLASH);
          if (end >= 0) buffer[end++] = QUOTE;
        } else if (value === null) {
          // Four stores: a call into native code for four bytes costs more, and a claims row has a few nulls.
          buffer[at] = 0x6e;
          buffer[at + 1] = 0x75;
          buffer[at + 2] = 0x6c;
          buffer[at + 3] = 0x6c;
          end = at + 4;
        } else if (typeof value === 'boolean') {
          end = putBytes(buffer, at, value ? TRUE : FALSE);
        } else if (isPlainInteger(value)) {
          end = money[i] ? putMoney(buffer, at, value, true) : putInteger(buffer, at, value);
        }
        if (end >= 0) {
          out.length = end;
        } else {
          out.length = at;
          out.utf8(jsonText(value, money[i]));
        }
      }
      out.reserve(1)[out.length++] = CLOSE_BRACE;
    },
    take: () => out.take(),
    recycle: (bytes) => out.recycle(bytes),
  };
}
