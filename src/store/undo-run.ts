// `undo ID`: restore every record a run touched to exactly what it was before, as a run of its own.
// Refuses when a later run (not itself undone) changed the same records.
import { paymentAmounts, type PaymentFigures } from '../export/payment-amounts.js';
import { fail } from '../errors.js';
import { ChangeLog, decodeRow, type StoredRow } from './change-log.js';
import type { Store } from './open-store.js';
import { currentUser, getRun, insertRun, nextRunId } from './run-history.js';
import { REFERENCES, TABLE_COLUMNS } from './tables.js';

export interface UndoResult {
  run: number;
  undid: number;
  restored: number;
  removed: number;
  /**
   * Payments the run created that an issued writeback batch already sent to the PMS: the undo removes them here, but
   * the PMS keeps them, and no later export can say so (the store no longer holds them). Staff reverse them by hand.
   */
  writtenBack: { payment_id: string; batch: number }[];
  /** Payouts of such payments whose deposit an issued QuickBooks batch wrote with them: it is wrong there after the undo. */
  inQuickBooks: { payout_id: string; batch: number }[];
}

export function undoRun(db: Store, attemptsFile: string, runId: number, options: { now: () => Date }): UndoResult {
  const target = getRun(db, attemptsFile, runId);
  if (target.status === 'rejected' || target.status === 'dry_run' || target.status === 'skipped') {
    fail('undo_refused', `run ${runId} wrote nothing (${target.status.replace('_', ' ')}); there is nothing to undo`);
  }
  if (target.undone_by !== null) fail('undo_refused', `run ${runId} was already undone by run ${target.undone_by}`);
  if (target.command === 'undo') fail('undo_refused', `run ${runId} is itself an undo; import the file again instead`);
  const later = db.prepare(`
    SELECT later.run_id FROM run_changes mine
    JOIN run_changes later ON later.table_name = mine.table_name AND later.run_id > mine.run_id
      AND later.row_id <= COALESCE(mine.last_row_id, mine.row_id) AND COALESCE(later.last_row_id, later.row_id) >= mine.row_id
    JOIN runs r ON r.id = later.run_id
    WHERE mine.run_id = ? AND r.undone_by IS NULL AND r.command <> 'undo'
    ORDER BY later.run_id LIMIT 1`).pluck().get(runId) as number | undefined;
  if (later !== undefined) {
    fail('undo_refused', `run ${later} changed records that run ${runId} touched; undo run ${later} first`, { later });
  }
  if (target.command === 'patients merge') refuseUnlessLatest(db, runId);

  refuseIfReferenced(db, runId);

  const changes = db.prepare('SELECT table_name, row_id, last_row_id, before FROM run_changes WHERE run_id = ? ORDER BY seq DESC').all(runId) as
    { table_name: string; row_id: number; last_row_id: number | null; before: string | null }[];
  // A record the run created and then changed (a patient created by name on one row, given its ID on a later one) has
  // a before-image too; it goes with the run's records, and restoring that image would bring it back.
  const created = new Map<string, [number, number][]>();
  for (const c of changes) if (c.before === null) (created.get(c.table_name) ?? created.set(c.table_name, []).get(c.table_name)!).push([c.row_id, c.last_row_id ?? c.row_id]);
  const createdByRun = (table: string, id: number) => created.get(table)?.some(([first, last]) => first <= id && id <= last) ?? false;
  const writtenBack = writtenBackPayments(db, created.get('payments') ?? []);
  const inQuickBooks = exportedPayouts(db, created.get('payments') ?? []);
  const startedAt = options.now().toISOString();
  let restored = 0;
  let removed = 0;
  const undoId = nextRunId(db, attemptsFile);
  db.transaction(() => {
    const log = new ChangeLog(db, undoId);
    for (const change of changes) {
      const table = change.table_name;
      if (change.before === null) {
        // Records the run created: the whole id range goes (undo runs keep counts, not before-images, of these).
        const gone = db.prepare(`DELETE FROM ${table} WHERE id BETWEEN ? AND ?`).run(change.row_id, change.last_row_id ?? change.row_id).changes;
        // Which records full exports listed is bookkeeping, not a record staff would count.
        if (table !== 'export_presence') removed += gone;
      } else if (!createdByRun(table, change.row_id)) {
        const current = (db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(change.row_id) as StoredRow | undefined) ?? null;
        const before = decodeRow(table, change.before);
        const columns = TABLE_COLUMNS[table];
        db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => before[c] as never));
        // A record the run removed (a patient merged away) comes back: listed as the undo's.
        if (current) log.record(table, change.row_id, current, before);
        else log.created(table, change.row_id);
        if (table !== 'export_presence') restored += 1;
      }
    }
    log.finish();
    insertRun(db, attemptsFile, {
      run: undoId, started_at: startedAt, finished_at: options.now().toISOString(), command: 'undo', user: currentUser(), file: target.file,
      sha256: null, mapping: target.mapping, entity: target.entity, dry_run: false, rows: removed + restored, created: 0, updated: restored,
      unchanged: 0, rejected: 0, status: 'ok', rejects_file: null, summary: { undid: runId, removed, restored }, undone_by: null,
    });
    db.prepare('UPDATE runs SET undone_by = ?, status = ? WHERE id = ?').run(undoId, 'undone', runId);
  })();
  return { run: undoId, undid: runId, restored, removed, writtenBack, inQuickBooks };
}

/**
 * Of the payouts of the payments in these id ranges, those whose QuickBooks deposit (the latest issued batch holding
 * them) will no longer match once the payments go: their totals without them differ from what the batch wrote. A
 * payout exported before a payment joined it is right in QuickBooks after the undo, and is not named.
 */
function exportedPayouts(db: Store, ranges: [number, number][]): { payout_id: string; batch: number }[] {
  const inRanges = (id: number) => ranges.some(([first, last]) => first <= id && id <= last);
  const payoutsOf = db.prepare('SELECT DISTINCT payout_id FROM payments WHERE id BETWEEN ? AND ? AND payout_id IS NOT NULL').pluck();
  const exported = db.prepare(`SELECT i.batch_id, i.snapshot FROM export_items i
    JOIN export_batches b ON b.id = i.batch_id AND b.kind = 'quickbooks' AND b.status <> 'void'
    WHERE i.item_key = ? ORDER BY i.batch_id DESC LIMIT 1`);
  const paymentsOf = db.prepare('SELECT id, payment_id AS paymentId, gross, fee, net FROM payments WHERE payout_id = ?');
  const payouts = new Set(ranges.flatMap(([first, last]) => payoutsOf.all(first, last) as string[]));
  const named: { payout_id: string; batch: number }[] = [];
  for (const payoutId of [...payouts].sort()) {
    const item = exported.get(payoutId) as { batch_id: number; snapshot: string | null } | undefined;
    if (!item) continue;
    const written = JSON.parse(item.snapshot ?? '{}') as { gross?: number; fee?: number; net?: number };
    const after = { gross: 0, fee: 0, net: 0 };
    for (const p of paymentsOf.all(payoutId) as (PaymentFigures & { id: number })[]) {
      if (inRanges(p.id)) continue;
      // Completed as the QuickBooks export completes them; one it would refuse adds nothing.
      const checked = paymentAmounts(p);
      if (!checked.ok) continue;
      after.gross += checked.amounts.gross;
      after.fee += checked.amounts.fee;
      after.net += checked.amounts.net;
    }
    if (after.gross !== written.gross || after.fee !== written.fee || after.net !== written.net) named.push({ payout_id: payoutId, batch: item.batch_id });
  }
  return named;
}

/** Of the payments in these id ranges, those an issued (not voided) writeback batch holds, by payment ID. */
function writtenBackPayments(db: Store, ranges: [number, number][]): { payment_id: string; batch: number }[] {
  const query = db.prepare(`SELECT p.payment_id, min(i.batch_id) AS batch FROM payments p
    JOIN export_items i ON i.item_key = p.payment_id
    JOIN export_batches b ON b.id = i.batch_id AND b.kind = 'writeback' AND b.status <> 'void'
    WHERE p.id BETWEEN ? AND ? GROUP BY p.payment_id ORDER BY p.payment_id`);
  return ranges.flatMap(([first, last]) => query.all(first, last) as { payment_id: string; batch: number }[]);
}

/**
 * A merge of two patients is undone only while no later run is in force. Records written since may belong to either
 * patient, and the undo cannot tell whose: a claim an import gave the merged patient through the ID the merge gave them
 * would stay with the wrong one, and an export naming the merged-away patient's old name again created a patient of
 * that name, whom the undo would give a namesake, so that every later export naming them would be refused as ambiguous.
 */
function refuseUnlessLatest(db: Store, runId: number): void {
  const later = db.prepare("SELECT id FROM runs WHERE id > ? AND undone_by IS NULL AND command <> 'undo' AND status IN ('ok', 'partial') ORDER BY id DESC LIMIT 1").pluck().get(runId) as number | undefined;
  if (later !== undefined) {
    fail('undo_refused', `run ${later} came after the merge (run ${runId}), and records written since may be either patient's; undo the later runs first, newest first (runs lists them)`, { later });
  }
}

/**
 * Refuses when a record the run did not touch refers to one the run created (a later claims import naming a patient
 * the run added, a balance adjustment of that patient): removing the record would leave the reference pointing at
 * nothing, and the next import, which may be given the freed id, would attach it to someone else. Records the run
 * itself created or changed are left out: they go, or get their before-image back, with it.
 */
function refuseIfReferenced(db: Store, runId: number): void {
  const created = db.prepare('SELECT table_name, row_id, COALESCE(last_row_id, row_id) FROM run_changes WHERE run_id = ? AND before IS NULL').raw().all(runId) as [string, number, number][];
  if (!created.some(([table]) => REFERENCES.some((reference) => reference.to === table))) return;
  db.exec('CREATE TEMP TABLE undo_touched (table_name TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (table_name, first)) WITHOUT ROWID');
  try {
    // The run's records as disjoint ranges per table, so the range that could hold an id is the one starting last at or before it.
    const insert = db.prepare('INSERT INTO temp.undo_touched (table_name, first, last) VALUES (?, ?, ?)');
    for (const [table, ranges] of touchedRanges(db, runId)) for (const [first, last] of ranges) insert.run(table, first, last);
    // One query per reference, prepared once: a run can have created thousands of separate ranges.
    const queries = REFERENCES.map((reference) => ({
      reference,
      query: db.prepare(`SELECT r.id, r.${reference.column} FROM ${reference.table} r
        WHERE r.${reference.column} BETWEEN ? AND ?${reference.where ? ` AND r.${reference.where}` : ''}
          AND NOT EXISTS (SELECT 1 FROM (SELECT last FROM temp.undo_touched WHERE table_name = ? AND first <= r.id ORDER BY first DESC LIMIT 1) WHERE last >= r.id)
        LIMIT 1`).raw(),
    }));
    for (const [table, first, last] of created) {
      for (const { reference, query } of queries.filter((q) => q.reference.to === table)) {
        const found = query.get(first, last, reference.table) as [number, number] | undefined;
        if (!found) continue;
        const [id, target] = found;
        const by = lastWriter(db, reference.table, id);
        const what = `${reference.table} #${id} refers to ${table} #${target}`;
        if (by !== undefined && by > runId) fail('undo_refused', `run ${by} wrote records that refer to records run ${runId} created (${what}); undo run ${by} first`, { later: by });
        fail('undo_refused', `${what}, which run ${runId} created; undoing run ${runId} would leave that reference pointing at nothing`);
      }
    }
  } finally {
    db.exec('DROP TABLE temp.undo_touched');
  }
}

/** The records a run created or changed, per table, as sorted ranges with overlaps merged. */
function touchedRanges(db: Store, runId: number): Map<string, [number, number][]> {
  const rows = db.prepare('SELECT table_name, row_id, COALESCE(last_row_id, row_id) FROM run_changes WHERE run_id = ? ORDER BY table_name, row_id').raw().all(runId) as [string, number, number][];
  const out = new Map<string, [number, number][]>();
  for (const [table, first, last] of rows) {
    const ranges = out.get(table) ?? out.set(table, []).get(table)!;
    const previous = ranges.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else ranges.push([first, last]);
  }
  return out;
}

/**
 * The runs in force (not undone, not an undo, nor one of `ignoring`) that created or changed a record, with their
 * summaries: two seeks, one for the changes logged for its id and one for the id ranges runs created (migration 012's
 * index), never a walk over the changes of other records.
 */
export function writersOf(db: Store, table: string, id: number, ignoring: readonly string[] = []): { run: number; summary: string | null }[] {
  const inForce = "r.undone_by IS NULL AND r.command <> 'undo' AND r.command NOT IN (SELECT value FROM json_each(?))";
  const skipped = JSON.stringify(ignoring);
  return db.prepare(`SELECT r.id AS run, r.summary FROM run_changes c JOIN runs r ON r.id = c.run_id
      WHERE c.table_name = ? AND c.row_id = ? AND c.last_row_id IS NULL AND ${inForce}
    UNION SELECT r.id, r.summary FROM run_changes c INDEXED BY run_changes_created JOIN runs r ON r.id = c.run_id
      WHERE c.table_name = ? AND c.last_row_id >= ? AND c.row_id <= ? AND c.last_row_id IS NOT NULL AND ${inForce}`)
    .all(table, id, skipped, table, id, id, skipped) as { run: number; summary: string | null }[];
}

/** The latest of `writersOf`: the run that last created or changed a record. */
export function lastWriter(db: Store, table: string, id: number, ignoring: readonly string[] = []): number | undefined {
  const runs = writersOf(db, table, id, ignoring).map((writer) => writer.run);
  return runs.length === 0 ? undefined : Math.max(...runs);
}

export interface RunChange {
  seq: number;
  table: string;
  row_id: number;
  action: 'created' | 'updated' | 'removed';
  before: StoredRow | null;
  after: StoredRow | null;
  changed: string[];
}

/** A run's changes for display; created ranges are listed record by record, as they are now. */
export function runChanges(db: Store, runId: number, limit = Number.MAX_SAFE_INTEGER): RunChange[] {
  const rows = db.prepare('SELECT seq, table_name, row_id, last_row_id, before, after FROM run_changes WHERE run_id = ? ORDER BY seq').all(runId) as
    { seq: number; table_name: string; row_id: number; last_row_id: number | null; before: string | null; after: string | null }[];
  const out: RunChange[] = [];
  for (const r of rows) {
    if (out.length >= limit) break;
    if (r.before === null) {
      const created = db.prepare(`SELECT * FROM ${r.table_name} WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?`)
        .all(r.row_id, r.last_row_id ?? r.row_id, limit - out.length) as StoredRow[];
      for (const row of created) out.push({ seq: r.seq, table: r.table_name, row_id: row.id as number, action: 'created', before: null, after: row, changed: [] });
      continue;
    }
    const before = decodeRow(r.table_name, r.before);
    const after = r.after ? decodeRow(r.table_name, r.after) : null;
    const changed = TABLE_COLUMNS[r.table_name].filter((c) => c !== 'id' && (before[c] ?? null) !== (after?.[c] ?? null));
    out.push({ seq: r.seq, table: r.table_name, row_id: r.row_id, action: after === null ? 'removed' : 'updated', before, after, changed });
  }
  return out;
}
