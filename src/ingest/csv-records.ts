// Stream a text file's CSV records with their line numbers; a record handler runs synchronously per record.
import { CsvTokenizer } from './csv-tokenizer.js';

export interface CsvRecord {
  cells: string[];
  /** Line in the file where the record starts. */
  line: number;
}

export interface CsvRecordOptions {
  delimiter: string;
  /** Lines before the header (preamble). */
  skipLines: number;
}

/** Calls `onRecord` for the header and each data record, in order; resolves when the file is read or `onRecord` returns false. */
export async function readCsvRecords(text: AsyncIterable<string>, options: CsvRecordOptions, onRecord: (record: CsvRecord) => void | false): Promise<void> {
  const tokenizer = new CsvTokenizer(options.delimiter, options.skipLines, (cells, line) => onRecord({ cells, line }));
  for await (const chunk of text) {
    if (!tokenizer.push(chunk)) return;
  }
  tokenizer.end();
}
