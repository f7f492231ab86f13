// What the store remembers of alerts comes back exactly: first seen, owner (or none), and the rotation's count.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertsReport } from '../../src/alerts/index.js';
import { loadAlertMemory, placed, rememberAlerts } from '../../src/store/alert-state.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { storeAtSchema } from '../helpers/store-files.js';

const report = (rows: { id: string; first_seen: string; owner: string | null; new?: boolean }[], assigned: number) =>
  ({ report: 'alerts', asOf: '', columns: [], rows, totals: {}, notes: [], roundRobinAssigned: assigned }) as unknown as AlertsReport;

describe('alert memory', () => {
  it('gives back each alert it remembered, with its first day and owner, and keeps an owner once given', () => {
    const db = openStore(':memory:', { create: true });
    const empty = loadAlertMemory(db);
    expect(empty.rotationOffset).toBe(0);
    expect(empty.recall([])).toEqual({ firstSeen: [], owner: [], pending: [] });
    expect(empty.recall(['claim_denied:CLM-1'])).toEqual({ firstSeen: [null], owner: [null], pending: [false] });

    rememberAlerts(db, report([
      { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', owner: 'Lee' },
      { id: 'auth_expiring:AUTH-9', first_seen: '2026-02-27', owner: null },
    ], 1), '2026-03-01', empty);
    // A later run: the denied claim comes back without an owner (it keeps Lee), a new alert arrives.
    rememberAlerts(db, report([
      { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', owner: null },
      { id: 'timely_filing:CLM-"2"', first_seen: '2026-03-08', owner: 'Max' },
    ], 2), '2026-03-08', loadAlertMemory(db));

    const memory = loadAlertMemory(db);
    expect(memory.rotationOffset).toBe(3);
    // In the order asked, whatever the order stored; an id never shown is null.
    expect(memory.recall(['timely_filing:CLM-"2"', 'claim_denied:CLM-2', 'claim_denied:CLM-1', 'auth_expiring:AUTH-9'])).toEqual({
      firstSeen: ['2026-03-08', null, '2026-03-01', '2026-02-27'],
      owner: ['Max', null, 'Lee', null],
      pending: [false, false, false, false],
    });
    db.close();
  });

  it('remembers a new alert nobody was shown as pending: its first day and owner hold, and it is pending until shown', () => {
    const db = openStore(':memory:', { create: true });
    const rows = [
      { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', owner: 'Lee', new: true },
      { id: 'claim_denied:CLM-2', first_seen: '2026-03-01', owner: 'Max', new: true },
    ];
    // Only CLM-1 was listed (a cron run with --fail-on that printed it alone).
    rememberAlerts(db, report(rows, 2), '2026-03-01', loadAlertMemory(db), new Set(['claim_denied:CLM-1']));
    expect(loadAlertMemory(db).recall(['claim_denied:CLM-1', 'claim_denied:CLM-2'])).toEqual({
      firstSeen: ['2026-03-01', '2026-03-01'], owner: ['Lee', 'Max'], pending: [false, true],
    });
    // A week later nothing is listed: CLM-2 stays pending, CLM-1 stays seen.
    rememberAlerts(db, report([{ ...rows[0], new: false }, { ...rows[1], owner: null }], 0), '2026-03-08', loadAlertMemory(db), new Set());
    expect(loadAlertMemory(db).recall(['claim_denied:CLM-1', 'claim_denied:CLM-2']).pending).toEqual([false, true]);
    // Then `alerts` lists CLM-2: seen, with the owner it was given on 03/01.
    rememberAlerts(db, report([{ ...rows[1], owner: null }], 0), '2026-03-09', loadAlertMemory(db), new Set(['claim_denied:CLM-2']));
    expect(loadAlertMemory(db).recall(['claim_denied:CLM-2'])).toEqual({ firstSeen: ['2026-03-01'], owner: ['Max'], pending: [false] });
    db.close();
  });

  it('finds ids holding quotes, separators, a newline, an emoji or nothing, and an id asked twice', () => {
    const db = openStore(':memory:', { create: true });
    const ids = ['claim_denied:A"B', 'claim_denied:B\x1eC', 'claim_denied:line\nbreak', 'claim_denied:🦷', 'claim_denied:'];
    rememberAlerts(db, report(ids.map((id, i) => ({ id, first_seen: `2026-03-0${i + 1}`, owner: `Owner ${i}` })), 0), '2026-03-05', loadAlertMemory(db));
    const asked = [...ids].reverse().concat(ids[0], 'claim_denied:B');
    expect(loadAlertMemory(db).recall(asked)).toEqual({
      firstSeen: ['2026-03-05', '2026-03-04', '2026-03-03', '2026-03-02', '2026-03-01', '2026-03-01', null],
      owner: ['Owner 4', 'Owner 3', 'Owner 2', 'Owner 1', 'Owner 0', 'Owner 0', null],
      pending: [false, false, false, false, false, false, false],
    });
    db.close();
  });

  it('puts values back in the order asked when SQLite gives them in another', () => {
    // The recall's fallback: values that came back as the 3rd, 1st, 4th and 2nd asked.
    expect(placed([2, 0, 3, 1], ['c', 'a', 'd', 'b'])).toEqual(['a', 'b', 'c', 'd']);
    expect(placed([0, 1], ['2026-03-01', null])).toEqual(['2026-03-01', null]);
  });

  it('keeps what an older store remembers when migration 005 orders it by id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-alert-state-'));
    try {
      const file = path.join(dir, 'practice-sync.db');
      // A store as migrations 001-004 left it, remembering two alerts.
      const old = storeAtSchema(file, 4);
      old.prepare('INSERT INTO alert_state (id, first_seen, last_seen, owner) VALUES (?, ?, ?, ?)').run('claim_denied:CLM-1', '2026-03-01', '2026-03-08', 'Lee');
      old.prepare('INSERT INTO alert_state (id, first_seen, last_seen, owner) VALUES (?, ?, ?, ?)').run('auth_expiring:AUTH-9', '2026-02-27', '2026-03-08', null);
      old.close();

      const db = openStore(file);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'alert_state'").pluck().get()).toMatch(/WITHOUT ROWID$/);
      expect(db.prepare('SELECT id, first_seen, last_seen, owner FROM alert_state ORDER BY id').all()).toEqual([
        { id: 'auth_expiring:AUTH-9', first_seen: '2026-02-27', last_seen: '2026-03-08', owner: null },
        { id: 'claim_denied:CLM-1', first_seen: '2026-03-01', last_seen: '2026-03-08', owner: 'Lee' },
      ]);
      expect(loadAlertMemory(db).recall(['claim_denied:CLM-1', 'claim_denied:CLM-2'])).toEqual({ firstSeen: ['2026-03-01', null], owner: ['Lee', null], pending: [false, false] });
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
