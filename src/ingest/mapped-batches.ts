// The reading half of an import: decode → tokenize → skip rules → map and type every cell, in batches of records.
// It runs on the main thread for small files, and in a worker thread for big ones (see parallel-batches.ts), so that
// on two cores the parsing of one batch overlaps the SQLite writing of the one before. Either way it yields the same
// batches, and the writing half (import-file.ts) cannot tell which one produced them.
import { bindMapping, type FieldValue, type RowIssue } from '../mapping/bind-mapping.js';
import type { HeaderReading } from '../mapping/detect.js';
import type { Mapping } from '../mapping/schema.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { openText, type Encoding } from './source-file.js';

/** What the reading half needs: plain data, so it can be posted to a worker thread. */
export interface ReadPlan {
  file: string;
  encoding: Encoding;
  mapping: Mapping;
  reading: HeaderReading;
}

/**
 * Mapped records in file order, flattened so a batch crosses between threads as a few arrays instead of thousands of
 * objects: record `r` has line `lines[r]` and its values at `values[r * width ... r * width + width - 1]`, in the
 * order of the bound mapping's `fields`.
 */
export interface MappedBatch {
  lines: number[];
  values: FieldValue[];
  /** Records whose cells failed to type: `at` is the record's index in this batch. */
  problems: { at: number; issues: RowIssue[] }[];
  /** Rows the skip rules left out (summary rows, totals). */
  skipped: number;
  /** Bytes of the file read so far. */
  bytes: number;
}

function emptyBatch(bytes: number): MappedBatch {
  return { lines: [], values: [], problems: [], skipped: 0, bytes };
}

/** Yields one batch per chunk of text read (a few thousand records); the header record is not in any batch. */
export async function* mappedBatches(plan: ReadPlan): AsyncGenerator<MappedBatch> {
  const bound = bindMapping(plan.mapping, plan.reading.header);
  const progress = { bytes: 0 };
  let batch = emptyBatch(0);
  let headerSeen = false;
  let dataIndex = 0;
  const tokenizer = new CsvTokenizer(plan.reading.delimiter, plan.reading.headerLine - 1, (cells, line) => {
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (bound.skipRow(cells, dataIndex++)) {
      batch.skipped += 1;
      return;
    }
    const issues = bound.mapRowInto(cells, batch.values);
    if (issues.length) batch.problems.push({ at: batch.lines.length, issues });
    batch.lines.push(line);
  });
  // Past the header, a cell too long or a quote never closed is named by its column too.
  const header = plan.reading.header;
  tokenizer.columnName = (index) => (headerSeen ? header[index] : undefined);
  for await (const chunk of openText(plan.file, plan.encoding, progress)) {
    tokenizer.push(chunk);
    if (batch.lines.length > 0 || batch.skipped > 0) {
      batch.bytes = progress.bytes;
      yield batch;
      batch = emptyBatch(progress.bytes);
    }
  }
  tokenizer.end();
  batch.bytes = progress.bytes;
  if (batch.lines.length > 0 || batch.skipped > 0) yield batch;
}
