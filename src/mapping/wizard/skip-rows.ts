// Rows that are not records: a summary first row ("230 clients,9 clinicians,...") and a totals last row
// ("Total", "Grand Total", or a blank first cell followed by sums), as `read.skip_rows_where` rules.
import { parseMoney } from '../cells/parse-money.js';

export interface SkipRule {
  column?: string;
  matches: string;
}

const COUNT_WORD = /^\s*\d+\s+(\p{L}+)\s*$/u;
const TOTALS = /^\s*(grand\s+|report\s+|aged\s+)?totals?\b/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A first data row made of "N things" cells is a summary (SimplePractice attendance); the rule keeps the word, not the count. */
export function summaryRowRule(header: string[], row: string[]): SkipRule | null {
  const filled = row.filter((cell) => cell.trim() !== '');
  const counts = filled.filter((cell) => COUNT_WORD.test(cell));
  if (counts.length < 2 || counts.length < filled.length * 0.6) return null;
  const at = row.findIndex((cell) => COUNT_WORD.test(cell));
  const word = COUNT_WORD.exec(row[at])![1].toLowerCase().replace(/s$/, '');
  return withColumn(header[at], `^\\s*\\d+ ${escape(word)}s?\\s*$`);
}

/**
 * The last row is a totals row when one of its first cells says Total, or when its first cell is blank and the
 * rest holds sums; a blank-first-cell rule is only safe when no other row has a blank first cell.
 */
export function totalsRowRule(header: string[], last: string[], others: string[][]): SkipRule | null {
  for (let i = 0; i < Math.min(3, last.length); i++) {
    if (TOTALS.test(last[i] ?? '')) return withColumn(header[i], '^\\s*((grand|report|aged) )?totals?\\b');
  }
  if ((last[0] ?? '').trim() !== '') return null;
  const numbers = last.filter((cell) => cell.trim() !== '' && parseMoney(cell.trim()).ok).length;
  const filled = last.filter((cell) => cell.trim() !== '').length;
  if (numbers < 2 || numbers < filled * 0.8) return null;
  if (others.some((row) => (row[0] ?? '').trim() === '')) return null;
  return withColumn(header[0], '^\\s*$');
}

function withColumn(column: string | undefined, matches: string): SkipRule {
  return column ? { column, matches } : { matches };
}

/**
 * An appointment export without appointment IDs needs the date of service to find each visit; a few rows without
 * one (TheraNest's unapplied payments) are not visits, and are skipped rather than rejected.
 */
export function datelessVisitRule(column: string, filled: number, rows: number): SkipRule | null {
  if (filled >= rows || filled < rows * 0.8) return null;
  return { column, matches: '^\\s*$' };
}
