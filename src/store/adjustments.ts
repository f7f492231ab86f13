// Manual corrections staff make today by hand (SPEC §3 `adjust`): a balance portion that replaces the exported one
// until cleared, or sessions used before tracking began. Each is a run, so `undo` reverts it.
import { fail } from '../errors.js';
import { normalizeName } from '../mapping/cells/normalize-name.js';
import type { StoredRow } from './change-log.js';
import { manualRun } from './manual-run.js';
import type { Store } from './open-store.js';
import { TABLE_COLUMNS } from './tables.js';

interface RunContext {
  db: Store;
  attemptsFile: string;
  now: () => Date;
}

export interface BalanceAdjustment {
  account: string;
  patientPortion: number | null;
  insurancePortion: number | null;
  reason: string;
}

/**
 * `account`: a balance's account ID, a patient ID, or a patient's name as the client export has it (SimplePractice has
 * no IDs, and its balances are derived from appointments). The adjustment keeps what it replaces (`source_snapshot`):
 * the exported portions, or for a balance derived from appointments their unpaid sums, marked `basis: appointments`,
 * so a later import changing them shows as a conflict (`StoreInputs.balanceAdjustments`).
 */
export function adjustBalance(ctx: RunContext, adjustment: BalanceAdjustment): { run: number; id: number; patientRef: number } {
  if (adjustment.patientPortion === null && adjustment.insurancePortion === null) {
    fail('usage', 'adjust balance needs --patient-portion, --insurance-portion, or both');
  }
  if (!adjustment.reason.trim()) fail('usage', 'adjust balance needs --reason: say why, for whoever reads it next');
  const { db } = ctx;
  const balance = db.prepare('SELECT patient_ref, patient_portion, insurance_portion FROM balances WHERE account_id = ?').get(adjustment.account) as
    { patient_ref: number; patient_portion: number | null; insurance_portion: number | null } | undefined;
  const byId = balance?.patient_ref ?? (db.prepare('SELECT id FROM patients WHERE patient_id = ?').pluck().get(adjustment.account) as number | undefined);
  const patientRef = byId ?? patientByName(db, adjustment.account);
  const exported = balance ?? (db.prepare('SELECT patient_portion, insurance_portion FROM balances WHERE patient_ref = ?').get(patientRef) as
    { patient_portion: number | null; insurance_portion: number | null } | undefined);
  const snapshot = JSON.stringify(exported
    ? { patient_portion: exported.patient_portion ?? null, insurance_portion: exported.insurance_portion ?? null }
    : { basis: 'appointments', ...derivedPortions(db, patientRef) });
  const { run, result } = manualRun(ctx.db, ctx.attemptsFile, { command: 'adjust balance', now: ctx.now }, (log) => {
    const id = insertAdjustment(db, {
      kind: 'balance', target_ref: patientRef, patient_portion: adjustment.patientPortion, insurance_portion: adjustment.insurancePortion,
      reason: adjustment.reason.trim(), source_snapshot: snapshot, created_at: ctx.now().toISOString(),
    });
    log.created('adjustments', id);
    // A name given for the account is not repeated in the run history: the patient's store key says who.
    const account = byId === undefined ? { patient: `#${patientRef}` } : { account: adjustment.account };
    return { result: id, counts: { created: 1, updated: 0, entity: 'adjustments' }, summary: { adjustment: id, ...account } };
  });
  return { run, id: result, patientRef };
}

/** The one patient of this name; not found or several: exit 2, without repeating the name (errors are logged). */
function patientByName(db: Store, name: string): number {
  const ids = db.prepare('SELECT id FROM patients WHERE name_key = ? ORDER BY id').pluck().all(normalizeName(name)) as number[];
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) return fail('not_found', 'no balance account, patient ID or patient name matches that; report balances lists the balances');
  return fail('usage', `${ids.length} patients have that name; give the account ID or patient ID instead (report balances lists them)`);
}

/**
 * What the balances report derives for a patient without a balance row: Σ client_unpaid and Σ insurance_unpaid of their
 * appointments with a service date (`computeBalances`), in cents.
 */
export function derivedPortions(db: Store, patientRef: number): { patient_portion: number; insurance_portion: number } {
  return db.prepare(`SELECT CAST(total(client_unpaid) AS INTEGER) AS patient_portion, CAST(total(insurance_unpaid) AS INTEGER) AS insurance_portion
    FROM appointments WHERE patient_ref = ? AND service_date IS NOT NULL`).get(patientRef) as { patient_portion: number; insurance_portion: number };
}

export function adjustAuthorization(ctx: RunContext, authorization: string, priorSessions: number): { run: number; id: number } {
  if (!Number.isInteger(priorSessions) || priorSessions < 0) fail('usage', `--prior-sessions takes a whole number of sessions, got ${priorSessions}`);
  const { db } = ctx;
  const target = db.prepare('SELECT id FROM authorizations WHERE authorization_number = ?').pluck().get(authorization) as number | undefined;
  if (target === undefined) fail('not_found', `no authorization numbered "${authorization}"; auth list shows them`);
  const { run, result } = manualRun(db, ctx.attemptsFile, { command: 'adjust auth', now: ctx.now }, (log) => {
    const id = insertAdjustment(db, { kind: 'auth', target_ref: target, prior_sessions: priorSessions, reason: 'sessions used before tracking began', created_at: ctx.now().toISOString() });
    log.created('adjustments', id);
    return { result: id, counts: { created: 1, updated: 0, entity: 'adjustments' }, summary: { adjustment: id, authorization } };
  });
  return { run, id: result };
}

export function clearAdjustment(ctx: RunContext, id: number): { run: number } {
  const { db } = ctx;
  const before = db.prepare('SELECT * FROM adjustments WHERE id = ?').get(id) as StoredRow | undefined;
  if (!before) fail('not_found', `no adjustment ${id}; report balances and auth list show the adjustments in force`);
  if (before.cleared_at) fail('usage', `adjustment ${id} was already cleared on ${before.cleared_at}`);
  const clearedAt = ctx.now().toISOString();
  return manualRun(db, ctx.attemptsFile, { command: 'adjust clear', now: ctx.now }, (log) => {
    db.prepare('UPDATE adjustments SET cleared_at = ? WHERE id = ?').run(clearedAt, id);
    log.record('adjustments', id, before, { ...before, cleared_at: clearedAt });
    return { result: undefined, counts: { created: 0, updated: 1, entity: 'adjustments' }, summary: { cleared: id } };
  });
}

function insertAdjustment(db: Store, values: Record<string, unknown>): number {
  const columns = TABLE_COLUMNS.adjustments.filter((c) => c !== 'id');
  const info = db.prepare(`INSERT INTO adjustments (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...columns.map((c) => (values[c] ?? (c === 'conflict' ? 0 : null)) as never));
  return Number(info.lastInsertRowid);
}
