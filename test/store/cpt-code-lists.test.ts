// Migration 007: CPT codes a text-typed mapping stored as typed become the JSON list every reader expects, in the
// authorizations and in the run history an undo restores from. Before it, the sessions report of such a store failed
// with SQLite's "malformed JSON".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CPT_CODES_POSITION, repairedCptCodes } from '../../src/store/cpt-code-lists.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { TABLE_COLUMNS } from '../../src/store/tables.js';
import { cli, query, tempWorkspace } from '../helpers/cli.js';
import { storeAtSchema } from '../helpers/store-files.js';

describe('repairedCptCodes', () => {
  it.each([
    ['90837, 90834', '["90837","90834"]'],
    ['90837', '["90837"]'],
    ['90837;H0031 | 90791/90834', '["90837","H0031","90791","90834"]'],
    ['  90837 ,, ', '["90837"]'],
    [' , ', '[]'],
    ['"90837"', '["90837"]'],
    ['[90837, "90834", null]', '["90837","90834"]'],
    ['[["90837","90834"]]', '["90837","90834"]'],
    ['[{"code":"90837"}, "90834; 90791"]', '["90834","90791"]'],
    ['[90837', '["[90837"]'],
  ])('%j becomes %s', (stored, repaired) => {
    expect(repairedCptCodes(stored)).toBe(repaired);
  });

  // A list of texts is what the list type stores, split as the mapping said: not the migration's to split again.
  it.each([['["90837","H0031"]'], ['["90837 90834"]'], ['[]'], [''], [null]])('leaves %j as it is', (stored) => {
    expect(repairedCptCodes(stored)).toBeUndefined();
  });

  it('finds cpt_codes where the run history kept it when the migration was written', () => {
    expect(TABLE_COLUMNS.authorizations.indexOf('cpt_codes')).toBe(CPT_CODES_POSITION);
  });
});

describe('migration 007', () => {
  const row = (id: number, codes: string) => JSON.stringify([id, `AUTH-${id}`, 2, null, null, 10, '2026-01-01', '2026-12-31', codes, 0]);

  it('repairs the authorizations and their history; the sessions report counts by the codes, and an undo restores lists', async () => {
    const ws = tempWorkspace();
    const file = path.join(ws, 'practice-sync.db');
    fs.rmSync(file);
    const old = storeAtSchema(file, 6);
    old.exec(`
      INSERT INTO patients (id, name, patient_id) VALUES (1, 'Ana Quill', 'P1'), (2, 'Ben Reyes', 'P2');
      INSERT INTO authorizations (id, authorization_number, patient_ref, authorized_sessions, start_date, end_date, cpt_codes, prior_sessions) VALUES
        (1, 'AUTH-1', 1, 10, '2026-01-01', '2026-12-31', '90837, 90834', 0),
        (2, 'AUTH-2', 2, 10, '2026-01-01', '2026-12-31', '90837', 0),
        (3, 'AUTH-3', 2, 10, '2027-01-01', '2027-12-31', '["90791"]', 0);
      INSERT INTO appointments (appointment_id, patient_ref, service_date, status, cpt_code) VALUES
        ('A1', 1, '2026-02-02', 'completed', '90837'), ('A2', 1, '2026-02-09', 'completed', '90834'),
        ('A3', 1, '2026-02-16', 'completed', '90791'),
        ('B1', 2, '2026-02-03', 'completed', '90837'), ('B2', 2, '2026-02-10', 'completed', '90834');
      INSERT INTO runs (id, started_at, command, status) VALUES (1, '2026-02-20T09:00:00Z', 'import', 'ok'), (2, '2026-02-21T09:00:00Z', 'import', 'ok');
    `);
    const change = old.prepare('INSERT INTO run_changes (run_id, seq, table_name, row_id, last_row_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    change.run(1, 1, 'authorizations', 2, null, row(2, '90837; 90834'), row(2, '90837')); // updated
    change.run(1, 2, 'authorizations', 10, 11, null, null); // created, as a range
    change.run(1, 3, 'authorizations', 9, null, row(9, '90791 90834'), null); // removed
    change.run(2, 1, 'authorizations', 50, null, 'not json', null); // unreadable: left alone
    change.run(2, 2, 'authorizations', 3, null, row(3, '["90791"]'), null);
    old.close();

    const result = await cli(['--workspace', ws, 'report', 'sessions', '--format', 'json', '--as-of', '2026-03-01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { rows: { authorization_number: string; used: number; remaining: number }[] }).rows;
    // AUTH-1 counts 90837 and 90834, not 90791; AUTH-2 counts only 90837.
    expect(rows.map((r) => [r.authorization_number, r.used, r.remaining])).toEqual([
      ['AUTH-1', 2, 8],
      ['AUTH-2', 1, 9],
      ['AUTH-3', 0, 10],
    ]);
    expect(query(file, 'SELECT id, cpt_codes FROM authorizations ORDER BY id')).toEqual([
      { id: 1, cpt_codes: '["90837","90834"]' },
      { id: 2, cpt_codes: '["90837"]' },
      { id: 3, cpt_codes: '["90791"]' },
    ]);
    expect(query(file, 'SELECT run_id, seq, last_row_id, before, after FROM run_changes ORDER BY run_id, seq')).toEqual([
      { run_id: 1, seq: 1, last_row_id: null, before: row(2, '["90837","90834"]'), after: row(2, '["90837"]') },
      { run_id: 1, seq: 2, last_row_id: 11, before: null, after: null },
      { run_id: 1, seq: 3, last_row_id: null, before: row(9, '["90791","90834"]'), after: null },
      { run_id: 2, seq: 1, last_row_id: null, before: 'not json', after: null },
      { run_id: 2, seq: 2, last_row_id: null, before: row(3, '["90791"]'), after: null },
    ]);
    expect(query(file, 'PRAGMA user_version')).toEqual([{ user_version: MIGRATIONS.length }]);

    const undo = await cli(['--workspace', ws, 'undo', '1']);
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    expect(query(file, 'SELECT id, cpt_codes FROM authorizations ORDER BY id')).toEqual([
      { id: 1, cpt_codes: '["90837","90834"]' },
      { id: 2, cpt_codes: '["90837","90834"]' },
      { id: 3, cpt_codes: '["90791"]' },
      { id: 9, cpt_codes: '["90791","90834"]' },
    ]);
  });
});
