// Reads practice-sync's export files back, independently of the writers, so tests can check what QuickBooks would see.
import { parse } from 'csv-parse/sync';

/** `-29.30` → -2930; refuses anything that is not a plain two-decimal number. */
export function cents(text: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a plain two-decimal amount: ${JSON.stringify(text)}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

export function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: false }) as Record<string, string>[];
}

/** Debits − credits per JournalNo, plus the rows. */
export function journalBalances(csv: string): Map<string, { debits: number; credits: number; lines: number }> {
  const entries = new Map<string, { debits: number; credits: number; lines: number }>();
  for (const row of readCsv(csv)) {
    if ((row.Debits === '') === (row.Credits === '')) throw new Error(`exactly one of Debits/Credits must be filled: ${JSON.stringify(row)}`);
    const entry = entries.get(row.JournalNo) ?? { debits: 0, credits: 0, lines: 0 };
    if (row.Debits !== '') entry.debits += cents(row.Debits);
    else entry.credits += cents(row.Credits);
    entry.lines++;
    entries.set(row.JournalNo, entry);
  }
  return entries;
}

export interface IifLine {
  keyword: 'TRNS' | 'SPL';
  cells: Record<string, string>;
  amount: number;
}

/** Splits an IIF file into transactions, checking the header rows and TRNS/SPL/ENDTRNS structure. */
export function iifTransactions(text: string): IifLine[][] {
  if (!text.endsWith('\r\n')) throw new Error('IIF must end with CRLF');
  const lines = text.slice(0, -2).split('\r\n');
  if (lines.some((l) => l.includes('\n') || l.includes('\r'))) throw new Error('bare CR or LF inside a line');
  const headers: Record<string, string[]> = {};
  for (const line of lines.slice(0, 3)) {
    const [key, ...names] = line.split('\t');
    headers[key] = names;
  }
  if (!headers['!TRNS'] || !headers['!SPL'] || !('!ENDTRNS' in headers)) throw new Error('missing !TRNS/!SPL/!ENDTRNS headers');
  const transactions: IifLine[][] = [];
  let current: IifLine[] | null = null;
  for (const line of lines.slice(3)) {
    const [keyword, ...values] = line.split('\t');
    if (keyword === 'ENDTRNS') {
      if (!current) throw new Error('ENDTRNS without TRNS');
      transactions.push(current);
      current = null;
      continue;
    }
    if (keyword !== 'TRNS' && keyword !== 'SPL') throw new Error(`unexpected line ${JSON.stringify(line)}`);
    if ((keyword === 'TRNS') === (current !== null)) throw new Error(`${keyword} out of place`);
    const names = headers[`!${keyword}`];
    if (values.length !== names.length) throw new Error(`${keyword} has ${values.length} cells, header ${names.length}`);
    const cells = Object.fromEntries(names.map((n, i) => [n, values[i]]));
    const entry: IifLine = { keyword, cells, amount: cents(cells.AMOUNT) };
    if (keyword === 'TRNS') current = [entry];
    else current?.push(entry);
  }
  if (current) throw new Error('transaction without ENDTRNS');
  return transactions;
}
