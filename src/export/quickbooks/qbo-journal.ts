// QuickBooks Online journal entry import (SPEC §9, FORMATS.md): one balanced entry per payout.
import { createHash } from 'node:crypto';
import { fail } from '../../errors.js';
import type { Config } from '../../workspace/config-schema.js';
import type { Payout } from '../payouts.js';
import { type CsvColumn, neutralizeCell, toCsv } from '../safe-csv.js';
import type { QuickBooksExport } from './export-result.js';
import { isEmptyPayout, payoutLines, usDate } from './payout-lines.js';

export const JOURNAL_COLUMNS: CsvColumn[] = [
  { key: 'JournalNo', kind: 'text' },
  { key: 'JournalDate', kind: 'date' },
  { key: 'AccountName', kind: 'text' },
  { key: 'Debits', kind: 'money' },
  { key: 'Credits', kind: 'money' },
  { key: 'Description', kind: 'text' },
  { key: 'Name', kind: 'text' },
];

const JOURNAL_NO_MAX = 21;
const JOURNAL_NO_PREFIX = 'PS-';

/** `PS-` + the last 18 characters of the payout ID: QuickBooks Online cuts JournalNo at 21. */
export function journalNo(payoutId: string): string {
  return JOURNAL_NO_PREFIX + payoutId.slice(-(JOURNAL_NO_MAX - JOURNAL_NO_PREFIX.length));
}

/**
 * For payout IDs that share their last 18 characters (`NORTH-DEPOSIT-2026-03-04-0001`, `SOUTH-…`): `PS-`, the last 11
 * characters, `-` and 6 hex digits of the full ID's SHA-256, so each keeps a JournalNo of its own within 21 characters.
 */
export function distinctJournalNo(payoutId: string): string {
  const hash = createHash('sha256').update(payoutId).digest('hex').slice(0, 6);
  return `${JOURNAL_NO_PREFIX}${payoutId.slice(-(JOURNAL_NO_MAX - JOURNAL_NO_PREFIX.length - hash.length - 1))}-${hash}`;
}

/** Account names must reach QuickBooks exactly; one that would be neutralized cannot. */
function exactAccount(account: string): string {
  if (neutralizeCell(account) !== account) {
    fail('export_rejected', `account name "${account}" begins with a formula character and cannot be written unchanged`);
  }
  return account;
}

/**
 * One entry per payout: debits first (bank +net, fees), then credits (income per account); amounts
 * positive with the other column blank, so a negative amount moves to the other side. Payouts whose
 * IDs shorten to the same JournalNo get `distinctJournalNo`s; throws `export_rejected` if even those meet.
 */
export function qboJournal(payouts: readonly Payout[], config: Config): QuickBooksExport {
  const shortened = new Map<string, number>();
  for (const payout of payouts) {
    const number = journalNo(payout.payoutId);
    shortened.set(number, (shortened.get(number) ?? 0) + 1);
  }
  const numberOf = (payoutId: string) => (shortened.get(journalNo(payoutId))! > 1 ? distinctJournalNo(payoutId) : journalNo(payoutId));
  const seen = new Map<string, string>();
  const rows: Record<string, string | number | null>[] = [];
  const exported: string[] = [];
  const empty: string[] = [];
  for (const payout of payouts) {
    if (isEmptyPayout(payout)) {
      empty.push(payout.payoutId);
      continue;
    }
    const number = numberOf(payout.payoutId);
    const clash = seen.get(number);
    if (clash !== undefined) {
      fail('export_rejected', `payouts ${clash} and ${payout.payoutId} would both be JournalNo ${number}; export them in separate files (--from/--to)`, {
        journalNo: number,
      });
    }
    seen.set(number, payout.payoutId);
    const lines = payoutLines(payout, config).filter((line) => line.amount !== 0);
    const ordered = [...lines.filter((l) => l.amount > 0), ...lines.filter((l) => l.amount < 0)];
    let debits = 0;
    let credits = 0;
    for (const line of ordered) {
      if (line.amount > 0) debits += line.amount;
      else credits -= line.amount;
      rows.push({
        JournalNo: number,
        JournalDate: usDate(payout.payoutDate),
        AccountName: exactAccount(line.account),
        Debits: line.amount > 0 ? line.amount : null,
        Credits: line.amount < 0 ? -line.amount : null,
        Description: line.description,
        Name: null,
      });
    }
    if (debits !== credits) fail('internal', `journal entry ${number} does not balance: debits ${debits}, credits ${credits}`);
    exported.push(payout.payoutId);
  }
  return { files: [toCsv(JOURNAL_COLUMNS, rows)], warnings: [], exported, empty };
}
