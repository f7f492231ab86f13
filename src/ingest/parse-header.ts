// Split one header record into trimmed column names, honouring quotes.
import { tokenize } from './csv-tokenizer.js';

export function parseHeaderLine(line: string, delimiter: string, stripPrefix?: string): string[] {
  let cells: string[];
  try {
    cells = tokenize(line, delimiter)[0] ?? [];
  } catch {
    cells = line.split(delimiter);
  }
  return cells.map((cell) => {
    // A wrapped header cell's line break reads as the space it stands for: `Date of⏎Service` is `Date of Service`.
    let name = cell.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    if (stripPrefix && name.startsWith(stripPrefix)) name = name.slice(stripPrefix.length).trim();
    return name;
  });
}

/**
 * The header record starting on line `skip`: a quoted header name may hold a line break (a spreadsheet's wrapped header
 * cell, `"Date of⏎Service"`), which the import's tokenizer reads as one record, so the physical lines are joined until
 * its quote closes. Read line by line, the columns after such a cell were lost: no mapping fitted, or every row had
 * "more fields than the header". A quote never closed within the lines read leaves the first line as it was.
 */
export function headerRecord(headLines: string[], skip: number, delimiter: string): string {
  let record = headLines[skip];
  for (let next = skip + 1; next < headLines.length && quoteLeftOpen(record, delimiter); next++) record += `\n${headLines[next]}`;
  return quoteLeftOpen(record, delimiter) ? headLines[skip] : record;
}

function quoteLeftOpen(text: string, delimiter: string): boolean {
  try {
    tokenize(text, delimiter);
    return false;
  } catch {
    return true;
  }
}
