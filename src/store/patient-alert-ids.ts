// Alert ids key a patient by their source ID (`id-P1001`), and by a hash of the name only without one (alert-ids.ts).
// Remembered alerts move from the name to the ID, keeping `first_seen`, `new` and owner: for every patient with an ID
// once (migration 010: ids used the name hash for everyone before), and for each patient an import gives an ID.
import type { Database } from 'better-sqlite3';
import { nameToken, patientToken } from '../alerts/alert-ids.js';
import { normalizeName } from '../mapping/cells/normalize-name.js';

/** A name token inside an id: `unbilled_session:p1a2b3c4d:2026-03-02`, `timely_filing:session:p1a2b3c4d:...`. */
const NAME_TOKEN = /:(p[0-9a-f]{8}):/;

export function keyAlertsByPatientId(db: Database): void {
  // Each name token to the patient ID it now stands for; a token two patients share stays as it is (whose was it?).
  const idByToken = new Map<string, string | null>();
  for (const [patientId, name] of db.prepare('SELECT patient_id, name FROM patients').raw().all() as [string | null, string | null][]) {
    // The name the alerts were computed with (load-inputs.ts): a patient stored without a name shows as `Patient ID`.
    const token = nameToken(name ?? (patientId ? `Patient ${patientId}` : null));
    idByToken.set(token, idByToken.has(token) ? null : patientId);
  }
  renameAlerts(db, idByToken);
}

/**
 * After an import gave patients known by name an ID (a client export after appointments without IDs), their alerts
 * are keyed by the ID from now on: the alerts remembered under their name move to it, keeping `first_seen`, `new` and
 * owner, unless another patient's name gives the same token.
 */
export function keyAlertsOfPatientsGivenIds(db: Database, given: readonly { name: string; patientId: string }[]): void {
  if (given.length === 0) return;
  const idByToken = new Map<string, string | null>();
  const namesakes = db.prepare('SELECT id FROM patients WHERE name_key = ?').pluck();
  for (const { name, patientId } of given) {
    const token = nameToken(name);
    // Another patient stored under the same name may own those alerts; so may another patient given an ID here.
    const shared = idByToken.has(token) || (namesakes.all(normalizeName(name)) as number[]).length > 1;
    idByToken.set(token, shared ? null : patientId);
  }
  renameAlerts(db, idByToken);
}

/** The alerts remembered under a name token of `idByToken` take the ID instead. */
function renameAlerts(db: Database, idByToken: ReadonlyMap<string, string | null>): void {
  const tokens = new Map<string, string>();
  for (const [token, patientId] of idByToken) if (patientId) tokens.set(token, patientToken(patientId, null));
  renameAlertTokens(db, tokens);
}

/**
 * One pass over the remembered alerts: an id holding a name token of `tokens` takes the token it maps to (a patient's
 * ID, or after `patients merge` the merged patient's token). Only name tokens move: an ID stays a patient's own.
 */
export function renameAlertTokens(db: Database, tokens: ReadonlyMap<string, string>): void {
  if (![...tokens].some(([from, to]) => from !== to)) return;
  // OR IGNORE: an id the new token already has (a patient of that ID undone and imported again, the merged patient's own
  // alert for the same session) keeps its own memory.
  const rename = db.prepare('UPDATE OR IGNORE alert_state SET id = ? WHERE id = ?');
  for (const id of db.prepare('SELECT id FROM alert_state').pluck().all() as string[]) {
    const token = NAME_TOKEN.exec(id)?.[1];
    const to = token === undefined ? undefined : tokens.get(token);
    if (to !== undefined && to !== token) rename.run(id.replace(`:${token}:`, `:${to}:`), id);
  }
}

/** The alert types keyed by a balance's account, else by its patient's name token alone: `balance_high:p1a2b3c4d`. */
const BALANCE_ALERT_TYPES = ['balance_high', 'adjustment_conflict'] as const;

/** The balance alerts remembered under any of `keys` take `key` instead (unless one is remembered under it already). */
export function renameBalanceAlerts(db: Database, keys: readonly string[], key: string): void {
  const rename = db.prepare('UPDATE OR IGNORE alert_state SET id = ? WHERE id = ?');
  for (const type of BALANCE_ALERT_TYPES) for (const from of keys) if (from !== key) rename.run(`${type}:${key}`, `${type}:${from}`);
}
