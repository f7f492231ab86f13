// SPEC §10: a record missing from a later full export is reported, not removed. Balance lists and outstanding-claims
// exports (mappings with `full_export`) are compared with what earlier exports of the same mapping listed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, dumpStore, FIXTURES, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const HEADER = 'Account ID,Patient Name,Patient Portion,Insurance Portion,Total Balance,0-30,31-60,61-90,90+';
const ROWS: Record<string, string> = {
  A1001: 'A1001,"Doe, Jan",100.00,50.00,150.00,150.00,0,0,0',
  A1002: 'A1002,"Roe, Kit",600.00,0,600.00,0,0,0,600.00',
  A1003: 'A1003,"Poe, Lee",20.00,0,20.00,20.00,0,0,0',
};

/** A balance list of the given accounts; `extra` lines go after them (a changed row, a bad one). */
function balances(dir: string, name: string, accounts: string[], extra: string[] = []): string {
  return writeFile(dir, name, `${[HEADER, ...accounts.map((a) => ROWS[a]), ...extra].join('\n')}\n`);
}

async function importJson(ws: string, file: string, ...args: string[]) {
  const result = await cli(['--workspace', ws, '--format', 'json', 'import', file, ...args]);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

async function balanceRows(ws: string) {
  const report = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-12-01', '--format', 'json', 'report', 'balances'])).stdout);
  return { report, flagged: report.rows.filter((r: { missing_from_export: boolean }) => r.missing_from_export).map((r: { account_id: string }) => r.account_id) };
}

describe('a record missing from a later full export', () => {
  it('is reported by the import, flagged in the balances report and alerts, and never removed', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const db = path.join(ws, 'practice-sync.db');
    const first = await importJson(ws, balances(dir, 'week1.csv', ['A1001', 'A1002', 'A1003']));
    expect(first.report.missing).toEqual({ listed: 3, earlier: 0, disjoint: false, count: 0, new: 0, back: 0, keys: [] });

    // Week 2: Kit Roe (A1002) paid off and dropped out of the A/R list; A1003 owes 5.00 more.
    const week2 = balances(dir, 'week2.csv', ['A1001'], ['A1003,"Poe, Lee",25.00,0,25.00,25.00,0,0,0']);
    const shown = await cli(['--workspace', ws, 'import', week2]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('full export: 1 record earlier exports of generic/balances listed is missing from this one (1 for the first time): A1002; kept as last imported, not removed');
    expect(query(db, "SELECT patient_portion FROM balances WHERE account_id = 'A1002'")).toEqual([{ patient_portion: 60000 }]);

    const { report, flagged } = await balanceRows(ws);
    expect(flagged).toEqual(['A1002']);
    // Still counted as last exported: 100.00 + 600.00 + 25.00.
    expect(report.totals).toMatchObject({ patient_portion: 725, missing_from_export: 1 });
    expect(report.notes).toEqual(['1 balance is missing from the latest full export that listed it before: kept and shown as last exported (nothing is removed); the PMS may show it paid off']);
    const alerts = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-12-01', '--format', 'json', 'report', 'alerts'])).stdout);
    expect(alerts.rows.find((a: { id: string }) => a.id === 'balance_high:A1002').message)
      .toBe('Patient owes $600.00, $600.00 of the balance over 90 days old (alert above $500.00); missing from the latest full balance export: check it in the PMS');

    // Week 3 still lacks it: reported again, not newly, and nothing about it is written.
    const changesBefore = query(db, "SELECT count(*) AS n FROM run_changes WHERE table_name = 'export_presence' AND before IS NOT NULL");
    const week3 = await importJson(ws, balances(dir, 'week3.csv', ['A1001'], ['A1003,"Poe, Lee",30.00,0,30.00,30.00,0,0,0']));
    expect(week3.report.missing).toEqual({ listed: 2, earlier: 3, disjoint: false, count: 1, new: 0, back: 0, keys: ['A1002'] });
    expect(query(db, "SELECT count(*) AS n FROM run_changes WHERE table_name = 'export_presence' AND before IS NOT NULL")).toEqual(changesBefore);

    // Week 4 lists it again: back, and no longer flagged; undoing week 4 flags it again.
    const week4 = await importJson(ws, balances(dir, 'week4.csv', ['A1001', 'A1002'], ['A1003,"Poe, Lee",35.00,0,35.00,35.00,0,0,0']));
    expect(week4.report.missing).toEqual({ listed: 3, earlier: 3, disjoint: false, count: 0, new: 0, back: 1, keys: [] });
    expect((await balanceRows(ws)).flagged).toEqual([]);
    expect((await cli(['--workspace', ws, 'undo', String(week4.report.run)])).code).toBe(0);
    expect((await balanceRows(ws)).flagged).toEqual(['A1002']);
  });

  it('is judged by a dry run without writing, and not judged when rows were rejected or none were listed', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const db = path.join(ws, 'practice-sync.db');
    await importJson(ws, balances(dir, 'week1.csv', ['A1001', 'A1002', 'A1003']));
    const before = dumpStore(db);

    const dry = await importJson(ws, balances(dir, 'week2.csv', ['A1001', 'A1003']), '--dry-run');
    expect(dry.report.missing).toEqual({ listed: 2, earlier: 3, disjoint: false, count: 1, new: 1, back: 0, keys: ['A1002'] });
    expect(dumpStore(db)).toBe(before);

    // A1003's row is rejected: it would read as missing, so nothing is judged, and the warning says why.
    const partial = await importJson(ws, balances(dir, 'week2b.csv', ['A1001'], ['A1003,"Poe, Lee",12.5O,0,12.50,12.50,0,0,0']), '--allow-partial');
    expect(partial.code).toBe(3);
    expect(partial.report.missing).toBeNull();
    expect(partial.report.warnings).toContain('not compared with earlier exports of generic/balances: with rows rejected, a record could look missing only because its row was');
    const shown = await cli(['--workspace', ws, 'runs', 'show', String(partial.report.run)]);
    expect(shown.stdout).toContain('  warning: not compared with earlier exports of generic/balances: with rows rejected, a record could look missing only because its row was\n');

    // A list of nothing but its totals row (a date filter gone wrong) is refused as an empty export, and calls nothing missing.
    const totalsOnly = await cli(['--workspace', ws, 'import', writeFile(dir, 'totals.csv', `${HEADER}\nTotal,,720.00,50.00,770.00,170.00,0,0,600.00\n`)]);
    expect([totalsOnly.code, totalsOnly.stderr]).toEqual([3, 'practice-sync: totals.csv has a header but no data rows (only 1 summary row the mapping skips, such as a totals line): nothing to import (was the export\'s date range empty?)\n']);
    expect(query(db, 'SELECT row_id, missing_since_run FROM export_presence ORDER BY row_id')).toEqual([
      { row_id: 1, missing_since_run: null }, { row_id: 2, missing_since_run: null }, { row_id: 3, missing_since_run: null },
    ]);
  });

  it('an earlier import cannot be undone past a later export that judged its records', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const first = await importJson(ws, balances(dir, 'week1.csv', ['A1001', 'A1002']));
    const second = await importJson(ws, balances(dir, 'week2.csv', ['A1001']));
    const refused = await cli(['--workspace', ws, 'undo', String(first.report.run)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`run ${second.report.run} changed records that run ${first.report.run} touched; undo run ${second.report.run} first`);
  });

  it('claims missing from an outstanding-claims export: counted, keys not shown (they hold names), noted by the reports', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const source = fs.readFileSync(path.join(FIXTURES, 'opendental/outstanding-claims.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
    const first = await importJson(ws, writeFile(dir, 'outstanding-1.txt', `${source.join('\r\n')}\r\n`));
    expect(first.report.created).toBe(8);
    // The next week the Castillo and Hollis claims are gone (paid): lines 5 and 8 of the export.
    const later = source.filter((_, i) => i !== 4 && i !== 7);
    const result = await cli(['--workspace', ws, 'import', writeFile(dir, 'outstanding-2.txt', `${later.join('\r\n')}\r\n`)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('full export: 2 records earlier exports of opendental/outstanding-claims listed are missing from this one (2 for the first time): keys not shown, as they may name patients');
    expect(result.stdout).not.toContain('Castillo');
    const note = '2 claims are missing from the latest full export that listed them before: kept and shown with the status last imported (nothing is removed); the payer may have paid or closed them';
    for (const name of ['claims', 'aging', 'alerts']) {
      const report = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-11-02', '--format', 'json', 'report', name])).stdout);
      expect(report.notes, name).toContain(note);
    }
    const claims = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-11-02', '--format', 'json', 'report', 'claims'])).stdout);
    expect(claims.rows).toHaveLength(8);
    // Their claim_unpaid alerts say where to look: sent 07/23 and 07/01, 102 and 124 days before 11/02 (both high: sorted by id).
    const alerts = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-11-02', '--format', 'json', 'report', 'alerts'])).stdout);
    const gone = alerts.rows.filter((a: { message: string }) => a.message.endsWith('; missing from the latest outstanding-claims export: check whether it was paid'));
    expect(gone.map((a: { type: string; patient: string; message: string }) => [a.type, a.patient, a.message.split(' (')[0]])).toEqual([
      ['claim_unpaid', 'Ramón Castillo', 'No payment from MetLife Dental 102 days since it was submitted on 07/23/2026'],
      ['claim_unpaid', 'Dana Hollis', 'No payment from Aetna Dental 124 days since it was submitted on 07/01/2026'],
    ]);
  });

  it('the unattended run says so in the summary it mails', async () => {
    const ws = tempWorkspace();
    await importJson(ws, balances(tempDir(), 'week1.csv', ['A1001', 'A1002', 'A1003']));
    balances(path.join(ws, 'inbox'), 'aging.csv', ['A1001', 'A1003']);
    const result = await cli(['--workspace', ws, '--as-of', '2026-11-23', 'run'], { now: new Date('2026-11-23T09:00:00Z') });
    expect(result.code, result.stderr).toBe(0);
    const summary = fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.txt'), 'utf8');
    expect(summary).toContain('imported aging.csv (generic/balances, run 2): 0 created, 0 updated, 2 unchanged\n' +
      '  full export: 1 record earlier exports of generic/balances listed is missing from this one (1 for the first time): A1002; kept as last imported, not removed\n');
  });

  it("another location's list, sharing no record with the earlier ones, is neither compared nor remembered", async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    await importJson(ws, balances(dir, 'north.csv', ['A1001', 'A1002']));
    const south = await importJson(ws, writeFile(dir, 'south.csv', `${HEADER}\nB2001,"Fox, Ada",40.00,0,40.00,40.00,0,0,0\n`));
    expect(south.report.missing).toEqual({ listed: 1, earlier: 2, disjoint: true, count: 0, new: 0, back: 0, keys: [] });
    // North's next list is compared with north's alone: South's account is not called missing.
    const north = await importJson(ws, balances(dir, 'north-2.csv', ['A1001']));
    expect(north.report.missing).toEqual({ listed: 1, earlier: 2, disjoint: false, count: 1, new: 1, back: 0, keys: ['A1002'] });
    expect((await balanceRows(ws)).flagged).toEqual(['A1002']);
  });

  it('mapping list says which mappings read full exports', async () => {
    const ws = tempWorkspace();
    const listed = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'mapping', 'list'])).stdout) as { name: string; full_export: boolean }[];
    const full = listed.filter((m) => m.full_export).map((m) => m.name);
    expect(full).toContain('generic/balances');
    expect(full).toContain('opendental/outstanding-claims');
    expect(full).not.toContain('generic/claims');
    expect(full).not.toContain('simplepractice/client-details');
    const table = (await cli(['--workspace', ws, 'mapping', 'list'])).stdout;
    expect(table).toMatch(/^generic\/balances +balances +\[full export\] Generic balance list/m);
  });

  it('a mapping that is not a full export judges nothing', async () => {
    const ws = tempWorkspace();
    const first = await importJson(ws, path.join(FIXTURES, 'generic/claims.csv'));
    expect(first.report.missing).toBeNull();
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT count(*) AS n FROM export_presence')).toEqual([{ n: 0 }]);
  });
});
