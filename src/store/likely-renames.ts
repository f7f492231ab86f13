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
const HELD = ['scheduled', 'completed', 'no_show'];
/**
 * Of a patient the export does not list, only sessions that took place count: one still `scheduled` may be a series the
 * PMS deleted since (a discharged client's), its slot now another client's. A renamed client's sessions in both
 * exports are past ones.
 */
const PAST = "a.start_time IS NOT NULL AND (a.status IS NULL OR a.status IN ('completed', 'no_show'))";

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
  const slots = new Map<string, { listed: Set<number>; unlisted: Set<number> }>();
  const slotOf = (clinician: number | null, day: string, time: string) => `${clinician ?? ''}|${day}|${time}`;
  // Who holds each slot of the listed patients' sessions, listed and not.
  const listedPatients = new Set<number>();
  let firstDay: string | null = null;
  let lastDay: string | null = null;
  for (const [patient, clinician, day, time, status, hasId] of db.prepare(`SELECT a.patient_ref, a.clinician_ref, a.service_date, a.start_time, a.status,
      p.patient_id IS NOT NULL FROM appointments a JOIN patients p ON p.id = a.patient_ref WHERE a.id IN (SELECT value FROM json_each(?))`)
    .raw().iterate(JSON.stringify(listed)) as IterableIterator<[number, number | null, string, string | null, string | null, number]>) {
    listedPatients.add(patient);
    if (hasId || time === null || (status !== null && !HELD.includes(status))) continue;
    const slot = slotOf(clinician, day, time);
    (slots.get(slot) ?? slots.set(slot, { listed: new Set(), unlisted: new Set() }).get(slot)!).listed.add(patient);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (lastDay === null || day > lastDay) lastDay = day;
  }
  if (firstDay === null) return [];
  for (const [patient, clinician, day, time] of db.prepare(`SELECT a.patient_ref, a.clinician_ref, a.service_date, a.start_time FROM appointments a
    WHERE a.service_date BETWEEN ? AND ? AND ${PAST} AND a.patient_ref IN (SELECT id FROM patients WHERE patient_id IS NULL)`)
    .raw().iterate(firstDay, lastDay) as IterableIterator<Session>) {
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

/** How far back the alerts look for imports that named a likely rename: each export listing the sessions names it again. */
const RECENT_IMPORTS = 20;

/**
 * The likely renames the latest appointment imports named (`renames` in their run summaries) whose two patients are
 * still two and still hold a past session at the same clinician, day and time: what the alerts remind staff of, so a
 * warning a quiet cron import raised is not seen by nobody. A pair merged, undone or no longer sharing a session (a
 * store key given to a new patient) is left out.
 */
export function pendingRenames(db: Store): { newPatient: number; earlierPatient: number }[] {
  const summaries = db.prepare(`SELECT summary FROM runs WHERE entity = 'appointments' AND status IN ('ok', 'partial') AND undone_by IS NULL
    ORDER BY id DESC LIMIT ?`).pluck().all(RECENT_IMPORTS) as (string | null)[];
  const shareSession = db.prepare(`SELECT 1 FROM appointments a JOIN appointments b ON b.patient_ref = ? AND b.service_date = a.service_date
      AND b.start_time = a.start_time AND b.clinician_ref IS a.clinician_ref
    WHERE a.patient_ref = ? AND ${PAST} LIMIT 1`).pluck();
  const seen = new Set<string>();
  const out: { newPatient: number; earlierPatient: number }[] = [];
  for (const summary of summaries) {
    const renames = summary === null ? undefined : (JSON.parse(summary) as { renames?: { patient: number; earlier: number }[] }).renames;
    for (const { patient, earlier } of renames ?? []) {
      const pair = `${patient}:${earlier}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      if (shareSession.get(patient, earlier) !== undefined) out.push({ newPatient: patient, earlierPatient: earlier });
    }
  }
  return out.sort((a, b) => a.newPatient - b.newPatient || a.earlierPatient - b.earlierPatient);
}
