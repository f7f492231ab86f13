// Reports and alerts through the CLI on the generic fixture practice, as-of pinned: numbers worked by hand from
// fixtures/generic/*.csv; JSON, CSV and table agree; alerts keep their ids and remember what was seen.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, dumpStore, FIXTURES, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

let ws = '';
const asOf = ['--as-of', '2026-03-01'];

beforeAll(async () => {
  ws = tempWorkspace();
  for (const name of ['patients', 'authorizations', 'appointments', 'claims', 'payments', 'balances']) {
    const r = await cli(['--workspace', ws, 'import', path.join(FIXTURES, `generic/${name}.csv`)]);
    expect(r.code, r.stderr).toBe(0);
  }
});

const json = async (...args: string[]) => JSON.parse((await cli(['--workspace', ws, ...asOf, '--format', 'json', ...args])).stdout);

describe('reports', () => {
  it('sessions: the seed example, 20 authorized through 03/15/2026', async () => {
    const report = await json('report', 'sessions');
    const row = report.rows.find((r: { authorization_number: string }) => r.authorization_number === 'AUTH-55012');
    // Completed visits of P1001 from 01/01 to 03/01: 01/06, 01/13, 01/20, 02/03, 02/10 (the 01/27 no-show does not count).
    expect(row).toMatchObject({ authorized_sessions: 20, used: 5, remaining: 15, last_session: '2026-02-10', days_since_last_session: 19, days_until_expiry: 14, state: 'expiring' });
  });

  it('claims and aging: outstanding, days, group, bucket, filing deadline', async () => {
    const claims = await json('report', 'claims', '--open');
    const c = claims.rows.find((r: { claim_id: string }) => r.claim_id === 'CLM-260120-01');
    // billed 160.00 − patient responsibility 30.00 − paid 0 = 130.00; submitted 01/22 → 03/01 is 9 + 28 + 1 = 38 days;
    // Aetna files within 120 days: 01/20/2026 + 120 = 05/20/2026.
    expect(c).toMatchObject({ outstanding: 130, days_outstanding: 38, group: 'pending', bucket: '31-60', filing_deadline: '2026-05-20' });
    const aging = await json('report', 'aging', '--payer', 'aetna');
    // Aetna open claims: 160.00 (24 days) + 140.00 (17 days) + 812.50 (30 days) in 0-30; 130.00 (38 days) in 31-60.
    expect(aging.rows).toEqual([{ payer_name: 'Aetna', '0-30': 1112.5, '31-60': 130, '61-90': 0, '91-120': 0, '121+': 0, total: 1242.5 }]);
  });

  it('JSON, CSV and the table agree on every number', async () => {
    for (const name of ['sessions', 'claims', 'aging', 'balances', 'unbilled']) {
      const j = await json('report', name);
      const csvText = (await cli(['--workspace', ws, ...asOf, '--format', 'csv', 'report', name])).stdout;
      const csv = parse(csvText, { columns: true }) as Record<string, string>[];
      const table = (await cli(['--workspace', ws, ...asOf, '--format', 'table', 'report', name])).stdout;
      expect(csv.length, name).toBe(j.rows.length);
      j.rows.forEach((row: Record<string, unknown>, i: number) => {
        for (const [key, value] of Object.entries(row)) {
          if (typeof value === 'number') {
            expect(Number(csv[i][key]), `${name} row ${i} ${key}`).toBeCloseTo(value, 10);
            const shown = Number.isInteger(value) && !String(csv[i][key]).includes('.') ? String(value) : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
            expect(table, `${name} ${key}`).toContain(shown);
          } else if (value === null) {
            expect(csv[i][key]).toBe('');
          }
        }
      });
    }
  });

  it('--out FILE.csv or FILE.json writes that format without --format; --format still decides when given', async () => {
    const dir = tempDir();
    const out = (name: string) => path.join(dir, name);
    const csvText = (await cli(['--workspace', ws, ...asOf, '--format', 'csv', 'report', 'aging'])).stdout;
    const jsonText = (await cli(['--workspace', ws, ...asOf, '--format', 'json', 'report', 'aging'])).stdout;
    const tableText = (await cli(['--workspace', ws, ...asOf, '--format', 'table', 'report', 'aging'])).stdout;
    for (const [args, file, expected] of [
      [[], 'aging.csv', csvText],
      [[], 'AGING.JSON', jsonText],
      [[], 'aging.txt', tableText],
      [['--format', 'table'], 'aging-table.csv', tableText],
      [['--format', 'csv'], 'aging-csv.json', csvText],
    ] as const) {
      const result = await cli(['--workspace', ws, ...asOf, ...args, 'report', 'aging', '--out', out(file)]);
      expect(result.code, result.stderr).toBe(0);
      expect(fs.readFileSync(out(file), 'utf8'), file).toBe(expected);
    }
    expect(csvText.split('\n')[0]).toBe('payer_name,0-30,31-60,61-90,91-120,121+,total');
    // The alerts too.
    const alerts = await cli(['--workspace', ws, ...asOf, 'alerts', '--out', out('alerts.json')]);
    expect(alerts.code, alerts.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out('alerts.json'), 'utf8')).report).toBe('alerts');
  });
});

describe('report options', () => {
  it('a filter or option a report does not use is a usage error, not silently ignored', async () => {
    const cases: [string[], string][] = [
      [['report', 'balances', '--payer', 'aetna'], 'report balances does not use --payer; it takes --patient'],
      [['report', 'balances', '--clinician', 'cole', '--payer', 'aetna'], 'report balances does not use --clinician, --payer; it takes --patient'],
      [['report', 'runs', '--patient', 'lee'], 'report runs does not use --patient; it takes no filters'],
      [['report', 'sessions', '--open'], 'report sessions does not use --open; it takes --patient, --clinician, --payer'],
      [['report', 'aging', '--min-severity', 'high'], 'report aging does not use --min-severity; it takes --patient, --clinician, --payer'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(['--workspace', ws, ...asOf, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(`practice-sync: ${message}\n`);
    }
    const byPatient = await json('report', 'balances', '--patient', 'smith');
    expect(byPatient.rows.map((r: { patient_name: string }) => r.patient_name)).toEqual(['Robert Smith']);
    // A patient's whole ID in the PMS, in any case, picks them too; a part of an ID does not (it would match many).
    const byId = async (report: string, id: string, key: string) => (await json('report', report, '--patient', id)).rows.map((r: Record<string, string>) => r[key]);
    expect(await byId('balances', 'p1002', 'patient_name')).toEqual(['Robert Smith']);
    expect(await byId('claims', 'P1002', 'claim_id')).toEqual(['CLM-260120-02', 'CLM-260203-02']);
    expect(await byId('sessions', 'P1002', 'authorization_number')).toEqual(['C-778120']);
    expect(await byId('alerts', 'P1002', 'id')).toEqual(['claim_denied:CLM-260120-02', 'auth_sessions_low:C-778120']);
    expect(await byId('alerts', 'smith', 'id')).toEqual(['claim_denied:CLM-260120-02', 'auth_sessions_low:C-778120']);
    expect(await byId('claims', '1002', 'claim_id')).toEqual([]);
  });
});

describe('alerts', () => {
  it('the seed alerts fire; a second run keeps the ids with new false; new data adds only new alerts', async () => {
    const alertsWs = tempWorkspace();
    for (const name of ['patients', 'authorizations', 'appointments', 'claims']) await cli(['--workspace', alertsWs, 'import', path.join(FIXTURES, `generic/${name}.csv`)]);
    const run = async (...extra: string[]) => JSON.parse((await cli(['--workspace', alertsWs, ...asOf, '--format', 'json', 'alerts', ...extra])).stdout);
    const first = await run();
    const ids = first.rows.map((r: { id: string }) => r.id);
    expect(ids).toContain('auth_expiring:AUTH-55012');
    expect(ids).toContain('claim_denied:CLM-260120-02');
    expect(first.rows.every((r: { new: boolean; first_seen: string }) => r.new && r.first_seen === '2026-03-01')).toBe(true);
    const denied = first.rows.find((r: { id: string }) => r.id === 'claim_denied:CLM-260120-02');
    expect(denied).toMatchObject({ severity: 'high', due: '2026-03-08' });

    const second = await run();
    expect(second.rows.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(second.rows.every((r: { new: boolean; first_seen: string }) => !r.new && r.first_seen === '2026-03-01')).toBe(true);
    expect((await run('--new')).rows).toEqual([]);

    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
    const file = writeFile(tempDir(), 'more-claims.csv', `${header}CLM-NEW-9,Inés Muñoz,P1001,02/17/2026,02/18/2026,Aetna (60054),Hannah Cole,160.00,0.00,0.00,0.00,Denied,CO-197\n`);
    await cli(['--workspace', alertsWs, 'import', file]);
    const fresh = await run('--new');
    expect(fresh.rows.map((r: { id: string }) => r.id)).toEqual(['claim_denied:CLM-NEW-9']);
    const exit = await cli(['--workspace', alertsWs, ...asOf, '--format', 'json', 'alerts', '--new', '--fail-on', 'high']);
    expect(exit.code).toBe(0); // seen by the run just before
    expect((await cli(['--workspace', alertsWs, ...asOf, '--format', 'json', 'alerts', '--fail-on', 'high'])).code).toBe(4);
  });
});

describe('the sessions report through a filter', () => {
  it('counts each appointment toward the authorization it counts toward unfiltered, whatever the filter lists', async () => {
    const w = tempWorkspace();
    const dir = tempDir();
    // No client export: the authorizations know the patient as T1, the appointments name them Ann Test. OLD1 (Aetna) runs 01/01-06/30, the renewal NEW1 (Cigna) 03/01-12/31. Of three completed sessions, 02/10 falls only
    // in OLD1; 03/10 and 04/10 fall in both and count toward the latest start, NEW1 (SPEC §6).
    const auths = writeFile(dir, 'auths.csv', 'Patient ID,Authorization Number,Insurance Carrier,Authorized Sessions,Authorization Start Date,Authorization End Date,Service Type\n' +
      'T1,OLD1,Aetna,10,01/01/2026,06/30/2026,\nT1,NEW1,Cigna,10,03/01/2026,12/31/2026,\n');
    const appts = writeFile(dir, 'appts.csv', 'Patient ID,Patient Name,Clinician Name,Appointment Date,Appointment Status,Service Type,Authorization ID\n' +
      ['02/10/2026', '03/10/2026', '04/10/2026'].map((day) => `T1,Ann Test,Cora Quill,${day},Completed,90837,\n`).join(''));
    for (const file of [auths, appts]) expect((await cli(['--workspace', w, 'import', file])).code).toBe(0);
    const sessions = async (...filter: string[]) =>
      JSON.parse((await cli(['--workspace', w, '--as-of', '2026-04-15', '--format', 'json', 'report', 'sessions', ...filter])).stdout).rows
        .map((r: { authorization_number: string; used: number; remaining: number }) => [r.authorization_number, r.used, r.remaining]);
    expect(await sessions()).toEqual([['OLD1', 1, 9], ['NEW1', 2, 8]]);
    expect(await sessions('--payer', 'aetna')).toEqual([['OLD1', 1, 9]]);
    expect(await sessions('--payer', 'cigna')).toEqual([['NEW1', 2, 8]]);
    expect(await sessions('--patient', 'ann test', '--payer', 'aetna')).toEqual([['OLD1', 1, 9]]);
  });
});

describe('an authorization exported without a start date', () => {
  it('is listed by the sessions report (SPEC §6: every authorization), its window open at the start', async () => {
    const w = tempWorkspace();
    const dir = tempDir();
    // A practice's own mapping whose export may leave the start date empty (the built-in generic one requires it).
    writeFile(w, 'mappings/auths-no-start.json', JSON.stringify({
      name: 'practice/auths', entity: 'authorizations', source: 'practice', detect: { required: ['Client ID', 'Auth #', 'Visits'] },
      fields: {
        patient_id: { column: 'Client ID', required: true }, authorization_number: { column: 'Auth #' }, authorized_sessions: { column: 'Visits', type: 'integer' },
        start_date: { column: 'From', type: 'date', formats: ['MM/dd/yyyy'] }, end_date: { column: 'Through', type: 'date', formats: ['MM/dd/yyyy'] },
      },
    }));
    const auths = writeFile(dir, 'auths.csv', 'Client ID,Auth #,Visits,From,Through\nT1,NOSTART,6,,04/30/2026\n');
    const appts = writeFile(dir, 'appts.csv', 'Patient ID,Patient Name,Clinician Name,Appointment Date,Appointment Status,Service Type,Authorization ID\n' +
      ['12/15/2025', '04/10/2026', '05/05/2026'].map((day) => `T1,Ann Test,Cora Quill,${day},Completed,90837,\n`).join(''));
    for (const file of [auths, appts]) expect((await cli(['--workspace', w, 'import', file])).code).toBe(0);
    const report = JSON.parse((await cli(['--workspace', w, '--as-of', '2026-04-20', '--format', 'json', 'report', 'sessions'])).stdout);
    // 12/15/2025 and 04/10/2026 fall in a window with no start through 04/30; 05/05 is after as_of. used 2, remaining 4;
    // 04/10 → 04/20 is 10 days; 04/20 → 04/30 is 10 days: expiring (≤ 14).
    expect(report.rows).toEqual([expect.objectContaining({
      authorization_number: 'NOSTART', authorized_sessions: 6, used: 2, remaining: 4, start_date: null, end_date: '2026-04-30',
      last_session: '2026-04-10', days_since_last_session: 10, days_until_expiry: 10, state: 'expiring',
    })]);
    const alerts = JSON.parse((await cli(['--workspace', w, '--as-of', '2026-04-20', '--format', 'json', 'report', 'alerts'])).stdout);
    expect(alerts.rows.map((r: { id: string }) => r.id)).toEqual(['auth_expiring:NOSTART', 'auth_sessions_low:NOSTART']);
  });
});

describe('alerts shown through a filter', () => {
  it('remembers only the new alerts it showed: the ones a filter hid stay new for the next run', async () => {
    const w = tempWorkspace();
    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
    // As of 06/30/2026: R1 denied (claim_denied, high); R2 pending since 05/16, 45 days (claim_unpaid, medium).
    const file = writeFile(tempDir(), 'claims.csv', `${header}R1,Ann Test,T1,05/01/2026,05/01/2026,Testpay,Cora Quill,100.00,,,,Denied,CO-50\n` +
      'R2,Ann Test,T1,05/16/2026,05/16/2026,Testpay,Cora Quill,100.00,,,,Pending,\n');
    expect((await cli(['--workspace', w, 'import', file])).code).toBe(0);
    const alerts = async (...extra: string[]) =>
      JSON.parse((await cli(['--workspace', w, '--as-of', '2026-06-30', '--format', 'json', 'alerts', ...extra])).stdout).rows.map((r: { id: string; new: boolean }) => [r.id, r.new]);
    expect(await alerts('--min-severity', 'high')).toEqual([['claim_denied:R1', true]]);
    expect(await alerts('--new')).toEqual([['claim_unpaid:R2', true]]);
    expect(await alerts('--new')).toEqual([]);
    expect(await alerts()).toEqual([['claim_denied:R1', false], ['claim_unpaid:R2', false]]);
  });
});

describe('alerts --quiet', () => {
  it('prints nothing when it exits 0, and the new alerts it did not print stay new; prints them when one reaches --fail-on', async () => {
    const w = tempWorkspace();
    for (const name of ['patients', 'claims']) await cli(['--workspace', w, 'import', path.join(FIXTURES, `generic/${name}.csv`)]);
    const alerts = (...args: string[]) => cli(['--workspace', w, ...asOf, ...args]);
    const loud = await alerts('--quiet', '--format', 'csv', 'alerts', '--new', '--min-severity', 'high', '--fail-on', 'high');
    expect(loud.code).toBe(4);
    const highs = loud.stdout.trim().split('\n').length - 1;
    expect(highs).toBeGreaterThan(0);
    // Only medium and low alerts are new now: nothing reaches --fail-on high.
    const quiet = await alerts('--quiet', 'alerts', '--new', '--fail-on', 'high');
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    const rest = JSON.parse((await alerts('--format', 'json', 'alerts', '--new')).stdout) as { rows: { severity: string }[] };
    expect(rest.rows.length).toBeGreaterThan(0);
    expect(rest.rows.every((r) => r.severity !== 'high')).toBe(true);
    expect(JSON.parse((await alerts('--format', 'json', 'alerts', '--new')).stdout).rows).toEqual([]);
  });

  it('leaves new alerts new when the file --out names cannot be written', async () => {
    const w = tempWorkspace();
    for (const name of ['patients', 'claims']) await cli(['--workspace', w, 'import', path.join(FIXTURES, `generic/${name}.csv`)]);
    const alerts = (...args: string[]) => cli(['--workspace', w, ...asOf, ...args]);
    const failed = await alerts('--out', path.join(tempDir(), 'missing-folder', 'alerts.csv'), 'alerts', '--new');
    expect(failed.code).toBe(2);
    const newOnes = JSON.parse((await alerts('--format', 'json', 'report', 'alerts', '--new')).stdout).rows.length;
    expect(newOnes).toBeGreaterThan(0);
    expect(JSON.parse((await alerts('--format', 'json', 'alerts', '--new')).stdout).rows).toHaveLength(newOnes);
  });
});

describe('manual work', () => {
  it('auth add refuses a patient the store does not know, and an authorization number of another patient; nothing is written', async () => {
    const w = tempWorkspace();
    await cli(['--workspace', w, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const first = await cli(['--workspace', w, 'auth', 'add', '--patient', 'P1003', '--number', 'HAND-1', '--sessions', '12', '--start', '2026-02-01']);
    expect(first.code, first.stderr).toBe(0);
    const store = path.join(w, 'practice-sync.db');
    const before = dumpStore(store);
    for (const patient of ['P9999', 'Ada Nobody']) {
      const result = await cli(['--workspace', w, 'auth', 'add', '--patient', patient, '--number', 'HAND-2', '--sessions', '5', '--start', '2026-01-01']);
      expect([result.code, result.stderr]).toEqual([2, 'practice-sync: --patient: no patient in the store has that ID or name; give the ID, or the name as the client export has it (import the client list first)\n']);
    }
    const moved = await cli(['--workspace', w, 'auth', 'add', '--patient', 'P1001', '--number', 'HAND-1', '--sessions', '12', '--start', '2026-02-01']);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toMatch(/^practice-sync: authorization HAND-1 belongs to another patient \(patient #\d+\); auth add does not move it/);
    expect(dumpStore(store)).toBe(before);
    // The same patient again updates it, as before.
    const again = await cli(['--workspace', w, 'auth', 'add', '--patient', 'P1003', '--number', 'HAND-1', '--sessions', '14', '--start', '2026-02-01']);
    expect(again.code, again.stderr).toBe(0);
    const listed = JSON.parse((await cli(['--workspace', w, '--format', 'json', 'auth', 'list'])).stdout);
    expect(listed.rows.map((r: { authorization_number: string; authorized_sessions: number }) => [r.authorization_number, r.authorized_sessions])).toEqual([['HAND-1', 14]]);
  });

  it('auth add clears the end date, clinician, CPT codes and payer given empty, keeps those left out, and says when nothing changed', async () => {
    const w = tempWorkspace();
    await cli(['--workspace', w, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const add = (...extra: string[]) => cli(['--workspace', w, 'auth', 'add', '--patient', 'P1003', '--number', 'B2', '--sessions', '8', '--start', '2026-03-02', ...extra]);
    const list = async () => JSON.parse((await cli(['--workspace', w, '--format', 'json', 'auth', 'list'])).stdout).rows
      .map((r: { payer: string | null; clinician: string | null; end_date: string | null; cpt_codes: string }) => [r.payer, r.clinician, r.end_date, r.cpt_codes]);
    expect((await add('--payer', 'Cigna', '--clinician', 'Kim Doe', '--end', '2026-12-31', '--cpt', '90834')).code).toBe(0);
    expect(await list()).toEqual([['Cigna', 'Kim Doe', '2026-12-31', '90834']]);
    const same = await add('--payer', 'Cigna');
    expect([same.code, same.stdout]).toEqual([0, 'authorization #1 (B2) already holds these values: nothing changed (run 3)\n']);
    expect(await list()).toEqual([['Cigna', 'Kim Doe', '2026-12-31', '90834']]);
    const cleared = await add('--end', '', '--clinician', '', '--cpt', '');
    expect([cleared.code, cleared.stdout]).toEqual([0, 'updated authorization #1 (B2) as run 4; undo with: practice-sync undo 4\n']);
    expect(await list()).toEqual([['Cigna', null, null, '']]);
    expect((await add('--payer', '')).code).toBe(0);
    expect(await list()).toEqual([[null, null, null, '']]);
  });

  it('adjust balance by name over a balance derived from appointments (SimplePractice); a changed unpaid amount is a conflict', async () => {
    const w = tempWorkspace();
    const dir = tempDir();
    const header = 'Date of Service,Client,Clinician,Billing Code,Primary Insurance,Secondary Insurance,Rate per Unit,Units,Total Fee,Progress Note Status,Client Payment Status,Charge,Uninvoiced,Paid,Unpaid,Insurance Payment Status,Charge,Paid,Write Off,Unpaid';
    const export1 = (clientUnpaid: string) => writeFile(dir, `status-${clientUnpaid}.csv`, `${header}\n` +
      `02/09/2026 10:00,Rowan Vale,Miriam Okafor,90834,Aetna (60054),--,140.0,1,140.0,Note added,UNPAID,${clientUnpaid},0.0,0.0,${clientUnpaid},PAID,120.0,95.0,25.0,0.0\n` +
      '02/10/2026 10:00,Sol Ibarra,Miriam Okafor,90834,Aetna (60054),--,140.0,1,140.0,Note added,UNPAID,20.0,0.0,0.0,20.0,PAID,120.0,95.0,25.0,0.0\n');
    expect((await cli(['--workspace', w, 'import', export1('20.0')])).code).toBe(0);
    const balance = async () => JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'balances'])).stdout).rows
      .find((r: { patient_name: string }) => r.patient_name === 'Rowan Vale');
    expect(await balance()).toMatchObject({ account_id: null, basis: 'appointments', patient_portion: 20, adjusted: false });

    const adjusted = await cli(['--workspace', w, 'adjust', 'balance', 'rowan VALE', '--patient-portion', '0', '--reason', 'paid at the front desk']);
    expect([adjusted.code, adjusted.stdout]).toEqual([0, 'adjustment 1 recorded for rowan VALE (run 2); clear it with: practice-sync adjust clear 1\n']);
    expect(await balance()).toMatchObject({ patient_portion: 0, adjusted: true, conflict: false });
    // The same export again changes nothing under it; a new unpaid amount (35.00) does.
    expect((await cli(['--workspace', w, 'import', writeFile(dir, 'again.csv', fs.readFileSync(export1('20.0'), 'utf8') + '\n')])).code).toBe(0);
    expect(await balance()).toMatchObject({ conflict: false });
    expect((await cli(['--workspace', w, 'import', export1('35.0')])).code).toBe(0);
    expect(await balance()).toMatchObject({ patient_portion: 0, adjusted: true, conflict: true });
    const alerts = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'alerts'])).stdout).rows
      .filter((r: { type: string }) => r.type === 'adjustment_conflict');
    expect(alerts.map((r: { patient: string; message: string }) => [r.patient, r.message])).toEqual([
      ['Rowan Vale', 'A newer appointment import changed the unpaid amounts under a balance you corrected by hand ("paid at the front desk"); check it, then keep or clear the adjustment'],
    ]);

    const unknown = await cli(['--workspace', w, 'adjust', 'balance', 'Nobody Here', '--patient-portion', '0', '--reason', 'x']);
    expect(unknown.stderr).toBe('practice-sync: no balance account, patient ID or patient name matches that; report balances lists the balances\n');
    const runs = JSON.parse((await cli(['--workspace', w, '--format', 'json', 'runs', 'show', '2'])).stdout);
    expect(JSON.stringify(runs)).not.toContain('rowan');
  });

  it('sessions update refuses an export that is not of appointments (exit 2), before importing anything', async () => {
    const w = tempWorkspace();
    await cli(['--workspace', w, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const store = path.join(w, 'practice-sync.db');
    const before = dumpStore(store);
    const refused = await cli(['--workspace', w, 'sessions', 'update', path.join(FIXTURES, 'generic/appointments.csv'), path.join(FIXTURES, 'generic/claims.csv')]);
    expect([refused.code, refused.stderr]).toEqual([2, 'practice-sync: sessions update imports appointment exports; claims.csv is a claims export (generic/claims): import it with practice-sync import\n']);
    expect(dumpStore(store)).toBe(before);
    const updated = await cli(['--workspace', w, ...asOf, 'sessions', 'update', path.join(FIXTURES, 'generic/appointments.csv')]);
    expect(updated.code, updated.stderr).toBe(0);
  });

  it('auth add, adjust auth, adjust balance with a conflict, adjust clear, and undo of each', async () => {
    const w = tempWorkspace();
    await cli(['--workspace', w, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    await cli(['--workspace', w, 'import', path.join(FIXTURES, 'generic/balances.csv')]);
    const added = await cli(['--workspace', w, 'auth', 'add', '--patient', 'P1003', '--number', 'HAND-1', '--payer', 'UnitedHealthcare', '--sessions', '12', '--start', '2026-02-01', '--end', '03/31/2026']);
    expect(added.code, added.stderr).toBe(0);
    const prior = await cli(['--workspace', w, 'adjust', 'auth', 'HAND-1', '--prior-sessions', '4']);
    expect(prior.code, prior.stderr).toBe(0);
    const sessions = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'sessions'])).stdout);
    // 12 authorized, 4 used before tracking, no appointments imported: 8 remaining, 30 days to 03/31.
    expect(sessions.rows.find((r: { authorization_number: string }) => r.authorization_number === 'HAND-1'))
      .toMatchObject({ prior_sessions: 4, used: 4, remaining: 8, days_until_expiry: 30, state: 'low' });

    const adj = await cli(['--workspace', w, 'adjust', 'balance', 'P1007', '--patient-portion', '112.50', '--reason', 'payment plan agreed']);
    expect(adj.code, adj.stderr).toBe(0);
    let balances = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'balances'])).stdout);
    // P1007 exported 612.50 patient + 0.00 insurance; the adjustment replaces the patient portion: total 112.50.
    expect(balances.rows.find((r: { account_id: string }) => r.account_id === 'P1007')).toMatchObject({ patient_portion: 112.5, total: 112.5, adjusted: true, adjustment_reason: 'payment plan agreed', conflict: false });

    const newer = writeFile(tempDir(), 'balances-later.csv', 'Account ID,Patient Name,Patient Portion,Insurance Portion,Total Balance,0-30,31-60,61-90,90+\nP1007,Liam O\'Connor,700.00,0.00,700.00,0.00,0.00,227.50,472.50\n');
    await cli(['--workspace', w, 'import', newer]);
    balances = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'balances'])).stdout);
    expect(balances.rows.find((r: { account_id: string }) => r.account_id === 'P1007')).toMatchObject({ patient_portion: 112.5, conflict: true });
    const alerts = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'alerts'])).stdout);
    expect(alerts.rows.map((r: { type: string }) => r.type)).toContain('adjustment_conflict');

    const cleared = await cli(['--workspace', w, 'adjust', 'clear', '2']);
    expect(cleared.code, cleared.stderr).toBe(0);
    balances = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'balances'])).stdout);
    expect(balances.rows.find((r: { account_id: string }) => r.account_id === 'P1007')).toMatchObject({ patient_portion: 700, adjusted: false });
    const runs = JSON.parse((await cli(['--workspace', w, '--format', 'json', 'runs'])).stdout);
    const clearRun = runs.rows.find((r: { command: string }) => r.command === 'adjust clear').run;
    expect((await cli(['--workspace', w, 'undo', String(clearRun)])).code).toBe(0);
    balances = JSON.parse((await cli(['--workspace', w, ...asOf, '--format', 'json', 'report', 'balances'])).stdout);
    expect(balances.rows.find((r: { account_id: string }) => r.account_id === 'P1007')).toMatchObject({ patient_portion: 112.5, adjusted: true });
  });
});
