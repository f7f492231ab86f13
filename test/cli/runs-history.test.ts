// `runs` and `runs show`: the history as billing staff read it — money in dollars, counts that say what was written.
import { describe, expect, it } from 'vitest';
import { currentUser } from '../../src/store/run-history.js';
import { cli, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
// Invented people and payers.
const SUBMITTED = `${HEADER}CLM-7001,"Brightwater, Tamsin",PX-301,01/05/2026,01/06/2026,Acme Mutual,Dr Ines Vantablack,10.00,,,,Submitted,\n`;
const PAID = `${HEADER}CLM-7001,"Brightwater, Tamsin",PX-301,01/05/2026,01/06/2026,Acme Mutual,Dr Ines Vantablack,"$1,200.00",900.5,,,Paid,\n`;
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
