// A client renamed in a PMS without IDs (SimplePractice) comes back in the next export as a new patient whose sessions
// are the old patient's: the same clinician, day and start time. The import says so, naming `patients merge`.
import type { Store } from './open-store.js';

export interface LikelyRename {
  /** A patient this export lists. */
  newPatient: number;
  /** The one patient the export does not list who holds the same sessions. */
  earlierPatient: number;
  shared: number;
  /** The first shared session, to find in the PMS's calendar: `2026-02-09 10:00`. */
  first: string;
}

type Session = [patient: number, clinician: number | null, day: string, time: string];

/** Sessions that were held or are still to come: a cancelled slot is booked again, for another client. */
const HELD = "start_time IS NOT NULL AND (status IS NULL OR status IN ('scheduled', 'completed', 'no_show'))";
/**
 * Of a patient the export does not list, only sessions that took place count: one still `scheduled` may be a series the
 * PMS deleted since (a discharged client's), its slot now another client's. A renamed client's sessions in both
 * exports are past ones.
 */
const PAST = "start_time IS NOT NULL AND (status IS NULL OR status IN ('completed', 'no_show'))";

/** Beyond this many appointments an export is a backfill of a practice's history, not a week, and is not checked. */
const MAX_LISTED = 20_000;

/**
 * Of the patients without an ID whose appointments an export lists (`listed`: the appointments' store keys), those who
 * share timed sessions with one patient without an ID whom the export does not list. A renamed client's old name is in
 * no export made after the rename, while a group's members, two clients seen together, or the client of a slot's late
 * cancellation are listed beside the new one. A clinician sees one client at a time, so a session held by exactly one
 * listed and one unlisted patient is the same client; a session several of either hold is a group's and counts for
 * nothing. A listed patient is named when those sessions are all with one unlisted patient. One session is enough:
 * weekly exports of the last few weeks overlap by as little as a week. Until the two are merged, each export listing
 * the shared sessions names them again. An export with appointment IDs is not asked: its rows find their appointments by
 * ID, under whichever name, so a rename leaves no session twice.
 */
export function likelyRenames(db: Store, listed: readonly number[]): LikelyRename[] {
  if (listed.length === 0 || listed.length > MAX_LISTED) return [];
  const ids = JSON.stringify(listed);
  const listedPatients = new Set(db.prepare('SELECT DISTINCT a.patient_ref FROM json_each(?) j JOIN appointments a ON a.id = j.value').pluck().all(ids) as number[]);
  // Who holds each slot of the listed patients' sessions, listed and not.
  const slots = new Map<string, { listed: Set<number>; unlisted: Set<number> }>();
  const slotOf = (clinician: number | null, day: string, time: string) => `${clinician ?? ''}|${day}|${time}`;
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  const withoutId = 'patient_ref IN (SELECT id FROM patients WHERE patient_id IS NULL)';
  for (const [patient, clinician, day, time] of db.prepare(`SELECT patient_ref, clinician_ref, service_date, start_time FROM appointments
    WHERE id IN (SELECT value FROM json_each(?)) AND ${HELD} AND ${withoutId}`).raw().iterate(ids) as IterableIterator<Session>) {
    const slot = slotOf(clinician, day, time);
    (slots.get(slot) ?? slots.set(slot, { listed: new Set(), unlisted: new Set() }).get(slot)!).listed.add(patient);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  if (firstDay === null) return [];
  for (const [patient, clinician, day, time] of db.prepare(`SELECT patient_ref, clinician_ref, service_date, start_time FROM appointments
    WHERE service_date BETWEEN ? AND ? AND ${PAST} AND ${withoutId}`).raw().iterate(firstDay, lastDay) as IterableIterator<Session>) {
    if (!listedPatients.has(patient)) slots.get(slotOf(clinician, day, time))?.unlisted.add(patient);
  }
  // Per listed patient, the unlisted patients sharing a one-to-one slot with them: how many slots, and the first.
  const shared = new Map<number, Map<number, { count: number; first: string }>>();
  for (const [slot, holders] of slots) {
    if (holders.listed.size !== 1 || holders.unlisted.size !== 1) continue;
    const [newPatient] = holders.listed;
    const [earlierPatient] = holders.unlisted;
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
