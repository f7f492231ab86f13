import { describe, expect, it } from 'vitest';
import { computeUnbilled } from '../../src/compute/unbilled.js';
import { appointment, claim, config, patient } from './builders.js';

const asOf = '2026-02-20';
const patients = [patient({ key: 1, payerName: 'Cigna' }), patient({ key: 2, name: 'Bo Park', payerName: null }), patient({ key: 3, name: 'Cal Ito', payerName: null })];

describe('computeUnbilled', () => {
  it('lists completed sessions at least 7 days old, with a payer, and no non-void claim that day', () => {
    const appointments = [
      appointment({ key: 1, serviceDate: '2026-02-13', payerName: 'Aetna' }), // 7 days: unbilled
      appointment({ key: 2, serviceDate: '2026-02-14', payerName: 'Aetna' }), // 6 days: too recent
      appointment({ key: 3, serviceDate: '2026-02-02', payerName: 'Aetna' }), // claimed
      appointment({ key: 4, serviceDate: '2026-02-03', payerName: 'Aetna' }), // only a void claim: unbilled
      appointment({ key: 5, serviceDate: '2026-02-04', payerName: null, cptCode: '90834' }), // the patient's payer, Cigna
      appointment({ key: 6, serviceDate: '2026-02-05', patientKey: 3, patientName: 'Cal Ito', payerName: null }), // self-pay
      appointment({ key: 7, serviceDate: '2026-02-06', status: 'no_show', payerName: 'Aetna' }), // not completed
      appointment({ key: 8, serviceDate: '2026-02-09', patientKey: 2, patientName: 'Bo Park', payerName: 'Aetna' }), // claim is patient 1's
    ];
    const claims = [
      claim({ patientKey: 1, serviceDate: '2026-02-02', status: 'submitted' }),
      claim({ patientKey: 1, serviceDate: '2026-02-03', status: 'void' }),
      claim({ patientKey: 1, serviceDate: '2026-02-09', status: 'paid' }),
    ];
    const report = computeUnbilled({ appointments, claims, patients, asOf, config: config() });
    expect(report.columns.map((c) => c.key)).toEqual([
      'patient_name', 'clinician_name', 'service_date', 'cpt_code', 'payer_name', 'days_since_service', 'filing_deadline',
    ]);
    // Each row also carries the patient's source ID, which no column shows (for alert ids).
    expect(report.rows).toEqual([
      // 02-03 + 120 (Aetna): 25 (Feb) + 31 + 30 + 31 = 117, + 3 → 06-03
      { patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', service_date: '2026-02-03', cpt_code: '90837', payer_name: 'Aetna', days_since_service: 17, filing_deadline: '2026-06-03', patient_id: null },
      // 02-04 + 90 (Cigna): 24 (Feb) + 31 + 30 = 85, + 5 → 05-05
      { patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', service_date: '2026-02-04', cpt_code: '90834', payer_name: 'Cigna', days_since_service: 16, filing_deadline: '2026-05-05', patient_id: null },
      { patient_name: 'Bo Park', clinician_name: 'Dana Reyes', service_date: '2026-02-09', cpt_code: '90837', payer_name: 'Aetna', days_since_service: 11, filing_deadline: '2026-06-09', patient_id: null },
      // 02-13 + 120: 15 + 31 + 30 + 31 = 107, + 13 → 06-13
      { patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', service_date: '2026-02-13', cpt_code: '90837', payer_name: 'Aetna', days_since_service: 7, filing_deadline: '2026-06-13', patient_id: null },
    ]);
    expect(report.totals).toEqual({ sessions: 4 });
    expect(report.notes).toEqual([]);
  });

  it('honours unbilled_after_days from the config', () => {
    const appointments = [appointment({ serviceDate: '2026-02-14' })]; // 6 days old
    const report = computeUnbilled({ appointments, claims: [claim({ serviceDate: '2026-01-01' })], patients, asOf, config: config({ alerts: { unbilled_after_days: 6 } }) });
    expect(report.rows).toHaveLength(1);
  });

  it('is skipped, with the reason, when no claim has a service date', () => {
    const appointments = [appointment({ serviceDate: '2026-01-05' })];
    const undated = computeUnbilled({ appointments, claims: [claim({ serviceDate: null }), claim({ serviceDate: null })], patients, asOf, config: config() });
    expect(undated.rows).toEqual([]);
    expect(undated.notes).toEqual([
      'Unbilled sessions were not checked: none of the 2 claims in the store has a service date, so sessions cannot be matched to claims.',
    ]);
    const none = computeUnbilled({ appointments, claims: [], patients, asOf, config: config() });
    expect(none.rows).toEqual([]);
    expect(none.notes[0]).toMatch(/holds no claims/);
  });
});
