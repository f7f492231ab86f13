import { describe, expect, it } from 'vitest';
import { filterAlerts, severityAtLeast } from '../../src/alerts/index.js';
import { adjustment, appointment, authorization, balance, claim, config, patient, sessionsFrom } from '../compute/builders.js';
import { pick, remember, runAlerts, type Data } from './run-alerts.js';

describe('balance alerts', () => {
  it('raises balance_high above balance_over, high with money over 90 days, and adjustment_conflict', () => {
    const balances = [
      balance({ accountId: 'A-1', patientKey: 1, patientPortion: 50000 }), // exactly 500.00: not over
      balance({ accountId: 'A-2', patientKey: 2, patientName: 'Bo Park', patientPortion: 50001, insurancePortion: 90000 }),
      balance({ accountId: 'A-3', patientKey: 3, patientName: 'Cal Ito', patientPortion: 61250, agingOver90: 12000 }),
      balance({ accountId: null, patientKey: 4, patientName: 'Di Moss', patientPortion: 100 }),
    ];
    const adjustments = [adjustment({ patientKey: 4, patientPortion: 100, reason: 'paid cash', conflict: true })];
    const rows = runAlerts({ balances, adjustments }, '2026-03-01').rows;
    expect(pick(rows, 'id', 'type', 'severity', 'subject', 'amount', 'message')).toEqual([
      ['balance_high:A-3', 'balance_high', 'high', 'Account A-3', 61250, 'Patient owes $612.50, $120.00 of the balance over 90 days old (alert above $500.00)'],
      ['balance_high:A-2', 'balance_high', 'medium', 'Account A-2', 50001, 'Patient owes $500.01 (alert above $500.00)'],
      [
        rows[2].id,
        'adjustment_conflict',
        'low',
        'Patient balance',
        null,
        'A newer balance import changed a value you corrected by hand ("paid cash"); check it, then keep or clear the adjustment',
      ],
    ]);
    expect(rows[2].id).toMatch(/^adjustment_conflict:p[0-9a-f]{8}$/);
    expect(String(rows[2].id)).not.toMatch(/Di|Moss/i);
  });

  it('reads balance_over in dollars from the config', () => {
    const rows = runAlerts({ balances: [balance({ patientPortion: 25001 })] }, '2026-03-01', { config: config({ alerts: { balance_over: 250 } }) }).rows;
    expect(pick(rows, 'type', 'amount')).toEqual([['balance_high', 25001]]);
  });
});

// A practice with one of each alert, to check ids, `new` and the order across runs.
function practice(extraClaims = 0): Data {
  const seedSessions = sessionsFrom('2026-01-05', 12);
  return {
    authorizations: [authorization({ authorizationNumber: 'AUTH-SEED' })],
    appointments: [...seedSessions, appointment({ patientKey: 2, patientName: 'Bo Park', serviceDate: '2026-02-02', payerName: 'Cigna' })],
    claims: [
      // Every seed session is billed and paid, so only Bo Park's session is unbilled.
      ...seedSessions.map((s, i) => claim({ claimId: `PAID-${i}`, status: 'paid', serviceDate: s.serviceDate })),
      claim({ claimId: 'CLM-1001', status: 'denied', serviceDate: '2026-01-05' }),
      claim({ claimId: 'CLM-1002', status: 'submitted', submittedDate: '2026-01-20', serviceDate: '2026-01-06' }),
      ...Array.from({ length: extraClaims }, (_, i) => claim({ claimId: `CLM-2${i}`, status: 'denied', serviceDate: '2026-01-07' })),
    ],
    patients: [patient(), patient({ key: 2, patientId: 'P-2', name: 'Bo Park', payerName: 'Cigna' })],
    balances: [balance({ patientPortion: 70000 })],
  };
}

describe('computeAlerts across runs', () => {
  it('sorts by severity, then due date (none last), type and id', () => {
    const report = runAlerts(practice(), '2026-03-01');
    expect(pick(report.rows, 'type', 'severity', 'due')).toEqual([
      ['claim_denied', 'high', '2026-03-08'],
      ['auth_expiring', 'medium', '2026-03-15'],
      // Bo Park's 02/02 session: Cigna, 90 days → 05/03/2026.
      ['unbilled_session', 'medium', '2026-05-03'],
      ['auth_sessions_low', 'medium', null],
      ['balance_high', 'medium', null],
      ['claim_unpaid', 'medium', null], // submitted 01/20: 40 days
    ]);
    expect(report.totals).toEqual({ alerts: 6, high: 1, medium: 5, low: 0, new: 6 });
  });

  it('gives the same ids, first_seen and new = false on unchanged data; new data adds only new alerts', () => {
    const first = runAlerts(practice(), '2026-03-01');
    const second = runAlerts(practice(), '2026-03-01', { previous: remember(first.rows) });
    expect(second.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(second.rows.every((r) => r.new === false && r.first_seen === '2026-03-01')).toBe(true);

    const third = runAlerts(practice(1), '2026-03-02', { previous: remember(second.rows) });
    expect(pick(third.rows.filter((r) => r.new), 'id', 'first_seen')).toEqual([['claim_denied:CLM-20', '2026-03-02']]);
    expect(third.totals).toMatchObject({ alerts: 7, new: 1 });
  });

  it('does not depend on the order of the input rows', () => {
    const data = practice(2);
    const reversed: Data = {
      authorizations: [...data.authorizations!].reverse(),
      appointments: [...data.appointments!].reverse(),
      claims: [...data.claims!].reverse(),
      patients: [...data.patients!].reverse(),
      balances: data.balances,
    };
    expect(runAlerts(reversed, '2026-03-01').rows).toEqual(runAlerts(data, '2026-03-01').rows);
  });

  it('passes on why unbilled sessions were not checked', () => {
    const report = runAlerts({ appointments: [appointment()], claims: [claim({ serviceDate: null })] }, '2026-03-01');
    expect(report.notes).toEqual([
      'Unbilled sessions were not checked: none of the 1 claims in the store has a service date, so sessions cannot be matched to claims.',
    ]);
  });
});

describe('filterAlerts', () => {
  it('keeps new alerts only, or those at or above a severity, and counts again', () => {
    const first = runAlerts(practice(), '2026-03-01');
    const later = runAlerts(practice(1), '2026-03-02', { previous: remember(first.rows) });
    expect(pick(filterAlerts(later, { newOnly: true }).rows, 'id')).toEqual([['claim_denied:CLM-20']]);
    const high = filterAlerts(later, { minSeverity: 'high' });
    expect(pick(high.rows, 'id')).toEqual([['claim_denied:CLM-1001'], ['claim_denied:CLM-20']]);
    expect(high.totals).toEqual({ alerts: 2, high: 2, medium: 0, low: 0, new: 1 });
    expect(filterAlerts(later, { minSeverity: 'low' }).rows).toHaveLength(7);
  });

  it('orders severities low < medium < high', () => {
    expect(severityAtLeast('high', 'medium')).toBe(true);
    expect(severityAtLeast('medium', 'medium')).toBe(true);
    expect(severityAtLeast('low', 'medium')).toBe(false);
  });
});
