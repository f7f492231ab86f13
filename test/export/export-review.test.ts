// Export cases found by trying the CLI as a bookkeeper would; expected values worked out by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

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

  it('refuses an option that would change the batch (exit 2) instead of ignoring it; the batch\'s own format may be named', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'R-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,po_R1,03/04/2026,\n');
    expect((await cli(['--workspace', ws, 'export', 'writeback'])).code).toBe(0);
    expect((await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks'])).code).toBe(0);
    const refused = async (args: string[], message: string) => {
      const result = await cli(['--workspace', ws, ...args]);
      expect([result.code, result.stdout, result.stderr]).toEqual([2, '', `practice-sync: ${message}\n`]);
    };
    await refused(['export', 'writeback', '--reissue', '1', '--profile', 'opendental', '--amount', 'gross'],
      '--reissue writes batch 1 (generic) again as it was issued; --profile opendental, --amount gross cannot change it. To export its items differently, void it (export void 1), then export again');
    await refused(['--format', 'iif', 'export', 'quickbooks', '--reissue', '2', '--from', '2026-05-01'],
      '--reissue writes batch 2 (qbo-journal) again as it was issued; --format iif, --from 2026-05-01 cannot change it. To export its items differently, void it (export void 2), then export again');
    expect(fs.readdirSync(path.join(ws, 'reports', 'quickbooks'))).toEqual(['quickbooks-2-qbo-journal.csv']);
    const same = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks', '--reissue', '2']);
    expect([same.code, same.stderr]).toEqual([0, '']);
    const sameProfile = await cli(['--workspace', ws, 'export', 'writeback', '--reissue', '1', '--profile', 'generic']);
    expect([sameProfile.code, sameProfile.stderr]).toEqual([0, '']);
  });
});

describe('export quickbooks --from/--to', () => {
  it('takes both ends inclusive, and refuses an impossible date or a window ending before it starts (exit 2)', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, [
      'W-1,P1,Tamsin Orrery,02/27/2026,Card,50.00,1.75,48.25,po_W1,02/28/2026,',
      'W-2,P1,Tamsin Orrery,03/01/2026,Card,80.00,2.62,77.38,po_W2,03/02/2026,',
      'W-3,P1,Tamsin Orrery,03/30/2026,Card,20.00,0.88,19.12,po_W3,03/31/2026,',
      '',
    ].join('\n'));
    for (const [flag, value] of [['--from', '2026-02-30'], ['--to', '2026-13-01'], ['--from', '2026-3-1']]) {
      const bad = await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks', flag, value]);
      expect([bad.code, bad.stdout, bad.stderr]).toEqual([2, '', `practice-sync: ${flag} takes a real date as YYYY-MM-DD, got "${value}"\n`]);
    }
    const backwards = await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks', '--from', '2026-03-31', '--to', '2026-03-01']);
    expect([backwards.code, backwards.stderr]).toEqual([2, 'practice-sync: --from 2026-03-31 is after --to 2026-03-01: no payout can fall between them\n']);
    expect((await json(ws, ['export', 'batches'])).rows).toEqual([]);

    // po_W1 (February 28) falls before the window; po_W2 (March 2) and po_W3 (March 31) sit on its ends, both included.
    const march = await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks', '--from', '2026-03-02', '--to', '2026-03-31']);
    expect(march.code).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'reports', 'quickbooks', 'quickbooks-1-qbo-bank.csv'), 'utf8'))
      .toBe('Date,Description,Amount\r\n03/02/2026,unknown processor payout po_W2,77.38\r\n03/31/2026,unknown processor payout po_W3,19.12\r\n');
  });
});

describe('export quickbooks: payments in no payout', () => {
  it('says how many payments without a payout ID were left out, instead of only "0 payouts"', async () => {
    const ws = tempWorkspace();
    // SimplePractice's card transactions carry no payout ID: every payment is in no payout.
    const card = 'Client name,Transaction ID,Transaction Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC)\n' +
      'Tamsin Orrery,ch_N1,charge,Manual entry,30.00,1.17,28.83,usd,09/08/2026 14:05,09/10/2026 00:00\n' +
      'Odo Vantrell,ch_N2,payment,Client portal,20.00,0.88,19.12,usd,09/09/2026 23:41,09/11/2026 00:00\n';
    expect((await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'card_transactions.csv', card)])).code).toBe(0);
    const none = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks']);
    expect([none.code, none.stdout]).toEqual([0, 'nothing new to export: 0 payouts as qbo-journal\n  left out: 2 payments with no payout ID, in no payout (cash, checks, or not paid out yet)\n']);

    await importPayments(ws, 'N-3,P1,Tamsin Orrery,09/12/2026,Cash,40.00,,,,,\nN-4,P1,Tamsin Orrery,09/12/2026,Card,10.00,0.59,9.41,po_N4,09/14/2026,\n');
    const one = await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks', '--dry-run']);
    expect(one.stdout).toBe('dry run: would export 1 payout as qbo-bank\n  left out: 3 payments with no payout ID, in no payout (cash, checks, or not paid out yet)\n');
  });
});

describe('writeback corrections: amounts that no longer add up', () => {
  it('names the inconsistency instead of an empty "now"', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'C-1,P1,Tamsin Orrery,03/02/2026,Card,-20.00,-0.60,-19.40,,,\n');
    expect((await json(ws, ['export', 'writeback'])).rows).toBe(1);
    // The refund's fee becomes -0.50 but its net stays -19.40: -20.00 − (-0.50) = -19.50.
    await importPayments(ws, 'C-1,P1,Tamsin Orrery,03/02/2026,Card,-20.00,-0.50,-19.40,,,\n');
    const second = await cli(['--workspace', ws, 'export', 'writeback']);
    expect(second.stdout).toContain('  correction needed: payment C-1 (written in batch 1): amount was -19.40, now none: net -19.40 is not gross -20.00 − fee -0.50 (= -19.50)\n');
  });
});

describe('restore keeps the export ledger', () => {
  it('a batch issued after the backup is not written again, and its number is not reused', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'K-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,po_K1,03/04/2026,\nK-2,P2,Odo Vantrell,03/03/2026,Card,50.00,1.75,48.25,po_K1,03/04/2026,\n');
    const backup = path.join(tempDir(), 'before-export.db');
    expect((await cli(['--workspace', ws, 'backup', '--out', backup])).code).toBe(0);
    const first = await json(ws, ['export', 'writeback']);
    expect([first.batch, first.rows]).toEqual([1, 2]);
    const sent = fs.readFileSync((first.files as string[])[0], 'utf8');
    expect((await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks'])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'export', 'void', '2'])).code).toBe(0);

    const restored = await cli(['--workspace', ws, 'restore', backup]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('  kept export batches 1, 2, issued after this backup: their payments and payouts are not exported again\n');

    const again = await json(ws, ['export', 'writeback']);
    expect([again.batch, again.rows]).toEqual([null, 0]);
    expect(fs.readFileSync((first.files as string[])[0], 'utf8')).toBe(sent);
    // Batch 2 was voided before the restore: its payout po_K1 (gross 150.00, fees 4.75, net 145.25) goes out as batch 3.
    const batches = await json(ws, ['export', 'batches']);
    expect((batches.rows as { id: number; status: string }[]).map((b) => [b.id, b.status])).toEqual([[1, 'issued'], [2, 'void']]);
    expect((await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks'])).code).toBe(0);
    expect(fs.readFileSync(path.join(ws, 'reports', 'quickbooks', 'quickbooks-3-qbo-bank.csv'), 'utf8'))
      .toBe('Date,Description,Amount\r\n03/04/2026,unknown processor payout po_K1,145.25\r\n');
  });

  it('a void made after the backup of a batch the backup holds stays void', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'V-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,,,\n');
    expect((await json(ws, ['export', 'writeback'])).batch).toBe(1);
    const backup = path.join(tempDir(), 'after-export.db');
    expect((await cli(['--workspace', ws, 'backup', '--out', backup])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'writeback', 'void', '1'])).code).toBe(0);
    const restored = await cli(['--workspace', ws, 'restore', backup]);
    expect(restored.stdout).not.toContain('kept export');
    const again = await json(ws, ['export', 'writeback']);
    expect([again.batch, again.rows, again.payment_ids]).toEqual([2, 1, ['V-1']]);
  });
});

describe('export quickbooks: payouts with nothing to write', () => {
  it('are named, not recorded, and make no batch of headers only; a net-zero payout with fees still goes out as a journal', async () => {
    const ws = tempWorkspace();
    // po_Z1: a 2.00 charge whose 2.00 fee takes all of it (net 0.00). po_Z2: a 5.00 charge refunded in full (all 0.00).
    await importPayments(ws, [
      'Z-1,P1,Tamsin Orrery,06/01/2026,Card,2.00,2.00,0.00,po_Z1,06/02/2026,',
      'Z-2,P1,Tamsin Orrery,06/01/2026,Card,5.00,0.00,5.00,po_Z2,06/02/2026,',
      'Z-3,P1,Tamsin Orrery,06/01/2026,Card,-5.00,0.00,-5.00,po_Z2,06/02/2026,',
      '',
    ].join('\n'));
    const bank = await cli(['--workspace', ws, '--format', 'qbo-bank', 'export', 'quickbooks']);
    expect([bank.code, bank.stdout]).toEqual([0, 'nothing new to export: 0 payouts as qbo-bank\n' +
      '  left out: payout po_Z1: nothing to write as qbo-bank (its net deposit is 0.00)\n' +
      '  left out: payout po_Z2: nothing to write as qbo-bank (its net deposit is 0.00)\n']);
    expect(fs.existsSync(path.join(ws, 'reports', 'quickbooks'))).toBe(false);
    expect((await json(ws, ['export', 'batches'])).rows).toEqual([]);

    const journal = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks']);
    expect([journal.code, journal.stdout]).toEqual([0, 'batch 1: exported 1 payout as qbo-journal\n' +
      `  ${path.join(ws, 'reports', 'quickbooks', 'quickbooks-1-qbo-journal.csv')}\n` +
      '  left out: payout po_Z2: nothing to write as qbo-journal (its gross, fees and net are all 0.00)\n']);
    expect(fs.readFileSync(path.join(ws, 'reports', 'quickbooks', 'quickbooks-1-qbo-journal.csv'), 'utf8')).toBe(
      'JournalNo,JournalDate,AccountName,Debits,Credits,Description,Name\r\n' +
      'PS-po_Z1,06/02/2026,Merchant Fees,2.00,,unknown processor payout po_Z1 processor fees,\r\n' +
      'PS-po_Z1,06/02/2026,Services,,2.00,unknown processor payout po_Z1 card_terminal payments,\r\n');
    const batches = (await json(ws, ['export', 'batches'])).rows as { id: number; rows: number }[];
    expect(batches.map((b) => [b.id, b.rows])).toEqual([[1, 1]]);
  });
});

describe('batch numbers', () => {
  it('are digits only: 1e1, 0x0a, " 1", +1 and 1.0 are refused (exit 2) and void nothing', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'D-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,,,\n');
    for (let i = 0; i < 10; i++) {
      await importPayments(ws, `D-${i + 2},P1,Tamsin Orrery,03/02/2026,Card,1.00,,,,,\n`);
      expect((await cli(['--workspace', ws, 'export', 'writeback'])).code).toBe(0);
    }
    for (const text of ['1e1', '0x0a', ' 1', '+1', '1.0']) {
      for (const args of [['export', 'void', text], ['writeback', 'void', text], ['export', 'writeback', '--reissue', text]]) {
        const result = await cli(['--workspace', ws, ...args]);
        expect([result.code, result.stderr]).toEqual([2, `practice-sync: a batch is a number like 3, got "${text}"\n`]);
      }
    }
    const batches = (await json(ws, ['export', 'batches'])).rows as { id: number; status: string }[];
    expect(batches.map((b) => b.status)).toEqual(Array(10).fill('issued'));
    expect((await cli(['--workspace', ws, 'export', 'void', '10'])).code).toBe(0);
  });
});

describe('writeback corrections after a correction', () => {
  it('a change undone after its correction was reported is reported back, against what the PMS was told', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'U-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,,,\n');
    expect((await json(ws, ['export', 'writeback'])).batch).toBe(1);
    // A mistyped file (a zero too many) is imported: written 97.00 net, now 970.00.
    await importPayments(ws, 'U-1,P1,Tamsin Orrery,03/02/2026,Card,1000.00,30.00,970.00,,,\n');
    const second = await json(ws, ['export', 'writeback']);
    expect([second.batch, second.corrections]).toEqual([2, [{ payment_id: 'U-1', batch: 1, field: 'amount', written: '97.00', now: '970.00' }]]);

    // Undone (runs 1 and 2 are the imports): the store says 97.00 again, while the PMS was told 970.00 by batch 2.
    expect((await cli(['--workspace', ws, 'undo', '2'])).code).toBe(0);
    const third = await cli(['--workspace', ws, 'export', 'writeback']);
    expect(third.stdout).toContain('  correction needed: payment U-1 (written in batch 1, corrected per batch 2): amount was 970.00, now 97.00\n');
    const notes = fs.readFileSync(path.join(ws, 'reports', 'writeback', 'writeback-3-corrections.csv'), 'utf8');
    expect(notes).toBe('payment_id,written_in_batch,field,written,now,action\r\n' +
      'U-1,1,amount,970.00,97.00,correct the posted payment in the PMS by hand (as corrected per batch 2); it is not written back again\r\n');
    const fourth = await json(ws, ['export', 'writeback']);
    expect([fourth.batch, fourth.corrections]).toEqual([null, []]);

    // Batch 1 voided: U-1 is written again at 97.00 (batch 4); the corrections before it no longer count.
    expect((await cli(['--workspace', ws, 'writeback', 'void', '1'])).code).toBe(0);
    const fifth = await json(ws, ['export', 'writeback']);
    expect([fifth.batch, fifth.payment_ids, fifth.corrections]).toEqual([4, ['U-1'], []]);
    const sixth = await json(ws, ['export', 'writeback']);
    expect([sixth.batch, sixth.corrections]).toEqual([null, []]);
  });
});

describe('undo of an import whose payments were written back', () => {
  it('names each payout QuickBooks already holds with payments the undo removed', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'QX-1,P1,Tamsin Orrery,02/10/2026,Card,50.00,1.50,48.50,po_7,02/12/2026,\nQX-2,P1,Tamsin Orrery,02/11/2026,Card,20.00,0.60,19.40,po_7,02/12/2026,\n' +
      'QX-3,P1,Tamsin Orrery,02/11/2026,Card,30.00,0.90,29.10,po_8,02/13/2026,\n');
    expect((await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks'])).code).toBe(0);
    const undone = await cli(['--workspace', ws, 'undo', '1']);
    expect([undone.code, undone.stdout]).toEqual([0, 'undid run 1 as run 2: 4 records removed, 0 restored\n' +
      '  payout po_7 went to QuickBooks in batch 1 with payments this undo removed: correct its deposit there by hand\n' +
      '  payout po_8 went to QuickBooks in batch 1 with payments this undo removed: correct its deposit there by hand\n']);

    // A payment added to an exported payout later, then undone: QuickBooks never had it, so there is nothing to say.
    await importPayments(ws, 'QX-4,P1,Tamsin Orrery,02/10/2026,Card,50.00,1.50,48.50,po_9,02/12/2026,\n');
    expect((await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks'])).code).toBe(0);
    await importPayments(ws, 'QX-5,P1,Tamsin Orrery,02/11/2026,Card,10.00,0.30,9.70,po_9,02/12/2026,\n');
    const later = await cli(['--workspace', ws, 'undo', '4']);
    expect([later.code, later.stdout]).toEqual([0, 'undid run 4 as run 5: 1 record removed, 0 restored\n']);
  });

  it('says which payments the PMS still holds, by batch; a voided batch\'s are not named', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'UX-1,P1,Tamsin Orrery,02/10/2026,Card,50.00,1.50,48.50,po_9,02/12/2026,\nUX-2,P1,Tamsin Orrery,02/11/2026,Card,20.00,0.60,19.40,po_9,02/12/2026,\n');
    expect((await json(ws, ['export', 'writeback'])).batch).toBe(1);
    const undone = await cli(['--workspace', ws, 'undo', '1']);
    // Three records: the two payments and the patient the import created for them.
    expect([undone.code, undone.stdout]).toEqual([0, 'undid run 1 as run 2: 3 records removed, 0 restored\n' +
      '  payment UX-1 was written back in batch 1: the PMS still holds it; reverse it there by hand\n' +
      '  payment UX-2 was written back in batch 1: the PMS still holds it; reverse it there by hand\n']);

    // Imported again and written again after the batch was voided: nothing reached the PMS, nothing to reverse.
    await importPayments(ws, 'UX-3,P1,Tamsin Orrery,02/12/2026,Card,10.00,0.30,9.70,po_9,02/12/2026,\n');
    expect((await json(ws, ['export', 'writeback'])).batch).toBe(2);
    expect((await cli(['--workspace', ws, 'writeback', 'void', '2'])).code).toBe(0);
    const again = await cli(['--workspace', ws, 'undo', '3']);
    expect([again.code, again.stdout]).toEqual([0, 'undid run 3 as run 4: 2 records removed, 0 restored\n']);
  });
});

describe('an unknown writeback profile', () => {
  it('named by the config says so, naming the key; named by --profile it does not', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'PF-1,P1,Tamsin Orrery,02/10/2026,Card,50.00,1.50,48.50,po_9,02/12/2026,\n');
    const configFile = path.join(ws, 'practice-sync.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { writeback: Record<string, unknown> };
    config.writeback.profile = 'nosuch';
    fs.writeFileSync(configFile, JSON.stringify(config));
    const dirs = `${path.join(ws, 'mappings', 'writeback')}, ${path.join(REPO, 'mappings', 'writeback')}`;
    const byConfig = await cli(['--workspace', ws, 'export', 'writeback', '--dry-run']);
    expect([byConfig.code, byConfig.stderr]).toEqual([2, `practice-sync: no writeback profile "nosuch" (writeback.profile in practice-sync.json) in ${dirs}\n`]);
    const byFlag = await cli(['--workspace', ws, 'export', 'writeback', '--dry-run', '--profile', 'other']);
    expect([byFlag.code, byFlag.stderr]).toEqual([2, `practice-sync: no writeback profile "other" in ${dirs}\n`]);
  });
});

describe('writeback corrections of a refund', () => {
  it('show its amounts as numbers, -19.40, not as text guarded against formulas', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'F-1,P1,Tamsin Orrery,03/02/2026,Card,-19.40,,-19.40,,,\n');
    expect((await json(ws, ['export', 'writeback'])).batch).toBe(1);
    await importPayments(ws, 'F-1,P1,Tamsin Orrery,03/02/2026,Card,-21.40,,-21.40,,,\n');
    const second = await json(ws, ['export', 'writeback']);
    expect(second.corrections).toEqual([{ payment_id: 'F-1', batch: 1, field: 'amount', written: '-19.40', now: '-21.40' }]);
    const notes = fs.readFileSync(path.join(ws, 'reports', 'writeback', 'writeback-2-corrections.csv'), 'utf8');
    expect(notes).toBe('payment_id,written_in_batch,field,written,now,action\r\n' +
      'F-1,1,amount,-19.40,-21.40,correct the posted payment in the PMS by hand; it is not written back again\r\n');
  });
});

describe('qbo-journal: payout IDs alike in their last 18 characters', () => {
  it('no longer stops every journal export touching their day; each gets its own JournalNo', async () => {
    const ws = tempWorkspace();
    // Two locations' deposits on one day: both IDs end in "IT-2026-03-04-0001", so --from/--to cannot part them.
    await importPayments(ws, 'J-1,P1,Tamsin Orrery,03/02/2026,Card,10.00,0.59,9.41,NORTHSIDE-DEPOSIT-2026-03-04-0001,03/04/2026,\n' +
      'J-2,P1,Tamsin Orrery,03/02/2026,Card,20.00,0.88,19.12,SOUTHSIDE-DEPOSIT-2026-03-04-0001,03/04/2026,\n');
    const result = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks', '--from', '2026-03-04', '--to', '2026-03-04']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    // printf %s NORTHSIDE-DEPOSIT-2026-03-04-0001 | sha256sum → f83b3f…; SOUTHSIDE-… → 2e82c8…
    expect(fs.readFileSync(path.join(ws, 'reports', 'quickbooks', 'quickbooks-1-qbo-journal.csv'), 'utf8')).toBe(
      'JournalNo,JournalDate,AccountName,Debits,Credits,Description,Name\r\n' +
      'PS--03-04-0001-f83b3f,03/04/2026,Checking,9.41,,unknown processor payout NORTHSIDE-DEPOSIT-2026-03-04-0001 deposit,\r\n' +
      'PS--03-04-0001-f83b3f,03/04/2026,Merchant Fees,0.59,,unknown processor payout NORTHSIDE-DEPOSIT-2026-03-04-0001 processor fees,\r\n' +
      'PS--03-04-0001-f83b3f,03/04/2026,Services,,10.00,unknown processor payout NORTHSIDE-DEPOSIT-2026-03-04-0001 card_terminal payments,\r\n' +
      'PS--03-04-0001-2e82c8,03/04/2026,Checking,19.12,,unknown processor payout SOUTHSIDE-DEPOSIT-2026-03-04-0001 deposit,\r\n' +
      'PS--03-04-0001-2e82c8,03/04/2026,Merchant Fees,0.88,,unknown processor payout SOUTHSIDE-DEPOSIT-2026-03-04-0001 processor fees,\r\n' +
      'PS--03-04-0001-2e82c8,03/04/2026,Services,,20.00,unknown processor payout SOUTHSIDE-DEPOSIT-2026-03-04-0001 card_terminal payments,\r\n');
  });
});

describe('--out inside a file', () => {
  it('is a usage error (exit 2) naming the path, not an internal error', async () => {
    const ws = tempWorkspace();
    await importPayments(ws, 'O-1,P1,Tamsin Orrery,03/02/2026,Card,100.00,3.00,97.00,po_O1,03/04/2026,\n');
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n');
    const writeback = await cli(['--workspace', ws, 'export', 'writeback', '--out', 'notes.txt/pms'], { cwd });
    expect([writeback.code, writeback.stdout, writeback.stderr]).toEqual([2, '',
      'practice-sync: --out names a folder for export writeback: a batch is one or more files named by its number (writeback-3-generic.csv); "notes.txt/pms" is inside a file, not a folder\n']);
    const batches = await cli(['--workspace', ws, '--format', 'csv', 'export', 'batches', '--out', 'notes.txt/batches.csv'], { cwd });
    const inside = path.join(cwd, 'notes.txt');
    expect([batches.code, batches.stderr]).toEqual([2, `practice-sync: cannot write ${inside}/batches.csv: the folder ${inside} does not exist\n`]);
    expect(fs.readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect((await json(ws, ['export', 'batches'])).rows).toEqual([]);
  });
});
