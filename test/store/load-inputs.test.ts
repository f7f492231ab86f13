// Authorizations come out of the store as the computations take them: names joined, CPT lists parsed (none stored,
// or an empty text, is any code), a manual prior_sessions in place of the imported one, rows without a patient or a
// start date left out.
import { describe, expect, it } from 'vitest';
import { StoreInputs } from '../../src/store/load-inputs.js';
import { openStore } from '../../src/store/open-store.js';

describe('StoreInputs.authorizations', () => {
  it('reads every column, the CPT lists and a prior-sessions adjustment', () => {
    const db = openStore(':memory:', { create: true });
    db.exec(`
      INSERT INTO patients (id, name, patient_id) VALUES (1, 'Ana Quill', 'P1');
      INSERT INTO clinicians (id, name) VALUES (1, 'Dr. Ames');
      INSERT INTO payers (id, name) VALUES (1, 'Aetna');
      INSERT INTO authorizations (id, authorization_number, patient_ref, clinician_ref, payer_ref, authorized_sessions, start_date, end_date, cpt_codes, prior_sessions) VALUES
        (1, 'AUTH-1', 1, 1, 1, 20, '2026-01-01', '2026-03-15', '["90837","H0031"]', 2),
        (2, 'AUTH-2', 1, NULL, NULL, NULL, '2026-03-16', NULL, NULL, NULL),
        (3, NULL, 1, NULL, 1, 10, '2026-04-01', '2026-06-30', '', 0),
        (4, 'AUTH-4', 1, NULL, 1, 12, '2026-07-01', NULL, '[]', 5),
        (5, 'AUTH-5', NULL, NULL, 1, 8, '2026-01-01', NULL, '[]', 0),
        (6, 'AUTH-6', 1, NULL, 1, 8, NULL, NULL, '[]', 0);
      INSERT INTO adjustments (kind, target_ref, prior_sessions, created_at) VALUES ('auth', 4, 7, '2026-07-02T09:00:00Z');
      INSERT INTO adjustments (kind, target_ref, prior_sessions, created_at, cleared_at) VALUES ('auth', 1, 9, '2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z');
    `);
    const about = { patientKey: 1, patientId: 'P1', patientName: 'Ana Quill' };
    expect(new StoreInputs(db).authorizations()).toEqual([
      { key: 1, authorizationNumber: 'AUTH-1', ...about, clinicianKey: 1, clinicianName: 'Dr. Ames', payerName: 'Aetna', authorizedSessions: 20, startDate: '2026-01-01', endDate: '2026-03-15', cptCodes: ['90837', 'H0031'], priorSessions: 2 },
      // No session count stays none: 0 would read as every session used.
      { key: 2, authorizationNumber: 'AUTH-2', ...about, clinicianKey: null, clinicianName: null, payerName: null, authorizedSessions: null, startDate: '2026-03-16', endDate: null, cptCodes: [], priorSessions: 0 },
      { key: 3, authorizationNumber: null, ...about, clinicianKey: null, clinicianName: null, payerName: 'Aetna', authorizedSessions: 10, startDate: '2026-04-01', endDate: '2026-06-30', cptCodes: [], priorSessions: 0 },
      // The adjustment (7) replaces the imported 5; the cleared one of AUTH-1 does not apply.
      { key: 4, authorizationNumber: 'AUTH-4', ...about, clinicianKey: null, clinicianName: null, payerName: 'Aetna', authorizedSessions: 12, startDate: '2026-07-01', endDate: null, cptCodes: [], priorSessions: 7 },
      // No start date: still an authorization the sessions report lists (SPEC §6), its window open at the start. AUTH-5
      // has no patient, so nothing can count toward it.
      { key: 6, authorizationNumber: 'AUTH-6', ...about, clinicianKey: null, clinicianName: null, payerName: 'Aetna', authorizedSessions: 8, startDate: null, endDate: null, cptCodes: [], priorSessions: 0 },
    ]);
    expect(new StoreInputs(db).authorizations({ payer: 'aetna' }).map((auth) => auth.key)).toEqual([1, 3, 4, 6]);
    db.close();
  });
});
