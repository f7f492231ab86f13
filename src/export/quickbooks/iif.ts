// QuickBooks Desktop IIF (SPEC §9, FORMATS.md): one DEPOSIT per payout, bank +net, income −gross, fees +fees.
import { createHash } from 'node:crypto';
import { fail } from '../../errors.js';
import type { Config } from '../../workspace/config-schema.js';
import type { Payout } from '../payouts.js';
import { formatCents } from '../safe-csv.js';
import type { QuickBooksExport } from './export-result.js';
import { iifAccount, iifText } from './iif-text.js';
import { isEmptyPayout, payoutLines, usDate } from './payout-lines.js';

const CRLF = '\r\n';
const DOCNUM_MAX = 12;

/** TRNSID/SPLID stay blank so QuickBooks assigns its own; NAME stays blank (it must name an existing customer). */
export const IIF_HEADER = [
  ['!TRNS', 'TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'],
  ['!SPL', 'SPLID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'AMOUNT', 'DOCNUM', 'MEMO'],
  ['!ENDTRNS'],
];

/** The last 12 ASCII characters of the payout ID. */
export function iifDocNum(payoutId: string): string {
  return iifText(payoutId).replace(/ /g, '').slice(-DOCNUM_MAX);
}

/**
 * For payout IDs that share their last 12 characters (`NORTH-DEP-2026-03-04-01`, `SOUTH-…`): the last 5, `-` and 6
 * hex digits of the full ID's SHA-256, so each deposit keeps a DOCNUM of its own to be found by in QuickBooks.
 */
export function distinctDocNum(payoutId: string): string {
  const hash = createHash('sha256').update(payoutId).digest('hex').slice(0, 6);
  return `${iifDocNum(payoutId).slice(-(DOCNUM_MAX - hash.length - 1))}-${hash}`;
}

const line = (cells: string[]): string => cells.join('\t') + CRLF;

/** The TRNS line carries the bank deposit; its SPL lines (income, then fees) sum with it to zero. */
export function iif(payouts: readonly Payout[], config: Config): QuickBooksExport {
  let text = IIF_HEADER.map(line).join('');
  const exported: string[] = [];
  const empty: string[] = [];
  const warnings: string[] = [];
  const shortened = new Map<string, number>();
  for (const payout of payouts) {
    const plain = iifDocNum(payout.payoutId);
    shortened.set(plain, (shortened.get(plain) ?? 0) + 1);
  }
  for (const payout of payouts) {
    if (isEmptyPayout(payout)) {
      empty.push(payout.payoutId);
      continue;
    }
    const date = usDate(payout.payoutDate);
    const plain = iifDocNum(payout.payoutId);
    const docNum = shortened.get(plain)! > 1 ? distinctDocNum(payout.payoutId) : plain;
    const lines = payoutLines(payout, config);
    if (lines[0].role !== 'bank') fail('internal', 'the bank line must come first');
    const sum = lines.reduce((total, l) => total + l.amount, 0);
    if (sum !== 0) fail('internal', `IIF transaction for payout ${payout.payoutId} sums to ${sum} cents, not zero`);
    if (payout.net < 0) warnings.push(`payout ${payout.payoutId} is a negative deposit (${formatCents(payout.net)}): check it after import`);
    lines.forEach((l, i) => {
      const keyword = i === 0 ? 'TRNS' : 'SPL';
      text += line([keyword, '', 'DEPOSIT', date, iifAccount(l.account), '', formatCents(l.amount), docNum, iifText(l.description)]);
    });
    text += line(['ENDTRNS']);
    exported.push(payout.payoutId);
  }
  return { files: [text], warnings, exported, empty };
}
