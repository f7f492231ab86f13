// likelyRenames: a patient whose first sessions are one earlier patient's (the same clinician, day and start time).
import { describe, expect, it } from 'vitest';
import { likelyRenames } from '../../src/store/likely-renames.js';
import { openStore } from '../../src/store/open-store.js';

describe('likelyRenames', () => {
  it('names a patient new to the appointments who shares sessions with one earlier patient; not a group, a cancelled slot, a patient with an ID, or an untimed day', () => {
    const db = openStore(':memory:', { create: true });
    const patient = db.prepare('INSERT INTO patients (id, name, name_key, patient_id) VALUES (?, ?, ?, ?)');
    const session = db.prepare('INSERT INTO appointments (patient_ref, clinician_ref, service_date, start_time, status) VALUES (?, ?, ?, ?, ?)');
    // Patients 1 (the old name), 2 and 3 (a group's members), 4 (with an ID in the PMS), 9 (a group of one so far);
    // 5 to 8 and 10 to 12 have no sessions yet (5 came with a claims export, say).
    for (const [id, patientId] of [[1, null], [2, null], [3, null], [4, 'P4'], [5, null], [6, null], [7, null], [8, null], [9, null], [10, null], [11, null], [12, null]] as const) {
      patient.run(id, `Patient ${id}`, `patient ${id}`, patientId);
    }
    session.run(1, 7, '2026-02-02', '10:00', 'completed');
    session.run(1, 7, '2026-02-09', '10:00', null);
    session.run(1, 7, '2026-02-16', '10:00', 'canceled');
    session.run(2, 7, '2026-02-03', '18:00', 'completed');
    session.run(3, 7, '2026-02-03', '18:00', 'completed');
    session.run(4, 8, '2026-02-04', '09:00', 'completed');
    session.run(1, 8, '2026-02-05', null, 'completed');
    session.run(9, 8, '2026-02-06', '19:00', 'completed');
    const firstNew = 9;
    expect(db.prepare('SELECT max(id) + 1 FROM appointments').pluck().get()).toBe(firstNew);
    // This import: 5 (patient 1 renamed: two sessions shared; 02/16 was cancelled under the old name), 6 (joins the
    // group of 2 and 3), 7 (a slot patient 4, who has an ID, also had), 8 (only an untimed day in common), 10 to 12 (join
    // patient 9's group: three new patients in one slot), and patient 1's own next session.
    session.run(5, 7, '2026-02-09', '10:00', 'completed');
    session.run(5, 7, '2026-02-02', '10:00', 'completed');
    session.run(5, 7, '2026-02-16', '10:00', 'completed');
    session.run(6, 7, '2026-02-03', '18:00', 'completed');
    session.run(7, 8, '2026-02-04', '09:00', 'scheduled');
    session.run(8, 8, '2026-02-05', null, 'completed');
    for (const id of [10, 11, 12]) session.run(id, 8, '2026-02-06', '19:00', 'completed');
    session.run(1, 7, '2026-02-23', '10:00', 'scheduled');
    expect(likelyRenames(db, firstNew)).toEqual([{ newPatient: 5, earlierPatient: 1, shared: 2, first: '2026-02-02 10:00' }]);
    // An import that added nothing, or a first import: nothing to name.
    expect(likelyRenames(db, 100)).toEqual([]);
    expect(likelyRenames(db, 1)).toEqual([]);
    db.close();
  });
});
