// A streaming RFC 4180 tokenizer, written by hand because csv-parse tops out near 130,000 rows/s here and the
// import must do 100,000 rows/s end to end. Quoted delimiters and newlines, "" escapes, CRLF/LF/CR, a quote inside
// an unquoted cell taken literally (as real exports write `Robert "Bob" Lee`), blank lines and all-empty rows skipped,
// and each record reported with the line it starts on.
import { PracticeSyncError } from '../errors.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * The longest cell read: a clinical note runs to some thousands of characters, while a quote opened and never closed
 * swallows the rest of the file into one cell, which past about 500 million characters V8 cannot hold as a string at
 * all (a crash instead of a rejected file). Refused early, with the line the cell starts on, memory stays small.
 */
export const MAX_CELL_CHARS = 1_000_000;

/** Return false to stop reading. */
export type RecordHandler = (cells: string[], line: number) => void | false;

export class CsvTokenizer {
  private cells: string[] = [];
  private field = '';
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 0;
  private afterCR = false;
  /** A quoted cell's CR ended the last chunk: a line of its own unless the next chunk starts with its LF. */
  private quotedCRAtEnd = false;
  private skipLines: number;
  private stopped = false;
  private readonly delimiter: number;

  constructor(delimiter: string, skipLines: number, private readonly onRecord: RecordHandler) {
    this.delimiter = delimiter.charCodeAt(0);
    this.skipLines = skipLines;
  }

  /**
   * Names a cell by its position in its record, for the file-level refusals below (the header's column name, once the
   * caller knows the header); none by default.
   */
  columnName: (index: number) => string | undefined = () => undefined;

  get done(): boolean {
    return this.stopped;
  }

  /** ` (column "Denial Reason")` for the cell being read, when `columnName` knows it. */
  private cellColumn(): string {
    const name = this.columnName(this.cells.length);
    return name === undefined ? '' : ` (column "${name}")`;
  }

  /** Feed the next piece of text; returns false once the handler asked to stop. */
  push(chunk: string): boolean {
    const n = chunk.length;
    let i = 0;
    if (this.quotedCRAtEnd && n > 0) {
      this.quotedCRAtEnd = false;
      if (chunk.charCodeAt(0) !== LF) this.line++;
    }
    while (this.skipLines > 0 && i < n) {
      const c = chunk.charCodeAt(i++);
      if (c === LF && this.afterCR) {
        this.afterCR = false;
        continue;
      }
      this.afterCR = c === CR;
      if (c === LF || c === CR) {
        this.skipLines--;
        this.line++;
        this.recordLine = this.line;
      }
    }
    const delimiter = this.delimiter;
    let start = i;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          const c = chunk.charCodeAt(i);
          if (c === LF && this.afterCR) {
            this.afterCR = false;
            i++;
            start = i;
            continue;
          }
          this.afterCR = false;
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quoteLine = this.line;
            i++;
            start = i;
          } else if (c === delimiter) {
            this.cells.push('');
            i++;
          } else if (c === LF || c === CR) {
            this.afterCR = c === CR;
            i++;
            if (!this.endRecord('')) return false;
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
        case State.Unquoted: {
          while (i < n) {
            const c = chunk.charCodeAt(i);
            if (c === delimiter) {
              this.cells.push(this.field + chunk.slice(start, i));
              this.field = '';
              this.state = State.FieldStart;
              i++;
              break;
            }
            if (c === LF || c === CR) {
              const value = this.field + chunk.slice(start, i);
              this.field = '';
              this.state = State.FieldStart;
              this.afterCR = c === CR;
              i++;
              if (!this.endRecord(value)) return false;
              break;
            }
            i++;
          }
          if (i >= n && this.state === State.Unquoted) {
            this.field += chunk.slice(start, n);
            if (this.field.length > MAX_CELL_CHARS) this.refuseLongCell(this.recordLine, '');
          }
          break;
        }
        case State.Quoted: {
          const close = chunk.indexOf('"', i);
          const end = close === -1 ? n : close;
          // Searched within the cell: in a file without a CR, a search of the chunk ran to its end for every quoted cell.
          const piece = chunk.slice(i, end);
          for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) this.line++;
          // A CR not followed by LF is a line break of its own (old Mac files); one ending the chunk waits for the next.
          for (let k = piece.indexOf('\r'); k !== -1; k = piece.indexOf('\r', k + 1)) {
            if (i + k + 1 === n) this.quotedCRAtEnd = true;
            else if (chunk.charCodeAt(i + k + 1) !== LF) this.line++;
          }
          this.field += piece;
          if (this.field.length > MAX_CELL_CHARS) this.refuseLongCell(this.quoteLine, ' (a quote never closed?)');
          if (close === -1) return true;
          i = close + 1;
          this.state = State.QuoteInQuoted;
          break;
        }
        case State.QuoteInQuoted: {
          const c = chunk.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else if (c === delimiter) {
            this.cells.push(this.field);
            this.field = '';
            this.state = State.FieldStart;
            i++;
          } else if (c === LF || c === CR) {
            const value = this.field;
            this.field = '';
            this.state = State.FieldStart;
            this.afterCR = c === CR;
            i++;
            if (!this.endRecord(value)) return false;
          } else {
            // `"abc"def`: keep going as an unquoted cell rather than refusing the file.
            this.state = State.Unquoted;
            start = i;
          }
          break;
        }
      }
    }
    return true;
  }

  /** The end of the text: the last record may lack its newline; an unclosed quote is an error. */
  end(): void {
    if (this.stopped) return;
    if (this.state === State.Quoted) {
      throw new PracticeSyncError('input_rejected', `a quoted cell${this.cellColumn()} opened on line ${this.quoteLine} is never closed`, { line: this.quoteLine });
    }
    if (this.state === State.Unquoted || this.state === State.QuoteInQuoted || this.cells.length > 0) {
      const value = this.field;
      this.field = '';
      this.state = State.FieldStart;
      this.endRecord(value);
    }
  }

  private refuseLongCell(line: number, hint: string): never {
    const limit = MAX_CELL_CHARS.toLocaleString('en-US');
    throw new PracticeSyncError('input_rejected', `a cell${this.cellColumn()} starting on line ${line} is longer than ${limit} characters${hint}`, { line });
  }

  private endRecord(lastField: string): boolean {
    const cells = this.cells;
    cells.push(lastField);
    this.cells = [];
    const line = this.recordLine;
    this.line++;
    this.recordLine = this.line;
    if (isBlank(cells)) return true;
    if (this.onRecord(cells, line) === false) {
      this.stopped = true;
      return false;
    }
    return true;
  }
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Split a whole text (a header line, a small file) into records. */
export function tokenize(text: string, delimiter: string): string[][] {
  const out: string[][] = [];
  const tokenizer = new CsvTokenizer(delimiter, 0, (cells) => void out.push(cells));
  tokenizer.push(text);
  tokenizer.end();
  return out;
}
