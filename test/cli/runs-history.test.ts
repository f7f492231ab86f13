// `runs` and `runs show`: the history as billing staff read it — money in dollars, counts that say what was written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentUser } from '../../src/store/run-history.js';
import { cli, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
// Invented people and payers.
const SUBMITTED = `${HEADER}CLM-7001,"Brightwater, Tamsin",PX-301,01/05/2026,01/06/2026,Acme Mutual,Dr Ines Vantablack,10.00,,,,Submitted,\n`;
const PAID = `${HEADER}CLM-7001,"Brightwater, Tamsin",PX-301,01/05/2026,01/06/2026,Acme Mutual,Dr Ines Vantablack,"$1,200.00",900.5,,,Paid,\n`;
// One good row, and one whose date does not exist: the file is rejected (exit 3) and nothing is written.
const ONE_BAD = `${HEADER}CLM-7001,"Brightwater, Tamsin",PX-301,01/05/2026,01/06/2026,Acme Mutual,Dr Ines Vantablack,100.00,80.00,60.00,20.00,Paid,
CLM-7002,"Ashgrove, Perrin",PX-302,02/30/2026,03/02/2026,Acme Mutual,Dr Ines Vantablack,150.00,,,,Submitted,
`;
const STARTED = '2026-11-23T09:00:00.000Z';

describe('runs show', () => {
  it('shows money columns as dollars with two decimals, not cents', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    expect((await cli(['--workspace', ws, 'import', writeFile(dir, 'submitted.csv', SUBMITTED)])).code).toBe(0);
    const paid = writeFile(dir, 'paid.csv', PAID);
    const imported = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', paid])).stdout);
    const shown = await cli(['--workspace', ws, 'runs', 'show', '2']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe([
      `run 2: import ${paid}`,
      `  started ${STARTED}, by ${currentUser()}, status ok`,
      `  mapping generic/claims (claims), sha256 ${imported.sha256}`,
      '  rows 1: 0 created, 1 updated, 0 unchanged, 0 rejected',
      '  changes:',
      '    claims #1: billed: 10.00 → 1,200.00; allowed: (empty) → 900.50; status: "submitted" → "paid"',
      '',
    ].join('\n'));
  });

  it('--format json carries money as dollars, as report JSON does', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const money = (row: Record<string, unknown> | null) => row && { billed: row.billed, allowed: row.allowed, paid: row.paid, patient_responsibility: row.patient_responsibility };
    await cli(['--workspace', ws, 'import', writeFile(dir, 'submitted.csv', SUBMITTED)]);
    // A created record is shown as it is now: read before run 2 changes it.
    const created = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs', 'show', '1'])).stdout);
    const claim = created.changes.find((c: { table: string }) => c.table === 'claims');
    expect([claim.action, money(claim.after)]).toEqual(['created', { billed: 10, allowed: null, paid: null, patient_responsibility: null }]);

    await cli(['--workspace', ws, 'import', writeFile(dir, 'paid.csv', PAID)]);
    const updated = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs', 'show', '2'])).stdout);
    expect(updated.changes.map((c: { before: Record<string, unknown>; after: Record<string, unknown>; changed: string[] }) =>
      ({ before: money(c.before), after: money(c.after), changed: c.changed }))).toEqual([{
      before: { billed: 10, allowed: null, paid: null, patient_responsibility: null },
      after: { billed: 1200, allowed: 900.5, paid: null, patient_responsibility: null },
      changed: ['billed', 'allowed', 'status'],
    }]);
  });
});

describe('a rejected import in the history', () => {
  const runRow = { run: 1, started_at: STARTED, command: 'import', file: 'claims.csv', mapping: 'generic/claims', entity: 'claims', dry_run: false,
    rows: 2, created: 0, updated: 0, unchanged: 0, rejected: 1, status: 'rejected' };

  it('counts nothing as written, and labels what the valid rows would have written', async () => {
    const ws = tempWorkspace();
    const file = writeFile(tempDir(), 'claims.csv', ONE_BAD);
    const rejects = path.join(ws, 'rejects', 'run-1-claims.csv.rejects.csv');
    const imported = await cli(['--workspace', ws, 'import', file]);
    expect(imported.code).toBe(3);
    expect(imported.stdout).toBe([
      'claims.csv → generic/claims (claims), run 1',
      '  rows 2: 0 created, 0 updated, 0 unchanged, 1 rejected',
      '  rejected: claims.csv line 3, column "Date of Service": "02/30/2026" is not a real calendar date',
      `  rejects: ${rejects}`,
      '  nothing was imported from claims.csv: fix the rows above, or import the good rows with --allow-partial',
      '  with --allow-partial the valid rows would have been: 1 created, 0 updated, 0 unchanged',
      '',
    ].join('\n'));

    expect(JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs'])).stdout).rows).toEqual([runRow]);

    const shown = await cli(['--workspace', ws, 'runs', 'show', '1']);
    expect(shown.stdout).toBe([
      `run 1: import ${file}`,
      `  started ${STARTED}, by ${currentUser()}, status rejected`,
      `  mapping generic/claims (claims), sha256 ${createHash('sha256').update(ONE_BAD).digest('hex')}`,
      '  rows 2: 0 created, 0 updated, 0 unchanged, 1 rejected',
      '  nothing was written; with --allow-partial the valid rows would have been: 1 created, 0 updated, 0 unchanged',
      `  rejects: ${rejects}`,
      '',
    ].join('\n'));

    const json = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs', 'show', '1'])).stdout);
    expect([json.created, json.updated, json.unchanged, json.rejected, json.summary.changes, json.changes]).toEqual([0, 0, 0, 1, {}, []]);
    expect(json.summary.would_have).toEqual({ created: 1, updated: 0, unchanged: 0, changes: { 'new paid': 1, new: 1 } });

    // And --allow-partial writes what was announced.
    const partial = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', '--allow-partial', file])).stdout);
    expect([partial.status, partial.created, partial.updated, partial.unchanged, partial.would_have]).toEqual(['partial', 1, 0, 0, null]);

    // The same file again is skipped by its hash, and the message says how to read it again (a corrected mapping).
    const again = await cli(['--workspace', ws, 'import', file]);
    expect([again.code, again.stdout]).toEqual([0,
      'claims.csv → generic/claims (claims): already imported by run 2 (same content); skipped (to read it again through a changed mapping, undo 2 first)\n']);
    expect((await cli(['--workspace', ws, 'undo', '2'])).code).toBe(0);
    const reread = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', '--allow-partial', file])).stdout);
    expect([reread.status, reread.created, reread.rejected]).toEqual(['partial', 1, 1]);
  });

  it('reads a rejected attempt recorded before the counts said so the same way', async () => {
    const ws = tempWorkspace();
    const attempts = path.join(ws, 'logs', 'attempts.jsonl');
    const old = { ...runRow, file: '/exports/claims.csv', finished_at: STARTED, user: 'frontdesk', sha256: 'ab'.repeat(32), created: 1,
      rejects_file: null, undone_by: null, summary: { changes: { new: 1 }, duplicates: 0, skipped_rows: 0, warnings: [] } };
    fs.writeFileSync(attempts, `${JSON.stringify(old)}\n`);
    expect(JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs'])).stdout).rows).toEqual([runRow]);
    const json = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'runs', 'show', '1'])).stdout);
    expect([json.created, json.summary.changes, json.summary.would_have]).toEqual([0, {}, { created: 1, updated: 0, unchanged: 0, changes: { new: 1 } }]);
  });
});
