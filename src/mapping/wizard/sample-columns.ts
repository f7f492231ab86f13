// The sample's cells column by column, with the words that mean "no value" (--, N/A) and "no date" sentinels
// (Open Dental's 1/1/0001) set aside as the mapping's nulls.
import { isDateLike, yearOf } from './date-shape.js';

export interface SampleColumns {
  /** Per header column: trimmed cells that hold a value. */
  values: string[][];
  /** For the mapping's `nulls`: "" and every placeholder word or sentinel date seen, spelled as seen. */
  nulls: string[];
}

const PLACEHOLDERS = new Set(['--', 'n/a', 'null', '(none)', '(blank)']);

export function sampleColumns(header: string[], rows: string[][]): SampleColumns {
  const nulls = new Map<string, string>([['', '']]);
  const addNull = (cell: string) => {
    if (!nulls.has(cell.toLowerCase())) nulls.set(cell.toLowerCase(), cell);
  };
  const values = header.map((_, i) => {
    const out: string[] = [];
    for (const row of rows) {
      const cell = (row[i] ?? '').trim();
      if (cell === '') continue;
      if (PLACEHOLDERS.has(cell.toLowerCase())) {
        addNull(cell);
        continue;
      }
      const year = isDateLike(cell) ? yearOf(cell) : null;
      if (year !== null && year < 1900) {
        addNull(cell);
        continue;
      }
      out.push(cell);
    }
    return out;
  });
  return { values, nulls: [...nulls.values()] };
}
