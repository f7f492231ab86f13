// The export ledger (SPEC §9): each payment is written back, and each payout exported to QuickBooks, exactly once.
// A batch holds what it carried and its files' exact text; voiding a batch releases its items for the next export.
import { fail } from '../errors.js';
import type { Store } from './open-store.js';

export type BatchKind = 'writeback' | 'quickbooks';

export interface BatchFile {
  name: string;
  text: string;
}

export interface LedgerItem {
  key: string;
  amount: number | null;
  /** What was written, to tell a later change (a correction) from the same payment seen again. */
  snapshot: Record<string, unknown>;
}

export interface Batch {
  id: number;
  kind: BatchKind;
  created_at: string;
  format: string;
  files: BatchFile[];
  rows: number;
  status: 'issued' | 'void';
  voided_at: string | null;
}

/** Items of `kind` carried by a batch that is not void: key → snapshot. */
export function issuedItems(db: Store, kind: BatchKind): Map<string, { batch: number; snapshot: Record<string, unknown> }> {
  const rows = db.prepare(`SELECT i.item_key, i.batch_id, i.snapshot FROM export_items i JOIN export_batches b ON b.id = i.batch_id
    WHERE b.kind = ? AND b.status = 'issued' ORDER BY i.batch_id`).raw().all(kind) as [string, number, string | null][];
  const out = new Map<string, { batch: number; snapshot: Record<string, unknown> }>();
  for (const [key, batch, snapshot] of rows) out.set(key, { batch, snapshot: snapshot ? (JSON.parse(snapshot) as Record<string, unknown>) : {} });
  return out;
}

export function recordBatch(db: Store, batch: { kind: BatchKind; format: string; createdAt: string; files: BatchFile[]; rows: number; items: LedgerItem[] }): number {
  return db.transaction(() => {
    const info = db.prepare('INSERT INTO export_batches (kind, created_at, format, files, rows, status) VALUES (?, ?, ?, ?, ?, ?)')
      .run(batch.kind, batch.createdAt, batch.format, JSON.stringify(batch.files), batch.rows, 'issued');
    const id = Number(info.lastInsertRowid);
    const insert = db.prepare('INSERT INTO export_items (batch_id, item_key, amount, snapshot) VALUES (?, ?, ?, ?)');
    for (const item of batch.items) insert.run(id, item.key, item.amount, JSON.stringify(item.snapshot));
    return id;
  })();
}

export function getBatch(db: Store, id: number, kind?: BatchKind): Batch {
  const row = db.prepare('SELECT * FROM export_batches WHERE id = ?').get(id) as (Omit<Batch, 'files'> & { files: string }) | undefined;
  if (!row || (kind && row.kind !== kind)) fail('not_found', `no ${kind ?? 'export'} batch ${id}; practice-sync export batches lists them`);
  return { ...row, files: JSON.parse(row.files) as BatchFile[] };
}

export function listBatches(db: Store): Omit<Batch, 'files'>[] {
  return (db.prepare('SELECT id, kind, created_at, format, files, rows, status, voided_at FROM export_batches ORDER BY id').all() as (Omit<Batch, 'files'> & { files: string })[])
    .map(({ files, ...rest }) => ({ ...rest, file_names: (JSON.parse(files) as BatchFile[]).map((f) => f.name) }));
}

/** `writeback void BATCH`: the PMS import failed, so the batch's items go out again with the next export. */
export function voidBatch(db: Store, id: number, kind: BatchKind | undefined, now: string): Batch {
  const batch = getBatch(db, id, kind);
  if (batch.status === 'void') fail('usage', `batch ${id} was already voided on ${batch.voided_at}`);
  db.prepare("UPDATE export_batches SET status = 'void', voided_at = ? WHERE id = ?").run(now, id);
  return { ...batch, status: 'void', voided_at: now };
}
