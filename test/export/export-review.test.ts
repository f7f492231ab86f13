// Export cases found by trying the CLI as a bookkeeper would; expected values worked out by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const HEADER = 'Payment ID,Patient ID,Patient Name,Payment Date,Payment Type,Gross Amount,Fee,Net Amount,Payout ID,Payout Date,Reference\n';

async function importPayments(ws: string, rows: string): Promise<void> {
  const result = await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'payments.csv', HEADER + rows)]);
  if (result.code !== 0) throw new Error(`import exited ${result.code}: ${result.stderr}${result.stdout}`);
}

async function json(ws: string, args: string[]): Promise<Record<string, unknown>> {
  const result = await cli(['--workspace', ws, '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('writeback corrections', () => {
  it('reports a correction once even when the payment was written back gross and later runs are net', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'G-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,,,\n');
    const first = await json(ws, ['export', 'writeback', '--amount', 'gross']);
    expect([first.batch, first.rows]).toEqual([1, 1]);
    expect(fs.readFileSync((first.files as string[])[0], 'utf8').split('\r\n')[1]).toBe('P1,Tamsin Orrery,03/02/2026,100.00,Credit Card,,Payment G-1');

    // The processor's export now says 120.00 gross, 3.60 fee, 116.40 net: written 100.00 gross, now 120.00 gross.
    await importPayments(ws, 'G-1,P1,Tamsin Orrery,03/02/2026,Card,120.00,3.60,116.40,,,\n');
    const second = await json(ws, ['export', 'writeback']);
    expect([second.batch, second.rows]).toEqual([2, 0]);
    expect(second.corrections).toEqual([{ payment_id: 'G-1', batch: 1, field: 'amount', written: '100.00', now: '120.00' }]);

    const third = await json(ws, ['export', 'writeback']);
    expect([third.batch, third.rows, third.corrections]).toEqual([null, 0, []]);
    const batches = await json(ws, ['export', 'batches']);
    expect((batches.rows as unknown[]).length).toBe(2);
  });
});

describe('--reissue --dry-run', () => {
  it('names the files a reissue would write and writes none, for writeback and QuickBooks', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'R-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,po_R1,03/04/2026,\n');
    expect((await cli(['--workspace', ws, 'export', 'writeback'])).code).toBe(0);
    expect((await cli(['--workspace', ws, '--format', 'iif', 'export', 'quickbooks'])).code).toBe(0);
    const writeback = path.join(ws, 'reports', 'writeback', 'writeback-1-generic.csv');
    const iif = path.join(ws, 'reports', 'quickbooks', 'quickbooks-2-iif.iif');
    fs.rmSync(writeback);
    fs.rmSync(iif);

    const dryWriteback = await cli(['--workspace', ws, 'export', 'writeback', '--reissue', '1', '--dry-run']);
    expect([dryWriteback.code, dryWriteback.stdout, dryWriteback.stderr]).toEqual([0, `dry run: would write batch 1 again, unchanged:\n  ${writeback}\n`, '']);
    const dryIif = await cli(['--workspace', ws, 'export', 'quickbooks', '--reissue', '2', '--dry-run']);
    expect([dryIif.code, dryIif.stdout]).toEqual([0, `dry run: would write batch 2 again, unchanged:\n  ${iif}\n`]);
    expect(fs.existsSync(writeback)).toBe(false);
    expect(fs.existsSync(iif)).toBe(false);

    expect((await cli(['--workspace', ws, 'export', 'writeback', '--reissue', '1'])).code).toBe(0);
    expect(fs.existsSync(writeback)).toBe(true);
  });
});
