// Issue 6: the Open Dental aging export as balances per guarantor; a made-up system added with one JSON file and one
// CSV and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, query, REPO, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

describe('Open Dental aging of A/R', () => {
  it('preamble, apostrophe headers, thousands separators and the totals footer: portions per guarantor', async () => {
    const ws = tempWorkspace();
    const result = await cli(['--workspace', ws, '--format', 'json', 'import', path.join(FIXTURES, 'opendental', 'aging-of-ar.txt')]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    // 8 guarantors; the last line (blank first cell, column sums) is the totals row and is skipped.
    expect([summary.mapping, summary.rows, summary.created, summary.skipped_rows]).toEqual(['opendental/aging-of-ar', 8, 8, 1]);
    const rows = query(path.join(ws, 'practice-sync.db'), `
      SELECT b.account_id, p.patient_id, p.name, b.patient_portion, b.insurance_portion, b.total, b.aging_0_30, b.aging_31_60, b.aging_over_90, b.last_payment_date
      FROM balances b JOIN patients p ON p.id = b.patient_ref WHERE b.account_id IN ('1042', '1077', '1239') ORDER BY b.account_id`);
    expect(rows).toEqual([
      // `=Patient` is the patient portion, `-Ins Est` the insurance portion, in cents.
      { account_id: '1042', patient_id: '1042', name: 'Carol J Abernathy', patient_portion: 6500, insurance_portion: 14800, total: 24500, aging_0_30: 24500, aging_31_60: 0, aging_over_90: 0, last_payment_date: '2026-09-30' },
      { account_id: '1077', patient_id: '1077', name: 'Hélène M Benoît', patient_portion: 53416, insurance_portion: 89040, total: 154456, aging_0_30: 123456, aging_31_60: 31000, aging_over_90: 0, last_payment_date: '2026-08-12' },
      { account_id: '1239', patient_id: '1239', name: 'Tomás A Gutiérrez', patient_portion: 101525, insurance_portion: 0, total: 101525, aging_0_30: 0, aging_31_60: 0, aging_over_90: 101525, last_payment_date: '2026-01-15' },
    ]);
  });
});

describe('adding a system is data', () => {
  it('one mapping file and one export, nothing else', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'mappings'), 'acme-ehr/visits.json', JSON.stringify({
      name: 'acme-ehr/visits', entity: 'appointments', source: 'acme-ehr', verified: false,
      detect: { required: ['Visit No', 'Member', 'Seen On', 'Outcome'] },
      fields: {
        appointment_id: { column: 'Visit No', required: true },
        patient_name: { column: 'Member', type: 'name' },
        service_date: { column: 'Seen On', type: 'date', formats: ['dd.MM.yyyy'] },
        status: { column: 'Outcome', type: 'enum', map: { Attended: 'completed', DNA: 'no_show' } },
        fee: { column: 'Charge', type: 'money' },
      },
    }));
    const file = writeFile(tempDir(), 'acme-visits.csv', 'Visit No;Member;Seen On;Outcome;Charge\nV-1;Pat Quill;03.11.2026;Attended;120.00\n');
    const detect = await cli(['--workspace', ws, 'mapping', 'detect', file]);
    expect(detect.stdout).toMatch(/acme-visits\.csv: acme-ehr\/visits/);
    const result = await cli(['--workspace', ws, '--format', 'json', 'import', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).created).toBe(1);
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT appointment_id, service_date, status, fee FROM appointments'))
      .toEqual([{ appointment_id: 'V-1', service_date: '2026-11-03', status: 'completed', fee: 12000 }]);
  });
});

describe('mapping commands guard the mappings they use', () => {
  const claims = 'Claim ID,Patient Name,Date of Service,Billed Amount,Claim Status\nQ1,"Doe, Jan",11/01/2026,100.00,Submitted\n';
  const unknown = 'Ref No,Member,DOB,Svc Date,Carrier,Charge,Ins Paid,State\nC-1001,"Testerson, Alma",01/02/1980,11/02/2026,Acme Health (A123),$150.00,0.00,Open\n';

  it('mapping init refuses to draft under a built-in name without --force, which would replace the built-in', async () => {
    const ws = tempWorkspace();
    const file = writeFile(tempDir(), 'claims-unknown.csv', unknown);
    const refused = await cli(['--workspace', ws, 'mapping', 'init', file, '--entity', 'claims', '--name', 'generic/claims']);
    expect([refused.code, refused.stderr]).toEqual([2, 'practice-sync: generic/claims is a built-in mapping; a draft of that name would replace it for every export it reads. Choose another --name, or use --force to replace it\n']);
    expect(fs.existsSync(path.join(ws, 'mappings', 'generic', 'claims.json'))).toBe(false);
    const ordinary = await cli(['--workspace', ws, 'import', '--dry-run', writeFile(tempDir(), 'claims.csv', claims)]);
    expect(ordinary.code, ordinary.stderr).toBe(0);
    expect((await cli(['--workspace', ws, 'mapping', 'init', file, '--entity', 'claims', '--name', 'generic/claims', '--force'])).code).toBe(0);
    expect(fs.existsSync(path.join(ws, 'mappings', 'generic', 'claims.json'))).toBe(true);
  });

  it('mapping init refuses a file without a header line (exit 3), showing none of its first row; --out puts the draft where it says', async () => {
    const ws = tempWorkspace();
    const headerless = writeFile(tempDir(), 'patients.csv', 'P1,"Testerson, Alma",01/02/1980,555-010-0199\nP2,"Quill, Avery",03/04/1975,555-010-0100\n');
    const refused = await cli(['--workspace', ws, 'mapping', 'init', headerless, '--entity', 'patients']);
    expect([refused.code, refused.stdout, refused.stderr]).toEqual([3, '',
      `practice-sync: ${headerless} has no header line: its first line holds values (a date in column 3, a phone number in column 4), not column names; export it again with column headers\n`]);
    expect(fs.readdirSync(path.join(ws, 'mappings'))).toEqual([]);

    // --out into a folder of the user's: its mode stays; a draft outside mappings/ replaces nothing, so any name goes.
    const review = tempDir();
    fs.chmodSync(review, 0o755);
    const out = path.join(review, 'draft.json');
    const drafted = await cli(['--workspace', ws, '--out', out, 'mapping', 'init', writeFile(tempDir(), 'claims-unknown.csv', unknown), '--entity', 'claims', '--name', 'generic/claims']);
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.stdout.split('\n')[0]).toBe(`drafted generic/claims (claims) → ${out}`);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ name: 'generic/claims', entity: 'claims', verified: false });
    expect(fs.statSync(review).mode & 0o777).toBe(0o755);
    expect(fs.readdirSync(path.join(ws, 'mappings'))).toEqual([]);
  });

  it('mapping check says a claims draft without claim_id is not ready (exit 2): import would refuse every row', async () => {
    const ws = tempWorkspace();
    const file = writeFile(tempDir(), 'claims-unknown.csv', unknown);
    expect((await cli(['--workspace', ws, 'mapping', 'init', file, '--entity', 'claims', '--name', 'mypms/claims'])).code).toBe(0);
    const draft = path.join(ws, 'mappings', 'mypms', 'claims.json');
    const checked = await cli(['--workspace', ws, 'mapping', 'check', draft, file]);
    expect([checked.code, checked.stdout]).toEqual([2, 'mypms/claims: not ready: claims are matched by claim_id alone (SPEC §4), and the mapping does not fill it; every row would be refused\n']);
    const mapping = JSON.parse(fs.readFileSync(draft, 'utf8')) as { fields: Record<string, unknown> };
    mapping.fields.claim_id = { column: 'Ref No', required: true };
    fs.writeFileSync(draft, JSON.stringify(mapping));
    const ready = await cli(['--workspace', ws, 'mapping', 'check', draft, file]);
    expect(ready.stdout.split('\n')[0]).toMatch(/^mypms\/claims: valid mapping for claims \(\d+ fields\)$/);
  });

  it('two workspace mapping files of one name are refused, naming both', async () => {
    const ws = tempWorkspace();
    const show = await cli(['--workspace', ws, 'mapping', 'show', 'generic/claims']);
    // Only the mapping on stdout, so it can be copied as it is; its path on stderr.
    expect(show.stderr).toBe(`${path.join(REPO, 'mappings', 'generic', 'claims.json')}\n`);
    const copy = { ...JSON.parse(show.stdout), name: 'mypms/claims' };
    writeFile(path.join(ws, 'mappings'), 'mypms/claims.json', JSON.stringify(copy));
    expect((await cli(['--workspace', ws, 'mapping', 'show', 'mypms/claims'])).code).toBe(0);
    writeFile(path.join(ws, 'mappings'), 'mypms/claims-old.json', JSON.stringify(copy));
    const listed = await cli(['--workspace', ws, 'mapping', 'list']);
    expect([listed.code, listed.stderr]).toEqual([2, `practice-sync: ${path.join(ws, 'mappings', 'mypms', 'claims.json')}: "name": "mypms/claims" is also the name of ${path.join(ws, 'mappings', 'mypms', 'claims-old.json')}; each mapping needs a name of its own\n`]);
  });

  it('mapping detect exits 2 when no mapping fits or two fit equally, as import does', async () => {
    const ws = tempWorkspace();
    const dir = tempDir();
    const fits = await cli(['--workspace', ws, 'mapping', 'detect', writeFile(dir, 'claims.csv', claims)]);
    expect([fits.code, fits.stdout.split('\n')[0]]).toEqual([0, 'claims.csv: generic/claims']);
    const none = await cli(['--workspace', ws, 'mapping', 'detect', writeFile(dir, 'unknown.csv', unknown)]);
    expect([none.code, none.stdout.split('\n')[0]]).toEqual([2, 'unknown.csv: no single mapping fits']);
    const copy = { ...JSON.parse((await cli(['--workspace', ws, 'mapping', 'show', 'generic/claims'])).stdout), name: 'mypms/claims' };
    writeFile(path.join(ws, 'mappings'), 'mypms/claims.json', JSON.stringify(copy));
    const two = await cli(['--workspace', ws, 'mapping', 'detect', path.join(dir, 'claims.csv')]);
    expect([two.code, two.stdout.split('\n')[0]]).toEqual([2, 'claims.csv: no single mapping fits']);
  });
});
