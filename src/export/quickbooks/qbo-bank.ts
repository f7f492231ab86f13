// QuickBooks Online bank upload (SPEC §9, FORMATS.md): one net deposit per payout, split under the 350 KB upload limit.
import type { Config } from '../../workspace/config-schema.js';
import type { Payout } from '../payouts.js';
import { type CsvColumn, createCsvWriter, toCsv } from '../safe-csv.js';
import type { QuickBooksExport } from './export-result.js';
import { payoutLabel, usDate } from './payout-lines.js';

export const BANK_COLUMNS: CsvColumn[] = [
  { key: 'Date', kind: 'date' },
  { key: 'Description', kind: 'text' },
  { key: 'Amount', kind: 'money' },
];

/** QuickBooks Online refuses bank files over 350 KB; counted as 350,000 bytes, the smaller reading of "KB", so no file is refused. */
export const QBO_BANK_MAX_BYTES = 350_000;

export interface QboBankOptions {
  /** For tests; QBO_BANK_MAX_BYTES otherwise. */
  maxBytes?: number;
}

/**
 * Only the net deposit is uploaded (gross and fees belong to the journal entry); payouts netting to
 * zero are left out because QuickBooks rejects zero cells. Files repeat the header.
 */
export function qboBank(payouts: readonly Payout[], _config: Config, options: QboBankOptions = {}): QuickBooksExport {
  const maxBytes = options.maxBytes ?? QBO_BANK_MAX_BYTES;
  const header = toCsv(BANK_COLUMNS, []);
  const files: string[] = [];
  let current: string[] = [];
  let size = 0;
  const line = { text: '' };
  const writer = createCsvWriter(BANK_COLUMNS, (text) => (line.text = text), { header: false });
  const exported: string[] = [];
  const empty: string[] = [];
  for (const payout of payouts) {
    if (payout.net === 0) {
      empty.push(payout.payoutId);
      continue;
    }
    writer.write({ Date: usDate(payout.payoutDate), Description: payoutLabel(payout), Amount: payout.net });
    const bytes = Buffer.byteLength(line.text);
    if (current.length > 0 && size + bytes > maxBytes) {
      files.push(header + current.join(''));
      current = [];
    }
    if (current.length === 0) size = Buffer.byteLength(header);
    current.push(line.text);
    size += bytes;
    exported.push(payout.payoutId);
  }
  files.push(header + current.join(''));
  const warnings =
    files.length > 1
      ? [`the bank file is over QuickBooks Online's 350 KB limit: split into ${files.length} files; upload each one`]
      : [];
  return { files, warnings, exported, empty };
}
