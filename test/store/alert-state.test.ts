// What the store remembers of alerts comes back exactly: first seen, owner (or none), and the rotation's count.
import { describe, expect, it } from 'vitest';
import type { AlertsReport } from '../../src/alerts/index.js';
import { loadAlertMemory, rememberAlerts, RememberedAlerts } from '../../src/store/alert-state.js';
import { openStore } from '../../src/store/open-store.js';

describe('alert memory', () => {
  it('gives back each alert it remembered, with its first day and owner, and keeps an owner once given', () => {
    const db = openStore(':memory:', { create: true });
    const empty = loadAlertMemory(db);
    expect(empty.rotationOffset).toBe(0);
    expect((empty.previous as RememberedAlerts).size).toBe(0);
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

    const memory = loadAlertMemory(db);
    expect(memory.rotationOffset).toBe(3);
    expect((memory.previous as RememberedAlerts).size).toBe(3);
    expect(memory.previous.get('claim_denied:CLM-1')).toEqual({ firstSeen: '2026-03-01', owner: 'Lee' });
    expect(memory.previous.get('auth_expiring:AUTH-9')).toEqual({ firstSeen: '2026-02-27', owner: null });
    expect(memory.previous.get('timely_filing:CLM-"2"')).toEqual({ firstSeen: '2026-03-08', owner: 'Max' });
    expect(memory.previous.get('claim_denied:CLM-2')).toBeUndefined();
    db.close();
  });

  it('reads back an id holding the separator it joins ids with, and its neighbours', () => {
    const db = openStore(':memory:', { create: true });
    const report = { report: 'alerts', asOf: '', columns: [], totals: {}, notes: [], roundRobinAssigned: 0, rows: [
      { id: 'claim_denied:A', first_seen: '2026-03-01', owner: null },
      { id: 'claim_denied:B\x1eC', first_seen: '2026-03-02', owner: 'Lee' },
      { id: 'claim_denied:', first_seen: '2026-03-03', owner: null },
    ] } as unknown as AlertsReport;
    rememberAlerts(db, report, '2026-03-03', { previous: new Map(), rotationOffset: 0 });
    const { previous } = loadAlertMemory(db);
    expect((previous as RememberedAlerts).size).toBe(3);
    expect(previous.get('claim_denied:A')).toEqual({ firstSeen: '2026-03-01', owner: null });
    expect(previous.get('claim_denied:B\x1eC')).toEqual({ firstSeen: '2026-03-02', owner: 'Lee' });
    expect(previous.get('claim_denied:B')).toBeUndefined();
    expect(previous.get('claim_denied:')).toEqual({ firstSeen: '2026-03-03', owner: null });
    db.close();
  });
});
