// `export writeback`: payments of the enabled types not yet written back become one numbered batch for the PMS.
// A payment already written back whose amount, date, patient or type changed since is a correction to make by hand:
// reported once in the batch's notes file, never posted again.
import type { PaymentInput } from '../compute/types.js';
import { builtinMappingsDir } from '../package-root.js';
import { getBatch, issuedItems, type BatchFile, type LedgerItem } from '../store/export-ledger.js';
import { StoreInputs } from '../store/load-inputs.js';
import type { Store } from '../store/open-store.js';
import type { Config } from '../workspace/config-schema.js';
import { paymentAmounts } from './payment-amounts.js';
import { toCsv } from './safe-csv.js';
import { writeBatch } from './write-batch.js';
import { asProfileWrites, buildWriteback, type WritebackLeftOut } from './writeback.js';
import type { WritebackProfile } from './writeback-profile.js';
import { loadWritebackProfile } from './writeback-profiles.js';

export interface WritebackRunOptions {
  db: Store;
  config: Config;
  workspaceMappings: string;
  outDir: string;
  profile?: string;
  amount?: 'net' | 'gross';
  dryRun?: boolean;
  now: () => Date;
}

export interface Correction {
  payment_id: string;
  batch: number;
  /** The batch whose corrections file last told staff to change this payment; `written` is then what it said. */
  corrected_in_batch?: number;
  field: string;
  written: string;
  now: string;
}

export interface WritebackRunResult {
  batch: number | null;
  files: string[];
  profile: string;
  amount: 'net' | 'gross';
  rows: number;
  payment_ids: string[];
  left_out: WritebackLeftOut[];
  corrections: Correction[];
  not_enabled: number;
  dry_run: boolean;
}

const SNAPSHOT_FIELDS = ['amount', 'payment_date', 'patient_id', 'type'] as const;

function snapshotOf(payment: PaymentInput, amount: 'net' | 'gross'): Record<string, string | number | null> {
  const checked = paymentAmounts(payment);
  return { amount: checked.ok ? checked.amounts[amount] : null, payment_date: payment.paymentDate, patient_id: payment.patientId, type: payment.type };
}

function basisOf(snapshot: Record<string, unknown>): 'net' | 'gross' {
  return snapshot.amount_basis === 'gross' ? 'gross' : 'net';
}

export function runWriteback(options: WritebackRunOptions): WritebackRunResult {
  const { db, config } = options;
  const profileName = options.profile ?? config.writeback.profile;
  const amount = options.amount ?? config.writeback.amount;
  // Named by the config when not by --profile: an unknown one is then the config's mistake, and the message says where.
  const from = options.profile === undefined ? ' (writeback.profile in practice-sync.json)' : '';
  const profile = loadWritebackProfile(profileName, [options.workspaceMappings, builtinMappingsDir()], from);
  const payments = new StoreInputs(db).payments();
  const enabled = new Set<string>(config.writeback.types);
  const issued = issuedItems(db, 'writeback');

  const pending: PaymentInput[] = [];
  const corrections: Correction[] = [];
  let notEnabled = 0;
  for (const payment of payments) {
    const before = issued.get(payment.paymentId);
    if (!before) {
      if (payment.type && enabled.has(payment.type)) pending.push(payment);
      else notEnabled += 1;
      continue;
    }
    const now = snapshotOf(payment, basisOf(before.snapshot));
    // After a correction the PMS holds what its file said, so a later change (a revert by undo included) is judged
    // against that; a correction from before the payment was written again (its batch voided) no longer counts.
    const last = issued.get(`correction:${payment.paymentId}`);
    const reported = last && last.batch > before.batch ? last : undefined;
    if (reported && SNAPSHOT_FIELDS.every((f) => (reported.snapshot[f] ?? null) === now[f])) continue;
    const base = reported?.snapshot ?? before.snapshot;
    for (const field of SNAPSHOT_FIELDS) {
      if ((base[field] ?? null) === now[field]) continue;
      corrections.push({
        payment_id: payment.paymentId, batch: before.batch, ...(reported ? { corrected_in_batch: reported.batch } : {}),
        field, written: show(field, base[field]), now: shownNow(field, now[field], payment),
      });
    }
  }

  const built = buildWriteback(pending, profile, { amount });
  const result: WritebackRunResult = {
    batch: null, files: [], profile: profile.name, amount, rows: built.rows, payment_ids: built.payment_ids, left_out: built.left_out,
    corrections, not_enabled: notEnabled, dry_run: Boolean(options.dryRun),
  };
  if (options.dryRun || (built.rows === 0 && corrections.length === 0)) return result;

  const byId = new Map(pending.map((p) => [p.paymentId, p]));
  const items: LedgerItem[] = built.payment_ids.map((id) => {
    const snapshot: Record<string, string | number | null> = { ...snapshotOf(byId.get(id)!, amount), amount_basis: amount };
    return { key: id, amount: snapshot.amount as number | null, snapshot };
  });
  const reportedIds = new Set(corrections.map((c) => c.payment_id));
  for (const id of reportedIds) {
    const payment = payments.find((p) => p.paymentId === id)!;
    // On the basis the payment was written with, as the next run compares it: a gross batch followed by a net run
    // otherwise reads as changed again and makes a new corrections batch every run.
    items.push({ key: `correction:${id}`, amount: null, snapshot: snapshotOf(payment, basisOf(issued.get(id)!.snapshot)) });
  }
  const written = writeBatch(db, options.outDir, {
    kind: 'writeback', format: profile.name, createdAt: options.now().toISOString(), rows: built.rows, items,
    files: (id) => {
      const files: BatchFile[] = [];
      if (built.rows > 0) files.push({ name: `writeback-${id}-${profile.name}.csv`, text: built.csv });
      if (corrections.length) {
        const words = profileWords(db, [options.workspaceMappings, builtinMappingsDir()]);
        files.push({ name: `writeback-${id}-corrections.csv`, text: correctionsCsv(corrections, words, profile.line_ending ?? '\r\n') });
      }
      return files;
    },
  });
  return { ...result, batch: written.batch, files: written.paths };
}

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  return field === 'amount' && typeof value === 'number' ? (value / 100).toFixed(2) : String(value);
}

/** An amount the payment's own numbers no longer give (net ≠ gross − fee) is shown with why, not as an empty cell. */
function shownNow(field: string, value: unknown, payment: PaymentInput): string {
  const checked = field === 'amount' && value === null ? paymentAmounts(payment) : undefined;
  if (checked && !checked.ok) return `none: ${checked.problem.replace(`payment ${payment.paymentId}: `, '')}`;
  return show(field, value);
}

/**
 * A date or type in the words of the profile that wrote the payment's batch, as the PMS shows it (`01/06/2026`, `Credit
 * Card`); as stored when that profile is gone. Amounts and patient IDs read the same in every profile.
 */
function profileWords(db: Store, mappingDirs: readonly string[]): (batch: number, field: string, value: string) => string {
  const profiles = new Map<number, WritebackProfile | null>();
  const profileOf = (batch: number): WritebackProfile | null => {
    if (!profiles.has(batch)) {
      let profile: WritebackProfile | null = null;
      try {
        profile = loadWritebackProfile(getBatch(db, batch, 'writeback').format ?? '', mappingDirs);
      } catch {
        // A profile renamed or deleted since: the stored words are still right, only less familiar.
      }
      profiles.set(batch, profile);
    }
    return profiles.get(batch)!;
  };
  return (batch, field, value) => {
    const profile = profileOf(batch);
    return profile && value !== '' && (field === 'payment_date' || field === 'type') ? asProfileWrites(profile, field, value) : value;
  };
}

/**
 * `written` and `now` in the words of the profile that wrote the payment; lines ended as the batch's payments file
 * ends them, so both open alike wherever staff open that one.
 */
function correctionsCsv(corrections: Correction[], words: ReturnType<typeof profileWords>, lineEnding: '\n' | '\r\n'): string {
  return toCsv(
    [
      { key: 'payment_id', kind: 'text' }, { key: 'batch', kind: 'integer', header: 'written_in_batch' }, { key: 'field', kind: 'text' },
      { key: 'written', kind: 'text' }, { key: 'now', kind: 'text' }, { key: 'action', kind: 'text' },
    ],
    corrections.map((c) => ({
      ...c,
      written: words(c.batch, c.field, c.written),
      now: c.now.startsWith('none: ') ? c.now : words(c.batch, c.field, c.now),
      action: `correct the posted payment in the PMS by hand${c.corrected_in_batch ? ` (as corrected per batch ${c.corrected_in_batch})` : ''}; it is not written back again`,
    })),
    { lineEnding },
  );
}
