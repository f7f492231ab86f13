// A client renamed in a PMS without IDs (SimplePractice) comes back in the next export as a new patient whose sessions
// are the old patient's: the same clinician, day and start time. The import says so, naming `patients merge`.
import type { Store } from './open-store.js';

export interface LikelyRename {
  /** A patient whose first sessions this import brought. */
  newPatient: number;
  /** The one earlier patient holding the same sessions. */
  earlierPatient: number;
  shared: number;
  /** The first shared session, to find in the PMS's calendar: `2026-02-09 10:00`. */
  first: string;
}

/** Beyond this many patients new to the appointments, an import is a practice's first, not a week with a renamed client. */
const MAX_NEW_PATIENTS = 1000;

type Session = [patient: number, clinician: number | null, day: string, time: string];

/**
 * Patients without an ID whose first sessions are the appointments from `firstNewAppointment` on (SQLite gives new rows
 * keys above every existing one) — created by this import, or by a claims or payments export before it — who share a
 * timed session with an earlier patient without an ID, cancelled sessions left out (a freed slot is booked again). A
 * clinician sees one client at a time, so a session held by exactly one new and one earlier patient is the same client,
 * or two clients seen together; a session several new or several earlier patients hold is a group's, and counts for
 * nothing. A new patient is named when their shared sessions are all with one earlier patient. One is enough: weekly
 * exports of the last few weeks overlap by as little as a week.
 */
export function likelyRenames(db: Store, firstNewAppointment: number): LikelyRename[] {
  // Nothing earlier to compare with: a first import.
  if (firstNewAppointment <= 1) return [];
  const newPatients = db.prepare(`SELECT DISTINCT a.patient_ref FROM appointments a JOIN patients p ON p.id = a.patient_ref AND p.patient_id IS NULL
    WHERE a.id >= ? AND NOT EXISTS (SELECT 1 FROM appointments o WHERE o.patient_ref = a.patient_ref AND o.id < ?)`).pluck().all(firstNewAppointment, firstNewAppointment) as number[];
  if (newPatients.length === 0 || newPatients.length > MAX_NEW_PATIENTS) return [];
  const timed = `start_time IS NOT NULL AND (status IS NULL OR status IN ('scheduled', 'completed'))
    AND patient_ref IN (SELECT id FROM patients WHERE patient_id IS NULL)`;
  const isNew = new Set(newPatients);
  // Each slot of a new patient's sessions: who holds it, new and earlier.
  const slots = new Map<string, { newPatients: Set<number>; earlier: Set<number> }>();
  const slotOf = (clinician: number | null, day: string, time: string) => `${clinician ?? ''}|${day}|${time}`;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  for (const [patient, clinician, day, time] of db.prepare(`SELECT patient_ref, clinician_ref, service_date, start_time FROM appointments WHERE id >= ? AND ${timed}`).raw().all(firstNewAppointment) as Session[]) {
    if (!isNew.has(patient)) continue;
    const slot = slotOf(clinician, day, time);
    (slots.get(slot) ?? slots.set(slot, { newPatients: new Set(), earlier: new Set() }).get(slot)!).newPatients.add(patient);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  if (firstDay === null) return [];
  for (const [patient, clinician, day, time] of db.prepare(`SELECT patient_ref, clinician_ref, service_date, start_time FROM appointments
    WHERE service_date BETWEEN ? AND ? AND ${timed}`).raw().all(firstDay, lastDay) as Session[]) {
    if (!isNew.has(patient)) slots.get(slotOf(clinician, day, time))?.earlier.add(patient);
  }
  // Per new patient, the earlier patients sharing a one-to-one slot with them: how many slots, and the first.
  const shared = new Map<number, Map<number, { count: number; first: string }>>();
  for (const [slot, holders] of slots) {
    if (holders.newPatients.size !== 1 || holders.earlier.size !== 1) continue;
    const [newPatient] = holders.newPatients;
    const [earlierPatient] = holders.earlier;
    const [, day, time] = slot.split('|');
    const at = `${day} ${time}`;
    const earlier = shared.get(newPatient) ?? shared.set(newPatient, new Map()).get(newPatient)!;
    const seen = earlier.get(earlierPatient);
    if (!seen) earlier.set(earlierPatient, { count: 1, first: at });
    else {
      seen.count += 1;
      if (at < seen.first) seen.first = at;
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
