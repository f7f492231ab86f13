// Manual corrections staff make today by hand (SPEC §3 `adjust`): a balance portion that replaces the exported one
// until cleared, or sessions used before tracking began. Each is a run, so `undo` reverts it.
import { fail } from '../errors.js';
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

export function adjustBalance(ctx: RunContext, adjustment: BalanceAdjustment): { run: number; id: number } {
  if (adjustment.patientPortion === null && adjustment.insurancePortion === null) {
    fail('usage', 'adjust balance needs --patient-portion, --insurance-portion, or both');
  }
  if (!adjustment.reason.trim()) fail('usage', 'adjust balance needs --reason: say why, for whoever reads it next');
  const { db } = ctx;
  const balance = db.prepare('SELECT patient_ref, patient_portion, insurance_portion FROM balances WHERE account_id = ?').get(adjustment.account) as
    { patient_ref: number; patient_portion: number | null; insurance_portion: number | null } | undefined;
  const patientRef = balance?.patient_ref ?? (db.prepare('SELECT id FROM patients WHERE patient_id = ?').pluck().get(adjustment.account) as number | undefined);
  if (patientRef === undefined) fail('not_found', `no balance or patient with account ID "${adjustment.account}"; report balances lists them`);
  const snapshot = JSON.stringify({ patient_portion: balance?.patient_portion ?? null, insurance_portion: balance?.insurance_portion ?? null });
  const { run, result } = manualRun(ctx.db, ctx.attemptsFile, { command: 'adjust balance', now: ctx.now }, (log) => {
    const id = insertAdjustment(db, {
      kind: 'balance', target_ref: patientRef, patient_portion: adjustment.patientPortion, insurance_portion: adjustment.insurancePortion,
      reason: adjustment.reason.trim(), source_snapshot: snapshot, created_at: ctx.now().toISOString(),
    });
    log.created('adjustments', id);
    return { result: id, counts: { created: 1, updated: 0, entity: 'adjustments' }, summary: { adjustment: id, account: adjustment.account } };
  });
  return { run, id: result };
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
