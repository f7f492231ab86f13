// Every CSV practice-sync writes goes through here: RFC 4180 quoting, formula-injection-safe text
// cells (OWASP), and money written as plain two-decimal numbers from integer cents.
import { fail } from '../errors.js';

/** `integer` and `boolean` are accepted too so report columns (src/report/model.ts) can be passed as they are. */
export type CsvColumnKind = 'text' | 'money' | 'date' | 'number' | 'integer' | 'boolean';

export interface CsvColumn {
  /** Property of the row holding the cell. */
  key: string;
  kind: CsvColumnKind;
  /** Header written in the file; `label`, then `key`, otherwise. */
  header?: string;
  label?: string;
}

export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvCell>>;

export interface CsvOptions {
  lineEnding?: '\n' | '\r\n';
  delimiter?: string;
  /** Write the header line (default true). */
  header?: boolean;
}

export interface CsvWriter {
  write(row: CsvRow): void;
  /** Data rows written so far. */
  readonly rows: number;
}

/** = + - @ tab CR LF, by char code: this runs for every text cell written. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d, 0x0a]);

/** A signed decimal number, `-19.40` or `+5`: a spreadsheet reads it as the number it is, never as a formula. */
const SIGNED_NUMBER = /^[-+]\d+(\.\d+)?$/;

/**
 * Prefixes `'` to text a spreadsheet would read as a formula (OWASP CSV injection). A signed number is left as it is:
 * a refund's `-19.40` in a text column (the writeback corrections' `written` and `now`) would otherwise read
 * `'-19.40`, which staff would have to retype.
 */
export function neutralizeCell(text: string): string {
  return text.length > 0 && FORMULA_START.has(text.charCodeAt(0)) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

/** `-2930` → `-29.30`; never `$`, thousands separators or parentheses. Throws on non-integer cents. */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    fail('internal', `money must be integer cents, got ${String(cents)}`, { value: cents });
  }
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${cents < 0 ? '-' : ''}${dollars}.${rest < 10 ? '0' : ''}${rest}`;
}

type CellFormatter = (value: CsvCell, column: CsvColumn) => string;

const isEmpty = (value: CsvCell): value is null | undefined | '' => value === null || value === undefined || value === '';

const FORMATTERS: Record<CsvColumnKind, CellFormatter> = {
  text: (value) => (isEmpty(value) ? '' : neutralizeCell(String(value))),
  date: (value) => (isEmpty(value) ? '' : neutralizeCell(String(value))),
  money: (value, column) => {
    if (isEmpty(value)) return '';
    if (typeof value !== 'number') fail('internal', `money column "${column.key}" got ${JSON.stringify(value)}, expected integer cents`);
    return formatCents(value);
  },
  number: (value, column) => {
    if (isEmpty(value)) return '';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
    return fail('internal', `number column "${column.key}" got ${JSON.stringify(value)}`);
  },
  integer: (value, column) => {
    if (isEmpty(value)) return '';
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    return fail('internal', `integer column "${column.key}" got ${JSON.stringify(value)}`);
  },
  boolean: (value) => (isEmpty(value) ? '' : value === true || value === 'true' ? 'true' : 'false'),
};

function quoter(delimiter: string): (field: string) => string {
  const special = new RegExp(`["\\r\\n${delimiter.replace(/[\\^\]-]/g, '\\$&')}]`);
  return (field) => (special.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
}

const quoteForComma = quoter(',');

/** One cell as `createCsvWriter` writes it with the default delimiter (report CSVs encode the plain cells themselves). */
export function csvField(value: CsvCell, column: CsvColumn): string {
  const field = FORMATTERS[column.kind](value, column);
  return column.kind === 'text' || column.kind === 'date' ? quoteForComma(field) : field;
}

/** Streams rows as lines (line ending included) to `writeLine`; the header goes out at once. */
export function createCsvWriter(columns: readonly CsvColumn[], writeLine: (line: string) => void, options: CsvOptions = {}): CsvWriter {
  const lineEnding = options.lineEnding ?? '\r\n';
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) fail('internal', `bad CSV delimiter ${JSON.stringify(delimiter)}`);
  if (columns.length === 0) fail('internal', 'a CSV needs at least one column');
  const quote = quoter(delimiter);
  // Money, numbers and booleans are written as [-0-9.a-z] only: no quoting needed with a usual delimiter.
  const plainDelimiter = /^[,;\t|]$/.test(delimiter);
  const cells = columns.map((column) => ({ column, format: FORMATTERS[column.kind], quoted: !plainDelimiter || column.kind === 'text' || column.kind === 'date' }));
  if (options.header !== false) {
    writeLine(columns.map((c) => quote(neutralizeCell(c.header ?? c.label ?? c.key))).join(delimiter) + lineEnding);
  }
  let rows = 0;
  // One flat string per line from join(), not a rope of a cell at a time: a million-row report makes 16 million cells.
  const fields: string[] = new Array<string>(cells.length);
  return {
    write(row) {
      for (let i = 0; i < cells.length; i++) {
        const { column, format, quoted } = cells[i];
        const field = format(row[column.key], column);
        fields[i] = quoted ? quote(field) : field;
      }
      writeLine(fields.join(delimiter) + lineEnding);
      rows++;
    },
    get rows() {
      return rows;
    },
  };
}

/** The whole CSV as one string (CRLF by default, per RFC 4180). */
export function toCsv(columns: readonly CsvColumn[], rows: Iterable<CsvRow>, options: CsvOptions = {}): string {
  const lines: string[] = [];
  const writer = createCsvWriter(columns, (line) => lines.push(line), options);
  for (const row of rows) writer.write(row);
  return lines.join('');
}
