// undo restores every data table exactly; it refuses, naming the later run, when a later run touched the same records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCES, TABLE_COLUMNS } from '../../src/store/tables.js';
import { cli, dumpStore, FIXTURES, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const DATA = ['payers', 'clinicians', 'patients', 'appointments', 'authorizations', 'claims', 'payments', 'balances', 'adjustments'];

describe('undo', () => {
  it("counts the records it removed, not the full export's bookkeeping of which records it listed", async () => {
    const ws = tempWorkspace();
    const db = path.join(ws, 'practice-sync.db');
    // The generic balances export lists 8 accounts, each a patient new to this store: 16 records.
    expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/balances.csv')])).code).toBe(0);
    expect(query(db, 'SELECT (SELECT COUNT(*) FROM balances) AS balances, (SELECT COUNT(*) FROM patients) AS patients, (SELECT COUNT(*) FROM export_presence) AS listed'))
      .toEqual([{ balances: 8, patients: 8, listed: 8 }]);
    const undo = await cli(['--workspace', ws, 'undo', '1']);
    expect([undo.code, undo.stdout]).toEqual([0, 'undid run 1 as run 2: 16 records removed, 0 restored\n']);
    expect(query(db, "SELECT rows FROM runs WHERE command = 'undo'")).toEqual([{ rows: 16 }]);
    expect(query(db, 'SELECT COUNT(*) AS n FROM export_presence')).toEqual([{ n: 0 }]);
  });

  it('restores a full dump of every data table to what it was before the run', async () => {
    const ws = tempWorkspace();
    const db = path.join(ws, 'practice-sync.db');
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const before = dumpStore(db, DATA);
    // Run 3 changes claims, creates a claim, and names a new patient (provisional) and payer.
    const claims = fs.readFileSync(path.join(FIXTURES, 'generic/claims.csv'), 'utf8').replace(/,Pending,/g, ',Denied,') +
      'CLM-NEW-1,Quinn Zephyr,P9999,10/01/2026,10/02/2026,Brand New Payer,Hannah Cole,99.00,,,,Submitted,\n';
    const file = writeFile(tempDir(), 'claims-later.csv', claims);
    const run3 = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', file])).stdout);
    expect(run3.updated).toBeGreaterThan(0);
    expect(run3.created).toBe(1);
    expect(dumpStore(db, DATA)).not.toBe(before);

    const shown = await cli(['--workspace', ws, 'runs', 'show', String(run3.run)]);
    expect(shown.stdout).toMatch(/claims #\d+: status: "pending" → "denied"/);

    const undo = await cli(['--workspace', ws, 'undo', String(run3.run)]);
    expect(undo.code).toBe(0);
    expect(dumpStore(db, DATA)).toBe(before);
    expect(query(db, 'SELECT status FROM runs WHERE id = ?', run3.run)).toEqual([{ status: 'undone' }]);
    // The undo is a run of its own, recorded with who ran it as every other run is (SPEC §4).
    expect(query(db, "SELECT user FROM runs WHERE command = 'undo'")).toEqual([{ user: os.userInfo().username }]);
    // It removed the new claim, patient and payer and restored the changed claims; its row counts the records it touched.
    expect(undo.stdout).toBe(`undid run ${run3.run} as run ${run3.run + 1}: 3 records removed, ${run3.updated} restored\n`);
    expect(query(db, "SELECT rows, created, updated FROM runs WHERE command = 'undo'")).toEqual([{ rows: 3 + run3.updated, created: 0, updated: run3.updated }]);
    // The undone file is no longer "already imported".
    const again = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', file])).stdout);
    expect(again.status).toBe('ok');
  });

  it('refuses when a later run changed the same records, naming it', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
    const a = writeFile(dir, 'a.csv', `${header}C1,Ann Lee,P1,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\n`);
    const b = writeFile(dir, 'b.csv', `${header}C1,Ann Lee,P1,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Paid,\n`);
    // Run 3 names a patient, payer and clinician of its own, so it refers to nothing run 1 created.
    const c = writeFile(dir, 'c.csv', `${header}C2,Bo Park,P2,10/01/2026,,Cigna,Ivy Moss,10.00,,,,Paid,\n`);
    await cli(['--workspace', ws, 'import', a]);
    await cli(['--workspace', ws, 'import', b]);
    await cli(['--workspace', ws, 'import', c]);
    const refused = await cli(['--workspace', ws, 'undo', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('run 2 changed records that run 1 touched; undo run 2 first');
    expect((await cli(['--workspace', ws, 'undo', '2'])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'undo', '1'])).code).toBe(0);
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT claim_id FROM claims')).toEqual([{ claim_id: 'C2' }]);
    expect((await cli(['--workspace', ws, 'undo', '1'])).stderr).toContain('already undone');
  });

  it('refuses to undo a run whose records a later run refers to, naming that run', async () => {
    const ws = tempWorkspace();
    const db = path.join(ws, 'practice-sync.db');
    const dir = tempDir();
    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
    // Run 1 creates patient P1, payer Aetna and clinician Hannah Cole; run 2's new claim C2 names all three.
    await cli(['--workspace', ws, 'import', writeFile(dir, 'a.csv', `${header}C1,Ann Lee,P1,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\n`)]);
    await cli(['--workspace', ws, 'import', writeFile(dir, 'b.csv', `${header}C2,Ann Lee,P1,10/08/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\n`)]);
    const before = dumpStore(db, DATA);

    const refused = await cli(['--workspace', ws, 'undo', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/run 2 wrote records that refer to records run 1 created \(claims #2 refers to (payers|patients|clinicians) #1\); undo run 2 first/);
    expect(dumpStore(db, DATA)).toBe(before);
    expect(query(db, "SELECT count(*) AS n FROM runs WHERE command = 'undo'")).toEqual([{ n: 0 }]);

    expect((await cli(['--workspace', ws, 'undo', '2'])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'undo', '1'])).code).toBe(0);
    for (const table of ['claims', 'patients', 'payers', 'clinicians']) expect(query(db, `SELECT count(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
  });

  it('refuses to undo an import a later balance adjustment refers to', async () => {
    const ws = tempWorkspace();
    const db = path.join(ws, 'practice-sync.db');
    const balances = writeFile(tempDir(), 'balances.csv', 'Account ID,Patient Name,Patient Portion,Insurance Portion,Total Balance,0-30,31-60,61-90,90+\nP1,Ann Lee,40.00,0.00,40.00,40.00,0.00,0.00,0.00\n');
    expect((await cli(['--workspace', ws, 'import', balances])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'adjust', 'balance', 'P1', '--patient-portion', '25.00', '--reason', 'payment plan agreed'])).code).toBe(0);

    const refused = await cli(['--workspace', ws, 'undo', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('run 2 wrote records that refer to records run 1 created (adjustments #1 refers to patients #1); undo run 2 first');
    expect(query(db, 'SELECT count(*) AS n FROM patients')).toEqual([{ n: 1 }]);
  });

  it('removes a record the run created and then changed, instead of restoring its before-image', async () => {
    const ws = tempWorkspace();
    const db = path.join(ws, 'practice-sync.db');
    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
    // Line 2 creates Ann Lee by name; line 3 gives her the ID P1: one run creates the patient, then updates her.
    const file = writeFile(tempDir(), 'claims.csv', `${header}C1,Ann Lee,,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\nC2,Ann Lee,P1,10/02/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\n`);
    const before = dumpStore(db, DATA);
    expect((await cli(['--workspace', ws, 'import', file])).code).toBe(0);
    expect(query(db, 'SELECT patient_id FROM patients')).toEqual([{ patient_id: 'P1' }]);
    const undo = await cli(['--workspace', ws, 'undo', '1']);
    expect(undo.code).toBe(0);
    expect(dumpStore(db, DATA)).toBe(before);
  });

  it('knows every column that refers to another record, so undo can check them all', () => {
    const referring = Object.entries(TABLE_COLUMNS).flatMap(([table, columns]) =>
      columns.filter((column) => column.endsWith('_ref')).map((column) => `${table}.${column}`));
    // export_presence.row_id refers to a record of the table its table_name names.
    expect([...new Set(REFERENCES.map((r) => `${r.table}.${r.column}`))].sort()).toEqual([...referring, 'export_presence.row_id'].sort());
  });
});
