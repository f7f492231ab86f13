// A client renamed in a PMS without IDs (SimplePractice) comes back in the next export as a new patient whose sessions
// are the old patient's: the same clinician, day and start time. The import says so, naming `patients merge`.
import type { Store } from './open-store.js';

export interface LikelyRename {
  /** The patient this import created. */
  newPatient: number;
  /** The one earlier patient holding the same sessions. */
  earlierPatient: number;
  shared: number;
  /** The first shared session, to find in the PMS's calendar: `2026-02-09 10:00`. */
  first: string;
}

/** Beyond this many new patients, an import is a first import of a practice, not a week with a renamed client. */
const MAX_NEW_PATIENTS = 1000;

/**
 * Patients created from `firstNewPatient` on (SQLite gives new rows keys above every existing one), without an ID, who
 * share timed sessions with exactly one earlier patient without an ID, cancelled sessions left out (a freed slot is
 * booked again). A clinician sees one client at a time, so a shared session is the same client, or two clients seen
 * together (a group of two); a group shares them with several patients and is not named. One shared session is enough:
 * weekly exports of the last few weeks overlap by as little as a week.
 */
export function likelyRenames(db: Store, firstNewPatient: number): LikelyRename[] {
  const newPatients = db.prepare('SELECT count(*) FROM patients WHERE id >= ? AND patient_id IS NULL').pluck().get(firstNewPatient) as number;
  if (newPatients === 0 || newPatients > MAX_NEW_PATIENTS) return [];
  const sessions = `SELECT patient_ref, clinician_ref, service_date, start_time FROM appointments
    WHERE start_time IS NOT NULL AND (status IS NULL OR status IN ('scheduled', 'completed'))
      AND patient_ref IN (SELECT id FROM patients WHERE patient_id IS NULL AND id`;
  const slots = new Map<string, number[]>();
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  for (const [patient, clinician, day, time] of db.prepare(`${sessions} >= ?)`).raw().all(firstNewPatient) as [number, number | null, string, string][]) {
    const slot = `${clinician ?? ''}|${day}|${time}`;
    (slots.get(slot) ?? slots.set(slot, []).get(slot)!).push(patient);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  if (firstDay === null) return [];
  // Per new patient, the earlier patients sharing a slot with them: how many slots, and the first.
  const shared = new Map<number, Map<number, { count: number; first: string }>>();
  for (const [patient, clinician, day, time] of db.prepare(`${sessions} < ?) AND service_date BETWEEN ? AND ?`).raw().all(firstNewPatient, firstDay, lastDay) as [number, number | null, string, string][]) {
    const newPatientsHere = slots.get(`${clinician ?? ''}|${day}|${time}`);
    if (!newPatientsHere) continue;
    for (const newPatient of newPatientsHere) {
      const earlier = shared.get(newPatient) ?? shared.set(newPatient, new Map()).get(newPatient)!;
      const at = `${day} ${time}`;
      const seen = earlier.get(patient);
      if (!seen) earlier.set(patient, { count: 1, first: at });
      else {
        seen.count += 1;
        if (at < seen.first) seen.first = at;
      }
    }
  }
  const out: LikelyRename[] = [];
  for (const [newPatient, earlier] of [...shared].sort(([a], [b]) => a - b)) {
    if (earlier.size !== 1) continue;
    const [[earlierPatient, { count, first }]] = earlier;
    out.push({ newPatient, earlierPatient, shared: count, first });
  }
  return out;
}
