// Stream a text file's CSV records with their line numbers; a record handler runs synchronously per record.
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

export interface CsvRecord {
  cells: string[];
  /** Line in the file where the record ends (its line, for the usual one-line record). */
  line: number;
}

export interface CsvRecordOptions {
  delimiter: string;
  /** Lines before the header (preamble). */
  skipLines: number;
}

/** Calls `onRecord` for the header and each data record, in order; resolves when the file is read or `onRecord` returns false. */
export function readCsvRecords(text: Readable, options: CsvRecordOptions, onRecord: (record: CsvRecord) => void | false): Promise<void> {
  const parser = parse({
    delimiter: options.delimiter,
    from_line: options.skipLines + 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
  });
  return new Promise((resolve, reject) => {
    parser.on('readable', () => {
      let item: { record: string[]; info: { lines: number } } | null;
      try {
        while ((item = parser.read()) !== null) {
          if (onRecord({ cells: item.record, line: item.info.lines }) === false) {
            text.unpipe(parser);
            text.destroy();
            parser.destroy();
            resolve();
            return;
          }
        }
      } catch (error) {
        text.destroy();
        parser.destroy();
        reject(error);
      }
    });
    parser.on('error', reject);
    parser.on('end', resolve);
    text.on('error', reject);
    text.pipe(parser);
  });
}
