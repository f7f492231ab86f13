// claimsOnDays: every claim with the patient and day of a session to check, whatever else comes with it.
import { describe, expect, it } from 'vitest';
import { StoreInputs } from '../../src/store/load-inputs.js';
import { openStore } from '../../src/store/open-store.js';

describe('claimsOnDays', () => {
  it('finds claims on the first and the last day asked, and none a day outside', () => {
    const db = openStore(':memory:', { create: true });
    const insert = db.prepare('INSERT INTO claims (claim_id, patient_ref, service_date, status) VALUES (?, ?, ?, ?)');
    insert.run('CLM-1', 1, '2026-01-14', 'paid'); // the day before the first day asked
    insert.run('CLM-2', 1, '2026-01-15', 'paid'); // the first day
    insert.run('CLM-3', 2, '2026-03-01', null); // a day between, status unknown
    insert.run('CLM-4', 2, '2026-10-28', 'denied'); // the last day
    insert.run('CLM-5', 2, '2026-10-29', 'paid'); // the day after
    insert.run('CLM-6', 3, '2026-01-15', 'paid'); // a patient not asked about
    insert.run('CLM-7', 1, null, 'paid'); // no day
    insert.run('CLM-8', 1, '2026-05-05', 'paid'); // a patient asked about, on a day between that was not asked: may come too
    const days = [
      { patientKey: 2, serviceDate: '2026-10-28' },
      { patientKey: 1, serviceDate: '2026-01-15' },
      { patientKey: 2, serviceDate: '2026-03-01' },
    ];
    expect(new StoreInputs(db).claimsOnDays(days)).toEqual([
      { patientKey: 1, serviceDate: '2026-01-15', status: 'paid' },
      { patientKey: 2, serviceDate: '2026-03-01', status: null },
      { patientKey: 2, serviceDate: '2026-10-28', status: 'denied' },
      { patientKey: 1, serviceDate: '2026-05-05', status: 'paid' },
    ]);
    expect(new StoreInputs(db).claimsOnDays([])).toEqual([]);
    db.close();
  });
});
