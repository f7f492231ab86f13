// likelyRenames: a patient an export lists whose sessions are those of one patient the export does not list (the same
// clinician, day and start time): the old name of a client renamed in the PMS.
import { describe, expect, it } from 'vitest';
import { likelyRenames } from '../../src/store/likely-renames.js';
import { openStore } from '../../src/store/open-store.js';

describe('likelyRenames', () => {
  it('names the one unlisted patient holding a listed patient\'s sessions; not a group, a cancelled slot booked again, a deleted series\' slot, a patient with an ID, or an untimed day', () => {
    const db = openStore(':memory:', { create: true });
    const patient = db.prepare('INSERT INTO patients (id, name, name_key, patient_id) VALUES (?, ?, ?, ?)');
    for (let id = 1; id <= 17; id++) patient.run(id, `Patient ${id}`, `patient ${id}`, id === 4 ? 'P4' : null);
    const session = db.prepare('INSERT INTO appointments (patient_ref, clinician_ref, service_date, start_time, status) VALUES (?, ?, ?, ?, ?)');
    const add = (...values: [number, number, string, string | null, string | null]) => Number(session.run(...values).lastInsertRowid);
    // Stored before this export.
    add(1, 7, '2026-02-02', '10:00', 'completed'); // 1: the old name of patient 5
    add(1, 7, '2026-02-09', '10:00', null);
    add(1, 7, '2026-02-16', '10:00', 'canceled');
    const group = [add(2, 7, '2026-02-03', '18:00', 'completed'), add(3, 7, '2026-02-03', '18:00', 'completed')]; // 2 and 3: a group
    add(4, 8, '2026-02-04', '09:00', 'completed'); // 4 has an ID
    add(1, 8, '2026-02-05', null, 'completed');
    const lyle = add(9, 8, '2026-02-06', '19:00', 'completed'); // 9: a group that new clients join
    add(13, 9, '2026-02-10', '15:00', 'late_canceled'); // 13: a late cancellation, the slot booked again for 16
    add(14, 9, '2026-02-11', '11:00', 'no_show'); // 14: the old name of patient 15, who did not come that day
    add(17, 9, '2026-02-12', '14:00', 'scheduled'); // 17: a discharged client's series the PMS deleted, its slot now 16's
    // This export lists the group's members again, and:
    const listed = [...group, lyle,
      add(5, 7, '2026-02-09', '10:00', 'completed'), add(5, 7, '2026-02-02', '10:00', 'completed'), add(5, 7, '2026-02-16', '10:00', 'completed'),
      add(6, 7, '2026-02-03', '18:00', 'completed'), // joins the group of 2 and 3
      add(7, 8, '2026-02-04', '09:00', 'scheduled'), // the slot of 4, who has an ID
      add(8, 8, '2026-02-05', null, 'completed'), // only an untimed day in common
      ...[10, 11, 12].map((id) => add(id, 8, '2026-02-06', '19:00', 'completed')), // join 9's group
      add(16, 9, '2026-02-10', '15:00', 'completed'), add(16, 9, '2026-02-12', '14:00', 'completed'),
      add(15, 9, '2026-02-11', '11:00', 'completed')];
    expect(likelyRenames(db, listed)).toEqual([
      { newPatient: 5, earlierPatient: 1, shared: 2, first: '2026-02-02 10:00' },
      { newPatient: 15, earlierPatient: 14, shared: 1, first: '2026-02-11 11:00' },
    ]);
    // The old name listed too (an export before the rename): nothing to name. Nothing listed: nothing either.
    expect(likelyRenames(db, [...listed, 1, 2, 3])).toEqual([{ newPatient: 15, earlierPatient: 14, shared: 1, first: '2026-02-11 11:00' }]);
    expect(likelyRenames(db, [])).toEqual([]);
    // An export of more than 20,000 appointments is a backfill, not a week: not checked.
    expect(likelyRenames(db, [...listed, ...Array.from({ length: 20_001 }, (_, i) => 1000 + i)])).toEqual([]);
    db.close();
  });
});
