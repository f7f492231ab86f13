// What the store remembers of alerts comes back exactly: first seen, owner (or none), and the rotation's count.
import { describe, expect, it } from 'vitest';
import type { AlertsReport } from '../../src/alerts/index.js';
import { loadAlertMemory, rememberAlerts } from '../../src/store/alert-state.js';
import { openStore } from '../../src/store/open-store.js';

describe('alert memory', () => {
  it('gives back each alert it remembered, with its first day and owner, and keeps an owner once given', () => {
    const db = openStore(':memory:', { create: true });
    expect(loadAlertMemory(db)).toEqual({ previous: new Map(), rotationOffset: 0 });
    const report = (rows: { id: string; first_seen: string; owner: string | null }[], assigned: number) =>
      ({ report: 'alerts', asOf: '', columns: [], rows, totals: {}, notes: [], roundRobinAssigned: assigned }) as unknown as AlertsReport;

    rememberAlerts(db, report([
      { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', owner: 'Lee' },
      { id: 'auth_expiring:AUTH-9', first_seen: '2026-02-27', owner: null },
    ], 1), '2026-03-01', { previous: new Map(), rotationOffset: 0 });
    // A later run: the denied claim comes back without an owner (it keeps Lee), a new alert arrives.
    rememberAlerts(db, report([
      { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', owner: null },
      { id: 'timely_filing:CLM-"2"', first_seen: '2026-03-08', owner: 'Max' },
    ], 2), '2026-03-08', loadAlertMemory(db));

    expect(loadAlertMemory(db)).toEqual({
      previous: new Map([
        ['claim_denied:CLM-1', { firstSeen: '2026-03-01', owner: 'Lee' }],
        ['auth_expiring:AUTH-9', { firstSeen: '2026-02-27', owner: null }],
        ['timely_filing:CLM-"2"', { firstSeen: '2026-03-08', owner: 'Max' }],
      ]),
      rotationOffset: 3,
    });
    db.close();
  });
});
