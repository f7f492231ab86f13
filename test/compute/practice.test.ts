// The hand-worked practice of fixtures/practice/, as of Sunday 03/01/2026. Every expected number below was worked out
// by hand from the CSVs (the arithmetic is in the comments), not printed by the code and pasted back.
import { describe, expect, it } from 'vitest';
import { computeAlerts } from '../../src/alerts/index.js';
import { computeBalances } from '../../src/compute/balances.js';
import { computeAging, computeClaims } from '../../src/compute/claims.js';
import { computeSessions } from '../../src/compute/sessions.js';
import { computeUnbilled } from '../../src/compute/unbilled.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { loadPractice } from './practice-inputs.js';

const asOf = '2026-03-01';
const config = defaultConfig();
const practice = loadPractice();

describe('the fixture practice: sessions', () => {
  const report = computeSessions({ authorizations: practice.authorizations, appointments: practice.appointments, asOf, config });

  it('works out every authorization', () => {
    const row = (r: Record<string, unknown>) => ({ clinician_name: null, prior_sessions: 0, ...r });
    expect(report.rows).toEqual([
      // The seed example. 12 completed sessions 01/05–02/12; the 02/16 no-show and 02/19 late cancel do not count;
      // 03/05 and 03/12 are scheduled. remaining 20 − 12 = 8. Last session 02/12: 16 days to 02/28 + 1 = 17.
      // 03/01 → 03/15 = 14 days: expiring (remaining 8 > 0, so not exhausted).
      row({
        authorization_number: 'AUTH-1001', patient_name: 'Avery Quill', patient_id: 'P001', payer_name: 'Aetna', authorized_sessions: 20,
        used: 12, remaining: 8, scheduled: 2, start_date: '2026-01-01', end_date: '2026-03-15',
        last_session: '2026-02-12', days_since_last_session: 17, days_until_expiry: 14, state: 'expiring',
      }),
      // Bo Park, first authorization 11/01/2025–01/31/2026: 12/01, 12/15, 01/05 (3). The 01/20 session is inside both
      // windows and goes to the renewal (later start). 10 − 3 = 7. 01/05 → 03/01: 26 + 28 + 1 = 55. 03/01 → 01/31 = −29.
      row({
        authorization_number: 'AUTH-2001', patient_name: 'Bo Park', patient_id: 'P002', payer_name: 'Cigna', authorized_sessions: 10,
        used: 3, remaining: 7, scheduled: 0, start_date: '2025-11-01', end_date: '2026-01-31',
        last_session: '2026-01-05', days_since_last_session: 55, days_until_expiry: -29, state: 'expired',
      }),
      // The renewal 01/15–04/30: 01/20, 02/03, 02/17 (3; the 02/24 cancellation does not count); 03/03 scheduled.
      // 12 − 3 = 9 ≤ 10: low. 02/17 → 03/01: 11 + 1 = 12. 03/01 → 04/30: 30 + 30 = 60.
      row({
        authorization_number: 'AUTH-2002', patient_name: 'Bo Park', patient_id: 'P002', payer_name: 'Cigna', authorized_sessions: 12,
        used: 3, remaining: 9, scheduled: 1, start_date: '2026-01-15', end_date: '2026-04-30',
        last_session: '2026-02-17', days_since_last_session: 12, days_until_expiry: 60, state: 'low',
      }),
      // Cal Ito, open-ended, CPT 90837 only: 02/02 and 02/16 count, 02/09 (90791) does not. 6 − 2 = 4: low.
      // 02/16 → 03/01: 12 + 1 = 13.
      row({
        authorization_number: 'AUTH-3001', patient_name: 'Cal Ito', patient_id: 'P003', payer_name: 'Medicare Part B', authorized_sessions: 6,
        used: 2, remaining: 4, scheduled: 0, start_date: '2026-02-01', end_date: null,
        last_session: '2026-02-16', days_since_last_session: 13, days_until_expiry: null, state: 'low',
      }),
      // Eli Stone: 5 sessions on a 4-session authorization: 4 − 5 = −1, exhausted. 01/30 → 03/01: 1 + 28 + 1 = 30.
      // 03/01 → 06/30: 30 + 30 + 31 + 30 = 121.
      row({
        authorization_number: 'AUTH-5001', patient_name: 'Eli Stone', patient_id: 'P005', payer_name: 'UnitedHealthcare', authorized_sessions: 4,
        used: 5, remaining: -1, scheduled: 0, start_date: '2026-01-01', end_date: '2026-06-30',
        last_session: '2026-01-30', days_since_last_session: 30, days_until_expiry: 121, state: 'exhausted',
      }),
    ]);
    expect(report.totals).toEqual({ authorizations: 5, ok: 0, low: 2, expiring: 1, exhausted: 1, expired: 1 });
  });

  it('counts the no-show and late cancel when configured', () => {
    const counting = { ...config, sessions: { count_statuses: ['completed' as const, 'no_show' as const, 'late_canceled' as const] } };
    const seed = computeSessions({ authorizations: practice.authorizations, appointments: practice.appointments, asOf, config: counting }).rows[0];
    // 12 + the 02/16 no-show + the 02/19 late cancel = 14; 20 − 14 = 6; last 02/19 → 03/01: 9 + 1 = 10.
    expect([seed.used, seed.remaining, seed.last_session, seed.days_since_last_session]).toEqual([14, 6, '2026-02-19', 10]);
  });
});

describe('the fixture practice: claims and aging', () => {
  const claims = computeClaims({ claims: practice.claims, asOf, config });

  it('works out every claim', () => {
    const claim = (r: Record<string, unknown>) => ({ allowed: null, paid: null, patient_responsibility: null, ...r });
    expect(claims.rows).toEqual([
      // Paid: resolved, nothing outstanding. Deadline 01/05 + 120 (Aetna) → 05/05.
      claim({ claim_id: 'CLM-1001', patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', payer_name: 'Aetna', service_date: '2026-01-05', submitted_date: '2026-01-07', status: 'paid',
        billed: 15000, allowed: 12000, paid: 9600, patient_responsibility: 2400, outstanding: 0, days_outstanding: null, group: 'resolved', bucket: null, filing_deadline: '2026-05-05' }),
      // 01/09 → 03/01: 22 + 28 + 1 = 51: pending, 31-60. 150.00 − 0 − 0. Deadline 01/08 + 120 → 05/08.
      claim({ claim_id: 'CLM-1002', patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', payer_name: 'Aetna', service_date: '2026-01-08', submitted_date: '2026-01-09', status: 'submitted',
        billed: 15000, paid: 0, outstanding: 15000, days_outstanding: 51, group: 'pending', bucket: '31-60', filing_deadline: '2026-05-08' }),
      // "In Process" is pending. 02/04 → 03/01: 24 + 1 = 25: new, 0-30. Deadline 02/02 + 120: 26 + 31 + 30 + 31 = 118, + 2 → 06/02.
      claim({ claim_id: 'CLM-1003', patient_name: 'Avery Quill', clinician_name: 'Dana Reyes', payer_name: 'Aetna', service_date: '2026-02-02', submitted_date: '2026-02-04', status: 'pending',
        billed: 15000, outstanding: 15000, days_outstanding: 25, group: 'new', bucket: '0-30', filing_deadline: '2026-06-02' }),
      // Denied: 12/03 → 03/01: 28 + 31 + 28 + 1 = 88, 61-90. 100.00 allowed − 20.00 − 0 = 80.00. 12/01 + 90: 30 + 31 + 28 = 89, + 1 → 03/01.
      claim({ claim_id: 'CLM-2001', patient_name: 'Bo Park', clinician_name: 'Dana Reyes', payer_name: 'Cigna', service_date: '2025-12-01', submitted_date: '2025-12-03', status: 'denied',
        billed: 13000, allowed: 10000, paid: 0, patient_responsibility: 2000, outstanding: 8000, days_outstanding: 88, group: 'denied', bucket: '61-90', filing_deadline: '2026-03-01' }),
      // Rejected, no submission date: from the service date 12/15: 16 + 31 + 28 + 1 = 76. 12/15 + 90: 16 + 31 + 28 = 75, + 15 → 03/15.
      claim({ claim_id: 'CLM-2002', patient_name: 'Bo Park', clinician_name: 'Dana Reyes', payer_name: 'Cigna', service_date: '2025-12-15', submitted_date: null, status: 'rejected',
        billed: 13000, outstanding: 13000, days_outstanding: 76, group: 'denied', bucket: '61-90', filing_deadline: '2026-03-15' }),
      // 01/06 → 03/01: 25 + 28 + 1 = 54. 100.00 − 20.00 − 60.00 = 20.00. 01/05 + 90: 26 + 28 + 31 = 85, + 5 → 04/05.
      claim({ claim_id: 'CLM-2003', patient_name: 'Bo Park', clinician_name: 'Dana Reyes', payer_name: 'Cigna', service_date: '2026-01-05', submitted_date: '2026-01-06', status: 'pending',
        billed: 13000, allowed: 10000, paid: 6000, patient_responsibility: 2000, outstanding: 2000, days_outstanding: 54, group: 'pending', bucket: '31-60', filing_deadline: '2026-04-05' }),
      // 11/05 → 03/01: 25 + 31 + 31 + 28 + 1 = 116: at_risk, 91-120. 150.00 − 30.00 − 0 = 120.00. Medicare: 365 days.
      claim({ claim_id: 'CLM-3001', patient_name: 'Cal Ito', clinician_name: 'Sam Okafor', payer_name: 'Medicare Part B', service_date: '2025-11-03', submitted_date: '2025-11-05', status: 'submitted',
        billed: 20000, allowed: 15000, paid: 0, patient_responsibility: 3000, outstanding: 12000, days_outstanding: 116, group: 'at_risk', bucket: '91-120', filing_deadline: '2026-11-03' }),
      // 10/29 → 03/01: 2 + 30 + 31 + 31 + 28 + 1 = 123: 121+. Billed 200.00 outstanding (no allowed yet).
      claim({ claim_id: 'CLM-3002', patient_name: 'Cal Ito', clinician_name: 'Sam Okafor', payer_name: 'Medicare Part B', service_date: '2025-10-27', submitted_date: '2025-10-29', status: 'submitted',
        billed: 20000, outstanding: 20000, days_outstanding: 123, group: 'at_risk', bucket: '121+', filing_deadline: '2026-10-27' }),
      // Void: not aged, nothing outstanding. 01/30 + 90: 1 + 28 + 31 = 60, + 30 → 04/30.
      claim({ claim_id: 'CLM-5001', patient_name: 'Eli Stone', clinician_name: 'Sam Okafor', payer_name: 'UnitedHealthcare', service_date: '2026-01-30', submitted_date: '2026-01-30', status: 'void',
        billed: 11000, outstanding: 0, days_outstanding: null, group: 'void', bucket: null, filing_deadline: '2026-04-30' }),
      // 01/31 → 03/01: 28 + 1 = 29: new.
      claim({ claim_id: 'CLM-5002', patient_name: 'Eli Stone', clinician_name: 'Sam Okafor', payer_name: 'UnitedHealthcare', service_date: '2026-01-30', submitted_date: '2026-01-31', status: 'submitted',
        billed: 11000, outstanding: 11000, days_outstanding: 29, group: 'new', bucket: '0-30', filing_deadline: '2026-04-30' }),
      // No payer: default 90 days. 01/30 → 03/01 = 30: pending, but still the 0-30 bucket.
      claim({ claim_id: 'CLM-9001', patient_name: 'Di Moss', clinician_name: 'Sam Okafor', payer_name: null, service_date: '2026-01-30', submitted_date: '2026-01-30', status: 'submitted',
        billed: 9000, outstanding: 9000, days_outstanding: 30, group: 'pending', bucket: '0-30', filing_deadline: '2026-04-30' }),
    ]);
    expect(claims.totals).toEqual({
      claims: 11,
      billed: 155000, // 3 × 150 + 3 × 130 + 2 × 200 + 2 × 110 + 90 = 1,550.00
      allowed: 47000, // 120 + 100 + 100 + 150
      paid: 15600, // 96 + 60
      patient_responsibility: 9400, // 24 + 20 + 20 + 30
      outstanding: 105000, // 150 + 150 + 80 + 130 + 20 + 120 + 200 + 110 + 90
    });
    expect(computeClaims({ claims: practice.claims, asOf, config, openOnly: true }).rows.map((r) => r.claim_id)).toEqual([
      'CLM-1002', 'CLM-1003', 'CLM-2001', 'CLM-2002', 'CLM-2003', 'CLM-3001', 'CLM-3002', 'CLM-5002', 'CLM-9001',
    ]);
  });

  it('ages the outstanding amounts per payer', () => {
    const aging = computeAging({ claims: practice.claims, asOf, config });
    expect(aging.rows).toEqual([
      { payer_name: 'Aetna', '0-30': 15000, '31-60': 15000, '61-90': 0, '91-120': 0, '121+': 0, total: 30000 }, // 1003; 1002
      { payer_name: 'Cigna', '0-30': 0, '31-60': 2000, '61-90': 21000, '91-120': 0, '121+': 0, total: 23000 }, // 2003; 2001 + 2002
      { payer_name: 'Medicare Part B', '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 12000, '121+': 20000, total: 32000 },
      { payer_name: 'UnitedHealthcare', '0-30': 11000, '31-60': 0, '61-90': 0, '91-120': 0, '121+': 0, total: 11000 },
      { payer_name: '(no payer)', '0-30': 9000, '31-60': 0, '61-90': 0, '91-120': 0, '121+': 0, total: 9000 },
    ]);
    // 0-30: 150 + 110 + 90; 31-60: 150 + 20; 61-90: 80 + 130.
    expect(aging.totals).toEqual({ '0-30': 35000, '31-60': 17000, '61-90': 21000, '91-120': 12000, '121+': 20000, total: 105000 });
  });
});

describe('the fixture practice: unbilled, balances and alerts', () => {
  const unbilled = computeUnbilled({ appointments: practice.appointments, claims: practice.claims, patients: practice.patients, asOf, config });

  it('finds the completed sessions without a claim', () => {
    // Completed, on or before 02/22 (7 days), with a payer (not Di Moss, self-pay), no claim that day (CLM-5001 is void
    // but CLM-5002 bills Eli's 01/30; Bo's rejected CLM-2002 still bills 12/15). Days since: January d → 60 − d,
    // February d → 29 − d. Deadlines: Aetna +120 → January d is May d, February d is June d; Cigna and UHC +90 →
    // January d is April d, February d is May d + 1; Medicare +365 → the same day in 2027.
    expect(unbilled.rows.map((r) => [r.patient_name, r.service_date, r.days_since_service, r.filing_deadline])).toEqual([
      ['Eli Stone', '2026-01-02', 58, '2026-04-02'],
      ['Eli Stone', '2026-01-09', 51, '2026-04-09'],
      ['Avery Quill', '2026-01-12', 48, '2026-05-12'],
      ['Avery Quill', '2026-01-15', 45, '2026-05-15'],
      ['Eli Stone', '2026-01-16', 44, '2026-04-16'],
      ['Avery Quill', '2026-01-19', 41, '2026-05-19'],
      ['Bo Park', '2026-01-20', 40, '2026-04-20'],
      ['Avery Quill', '2026-01-22', 38, '2026-05-22'],
      ['Eli Stone', '2026-01-23', 37, '2026-04-23'],
      ['Avery Quill', '2026-01-26', 34, '2026-05-26'],
      ['Avery Quill', '2026-01-29', 31, '2026-05-29'],
      ['Cal Ito', '2026-02-02', 27, '2027-02-02'],
      ['Bo Park', '2026-02-03', 26, '2026-05-04'],
      ['Avery Quill', '2026-02-05', 24, '2026-06-05'],
      ['Avery Quill', '2026-02-09', 20, '2026-06-09'],
      ['Cal Ito', '2026-02-09', 20, '2027-02-09'],
      ['Avery Quill', '2026-02-12', 17, '2026-06-12'],
      ['Cal Ito', '2026-02-16', 13, '2027-02-16'],
      ['Bo Park', '2026-02-17', 12, '2026-05-18'],
    ]);
  });

  const balances = computeBalances({ balances: practice.balances, adjustments: [], appointments: practice.appointments, patients: practice.patients, asOf });

  it('takes balances from the export', () => {
    expect(balances.rows.map((r) => [r.account_id, r.patient_name, r.basis, r.patient_portion, r.insurance_portion, r.total, r.aging_over_90])).toEqual([
      ['P001', 'Avery Quill', 'export', 4500, 30000, 34500, 0],
      ['P004', 'Di Moss', 'export', 62000, 0, 62000, 40000], // no total exported: 620.00 + 0.00
    ]);
  });

  it('raises the alerts billing staff chase this week', () => {
    const alerts = computeAlerts({
      sessions: computeSessions({ authorizations: practice.authorizations, appointments: practice.appointments, asOf, config }),
      claims: computeClaims({ claims: practice.claims, asOf, config }),
      unbilled,
      balances,
      authorizations: practice.authorizations,
      appointments: practice.appointments,
      asOf,
      config,
    });
    const notUnbilled = alerts.rows.filter((r) => r.type !== 'unbilled_session').map((r) => [r.id, r.severity, r.due]);
    expect(notUnbilled).toEqual([
      ['claim_denied:CLM-2001', 'high', '2026-03-08'], // first seen 03/01 + 7
      ['claim_denied:CLM-2002', 'high', '2026-03-08'],
      ['timely_filing:CLM-2002', 'high', '2026-03-15'], // rejected, deadline in 14 days
      ['auth_exhausted:AUTH-5001', 'high', null],
      ['balance_high:P004', 'high', null], // 620.00 > 500.00 with 400.00 over 90 days
      ['claim_unpaid:CLM-3001', 'high', null], // 116 days ≥ 90
      ['claim_unpaid:CLM-3002', 'high', null], // 123 days
      ['auth_expiring:AUTH-1001', 'medium', '2026-03-15'],
      ['auth_sessions_low:AUTH-1001', 'medium', null], // 8 left
      ['auth_sessions_low:AUTH-2002', 'medium', null], // 9 left
      ['auth_sessions_low:AUTH-3001', 'medium', null], // 4 left
      ['claim_unpaid:CLM-1002', 'medium', null], // 51 days
      ['claim_unpaid:CLM-2003', 'medium', null], // 54 days
      ['claim_unpaid:CLM-9001', 'medium', null], // 30 days
    ]);
    // AUTH-2001 expired, but the renewal covers Bo's later sessions: no auth_expired. No unbilled session is within
    // 14 days of its deadline (the earliest is 04/02). 14 + 19 unbilled sessions = 33; high: 7.
    expect(alerts.totals).toEqual({ alerts: 33, high: 7, medium: 26, low: 0, new: 33 });
  });
});
