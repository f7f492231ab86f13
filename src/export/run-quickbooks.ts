// `export quickbooks`: payouts (gross, fees, net deposit) not yet exported, in one QuickBooks format, as a numbered batch.
import { issuedItems, type BatchFile, type LedgerItem } from '../store/export-ledger.js';
import { StoreInputs } from '../store/load-inputs.js';
import type { Store } from '../store/open-store.js';
import type { Config } from '../workspace/config-schema.js';
import { groupPayouts, type Payout } from './payouts.js';
import { iif, qboBank, qboJournal, requireIifAccounts, type QuickBooksExport } from './quickbooks/index.js';
import { writeBatch } from './write-batch.js';

import type { QuickBooksFormat } from './quickbooks-formats.js';

export interface QuickBooksRunOptions {
  db: Store;
  config: Config;
  format: QuickBooksFormat;
  from?: string;
  to?: string;
  outDir: string;
  dryRun?: boolean;
  now: () => Date;
}

export interface QuickBooksRunResult {
  batch: number | null;
  format: QuickBooksFormat;
  files: string[];
  payouts: number;
  payout_ids: string[];
  already_exported: number;
  skipped_processors: { payout_id: string; processor: string }[];
  unassigned_payments: number;
  /** Payouts with nothing to write in this format (qbo-bank: a net of 0.00; the others: every amount 0.00): not recorded. */
  nothing_to_write: string[];
  /** Payouts exported before whose totals changed since: fix them in QuickBooks by hand. */
  changed_since_export: { payout_id: string; batch: number; written: string; now: string }[];
  warnings: string[];
  dry_run: boolean;
}

const RENDER: Record<QuickBooksFormat, (payouts: Payout[], config: Config) => QuickBooksExport> = {
  'qbo-journal': qboJournal,
  'qbo-bank': (payouts, config) => qboBank(payouts, config),
  iif,
};

export function runQuickBooks(options: QuickBooksRunOptions): QuickBooksRunResult {
  const { db, config, format } = options;
  if (format === 'iif') requireIifAccounts(config);
  const grouping = groupPayouts(new StoreInputs(db).payments(), config);
  const issued = issuedItems(db, 'quickbooks');
  const inWindow = grouping.payouts.filter((p) => (!options.from || p.payoutDate >= options.from) && (!options.to || p.payoutDate <= options.to));
  const pending = inWindow.filter((p) => !issued.has(p.payoutId));
  const changed = inWindow.flatMap((p) => {
    const before = issued.get(p.payoutId);
    if (!before) return [];
    const was = before.snapshot as { gross: number; fee: number; net: number };
    if (was.gross === p.gross && was.fee === p.fee && was.net === p.net) return [];
    const money = (g: number, f: number, n: number) => `gross ${(g / 100).toFixed(2)}, fees ${(f / 100).toFixed(2)}, net ${(n / 100).toFixed(2)}`;
    return [{ payout_id: p.payoutId, batch: before.batch, written: money(was.gross, was.fee, was.net), now: money(p.gross, p.fee, p.net) }];
  });
  const rendered = RENDER[format](pending, config);
  const result: QuickBooksRunResult = {
    batch: null, format, files: [], payouts: rendered.exported.length, payout_ids: rendered.exported,
    already_exported: inWindow.length - pending.length, skipped_processors: grouping.skipped.map((s) => ({ payout_id: s.payoutId, processor: s.processor })),
    unassigned_payments: grouping.unassigned.length, nothing_to_write: rendered.empty, changed_since_export: changed,
    warnings: [...grouping.warnings, ...rendered.warnings, ...changed.map((c) => `payout ${c.payout_id} changed since batch ${c.batch} (${c.written} → ${c.now}); correct it in QuickBooks by hand`)],
    dry_run: Boolean(options.dryRun),
  };
  // Only what a file carries is recorded: a payout with nothing to write here stays out of the ledger (a net-zero payout's
  // fees can still go out as a journal), and a batch of no payouts, a file of headers only, is not made.
  if (options.dryRun || rendered.exported.length === 0) return result;
  const inFile = new Set(rendered.exported);
  const items: LedgerItem[] = pending.filter((p) => inFile.has(p.payoutId))
    .map((p) => ({ key: p.payoutId, amount: p.net, snapshot: { gross: p.gross, fee: p.fee, net: p.net } }));
  const extension = format === 'iif' ? 'iif' : 'csv';
  const written = writeBatch(db, options.outDir, {
    kind: 'quickbooks', format, createdAt: options.now().toISOString(), rows: rendered.exported.length, items,
    files: (id): BatchFile[] => rendered.files.map((text, i) => ({
      name: `quickbooks-${id}-${format}${rendered.files.length > 1 ? `-part${i + 1}` : ''}.${extension}`, text,
    })),
  });
  return { ...result, batch: written.batch, files: written.paths };
}
