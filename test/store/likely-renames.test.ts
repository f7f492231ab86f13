// likelyRenames: a new patient whose sessions are one earlier patient's (the same clinician, day and start time).
import { describe, expect, it } from 'vitest';
import { likelyRenames } from '../../src/store/likely-renames.js';
import { openStore } from '../../src/store/open-store.js';

describe('likelyRenames', () => {
  it('names a new patient sharing sessions with one earlier patient; not a group, a cancelled slot, a patient with an ID, or an untimed day', () => {
    const db = openStore(':memory:', { create: true });
    const patient = db.prepare('INSERT INTO patients (id, name, name_key, patient_id) VALUES (?, ?, ?, ?)');
    const session = db.prepare('INSERT INTO appointments (patient_ref, clinician_ref, service_date, start_time, status) VALUES (?, ?, ?, ?, ?)');
    // Earlier patients: 1 (the old name), 2 and 3 (a group's members), 4 (with an ID in the PMS).
    for (const [id, patientId] of [[1, null], [2, null], [3, null], [4, 'P4']] as const) patient.run(id, `Earlier ${id}`, `earlier ${id}`, patientId);
    session.run(1, 7, '2026-02-02', '10:00', 'completed');
    session.run(1, 7, '2026-02-09', '10:00', null);
    session.run(1, 7, '2026-02-16', '10:00', 'canceled');
    session.run(2, 7, '2026-02-03', '18:00', 'completed');
    session.run(3, 7, '2026-02-03', '18:00', 'completed');
    session.run(4, 8, '2026-02-04', '09:00', 'completed');
    session.run(1, 8, '2026-02-05', null, 'completed');
    // New in this import: 5 (patient 1 renamed: two sessions shared, 02/16 was cancelled under the old name), 6 (joins
    // the group of 2 and 3), 7 (a slot patient 4, who has an ID, also had), 8 (only an untimed day in common).
    for (const id of [5, 6, 7, 8]) patient.run(id, `New ${id}`, `new ${id}`, null);
    session.run(5, 7, '2026-02-09', '10:00', 'completed');
    session.run(5, 7, '2026-02-02', '10:00', 'completed');
    session.run(5, 7, '2026-02-16', '10:00', 'completed');
    session.run(6, 7, '2026-02-03', '18:00', 'completed');
    session.run(7, 8, '2026-02-04', '09:00', 'scheduled');
    session.run(8, 8, '2026-02-05', null, 'completed');
    expect(likelyRenames(db, 5)).toEqual([{ newPatient: 5, earlierPatient: 1, shared: 2, first: '2026-02-02 10:00' }]);
    // Nothing new: nothing to name.
    expect(likelyRenames(db, 9)).toEqual([]);
    db.close();
  });
});
