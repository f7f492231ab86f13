// Exactly once: over random sequences of imports, exports, reissues and voids, no payment is written back twice and
// none is lost; the same for payouts. Plus the CLI flows: reissue byte for byte, void, corrections, bad input.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuickBooks } from '../../src/export/run-quickbooks.js';
import { runWriteback } from '../../src/export/run-writeback.js';
import { getBatch, voidBatch } from '../../src/store/export-ledger.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { cli, FIXTURES, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

type Op = { kind: 'import'; count: number; payout: number } | { kind: 'export' } | { kind: 'void'; pick: number } | { kind: 'reissue'; pick: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), count: fc.integer({ min: 1, max: 4 }), payout: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ kind: 'export' as const }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reissue' as const), pick: fc.nat() }),
);

function addPayments(db: Store, state: { next: number }, count: number, payout: number): void {
  const patient = db.prepare("INSERT OR IGNORE INTO patients (id, name, name_key, patient_id) VALUES (1, 'Ann Lee', 'ann lee', 'P1')");
  patient.run();
  const insert = db.prepare('INSERT INTO payments (payment_id, patient_ref, payment_date, type, gross, fee, net, payout_id, payout_date, processor) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < count; i++) {
    state.next += 1;
    const gross = 1000 + state.next;
    insert.run(`PAY-${state.next}`, '2026-11-02', 'portal', gross, 30, gross - 30, `po_${state.next}_${payout}`, '2026-11-04', 'stripe');
  }
}

function issuedCounts(db: Store, kind: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of db.prepare("SELECT i.item_key FROM export_items i JOIN export_batches b ON b.id = i.batch_id WHERE b.kind = ? AND b.status = 'issued' AND i.item_key NOT LIKE 'correction:%'").pluck().all(kind) as string[]) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('exactly once (property)', () => {
  it('no payment or payout goes out twice and, after a final export, none is missing', () => {
    const config = defaultConfig();
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const db = openStore(':memory:', { create: true });
        const out = tempDir('ps-ledger-');
        const state = { next: 0 };
        const now = () => new Date('2026-11-23T10:00:00Z');
        const batches: number[] = [];
        const step = () => {
          const w = runWriteback({ db, config, workspaceMappings: out, outDir: out, now });
          const q = runQuickBooks({ db, config, format: 'qbo-journal', outDir: out, now });
          for (const b of [w.batch, q.batch]) if (b) batches.push(b);
        };
        for (const op of ops) {
          if (op.kind === 'import') addPayments(db, state, op.count, op.payout);
          else if (op.kind === 'export') step();
          else if (batches.length) {
            const id = batches[op.pick % batches.length];
            if (op.kind === 'void' && getBatch(db, id).status === 'issued') voidBatch(db, id, undefined, now().toISOString());
            if (op.kind === 'reissue') expect(getBatch(db, id).files.length).toBeGreaterThanOrEqual(0);
          }
          for (const kind of ['writeback', 'quickbooks']) for (const [, n] of issuedCounts(db, kind)) expect(n).toBe(1);
        }
        step();
        const payments = db.prepare('SELECT payment_id, payout_id FROM payments').all() as { payment_id: string; payout_id: string }[];
        const written = issuedCounts(db, 'writeback');
        const exported = issuedCounts(db, 'quickbooks');
        for (const p of payments) {
          expect(written.get(p.payment_id)).toBe(1);
          expect(exported.get(p.payout_id)).toBe(1);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});

describe('export through the CLI', () => {
  it('writes once, reissues byte for byte, voids, and reports a changed amount as a correction, never re-posting it', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/payments.csv')]);
    const first = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    expect(first.batch).toBe(1);
    expect(first.rows).toBeGreaterThan(0);
    const file = first.files[0];
    const original = fs.readFileSync(file, 'utf8');
    const second = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    expect([second.batch, second.rows]).toEqual([null, 0]);

    fs.rmSync(file);
    expect((await cli(['--workspace', ws, 'export', 'writeback', '--reissue', '1'])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);

    // PMT-5001 was written back at net 28.83; the processor's export now says 30.00 gross, 1.17 fee, 28.83 net → 25.00/0.98/24.02.
    const payments = fs.readFileSync(path.join(FIXTURES, 'generic/payments.csv'), 'utf8').replace('PMT-5001,P1001,Inés Muñoz,01/06/2026,Card,30.00,1.17,28.83', 'PMT-5001,P1001,Inés Muñoz,01/06/2026,Card,25.00,0.98,24.02');
    expect(payments).toContain('24.02');
    await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'payments-again.csv', payments)]);
    const third = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    expect(third.rows).toBe(0);
    expect(third.corrections).toEqual([{ payment_id: 'PMT-5001', batch: 1, field: 'amount', written: '28.83', now: '24.02' }]);
    const notes = fs.readFileSync(third.files.find((f: string) => f.endsWith('corrections.csv')), 'utf8');
    expect(notes.split('\r\n')[1]).toBe('PMT-5001,1,amount,28.83,24.02,correct the posted payment in the PMS by hand; it is not written back again');
    const fourth = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    expect([fourth.rows, fourth.corrections.length]).toEqual([0, 0]);

    expect((await cli(['--workspace', ws, 'writeback', 'void', '1'])).code).toBe(0);
    const fifth = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    expect(fifth.rows).toBe(first.rows);
  });

  it("the corrections file says a changed date and type in the words of the profile that wrote the payment; JSON keeps the stored values", async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/payments.csv')]);
    const first = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback'])).stdout);
    const posted = fs.readFileSync(first.files[0], 'utf8').split('\r\n').find((line) => line.startsWith('P1001,'));
    expect(posted).toContain(',01/06/2026,28.83,Credit Card,');

    // PMT-5001 was a card payment of 01/06/2026; the processor's export now says a portal payment of 01/07/2026.
    const payments = fs.readFileSync(path.join(FIXTURES, 'generic/payments.csv'), 'utf8').replace('PMT-5001,P1001,Inés Muñoz,01/06/2026,Card,', 'PMT-5001,P1001,Inés Muñoz,01/07/2026,Portal,');
    await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'payments-again.csv', payments)]);
    // This run uses another profile; the corrections are to what batch 1's (generic) file wrote.
    const second = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback', '--profile', 'opendental'])).stdout);
    expect(second.corrections).toEqual([
      { payment_id: 'PMT-5001', batch: 1, field: 'payment_date', written: '2026-01-06', now: '2026-01-07' },
      { payment_id: 'PMT-5001', batch: 1, field: 'type', written: 'card_terminal', now: 'portal' },
    ]);
    expect(fs.readFileSync(second.files[0], 'utf8')).toBe('payment_id,written_in_batch,field,written,now,action\r\n' +
      'PMT-5001,1,payment_date,01/06/2026,01/07/2026,correct the posted payment in the PMS by hand; it is not written back again\r\n' +
      'PMT-5001,1,type,Credit Card,Online Payment,correct the posted payment in the PMS by hand; it is not written back again\r\n');
  });

  it('--out names the folder of a batch: a file name or an existing file is refused (exit 2) and no folder named *.csv is made', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/payments.csv')]);
    const cwd = tempDir();
    fs.writeFileSync(path.join(cwd, 'notes'), 'mine\n');

    const csv = await cli(['--workspace', ws, 'export', 'writeback', '--out', 'x.csv'], { cwd });
    expect([csv.code, csv.stdout]).toEqual([2, '']);
    expect(csv.stderr).toBe('practice-sync: --out names a folder for export writeback: a batch is one or more files named by its number (writeback-3-generic.csv); "x.csv" is a file name, not a folder\n');
    const file = await cli(['--workspace', ws, 'export', 'writeback', '--out', 'notes'], { cwd });
    expect([file.code, file.stderr]).toEqual([2, 'practice-sync: --out names a folder for export writeback: a batch is one or more files named by its number (writeback-3-generic.csv); "notes" is an existing file, not a folder\n']);
    const iif = await cli(['--workspace', ws, '--format', 'iif', 'export', 'quickbooks', '--out', 'Payouts.IIF'], { cwd });
    expect([iif.code, iif.stderr]).toEqual([2, 'practice-sync: --out names a folder for export quickbooks: a batch is one or more files named by its number (quickbooks-3-qbo-journal.csv); "Payouts.IIF" is a file name, not a folder\n']);
    expect(fs.readdirSync(cwd)).toEqual(['notes']);
    expect(fs.readFileSync(path.join(cwd, 'notes'), 'utf8')).toBe('mine\n');
    expect(JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'batches'])).stdout).rows).toEqual([]);

    const written = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'writeback', '--out', 'pms-import'], { cwd })).stdout);
    expect(written.files).toEqual([path.join(cwd, 'pms-import', 'writeback-1-generic.csv')]);
    expect(fs.statSync(written.files[0]).isFile()).toBe(true);
    const reissued = await cli(['--workspace', ws, 'export', 'writeback', '--reissue', '1', '--out', 'again.csv'], { cwd });
    expect([reissued.code, reissued.stderr]).toEqual([2, 'practice-sync: --out names a folder for export writeback: a batch is one or more files named by its number (writeback-3-generic.csv); "again.csv" is a file name, not a folder\n']);
    expect(fs.existsSync(path.join(cwd, 'again.csv'))).toBe(false);

    expect((await cli(['export', 'writeback', '--help'])).stdout)
      .toContain('\nFiles go to reports/writeback/; --out DIR writes them into the folder DIR instead.\nA batch can be two files, so a file name such as --out x.csv is refused.\n');
    expect((await cli(['export', 'quickbooks', '--help'])).stdout)
      .toContain('\nFiles go to reports/quickbooks/; --out DIR writes them into the folder DIR instead.\nA batch can be several files, so a file name such as --out x.csv or x.iif is refused.\n');
  });

  it('export batches --out FILE writes the batch list to that file, as every report does', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/payments.csv')]);
    expect((await cli(['--workspace', ws, 'export', 'writeback'])).code).toBe(0);
    const cwd = tempDir();
    const result = await cli(['--workspace', ws, '--format', 'csv', 'export', 'batches', '--out', 'batches.csv'], { cwd });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'wrote batches report (1 rows) to batches.csv\n', '']);
    expect(fs.readFileSync(path.join(cwd, 'batches.csv'), 'utf8'))
      .toBe('id,kind,format,created_at,rows,status,voided_at,file_names\n1,writeback,generic,2026-11-23T09:00:00.000Z,10,issued,,writeback-1-generic.csv\n');
  });

  it('an account name IIF cannot carry unchanged stops an IIF export (exit 2, naming the key); doctor warns; qbo-journal takes it', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/payments.csv')]);
    const configFile = path.join(ws, 'practice-sync.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    config.quickbooks = { ...config.quickbooks, income_accounts: { portal: 'Honoraires café' } };
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

    const iif = await cli(['--workspace', ws, '--format', 'iif', 'export', 'quickbooks']);
    expect([iif.code, iif.stdout]).toEqual([2, '']);
    expect(iif.stderr).toBe('practice-sync: practice-sync.json: quickbooks.income_accounts.portal: account name "Honoraires café" cannot be written to IIF unchanged ' +
      '(IIF takes ASCII only, without tab, semicolon, double quote or newline); write it as QuickBooks Desktop spells it, or export --format qbo-journal\n');
    expect(fs.existsSync(path.join(ws, 'reports', 'quickbooks'))).toBe(false);
    expect(JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'batches'])).stdout).rows).toEqual([]);

    const doctor = await cli(['--workspace', ws, 'doctor']);
    expect(doctor.stdout).toContain('warn  config: practice-sync.json is valid, but quickbooks.income_accounts.portal "Honoraires café" cannot be exported with --format iif');
    expect((await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks'])).code).toBe(0);
  });

  it('a Stripe payout with a payment in another currency stops the QuickBooks export (exit 3) and writes nothing', async () => {
    const ws = tempWorkspace();
    const stripe = fs.readFileSync(path.join(FIXTURES, 'stripe/payout_reconciliation.csv'), 'utf8').replace('14:05:11,2026-03-04 00:00:00,usd', '14:05:11,2026-03-04 00:00:00,cad');
    expect((await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'payout_reconciliation.csv', stripe)])).code).toBe(0);
    const result = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('payout po_1SynthPayoutMar04xQ7: payments in several currencies (CAD, USD); one deposit cannot add them up');
    expect(fs.existsSync(path.join(ws, 'reports', 'quickbooks'))).toBe(false);
    expect(JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'batches'])).stdout).rows).toEqual([]);
  });

  it('bad payments stop the export with a clear message and write nothing', async () => {
    const ws = tempWorkspace();
    const header = 'Payment ID,Patient ID,Patient Name,Payment Date,Payment Type,Gross Amount,Fee,Net Amount,Payout ID,Payout Date,Reference\n';
    await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'bad.csv', `${header}X1,P1,Ann Lee,11/02/2026,Card,100.00,3.00,90.00,po_9,11/04/2026,\nX2,P1,Ann Lee,11/02/2026,Card,50.00,-1.00,51.00,po_9,11/04/2026,\n`)]);
    const result = await cli(['--workspace', ws, '--format', 'qbo-journal', 'export', 'quickbooks']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/X1/);
    expect(result.stderr).toMatch(/X2/);
    expect(fs.existsSync(path.join(ws, 'reports', 'quickbooks'))).toBe(false);
    const batches = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'export', 'batches'])).stdout);
    expect(batches.rows).toEqual([]);
  });
});
