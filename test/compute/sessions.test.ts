import { describe, expect, it } from 'vitest';
import { computeSessions } from '../../src/compute/sessions.js';
import type { AppointmentInput, AuthorizationInput } from '../../src/compute/types.js';
import { appointment, authorization, config, sessionsFrom } from './builders.js';

function sessions(authorizations: AuthorizationInput[], appointments: AppointmentInput[], asOf: string, cfg = config()) {
  return computeSessions({ authorizations, appointments, asOf, config: cfg });
}

describe('computeSessions: the seed example', () => {
  // 20 sessions authorized 01/01/2026–03/15/2026; 12 completed, one a day 01/05 … 01/16.
  const auth = authorization({ authorizationNumber: 'AUTH-SEED' });
  const twelve = sessionsFrom('2026-01-05', 12);

  it('shows 8 remaining, low, on 2026-02-20', () => {
    const report = sessions([auth], twelve, '2026-02-20');
    expect(report.rows).toEqual([
      {
        authorization_number: 'AUTH-SEED',
        patient_name: 'Avery Quill',
        patient_id: null,
        clinician_name: null,
        payer_name: 'Aetna',
        authorized_sessions: 20,
        prior_sessions: 0,
        used: 12,
        remaining: 8, // 20 − 12
        scheduled: 0,
        start_date: '2026-01-01',
        end_date: '2026-03-15',
        last_session: '2026-01-16',
        days_since_last_session: 35, // 01-16 → 01-31 is 15, + 20 days of February
        days_until_expiry: 23, // 02-20 → 02-28 is 8, + 15 days of March
        state: 'low', // 8 ≤ 10 and 23 > 14
      },
    ]);
    expect(report.totals).toEqual({ authorizations: 1, ok: 0, low: 1, expiring: 0, exhausted: 0, expired: 0 });
    expect(report.columns.map((c) => c.key)).toEqual([
      'authorization_number', 'patient_name', 'clinician_name', 'payer_name', 'authorized_sessions', 'prior_sessions', 'used',
      'remaining', 'scheduled', 'start_date', 'end_date', 'last_session', 'days_since_last_session', 'days_until_expiry', 'state',
    ]);
  });

  it('is expiring exactly 14 days before the end date, not 15', () => {
    // 03-01 → 03-15 is 14 days; 02-28 → 03-15 is 15.
    const at14 = sessions([auth], twelve, '2026-03-01').rows[0];
    expect([at14.days_until_expiry, at14.state]).toEqual([14, 'expiring']);
    const at15 = sessions([auth], twelve, '2026-02-28').rows[0];
    expect([at15.days_until_expiry, at15.state]).toEqual([15, 'low']);
  });
});

describe('computeSessions: which appointments count', () => {
  it('counts the first and last day of the window, not the days outside it', () => {
    const appointments = ['2025-12-31', '2026-01-01', '2026-03-15', '2026-03-16'].map((serviceDate) => appointment({ serviceDate }));
    const row = sessions([authorization()], appointments, '2026-04-01').rows[0];
    expect(row.used).toBe(2);
    expect(row.last_session).toBe('2026-03-15');
    expect(row.days_until_expiry).toBe(-17); // 04-01 → 03-15: −(16 days of March + 1)
    expect(row.state).toBe('expired');
  });

  it('does not count a session dated after as_of, and counts scheduled ones after as_of separately', () => {
    const appointments = [
      appointment({ serviceDate: '2026-02-10' }),
      appointment({ serviceDate: '2026-02-11' }), // marked completed but after as_of
      appointment({ serviceDate: '2026-02-12', status: 'scheduled' }),
      appointment({ serviceDate: '2026-02-10', status: 'scheduled' }), // on as_of: not "after"
      appointment({ serviceDate: '2026-03-16', status: 'scheduled' }), // after the window
    ];
    const row = sessions([authorization()], appointments, '2026-02-10').rows[0];
    expect([row.used, row.scheduled, row.remaining]).toEqual([1, 1, 19]);
  });

  it('lists an authorization without a start date, its window open at the start like a missing end at the end', () => {
    // OPEN: no start, through 03/15/2026, 10 authorized, 3 prior. NEXT: from 03/01/2026, no end, 5 authorized.
    const open = authorization({ authorizationNumber: 'OPEN', startDate: null, endDate: '2026-03-15', authorizedSessions: 10, priorSessions: 3 });
    const next = authorization({ authorizationNumber: 'NEXT', startDate: '2026-03-01', endDate: null, authorizedSessions: 5 });
    const appointments = ['2025-11-02', '2026-01-20', '2026-03-02', '2026-03-16'].map((serviceDate) => appointment({ serviceDate }));
    const report = sessions([next, open], appointments, '2026-03-20');
    // OPEN first (no start sorts before every date): 11/02 and 01/20 are in its window and no other's; 03/02 is in both
    // windows and goes to NEXT, the latest start. used 3 + 2 = 5, remaining 10 − 5 = 5; 01/20 → 03/20 is 11 + 28 + 20 = 59
    // days; 03/20 → 03/15 is −5: expired. NEXT: 03/02 and 03/16, used 2, remaining 3, no end: low (3 ≤ 10).
    expect(pickRows(report.rows, 'authorization_number', 'start_date', 'used', 'remaining', 'last_session', 'days_since_last_session', 'days_until_expiry', 'state')).toEqual([
      ['OPEN', null, 5, 5, '2026-01-20', 59, -5, 'expired'],
      ['NEXT', '2026-03-01', 2, 3, '2026-03-16', 4, null, 'low'],
    ]);
  });

  it('gives the overlap of two authorizations to the later-starting one (renewal)', () => {
    const old = authorization({ authorizationNumber: 'OLD', startDate: '2026-01-01', endDate: '2026-03-31' });
    const renewal = authorization({ authorizationNumber: 'NEW', startDate: '2026-03-01', endDate: '2026-06-30' });
    const appointments = [
      appointment({ serviceDate: '2026-02-15' }), // only OLD
      appointment({ serviceDate: '2026-03-01' }), // both: NEW starts later
      appointment({ serviceDate: '2026-03-31' }), // both: NEW
      appointment({ serviceDate: '2026-04-10' }), // only NEW
      appointment({ serviceDate: '2026-04-20', status: 'scheduled' }), // only NEW, upcoming
    ];
    const rows = sessions([renewal, old], appointments, '2026-04-15').rows;
    expect(rows.map((r) => [r.authorization_number, r.used, r.scheduled])).toEqual([
      ['OLD', 1, 0],
      ['NEW', 3, 1],
    ]);
  });

  it('breaks a tie of start dates toward the higher store key', () => {
    const low = authorization({ key: 1, authorizationNumber: 'K1' });
    const high = authorization({ key: 2, authorizationNumber: 'K2' });
    const rows = sessions([high, low], [appointment({ serviceDate: '2026-01-10' })], '2026-02-01').rows;
    expect(rows.map((r) => [r.authorization_number, r.used])).toEqual([
      ['K1', 0],
      ['K2', 1],
    ]);
  });

  it('restricts to the named clinician and CPT codes, falling back to an older authorization that matches', () => {
    const general = authorization({ authorizationNumber: 'ANY', startDate: '2026-01-01' });
    const specific = authorization({ authorizationNumber: 'DANA-90837', startDate: '2026-01-15', clinicianKey: 7, cptCodes: ['90837', ' 90846'] });
    const appointments = [
      appointment({ serviceDate: '2026-01-20', clinicianKey: 7, cptCode: '90837' }), // specific
      appointment({ serviceDate: '2026-01-21', clinicianKey: 7, cptCode: '90846 ' }), // specific (codes trimmed)
      appointment({ serviceDate: '2026-01-22', clinicianKey: 8, cptCode: '90837' }), // other clinician → ANY
      appointment({ serviceDate: '2026-01-23', clinicianKey: 7, cptCode: '90834' }), // other code → ANY
      appointment({ serviceDate: '2026-01-24', clinicianKey: 7, cptCode: null }), // no code → ANY
      appointment({ serviceDate: '2026-01-25', patientKey: 2, patientName: 'Other Person' }), // other patient → none
    ];
    const rows = sessions([general, specific], appointments, '2026-02-01').rows;
    expect(rows.map((r) => [r.authorization_number, r.used])).toEqual([
      ['ANY', 3],
      ['DANA-90837', 2],
    ]);
  });

  it('does not count a no-show or late cancel by default, and counts them when configured', () => {
    const appointments = [
      appointment({ serviceDate: '2026-01-05' }),
      appointment({ serviceDate: '2026-01-12', status: 'no_show' }),
      appointment({ serviceDate: '2026-01-19', status: 'late_canceled' }),
      appointment({ serviceDate: '2026-01-26', status: 'canceled' }),
    ];
    expect(sessions([authorization()], appointments, '2026-02-01').rows[0]).toMatchObject({ used: 1, last_session: '2026-01-05' });
    const counting = config({ sessions: { count_statuses: ['completed', 'no_show', 'late_canceled'] } });
    expect(sessions([authorization()], appointments, '2026-02-01', counting).rows[0]).toMatchObject({ used: 3, last_session: '2026-01-19' });
  });

  it('adds prior sessions to used', () => {
    const row = sessions([authorization({ priorSessions: 5 })], sessionsFrom('2026-01-05', 3), '2026-01-20').rows[0];
    expect([row.prior_sessions, row.used, row.remaining]).toEqual([5, 8, 12]); // 5 + 3; 20 − 8
  });
});

describe('computeSessions: states and order', () => {
  it('applies the first state that holds: expired, exhausted, expiring, low, ok', () => {
    const auths = [
      authorization({ key: 1, authorizationNumber: 'EXPIRED-AND-USED-UP', patientKey: 1, patientName: 'Ana A', authorizedSessions: 2, endDate: '2026-01-31' }),
      authorization({ key: 2, authorizationNumber: 'OVER', patientKey: 2, patientName: 'Ben B', authorizedSessions: 2, endDate: '2026-03-05' }),
      authorization({ key: 3, authorizationNumber: 'OPEN-LOW', patientKey: 3, patientName: 'Cy C', authorizedSessions: 12, endDate: null }),
      authorization({ key: 4, authorizationNumber: 'OPEN-OK', patientKey: 4, patientName: 'Di D', authorizedSessions: 30, endDate: null }),
    ];
    const appointments = [
      ...sessionsFrom('2026-01-05', 3, { patientKey: 1 }),
      ...sessionsFrom('2026-01-05', 3, { patientKey: 2 }),
      ...sessionsFrom('2026-01-05', 2, { patientKey: 3 }),
    ];
    const report = sessions(auths, appointments, '2026-02-20');
    expect(report.rows.map((r) => [r.authorization_number, r.remaining, r.days_until_expiry, r.state])).toEqual([
      ['EXPIRED-AND-USED-UP', -1, -20, 'expired'], // 2 − 3; 02-20 → 01-31 is −20
      ['OVER', -1, 13, 'exhausted'], // exhausted wins over expiring (13 ≤ 14)
      ['OPEN-LOW', 10, null, 'low'], // 12 − 2 = 10 ≤ 10
      ['OPEN-OK', 30, null, 'ok'],
    ]);
    expect(report.totals).toEqual({ authorizations: 4, ok: 1, low: 1, expiring: 0, exhausted: 1, expired: 1 });
  });

  it('judges an authorization without a session count by its dates alone', () => {
    const auths = [
      authorization({ key: 1, authorizationNumber: 'PERIOD-OK', patientKey: 1, patientName: 'Ana A', authorizedSessions: null, endDate: '2026-06-30' }),
      authorization({ key: 2, authorizationNumber: 'PERIOD-ENDING', patientKey: 2, patientName: 'Ben B', authorizedSessions: null, endDate: '2026-03-01' }),
      authorization({ key: 3, authorizationNumber: 'PERIOD-OVER', patientKey: 3, patientName: 'Cy C', authorizedSessions: null, endDate: '2026-02-19' }),
    ];
    const appointments = [...sessionsFrom('2026-01-05', 6, { patientKey: 1 }), ...sessionsFrom('2026-01-05', 2, { patientKey: 2 })];
    const report = sessions(auths, appointments, '2026-02-20');
    expect(report.rows.map((r) => [r.authorization_number, r.authorized_sessions, r.used, r.remaining, r.days_until_expiry, r.state])).toEqual([
      ['PERIOD-OK', null, 6, null, 130, 'ok'], // 02-20 → 06-30: 8 + 31 + 30 + 31 + 30 = 130; not exhausted, not low
      ['PERIOD-ENDING', null, 2, null, 9, 'expiring'], // 02-20 → 03-01: 9 days
      ['PERIOD-OVER', null, 0, null, -1, 'expired'],
    ]);
  });

  it('sorts by patient name (case-insensitive), then start date', () => {
    const auths = [
      authorization({ authorizationNumber: 'Z2', patientKey: 2, patientName: 'zoe Young', startDate: '2026-02-01' }),
      authorization({ authorizationNumber: 'Z1', patientKey: 2, patientName: 'zoe Young', startDate: '2026-01-01' }),
      authorization({ authorizationNumber: 'B1', patientKey: 3, patientName: 'Bea Xu', startDate: '2026-03-01' }),
    ];
    expect(sessions(auths, [], '2026-02-01').rows.map((r) => r.authorization_number)).toEqual(['B1', 'Z1', 'Z2']);
  });
});

function pickRows(rows: Record<string, unknown>[], ...keys: string[]): unknown[][] {
  return rows.map((row) => keys.map((key) => row[key]));
}
