// Import contract of SPEC §4: atomic per file, rejects with line/column/value/reason, --allow-partial, dry run,
// in-file duplicates, identity across exports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, dumpStore, FIXTURES, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const CLAIMS_HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason';

function claimsFile(dir: string, rows: number, mutate?: (i: number, cells: string[]) => void): string {
  const lines = [CLAIMS_HEADER];
  for (let i = 1; i <= rows; i++) {
    const cells = [`C${1000 + i}`, `Client ${i % 50} Test`, `P${i % 50}`, '10/01/2026', '10/03/2026', 'Aetna (60054)', 'Hannah Cole', '160.00', '', '', '', 'Submitted', ''];
    mutate?.(i, cells);
    lines.push(cells.join(','));
  }
  return writeFile(dir, `claims-${rows}.csv`, lines.join('\n') + '\n');
}

describe('import', () => {
  it('one bad row among 1,000: exit 3, the store byte-for-byte as before, the rejects file exact', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const before = dumpStore(path.join(ws, 'practice-sync.db'));
    const file = claimsFile(dir, 1000, (i, cells) => {
      if (i === 500) cells[7] = '"12,5O"';
    });
    const result = await cli(['--workspace', ws, 'import', file]);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('claims-1000.csv line 501, column "Billed Amount": "12,5O" is not');
    expect(dumpStore(path.join(ws, 'practice-sync.db'))).toBe(before);
    const rejects = fs.readdirSync(path.join(ws, 'rejects'));
    expect(rejects).toHaveLength(1);
    const lines = fs.readFileSync(path.join(ws, 'rejects', rejects[0]), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,column,value,reason');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^claims-1000\.csv,501,Billed Amount,"12,5O","claims-1000\.csv line 501, column ""Billed Amount"": ""12,5O"" is not an amount/);

    const partial = await cli(['--workspace', ws, '--format', 'json', 'import', '--allow-partial', file]);
    expect(partial.code).toBe(0);
    const summary = JSON.parse(partial.stdout);
    expect([summary.rows, summary.created, summary.rejected, summary.status]).toEqual([1000, 999, 1, 'partial']);
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT COUNT(*) AS n FROM claims')[0].n).toBe(999);
  });

  it('a row with two bad cells counts as one rejected row with two lines in the rejects file', async () => {
    const ws = tempWorkspace();
    const file = claimsFile(tempDir(), 3, (i, cells) => {
      if (i === 2) {
        cells[3] = '02/30/2026';
        cells[7] = '$12.345';
      }
    });
    const s = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', file])).stdout);
    expect([s.rows, s.rejected, s.status]).toEqual([3, 1, 'rejected']);
    const lines = fs.readFileSync(s.rejects_file, 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^claims-3\.csv,3,Date of Service,02\/30\/2026,"claims-3\.csv line 3, column ""Date of Service"": ""02\/30\/2026"" is not a real calendar date/);
    expect(lines[1]).toMatch(/^claims-3\.csv,3,Billed Amount,\$12\.345,/);
  });

  it('a dry run prints the same summary and writes nothing', async () => {
    const ws = tempWorkspace();
    const before = dumpStore(path.join(ws, 'practice-sync.db'));
    const dry = await cli(['--workspace', ws, '--format', 'json', 'import', '--dry-run', path.join(FIXTURES, 'generic/claims.csv')]);
    expect(dry.code).toBe(0);
    const s = JSON.parse(dry.stdout);
    expect(s.dry_run).toBe(true);
    expect(s.created).toBeGreaterThan(0);
    expect(dumpStore(path.join(ws, 'practice-sync.db'))).toBe(before);
    const real = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', path.join(FIXTURES, 'generic/claims.csv')])).stdout);
    expect(real.created).toBe(s.created);
  });

  it('re-importing the same data in another file changes nothing; a changed status is counted', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const a = claimsFile(dir, 20);
    expect((await cli(['--workspace', ws, 'import', a])).code).toBe(0);
    const b = writeFile(dir, 'copy.csv', fs.readFileSync(a, 'utf8') + '\n\n');
    const again = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', b])).stdout);
    expect([again.created, again.updated, again.unchanged]).toEqual([0, 0, 20]);
    const c = claimsFile(dir, 21, (i, cells) => {
      if (i <= 3) cells[11] = 'Denied';
      if (i === 4) cells[11] = 'Paid';
    });
    const changed = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', c])).stdout);
    expect(changed.changes).toEqual({ 'newly denied': 3, 'newly paid': 1, new: 1 });
    expect([changed.created, changed.updated, changed.unchanged]).toEqual([1, 4, 16]);
  });

  it('in one file: an identical duplicate counts once; a conflicting one is rejected naming the earlier line', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const same = claimsFile(dir, 3, (i, cells) => {
      if (i === 3) cells[0] = 'C1001';
    });
    const s = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', same])).stdout);
    expect(s.rejected).toBe(1); // row 3 repeats C1001 with another patient
    expect(fs.readFileSync(s.rejects_file, 'utf8')).toContain('duplicate of line 2');
    const ident = writeFile(dir, 'ident.csv', `${CLAIMS_HEADER}\nC9,Ann Lee,P9,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\nC9,Ann Lee,P9,10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,\n`);
    const t = JSON.parse((await cli(['--workspace', ws, '--format', 'json', 'import', ident])).stdout);
    expect([t.created, t.duplicates, t.rejected]).toEqual([1, 1, 0]);
  });

  it('patients arriving in claims first are provisional, then completed by a client export', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const db = path.join(ws, 'practice-sync.db');
    const provisional = query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM patients WHERE provisional = 1')[0].n;
    expect(provisional).toBeGreaterThan(0);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const rows = query<{ patient_id: string; provisional: number }>(db, "SELECT patient_id, provisional FROM patients WHERE patient_id = 'P1001'");
    expect(rows).toEqual([{ patient_id: 'P1001', provisional: 0 }]);
  });

  it('a SimplePractice appointment-status row and an attendance row for the same visit end as one appointment', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const status = writeFile(dir, 'appointment-status-report.csv',
      'Date of Service,Client,Clinician,Billing Code,Primary Insurance,Secondary Insurance,Rate per Unit,Units,Total Fee,Client Payment Status,Charge,Uninvoiced,Paid,Unpaid,Insurance Payment Status,Charge,Paid,Write Off,Unpaid\n' +
      '10/05/2026 14:00,Ana Reyes,Dr. Hannah Cole,"90837 ",Aetna (60054),--,160.0,1,160.0,PAID,30.0,0.0,30.0,0.0,UNPAID,130.0,0.0,0.0,130.0\n');
    const attendance = writeFile(dir, 'client_attendance_report.csv',
      'client_name,clinician_name,date_of_service,office_name,status\n1 clients,1 clinicians,1 appointments,1 office,1 statuses\n"Reyes, Ana","Hannah Cole, PsyD",10/05/2026,Main Office,Show\n');
    expect((await cli(['--workspace', ws, 'import', status])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'import', attendance])).code).toBe(0);
    const rows = query(path.join(ws, 'practice-sync.db'), 'SELECT service_date, start_time, status, fee, client_paid, insurance_unpaid, cpt_code, location FROM appointments');
    expect(rows).toEqual([{ service_date: '2026-10-05', start_time: '14:00', status: 'completed', fee: 16000, client_paid: 3000, insurance_unpaid: 13000, cpt_code: '90837', location: 'Main Office' }]);
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT COUNT(*) AS n FROM patients')[0].n).toBe(1);
  });
});

describe('bad input: a clear message, exit 2 or 3, never a stack trace', () => {
  const cases: [string, string | Buffer, number, RegExp][] = [
    ['empty.csv', '', 3, /is empty/],
    ['header-only.csv', `${CLAIMS_HEADER}\n`, 3, /no data rows/],
    ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]), 3, /not a text export/],
    ['unknown.csv', 'Foo,Bar,Baz\n1,2,3\n', 2, /no mapping fits/],
    ['near.csv', 'Claim ID,Patient Name,Date of Service,Claim Status\nC1,Ann Lee,10/01/2026,Paid\n', 2, /closest mappings:\n {2}generic\/claims: missing "Billed Amount"/],
  ];
  for (const [name, content, code, message] of cases) {
    it(name, async () => {
      const ws = tempWorkspace();
      const file = writeFile(tempDir(), name, content);
      const result = await cli(['--workspace', ws, 'import', file]);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('an invalid mapping file names the bad key', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'mappings'), 'mine/claims.json', JSON.stringify({ name: 'mine/claims', entity: 'claims', source: 'mine', detect: { required: ['A'] }, fields: { claim_id: { column: 'A' }, bill: { column: 'B' } } }));
    const result = await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mine\/claims\.json: fields\.bill: "bill" is not a field of claims/);
  });

  it('refuses a mapping that fills the CPT list with text, which would be stored unsplit, and leaves the store as it was', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const before = dumpStore(path.join(ws, 'practice-sync.db'));
    const generic = JSON.parse(fs.readFileSync(path.join(FIXTURES, '..', 'mappings', 'generic', 'authorizations.json'), 'utf8')) as { fields: Record<string, object> };
    const mine = { ...generic, $schema: undefined, name: 'mine/authorizations', source: 'mine', fields: { ...generic.fields, cpt_codes: { column: 'Service Type', type: 'text' } } };
    writeFile(path.join(ws, 'mappings'), 'mine/authorizations.json', JSON.stringify(mine));
    const result = await cli(['--workspace', ws, 'import', '--mapping', 'mine/authorizations', path.join(FIXTURES, 'generic/authorizations.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mapping mine/authorizations: fields.cpt_codes.type: "text" cannot fill a list field; expected one of list');
    expect(dumpStore(path.join(ws, 'practice-sync.db'))).toBe(before);
  });

  it('no workspace', async () => {
    const result = await cli(['import', 'x.csv'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('practice-sync: no workspace here; run practice-sync init\n');
  });
});
