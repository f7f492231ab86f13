// `patients merge FROM --into TO`: one person the store holds as two patients (a client renamed in a PMS without IDs,
// such as SimplePractice, comes back in the next export as a new patient, with every session again) becomes one. A run
// like any other: every record it moves or removes is in the run history, and `undo` puts them back.
import { nameToken, patientToken } from '../alerts/alert-ids.js';
import { fail } from '../errors.js';
import { normalizeName } from '../mapping/cells/normalize-name.js';
import type { ChangeLog, StoredRow } from './change-log.js';
import { shownPatientName } from './load-inputs.js';
import { manualRun } from './manual-run.js';
import type { Store } from './open-store.js';
import { renameAlertTokens, renameBalanceAlerts } from './patient-alert-ids.js';
import { AUTHORIZATION_WINDOW_SQL, sameVisit, VISIT_SQL } from './record-writer.js';
import { TABLE_COLUMNS } from './tables.js';
import { lastWriter, writersOf } from './undo-run.js';

interface RunContext {
  db: Store;
  attemptsFile: string;
  now: () => Date;
}

/** Per table, how many records moved to the patient merged into, and how many were removed as the same record twice. */
export interface MergeResult {
  run: number;
  from: number;
  into: number;
  moved: Record<string, number>;
  removed: Record<string, number>;
}

/** The records that hold a patient. Claims and payments always have an ID of their own, so never clash. */
const PATIENT_TABLES = ['appointments', 'authorizations', 'balances', 'claims', 'payments'] as const;

/**
 * The record of patient `patientRef` that `row` (another patient's) is, once both are one patient, by the rules imports
 * match rows by (SPEC §4 "Identity", record-writer.ts): an appointment without an ID by day, clinician and start time
 * when both know them; an authorization without a number by its start date; a balance by the patient when either has no
 * account, as an export without accounts finds it.
 */
function sameRecord(db: Store, table: string, row: StoredRow, patientRef: unknown): StoredRow | undefined {
  switch (table) {
    case 'appointments': {
      if (row.appointment_id !== null) return undefined;
      const found = sameVisit(db.prepare(VISIT_SQL).all(patientRef, row.service_date) as StoredRow[], row.clinician_ref as number | null, row.start_time as string | null);
      // An untimed session among two timed ones that day: which is unknown, and both stay.
      return 'match' in found ? found.match : undefined;
    }
    case 'authorizations':
      return row.authorization_number === null ? (db.prepare(AUTHORIZATION_WINDOW_SQL).get(patientRef, row.start_date) as StoredRow | undefined) : undefined;
    case 'balances':
      return db.prepare(`SELECT * FROM balances WHERE patient_ref = ?${row.account_id === null ? '' : ' AND account_id IS NULL'} ORDER BY id LIMIT 1`).get(patientRef) as StoredRow | undefined;
    default:
      return undefined;
  }
}

/**
 * What the copy kept takes from the one removed: each value it lacks that none of the runs which wrote it had a column
 * for (the status the attendance report gave one copy, the fees the status report gave the other). A value a run wrote
 * empty stays empty: a session now self-pay does not get its old insurance back, nor an authorization the end date
 * `auth add` cleared. Of a balance only the account, as amounts of two dates do not mix.
 */
function missingValues(db: Store, table: string, kept: StoredRow, removed: StoredRow): StoredRow {
  const written = columnsWritten(db, table, kept.id as number);
  const values: StoredRow = {};
  if (written === null) return values;
  const columns = table === 'balances' ? ['account_id'] : TABLE_COLUMNS[table].filter((c) => c !== 'id' && c !== 'patient_ref');
  for (const column of columns) if (kept[column] === null && removed[column] !== null && !written.has(column)) values[column] = removed[column];
  return values;
}

/**
 * The columns the runs in force that created or changed a record wrote, as each run's history keeps them (`columns`
 * in its summary); null when one does not say (a run from before they were kept): then nothing is known to be missing.
 */
function columnsWritten(db: Store, table: string, id: number): Set<string> | null {
  const columns = new Set<string>();
  for (const { summary } of writersOf(db, table, id, ['patients merge'])) {
    const written = summary === null ? undefined : (JSON.parse(summary) as { columns?: string[] }).columns;
    if (written === undefined) return null;
    for (const column of written) columns.add(column);
  }
  return columns;
}

/** Patient fields the merged patient takes from the other where it has none (its name stays its own). */
const FILLED_FIELDS = ['patient_id', 'dob', 'email', 'phone', 'contact_name', 'payer_ref', 'member_id', 'primary_clinician', 'location',
  'status', 'date_added'] as const;

/**
 * Moves every record of patient `from` to patient `into` and removes `from`. Where both hold the same record (the
 * renamed client's sessions in both exports), the one an import wrote last is kept: it is the PMS's latest word. The
 * merged patient keeps its name, and takes the other's ID, birth date and contact details where it has none, so a
 * client export naming either ID finds it. Refused when both have IDs in the PMS: they are two patients there.
 */
export function mergePatients(ctx: RunContext, from: string, into: string): MergeResult {
  const { db } = ctx;
  const source = findPatient(db, from, 'the patient to merge');
  const target = findPatient(db, into, '--into');
  if (source.id === target.id) fail('usage', `both name the same patient (#${target.id}); there is nothing to merge`);
  if (source.patient_id !== null && target.patient_id !== null) {
    fail('usage', `patients #${source.id} and #${target.id} both have an ID in the PMS (${String(source.patient_id)}, ${String(target.patient_id)}): they are two patients there. Merge them in the PMS, then import its exports`);
  }
  const sourceToken = alertToken(source);
  const sourceNameToken = nameToken(shownName(source));
  const moved: Record<string, number> = {};
  const removed: Record<string, number> = {};
  const { run } = manualRun(db, ctx.attemptsFile, { command: 'patients merge', now: ctx.now }, (log) => {
    for (const table of PATIENT_TABLES) {
      moved[table] = 0;
      removed[table] = 0;
      for (const row of db.prepare(`SELECT * FROM ${table} WHERE patient_ref = ? ORDER BY id`).all(source.id) as StoredRow[]) {
        const other = sameRecord(db, table, row, target.id);
        if (!other) {
          update(db, log, table, row, { patient_ref: target.id });
          moved[table] += 1;
          continue;
        }
        // The same record twice: the copy an import wrote last stays (the other patient's on a tie), with what only the
        // other copy knew; not a merge moving it, which says nothing new.
        const written = (record: StoredRow) => lastWriter(db, table, record.id as number, ['patients merge']) ?? 0;
        const [kept, gone] = written(other) >= written(row) ? [other, row] : [row, other];
        remove(db, log, table, gone);
        removed[table] += 1;
        const values = missingValues(db, table, kept, gone);
        if (kept === row) {
          values.patient_ref = target.id;
          moved[table] += 1;
        }
        if (Object.keys(values).length > 0) update(db, log, table, kept, values);
      }
    }
    moved.adjustments = 0;
    for (const row of db.prepare("SELECT * FROM adjustments WHERE kind = 'balance' AND target_ref = ? ORDER BY id").all(source.id) as StoredRow[]) {
      update(db, log, 'adjustments', row, { target_ref: target.id });
      moved.adjustments += 1;
    }
    remove(db, log, 'patients', source);
    const filled: StoredRow = {};
    for (const field of FILLED_FIELDS) if (target[field] === null && source[field] !== null) filled[field] = source[field];
    // Completed by a client export under either name: the merged patient is no longer provisional.
    if (target.provisional !== source.provisional) filled.provisional = Math.min(Number(target.provisional), Number(source.provisional));
    const merged = Object.keys(filled).length > 0 ? update(db, log, 'patients', target, filled) : target;
    // The alerts remembered under either patient move to the id they are raised under from now on, unless another
    // patient has the name they were raised under: whose were they? (They show once more as new.)
    const namesake = db.prepare('SELECT 1 FROM patients WHERE name_key IS ? AND id <> ?').pluck();
    const tokens = new Map<string, string>();
    const balanceKeys: string[] = [];
    for (const [patient, token, nameKey] of [[source, sourceToken, sourceNameToken], [target, alertToken(target), nameToken(shownName(target))]] as const) {
      if (namesake.get(patient.name_key, target.id) !== undefined) continue;
      tokens.set(token, alertToken(merged));
      balanceKeys.push(nameKey);
    }
    renameAlertTokens(db, tokens);
    renameBalanceAlerts(db, balanceKeys, balanceAlertKey(db, merged));
    const summary = { merged: `#${source.id}`, into: `#${target.id}`, moved, removed };
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { result: null, counts: { created: 0, updated: total(moved) + total(removed) + 1, entity: 'patients' }, summary };
  });
  return { run, from: source.id as number, into: target.id as number, moved, removed };
}

/** The token alert ids carry for this patient (alert-ids.ts), from the name the alerts were computed with. */
function alertToken(patient: StoredRow): string {
  return patientToken(patient.patient_id as string | null, shownName(patient));
}

function shownName(patient: StoredRow): string {
  return shownPatientName(patient.name as string | null, patient.patient_id as string | null, patient.id as number);
}

/**
 * The key of the merged patient's balance alerts (balance-alerts.ts): the account of their exported balance, else its
 * name token; with no balance row, the balance derived from appointments is keyed by the patient's ID, else the token.
 */
function balanceAlertKey(db: Store, patient: StoredRow): string {
  const row = db.prepare('SELECT account_id FROM balances WHERE patient_ref = ? ORDER BY id LIMIT 1').get(patient.id) as { account_id: string | null } | undefined;
  if (row) return row.account_id ?? nameToken(shownName(patient));
  return (patient.patient_id as string | null) ?? nameToken(shownName(patient));
}

/**
 * A patient by store key (`#12`, as messages name patients), by ID in the PMS, or by name when one patient has it.
 * Messages never repeat what was typed: it may be a name, and errors are logged.
 */
function findPatient(db: Store, text: string, role: string): StoredRow {
  const byKey = /^#(\d+)$/.exec(text.trim());
  const row = byKey
    ? db.prepare('SELECT * FROM patients WHERE id = ?').get(Number(byKey[1]))
    : db.prepare('SELECT * FROM patients WHERE patient_id = ?').get(text);
  if (row) return row as StoredRow;
  if (byKey) return fail('not_found', `${role}: no patient #${byKey[1]} in the store`);
  const named = db.prepare('SELECT * FROM patients WHERE name_key = ? ORDER BY id').all(normalizeName(text)) as StoredRow[];
  if (named.length === 1) return named[0];
  if (named.length === 0) return fail('not_found', `${role}: no patient has that ID or name; give the patient's ID, their name as the exports spell it, or #KEY`);
  return fail('usage', `${role}: ${named.length} patients have that name (${named.map((p) => `#${String(p.id)}`).join(', ')}); give #KEY or the patient's ID`);
}

function update(db: Store, log: ChangeLog, table: string, before: StoredRow, changes: StoredRow): StoredRow {
  const after = { ...before, ...changes };
  const columns = Object.keys(changes);
  db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => changes[c] as never), before.id as never);
  log.record(table, before.id as number, before, after);
  return after;
}

/**
 * Removes a record, and the note of which full exports listed it (SPEC §10), which would point at nothing. (An
 * authorization removed here has no number, and `adjust auth` adjusts only numbered ones.)
 */
function remove(db: Store, log: ChangeLog, table: string, row: StoredRow): void {
  for (const presence of db.prepare('SELECT * FROM export_presence WHERE table_name = ? AND row_id = ?').all(table, row.id) as StoredRow[]) {
    db.prepare('DELETE FROM export_presence WHERE id = ?').run(presence.id);
    log.record('export_presence', presence.id as number, presence, null);
  }
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(row.id);
  log.record(table, row.id as number, row, null);
}
