import { describe, expect, it } from 'vitest';
import { computeBalances } from '../../src/compute/balances.js';
import { adjustment, appointment, balance, patient } from './builders.js';

const asOf = '2026-03-01';
const none = { adjusted: false, adjustment_reason: null, conflict: false, missing_from_export: false };

describe('computeBalances: export rows', () => {
  it('takes portions and buckets from the export, totalling patient + insurance when no total was exported', () => {
    const report = computeBalances({
      balances: [
        balance({ accountId: 'A-1', patientPortion: 10000, insurancePortion: 5000, aging0to30: 15000 }),
        balance({ accountId: 'A-2', patientKey: 2, patientName: 'Bo Park', patientPortion: 1000, insurancePortion: 0, total: 1200 }),
      ],
      adjustments: [],
      appointments: [appointment({ clientUnpaid: 99900 })], // patient 1 has a balance row: appointments are not added
      patients: [],
      asOf,
    });
    expect(report.columns.map((c) => c.key)).toEqual([
      'account_id', 'patient_name', 'basis', 'patient_portion', 'insurance_portion', 'total',
      'aging_0_30', 'aging_31_60', 'aging_61_90', 'aging_over_90', 'adjusted', 'adjustment_reason', 'conflict', 'missing_from_export',
    ]);
    expect(report.rows).toEqual([
      { account_id: 'A-1', patient_name: 'Avery Quill', basis: 'export', patient_portion: 10000, insurance_portion: 5000, total: 15000, aging_0_30: 15000, aging_31_60: null, aging_61_90: null, aging_over_90: null, ...none },
      // The exported total (12.00) is kept as exported, even though 10.00 + 0.00 differs.
      { account_id: 'A-2', patient_name: 'Bo Park', basis: 'export', patient_portion: 1000, insurance_portion: 0, total: 1200, aging_0_30: null, aging_31_60: null, aging_61_90: null, aging_over_90: null, ...none },
    ]);
  });

  it('replaces the adjusted portion, recomputes the total from the portions and flags a conflict', () => {
    const report = computeBalances({
      balances: [
        balance({ patientKey: 1, accountId: 'A-1', patientPortion: 10000, insurancePortion: 5000, total: 15000, agingOver90: 4000 }),
        balance({ patientKey: 2, accountId: 'A-2', patientName: 'Bo Park', patientPortion: 800, insurancePortion: 300, total: 1100 }),
      ],
      adjustments: [
        adjustment({ id: 1, patientKey: 1, patientPortion: 5000, reason: 'older correction' }),
        adjustment({ id: 2, patientKey: 1, patientPortion: 2000, reason: 'paid at front desk', conflict: true }), // latest wins
        adjustment({ id: 3, patientKey: 2, insurancePortion: 0, reason: 'insurance wrote off' }),
      ],
      appointments: [],
      patients: [],
      asOf,
    });
    expect(report.rows.map((r) => [r.account_id, r.patient_portion, r.insurance_portion, r.total, r.aging_over_90, r.adjusted, r.adjustment_reason, r.conflict])).toEqual([
      ['A-1', 2000, 5000, 7000, 4000, true, 'paid at front desk', true], // 20.00 + 50.00; buckets stay as exported
      ['A-2', 800, 0, 800, null, true, 'insurance wrote off', false], // 8.00 + 0.00
    ]);
    expect(report.totals).toEqual({
      balances: 2,
      patient_portion: 2800,
      insurance_portion: 5000,
      total: 7800,
      aging_0_30: 0,
      aging_31_60: 0,
      aging_61_90: 0,
      aging_over_90: 4000,
      adjusted: 2,
      conflict: 1,
      missing_from_export: 0,
    });
  });
});

describe('computeBalances: derived from appointments', () => {
  it('sums unpaid amounts per patient, bucketed by days since the service date', () => {
    const bo = { patientKey: 2, patientName: 'Bo Park' };
    const report = computeBalances({
      balances: [],
      adjustments: [adjustment({ patientKey: 4, patientPortion: 2500, reason: 'payment plan' })],
      appointments: [
        appointment({ ...bo, serviceDate: '2026-02-10', clientUnpaid: 3000 }), // 19 days → 0-30
        appointment({ ...bo, serviceDate: '2026-01-30', clientUnpaid: 700 }), // 30 days → 0-30 (edge)
        appointment({ ...bo, serviceDate: '2026-01-29', clientUnpaid: 300 }), // 31 days → 31-60
        appointment({ ...bo, serviceDate: '2025-12-15', insuranceUnpaid: 8000 }), // 16 + 31 + 28 + 1 = 76 → 61-90
        appointment({ ...bo, serviceDate: '2025-11-01', clientUnpaid: 1000, insuranceUnpaid: 500 }), // 29 + 31 + 31 + 28 + 1 = 120 → over 90
        appointment({ patientKey: 3, patientName: 'Cal Ito', clientUnpaid: 0, insuranceUnpaid: null }), // nothing owed: no row
      ],
      patients: [patient({ key: 2, patientId: 'P-2', name: 'Bo Park' }), patient({ key: 3, name: 'Cal Ito' }), patient({ key: 4, patientId: 'P-4', name: 'Di Moss' })],
      asOf,
    });
    expect(report.rows).toEqual([
      // patient 30.00 + 7.00 + 3.00 + 10.00 = 50.00; insurance 80.00 + 5.00 = 85.00; total 135.00
      { account_id: 'P-2', patient_name: 'Bo Park', basis: 'appointments', patient_portion: 5000, insurance_portion: 8500, total: 13500, aging_0_30: 3700, aging_31_60: 300, aging_61_90: 8000, aging_over_90: 1500, ...none },
      // No balance row and nothing derived, but adjusted by hand: the adjustment is the balance.
      { account_id: 'P-4', patient_name: 'Di Moss', basis: 'appointments', patient_portion: 2500, insurance_portion: 0, total: 2500, aging_0_30: 0, aging_31_60: 0, aging_61_90: 0, aging_over_90: 0, adjusted: true, adjustment_reason: 'payment plan', conflict: false, missing_from_export: false },
    ]);
  });

  it('lists a patient who owes money even when an insurance overpayment cancels the total', () => {
    // SimplePractice marks an insurance overpayment (OVER) as a negative insurance unpaid amount.
    const report = computeBalances({
      balances: [],
      adjustments: [],
      appointments: [
        appointment({ patientKey: 5, patientName: 'Zed One', serviceDate: '2026-02-20', clientUnpaid: 60000, insuranceUnpaid: -60000 }),
        appointment({ patientKey: 6, patientName: 'Zed Two', serviceDate: '2026-02-20', clientUnpaid: 2500, insuranceUnpaid: null }),
        appointment({ patientKey: 6, patientName: 'Zed Two', serviceDate: '2026-02-21', clientUnpaid: -2500, insuranceUnpaid: 0 }), // a refund: nothing owed
      ],
      patients: [patient({ key: 5, patientId: 'P-5', name: 'Zed One' }), patient({ key: 6, patientId: 'P-6', name: 'Zed Two' })],
      asOf,
    });
    // Zed One owes 600.00, and the insurer is owed 600.00 back: total 0.00, bucket 0-30 (9 days) nets to 0.
    expect(report.rows).toEqual([
      { account_id: 'P-5', patient_name: 'Zed One', basis: 'appointments', patient_portion: 60000, insurance_portion: -60000, total: 0, aging_0_30: 0, aging_31_60: 0, aging_61_90: 0, aging_over_90: 0, ...none },
    ]);
  });
});
