// Read an unknown export's header and first rows the way the import will: preamble lines, apostrophe headers,
// a summary first row and a totals last row found and turned into read options.
import fs from 'node:fs';
import { readCsvRecords } from '../../ingest/csv-records.js';
import { headerRecord, parseHeaderLine } from '../../ingest/parse-header.js';
import { sniffDelimiter, type Delimiter } from '../../ingest/sniff-delimiter.js';
import { inspectFile, openText, readHeadLines, textDecoder, type Encoding } from '../../ingest/source-file.js';
import type { ReadOptions } from '../schema.js';
import { summaryRowRule, totalsRowRule } from './skip-rows.js';

export interface Sample {
  header: string[];
  delimiter: Delimiter;
  encoding: Encoding;
  read: ReadOptions;
  /** Data rows of the sample, without the summary and totals rows the read options skip. */
  rows: string[][];
}

const MAX_PREAMBLE = 5;

/**
 * Lines before the header: lines with far fewer cells than the widest of the first lines (Open Dental's
 * `Date 10/24/2026`, a report title, a blank line). The delimiter is the one that splits that widest line.
 */
function findHeaderLine(lines: string[]): { skip: number; delimiter: Delimiter } {
  const head = lines.slice(0, MAX_PREAMBLE + 6);
  let delimiter: Delimiter = ',';
  let widest = 0;
  for (let i = 0; i < head.length; i++) {
    const d = sniffDelimiter(head[i]);
    const cells = parseHeaderLine(headerRecord(head, i, d), d).length;
    if (cells > widest) [delimiter, widest] = [d, cells];
  }
  // Counted by record, not by line: the first line of a wrapped header cell is not a short preamble line.
  const filled = (at: number) => parseHeaderLine(headerRecord(head, at, delimiter), delimiter).filter((c) => c !== '').length;
  let skip = 0;
  while (skip < MAX_PREAMBLE && skip + 1 < head.length && widest >= 3 && filled(skip) * 3 <= widest) skip++;
  return { skip, delimiter };
}

/** The last non-empty line of the file, for a totals row beyond the sample. */
function lastLine(file: string, encoding: Encoding): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const lines = textDecoder(encoding).decode(buffer).split(/\r\n|\n|\r/);
    return lines.reverse().find((line) => line.trim() !== '') ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

export async function readSample(file: string, sampleRows = 200): Promise<Sample> {
  const info = await inspectFile(file);
  const lines = readHeadLines(file, info.encoding, 40);
  const { skip, delimiter } = findHeaderLine(lines);
  const read: ReadOptions = { delimiter };
  if (skip > 0) read.skip_lines = skip;
  // A wrapped header cell ("Date of⏎Service") spans lines: the header is the record, as the import reads it.
  const record = lines[skip] === undefined ? '' : headerRecord(lines, skip, delimiter);
  let header = parseHeaderLine(record, delimiter);
  // Open Dental writes headers that start with - = + @ as '-Ins Est so that spreadsheets do not read formulas.
  if (header.some((name) => name.startsWith("'"))) {
    read.strip_header_prefix = "'";
    header = parseHeaderLine(record, delimiter, "'");
  }

  const rows: string[][] = [];
  let headerSeen = false;
  let more = false;
  await readCsvRecords(openText(file, info.encoding), { delimiter, skipLines: skip }, ({ cells }) => {
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (rows.length >= sampleRows) {
      more = true;
      return false;
    }
    rows.push(cells);
  });

  const rules = [];
  const summary = rows.length > 1 ? summaryRowRule(header, rows[0]) : null;
  if (summary) {
    rules.push(summary);
    rows.shift();
  }
  const last = more ? parseHeaderLine(lastLine(file, info.encoding), delimiter) : rows[rows.length - 1];
  const totals = last && rows.length > 1 ? totalsRowRule(header, last, more ? rows : rows.slice(0, -1)) : null;
  if (totals) {
    rules.push(totals);
    if (!more) rows.pop();
  }
  if (rules.length) read.skip_rows_where = rules.length === 1 ? rules[0] : rules;
  return { header, delimiter, encoding: info.encoding, read, rows };
}
