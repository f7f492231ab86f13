import { describe, expect, it } from 'vitest';
import { appointment, authorization, sessionsFrom } from '../compute/builders.js';
import { pick, runAlerts } from './run-alerts.js';

describe('authorization alerts', () => {
  // The seed example: 20 sessions authorized 01/01/2026–03/15/2026, 12 used.
  const seed = { authorizations: [authorization({ authorizationNumber: 'AUTH-SEED', clinicianName: 'Dana Reyes' })], appointments: sessionsFrom('2026-01-05', 12) };

  it('raises auth_sessions_low and, 14 days before the end, auth_expiring', () => {
    const report = runAlerts(seed, '2026-03-01');
    expect(report.rows).toEqual([
      {
        id: 'auth_expiring:AUTH-SEED',
        type: 'auth_expiring',
        severity: 'medium',
        subject: 'Authorization AUTH-SEED',
        patient: 'Avery Quill',
        clinician: 'Dana Reyes',
        payer: 'Aetna',
        amount: null,
        due: '2026-03-15',
        owner: null,
        message: 'Authorization ends 03/15/2026, in 14 days (8 of 20 sessions left)',
        first_seen: '2026-03-01',
        new: true,
      },
      {
        id: 'auth_sessions_low:AUTH-SEED',
        type: 'auth_sessions_low',
        severity: 'medium',
        subject: 'Authorization AUTH-SEED',
        patient: 'Avery Quill',
        clinician: 'Dana Reyes',
        payer: 'Aetna',
        amount: null,
        due: null,
        owner: null,
        message: '8 of 20 authorized sessions left (ends 03/15/2026)',
        first_seen: '2026-03-01',
        new: true,
      },
    ]);
    // 15 days before the end: only the low-sessions alert.
    expect(pick(runAlerts(seed, '2026-02-28').rows, 'type')).toEqual([['auth_sessions_low']]);
  });

  it('raises auth_exhausted at 0 remaining and nothing but auth_expired once expired', () => {
    const used = { authorizations: [authorization({ authorizedSessions: 12 })], appointments: sessionsFrom('2026-01-05', 12) };
    expect(pick(runAlerts(used, '2026-02-01').rows, 'type', 'severity', 'message')).toEqual([
      ['auth_exhausted', 'high', 'All 12 authorized sessions used (ends 03/15/2026); request more sessions'],
    ]);
    // After 03/15 it is expired: no low, exhausted or expiring alert, and no later session, so no auth_expired either.
    expect(runAlerts(used, '2026-03-16').rows).toEqual([]);
  });

  it('raises auth_expired only when a later session is not covered by another authorization', () => {
    const old = authorization({ authorizationNumber: 'OLD', authorizedSessions: 30, startDate: '2026-01-01', endDate: '2026-01-31' });
    const later = [appointment({ serviceDate: '2026-02-10' }), appointment({ serviceDate: '2026-03-20', status: 'scheduled' })];
    const uncovered = runAlerts({ authorizations: [old], appointments: later }, '2026-03-01');
    expect(pick(uncovered.rows, 'id', 'severity', 'message')).toEqual([
      ['auth_expired:OLD', 'high', 'Authorization ended 01/31/2026 but 2 sessions after it (first 02/10/2026) have no authorization'],
    ]);

    // A renewal from 02/01 covers both sessions by its window: no auth_expired (the renewal has 28 of 30 left: no alert).
    const renewal = authorization({ authorizationNumber: 'NEW', authorizedSessions: 30, startDate: '2026-02-01', endDate: '2026-06-30' });
    expect(runAlerts({ authorizations: [old, renewal], appointments: later }, '2026-03-01').rows).toEqual([]);

    // Cancelled and no-show sessions after the end do not need an authorization.
    const cancelled = [appointment({ serviceDate: '2026-02-10', status: 'canceled' }), appointment({ serviceDate: '2026-02-11', status: 'no_show' })];
    expect(runAlerts({ authorizations: [old], appointments: cancelled }, '2026-03-01').rows).toEqual([]);
  });

  it('keys an authorization without a number by patient and start date, without the patient name', () => {
    const report = runAlerts({ authorizations: [authorization({ authorizationNumber: null })], appointments: sessionsFrom('2026-01-05', 12) }, '2026-02-20');
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0].id).toMatch(/^auth_sessions_low:p[0-9a-f]{8}:2026-01-01$/);
    expect(report.rows[0].subject).toBe('Authorization from 01/01/2026');
  });

  it('an authorization without a session count raises only auth_expiring, never auth_exhausted', () => {
    const report = runAlerts({ authorizations: [authorization({ authorizationNumber: 'PERIOD', authorizedSessions: null })], appointments: sessionsFrom('2026-01-05', 12) }, '2026-03-01');
    expect(report.rows.map((r) => [r.type, r.message])).toEqual([
      ['auth_expiring', 'Authorization ends 03/15/2026, in 14 days (no session count)'],
    ]);
  });
});
