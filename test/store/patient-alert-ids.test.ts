// Migration 010: remembered alerts of patients with a source ID are renamed from the name hash to the ID.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameToken } from '../../src/alerts/alert-ids.js';
import { cli, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';
import { storeAtSchema } from '../helpers/store-files.js';

describe('migration 010', () => {
  it("renames the alerts keyed by a patient's name hash to the patient's ID, keeping first_seen and owner", async () => {
    const ws = tempWorkspace();
    const file = path.join(ws, 'practice-sync.db');
    fs.rmSync(file);
    const old = storeAtSchema(file, 9);
    // Bo Chen has an ID; the two Ann Lees share a name (whose alert was it?); Cy Dorn has no ID; P9 was stored without a name.
    old.exec(`
      INSERT INTO patients (id, name, name_key, patient_id) VALUES
        (1, 'Bo Chen', 'bo chen', 'P3'), (2, 'Ann Lee', 'ann lee', 'P1'), (3, 'Ann Lee', 'ann lee', 'P2'),
        (4, 'Cy Dorn', 'cy dorn', NULL), (5, NULL, NULL, 'P9');
    `);
    const bo = nameToken('Bo Chen');
    const ann = nameToken('Ann Lee');
    const cy = nameToken('Cy Dorn');
    const nameless = nameToken('Patient P9');
    const remembered = [
      `unbilled_session:${bo}:2026-10-01`,
      `timely_filing:session:${bo}:2026-10-01#2`,
      `auth_expiring:${bo}:2026-09-01`,
      `auth_sessions_low:${nameless}:2026-09-01`,
      `unbilled_session:${ann}:2026-10-01`,
      `unbilled_session:${cy}:2026-10-01`,
      `balance_high:${bo}`,
      'claim_denied:CLM-1',
    ];
    const insert = old.prepare("INSERT INTO alert_state (id, first_seen, last_seen, owner, seen_by_run) VALUES (?, '2026-10-12', '2026-11-02', ?, 4)");
    for (const id of remembered) insert.run(id, id.startsWith('claim') ? 'Kim' : null);
    old.close();

    const result = await cli(['--workspace', ws, 'report', 'alerts', '--as-of', '2026-11-09']);
    expect(result.code, result.stderr).toBe(0);
    expect(query(file, 'SELECT id, first_seen, owner FROM alert_state ORDER BY first_seen, id')).toEqual(
      [
        'auth_expiring:id-P3:2026-09-01',
        'auth_sessions_low:id-P9:2026-09-01',
        `balance_high:${bo}`, // balance alerts key by account ID, else by name: unchanged
        'claim_denied:CLM-1',
        'timely_filing:session:id-P3:2026-10-01#2',
        'unbilled_session:id-P3:2026-10-01',
        `unbilled_session:${ann}:2026-10-01`,
        `unbilled_session:${cy}:2026-10-01`,
      ]
        .sort()
        .map((id) => ({ id, first_seen: '2026-10-12', owner: id.startsWith('claim') ? 'Kim' : null })),
    );
  });
});

describe('a patient known by name who is given an ID', () => {
  it('keeps the alerts remembered under the name, first_seen and all, whether a client export or an appointment row gives it', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const appointments = 'Patient ID,Patient Name,Clinician Name,Appointment Date,Appointment Status,Service Type,Authorization ID\n';
    const run = async (...args: string[]) => {
      const result = await cli(['--workspace', ws, ...args]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    await run('import', writeFile(dir, 'by-name.csv', `${appointments},Ann Test,Dana Reyes,02/02/2026,Completed,90837,\n,Bo Test,Dana Reyes,02/03/2026,Completed,90837,\n`));
    // Authorizations without a number, 5 sessions each, 1 used: 4 left, auth_sessions_low.
    for (const patient of ['Ann Test', 'Bo Test']) await run('auth', 'add', '--patient', patient, '--sessions', '5', '--start', '2026-01-01', '--end', '2026-06-30');
    const alerts = async (asOf: string) => JSON.parse(await run('--as-of', asOf, '--format', 'json', 'alerts')).rows.map((r: Record<string, unknown>) => [r.id, r.first_seen, r.new]);
    expect(await alerts('2026-02-10')).toEqual([
      [`auth_sessions_low:${nameToken('Ann Test')}:2026-01-01`, '2026-02-10', true],
      [`auth_sessions_low:${nameToken('Bo Test')}:2026-01-01`, '2026-02-10', true],
    ]);

    // Ann's ID comes from a client export, Bo's from an appointment row that gives both ID and name.
    await run('import', writeFile(dir, 'clients.csv', 'Patient ID,Patient Name,Primary Contact Name,Contact Phone,Contact Email,Insurance Carrier,Primary Clinician,Location,Status\n' +
      'P77,Ann Test,,,,,Dana Reyes,Main,Active\n'));
    await run('import', writeFile(dir, 'by-id.csv', `${appointments}P88,Bo Test,Dana Reyes,02/09/2026,Scheduled,90837,\n`));
    expect(await alerts('2026-02-17')).toEqual([
      ['auth_sessions_low:id-P77:2026-01-01', '2026-02-10', false],
      ['auth_sessions_low:id-P88:2026-01-01', '2026-02-10', false],
    ]);
  });
});
