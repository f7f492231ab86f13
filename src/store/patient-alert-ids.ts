// Migration 010: alert ids key a patient by their source ID (`id-P1001`) where they used a hash of the patient's name
// for everyone (alert-ids.ts). Two patients sharing a name shared alerts, and a rename raised new ones. This renames
// the remembered alerts of patients with an ID, so their `first_seen`, `new` and owner carry over.
import type { Database } from 'better-sqlite3';
import { nameToken, patientToken } from '../alerts/alert-ids.js';

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
  const rename = db.prepare('UPDATE alert_state SET id = ? WHERE id = ?');
  for (const id of db.prepare('SELECT id FROM alert_state').pluck().all() as string[]) {
    const token = NAME_TOKEN.exec(id)?.[1];
    const patientId = token === undefined ? null : idByToken.get(token);
    if (patientId) rename.run(id.replace(`:${token}:`, `:${patientToken(patientId, null)}:`), id);
  }
}
