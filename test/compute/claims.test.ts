import { describe, expect, it } from 'vitest';
import { CLAIM_COLUMNS, computeAging, computeClaims, timelyFilingDays } from '../../src/compute/claims.js';
import type { ClaimInput } from '../../src/compute/types.js';
import { claim, config } from './builders.js';

const asOf = '2026-04-30';
const claims = (list: ClaimInput[], openOnly = false) => computeClaims({ claims: list, asOf, config: config(), openOnly });

describe('computeClaims: rows', () => {
  it('has every field of the claims columns, in their order, with its own value', () => {
    const row = claims([claim({ claimId: 'C1', patientName: 'Ada Quill', clinicianName: 'Dr. Ivy Stone', payerName: 'Aetna', serviceDate: '2026-03-30',
      submittedDate: '2026-03-31', status: 'denied', billed: 15000, allowed: 12000, paid: 2000, patientResponsibility: 1000 })]).rows[0];
    expect(Object.keys(row)).toEqual(CLAIM_COLUMNS.map((column) => column.key));
    // 04-30 is 30 days after 03-31; outstanding 120.00 − 10.00 − 20.00; Aetna allows 120 days by default (SPEC §8), and
    // 03-30 + 120 days is 07-28 (1 + 30 + 31 + 30 + 28).
    expect(row).toEqual({
      claim_id: 'C1', patient_name: 'Ada Quill', clinician_name: 'Dr. Ivy Stone', payer_name: 'Aetna', service_date: '2026-03-30',
      submitted_date: '2026-03-31', status: 'denied', billed: 15000, allowed: 12000, paid: 2000, patient_responsibility: 1000,
      outstanding: 9000, days_outstanding: 30, group: 'denied', bucket: '0-30', filing_deadline: '2026-07-28',
    });
  });
});

describe('computeClaims: days outstanding and group', () => {
  it('groups open claims at 29/30/59/60/89/90 days', () => {
    // Submitted dates counted back from 04/30/2026: 04-01 is 29 days; 03-31 is 30; 03-02 is 29 + 30 = 59;
    // 03-01 is 60; 01-31 is 28 (Feb) + 31 (Mar) + 30 (Apr) = 89; 01-30 is 90.
    const submitted = ['2026-04-01', '2026-03-31', '2026-03-02', '2026-03-01', '2026-01-31', '2026-01-30'];
    const rows = claims(submitted.map((submittedDate, i) => claim({ claimId: `C${i}`, submittedDate, status: i % 2 ? 'pending' : 'submitted' }))).rows;
    expect(rows.map((r) => [r.days_outstanding, r.group])).toEqual([
      [29, 'new'],
      [30, 'pending'],
      [59, 'pending'],
      [60, 'aging'],
      [89, 'aging'],
      [90, 'at_risk'],
    ]);
  });

  it('puts days outstanding in A/R buckets with inclusive edges 30/31, 60/61, 90/91, 120/121', () => {
    // 03-30 is 31 days; 02-28 is 1 + 31 + 30 = 61; 01-29 is 91; 2025-12-31 is 30 + 90 = 120; 2025-12-30 is 121.
    const submitted = ['2026-03-31', '2026-03-30', '2026-03-01', '2026-02-28', '2026-01-30', '2026-01-29', '2025-12-31', '2025-12-30'];
    const rows = claims(submitted.map((submittedDate, i) => claim({ claimId: `C${i}`, submittedDate }))).rows;
    expect(rows.map((r) => [r.days_outstanding, r.bucket])).toEqual([
      [30, '0-30'],
      [31, '31-60'],
      [60, '31-60'],
      [61, '61-90'],
      [90, '61-90'],
      [91, '91-120'],
      [120, '91-120'],
      [121, '121+'],
    ]);
  });

  it('ages a claim with no submission date from its service date, and cannot age one with neither', () => {
    const rows = claims([
      claim({ claimId: 'NO-SUB', serviceDate: '2026-03-01', submittedDate: null }),
      claim({ claimId: 'NO-DATES', serviceDate: null, submittedDate: null }),
    ]).rows;
    expect(rows.map((r) => [r.days_outstanding, r.group, r.bucket, r.filing_deadline])).toEqual([
      [60, 'aging', '31-60', '2026-06-29'], // service 03-01 + 120 (Aetna): 30 (Mar) + 30 (Apr) + 31 (May) + 29 → 06-29
      [null, null, null, null],
    ]);
  });

  it('counts a future-dated claim as 0 days outstanding, not negative', () => {
    const row = claims([claim({ submittedDate: '2026-05-05' })]).rows[0];
    expect([row.days_outstanding, row.group, row.bucket]).toEqual([0, 'new', '0-30']);
  });

  it('ages denied and rejected claims, not paid, draft or void ones', () => {
    const statuses = ['denied', 'rejected', 'paid', 'draft', 'void'] as const;
    const rows = claims(statuses.map((status) => claim({ claimId: status, status, submittedDate: '2026-03-31' }))).rows;
    expect(rows.map((r) => [r.status, r.days_outstanding, r.group, r.bucket])).toEqual([
      ['denied', 30, 'denied', '0-30'],
      ['rejected', 30, 'denied', '0-30'],
      ['paid', null, 'resolved', null],
      ['draft', null, 'unsubmitted', null],
      ['void', null, 'void', null],
    ]);
  });
});

describe('computeClaims: outstanding', () => {
  it('is max(0, (allowed, else billed) − patient responsibility − paid) for open, denied and rejected claims', () => {
    const rows = claims([
      claim({ claimId: 'ALLOWED', billed: 15000, allowed: 12000, patientResponsibility: 2000, paid: 3000 }), // 120 − 20 − 30 = 70.00
      claim({ claimId: 'BILLED', billed: 15000, allowed: null, patientResponsibility: 2500 }), // 150 − 25 = 125.00
      claim({ claimId: 'DENIED-0', status: 'denied', billed: 15000, allowed: 0 }), // allowed 0 falls back to billed: 150.00
      claim({ claimId: 'OVERPAID', billed: 10000, allowed: 9000, paid: 9500 }), // 90 − 95 < 0 → 0
      claim({ claimId: 'PAID', status: 'paid', billed: 15000, paid: 1000 }), // resolved → 0
      claim({ claimId: 'DRAFT', status: 'draft', billed: 15000 }), // not submitted → 0
      claim({ claimId: 'NO-MONEY', billed: null }), // nothing known → 0
    ]).rows;
    expect(rows.map((r) => [r.claim_id, r.outstanding])).toEqual([
      ['ALLOWED', 7000],
      ['BILLED', 12500],
      ['DENIED-0', 15000],
      ['OVERPAID', 0],
      ['PAID', 0],
      ['DRAFT', 0],
      ['NO-MONEY', 0],
    ]);
  });

  it('totals billed, allowed, paid, patient responsibility and outstanding, and filters to open ones', () => {
    const list = [
      claim({ claimId: 'A', billed: 15000, allowed: 12000, patientResponsibility: 2000, paid: 3000 }), // outstanding 7000
      claim({ claimId: 'B', status: 'paid', billed: 10000, allowed: 8000, paid: 8000 }),
      claim({ claimId: 'C', status: 'rejected', billed: 9000 }), // outstanding 9000
    ];
    expect(claims(list).totals).toEqual({
      claims: 3,
      billed: 34000, // 150 + 100 + 90
      allowed: 20000, // 120 + 80
      paid: 11000, // 30 + 80
      patient_responsibility: 2000,
      outstanding: 16000, // 70 + 90
    });
    const open = claims(list, true);
    expect(open.rows.map((r) => r.claim_id)).toEqual(['A', 'C']);
    expect(open.totals).toMatchObject({ claims: 2, billed: 24000, outstanding: 16000 });
  });
});

describe('filing deadline', () => {
  it('matches payers in order by case-insensitive substring, else the default', () => {
    const cfg = config();
    expect(timelyFilingDays('AETNA (60054)', cfg)).toBe(120);
    expect(timelyFilingDays('Medicaid Aetna Better Health', cfg)).toBe(365); // medicaid is listed before aetna
    expect(timelyFilingDays('UnitedHealthcare Community Plan', cfg)).toBe(90);
    expect(timelyFilingDays('Blue Cross Blue Shield', cfg)).toBe(90);
    expect(timelyFilingDays(null, config({ claims: { timely_filing_days_default: 180 } }))).toBe(180);
  });

  it('is the service date plus the payer’s days', () => {
    const rows = claims([
      claim({ payerName: 'Aetna', serviceDate: '2026-01-05' }), // + 120: 26 + 28 + 31 + 30 = 115 → 05-05
      claim({ payerName: 'Medicare Part B', serviceDate: '2026-01-05' }), // + 365 → 2027-01-05
      claim({ payerName: 'Blue Cross', serviceDate: '2026-01-05' }), // + 90: 26 + 28 + 31 = 85 → 04-05
      claim({ payerName: null, serviceDate: '2026-01-05', status: 'paid' }), // every status has one
    ]).rows;
    expect(rows.map((r) => r.filing_deadline)).toEqual(['2026-05-05', '2027-01-05', '2026-04-05', '2026-04-05']);
  });
});

describe('computeAging', () => {
  it('sums outstanding per payer and bucket, (no payer) last, totals with the same keys', () => {
    const list = [
      claim({ payerName: 'Cigna', submittedDate: '2026-04-20', billed: 10000 }), // 10 days → 0-30
      claim({ payerName: 'Cigna', submittedDate: '2026-03-30', billed: 20000, paid: 5000 }), // 31 → 31-60: 150.00
      claim({ payerName: 'Cigna', submittedDate: '2025-12-30', billed: 7000, status: 'denied' }), // 121 → 121+
      claim({ payerName: 'Aetna', submittedDate: '2026-01-29', billed: 30000, allowed: 25000, patientResponsibility: 5000 }), // 91 → 91-120: 200.00
      claim({ payerName: 'Aetna', submittedDate: '2026-02-28', billed: 4000, status: 'paid' }), // resolved: left out
      claim({ payerName: null, submittedDate: '2026-03-01', billed: 6000 }), // 60 → 31-60
      claim({ payerName: 'Humana', submittedDate: '2026-03-01', billed: 5000, paid: 5000 }), // owes nothing: no row
    ];
    const report = computeAging({ claims: list, asOf, config: config() });
    expect(report.columns.map((c) => c.key)).toEqual(['payer_name', '0-30', '31-60', '61-90', '91-120', '121+', 'total']);
    expect(report.rows).toEqual([
      { payer_name: 'Aetna', '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 20000, '121+': 0, total: 20000 },
      { payer_name: 'Cigna', '0-30': 10000, '31-60': 15000, '61-90': 0, '91-120': 0, '121+': 7000, total: 32000 },
      { payer_name: '(no payer)', '0-30': 0, '31-60': 6000, '61-90': 0, '91-120': 0, '121+': 0, total: 6000 },
    ]);
    expect(report.totals).toEqual({ '0-30': 10000, '31-60': 21000, '61-90': 0, '91-120': 20000, '121+': 7000, total: 58000 });
    // The aging total equals the claims report's outstanding total over the same claims.
    expect(computeClaims({ claims: list, asOf, config: config() }).totals.outstanding).toBe(58000);
    expect(report.notes).toEqual([]);
  });

  it('notes the unresolved claims the export gave no amount, which count 0.00 (a billed 0.00 is an amount)', () => {
    const unpriced = (status: 'submitted' | 'denied') => claim({ payerName: 'Aetna', submittedDate: '2026-03-01', billed: null, allowed: null, status });
    const one = computeAging({ claims: [unpriced('submitted'), claim({ payerName: 'Aetna', submittedDate: '2026-03-01', billed: 0 }), claim({ submittedDate: '2026-03-01', billed: null, status: 'paid' })], asOf, config: config() });
    expect([one.rows, one.notes]).toEqual([[], ['1 unresolved claim has no billed or allowed amount in the export, so it counts 0.00 here; the claims report lists it with its days outstanding.']]);
    const two = computeAging({ claims: [unpriced('submitted'), unpriced('denied')], asOf, config: config() });
    expect(two.notes).toEqual(['2 unresolved claims have no billed or allowed amount in the export, so they count 0.00 here; the claims report lists them with their days outstanding.']);
  });
});
