// `run` in-process: what it leaves in archive/ and inbox/ — owner-only archives, problem files without patient data,
// files still being copied left alone.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempWorkspace, writeFile } from '../helpers/cli.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const run = (ws: string) => cli(['--workspace', ws, '--as-of', '2026-11-23', 'run'], { now: NOW });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('run', () => {
  it('archives owner-only, whatever mode the file came with, and doctor checks archive/', async () => {
    const ws = tempWorkspace();
    const dropped = path.join(ws, 'inbox', 'patients.csv');
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), dropped);
    fs.chmodSync(dropped, 0o644);
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const day = path.join(ws, 'archive', '2026-11-23');
    expect(fs.readdirSync(day)).toEqual(['run-1-patients.csv']);
    expect(mode(day)).toBe(0o700);
    expect(mode(path.join(day, 'run-1-patients.csv'))).toBe(0o600);

    const doctorOk = await cli(['--workspace', ws, 'doctor'], { now: NOW });
    expect(doctorOk.stdout).toMatch(/^ok {4}permissions: /m);
    fs.chmodSync(path.join(day, 'run-1-patients.csv'), 0o644);
    const doctor = await cli(['--workspace', ws, 'doctor'], { now: NOW });
    expect(doctor.code).toBe(2);
    expect(doctor.stdout).toContain('fail  permissions: 1 path readable by others: archive/2026-11-23/run-1-patients.csv is 644\n');
  });

  it('a problem file hides the values of patient-data fields, as import does on screen; the rejects file keeps them', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'inbox'), 'valant-patients.csv', [
      'Patient ID,Name,Main Phone,Date of Birth,Active',
      '100231,"Adebayo, Folake",(503) 555-0123,02/30/1981,Yes',
      '100245,"Bélanger, Sylvie",(503) 555-0188,11/02/1979,Perhaps',
      '',
    ].join('\n'));
    const result = await run(ws);
    expect(result.code).toBe(3);
    const problem = fs.readFileSync(path.join(ws, 'inbox', 'valant-patients.csv.problem.txt'), 'utf8');
    expect(problem).toContain('- valant-patients.csv line 2, column "Date of Birth": (value in the rejects file) is not a real calendar date\n');
    expect(problem).toMatch(/line 3, column "Active": "Perhaps" is not /);
    for (const text of [problem, result.stdout, result.stderr, fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8')]) {
      for (const secret of ['02/30/1981', 'Adebayo', 'Bélanger', '11/02/1979']) expect(text).not.toContain(secret);
    }
    // The same words as `import` shows on the terminal.
    const imported = await cli(['--workspace', ws, 'import', path.join(ws, 'inbox', 'valant-patients.csv')], { now: NOW });
    expect(imported.code).toBe(3);
    expect(imported.stdout).toContain('rejected: valant-patients.csv line 2, column "Date of Birth": (value in the rejects file) is not a real calendar date\n');
    expect(imported.stdout).not.toContain('02/30/1981');
    const rejects = fs.readdirSync(path.join(ws, 'rejects')).map((name) => fs.readFileSync(path.join(ws, 'rejects', name), 'utf8')).join('');
    expect(rejects).toContain('02/30/1981');
  });

  it('a headerless export no mapping fits: the summary, the problem file and the log do not echo its first row', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'inbox'), 'headerless.csv', 'P1,Adebayo Folake,(503) 555-0123,03/14/1986\nP2,Sylvie Bélanger,(503) 555-0188,11/02/1979\n');
    const result = await run(ws);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('PROBLEM headerless.csv: no mapping fits this export (header: 4 columns not recognised) (see headerless.csv.problem.txt in the inbox)\n');
    const problem = fs.readFileSync(path.join(ws, 'inbox', 'headerless.csv.problem.txt'), 'utf8');
    expect(problem).toContain('headerless.csv: no mapping fits this export (header: 4 columns not recognised)\n');
    const summary = fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.txt'), 'utf8');
    for (const text of [problem, summary, result.stdout, result.stderr, fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8')]) {
      for (const secret of ['Adebayo', '555-0123', '03/14/1986']) expect(text).not.toContain(secret);
    }
  });

  it('orders the inbox by the header read in the file\'s own encoding: a UTF-16 patients export goes before UTF-8 claims', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    const patients = fs.readFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), 'utf8');
    // Excel's "Unicode Text": UTF-16LE with its byte-order mark. Read as UTF-8 its header fitted nothing, so it went last.
    writeFile(inbox, 'patients.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(patients, 'utf16le')]));
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'claims.csv'), path.join(inbox, 'claims.csv'));
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { file: string; run: number; entity: string }) => [f.file, f.run, f.entity]))
      .toEqual([['patients.csv', 1, 'patients'], ['claims.csv', 2, 'claims']]);
  });

  it('imports two exports of one kind oldest first, whatever their names: a second download does not lose to the first', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    const header = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason';
    // The browser named the second download of claims.csv "claims (1).csv", which sorts before it by name.
    writeFile(inbox, 'claims.csv', `${header}\nWK-1,Zed Quill,Z1,01/05/2026,01/06/2026,Aetna,Amy Ox,100.00,,,,Pending,\n`);
    writeFile(inbox, 'claims (1).csv', `${header}\nWK-1,Zed Quill,Z1,01/05/2026,01/06/2026,Aetna,Amy Ox,100.00,80.00,80.00,,Paid,\n`);
    fs.utimesSync(path.join(inbox, 'claims.csv'), new Date('2026-11-20T08:00:00Z'), new Date('2026-11-20T08:00:00Z'));
    fs.utimesSync(path.join(inbox, 'claims (1).csv'), new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T08:00:00Z'));
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { file: string; run: number }) => [f.file, f.run])).toEqual([['claims.csv', 1], ['claims (1).csv', 2]]);
    const claims = JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-11-23', 'report', 'claims', '--format', 'json'])).stdout);
    expect(claims.rows.map((r: { claim_id: string; status: string; paid: number }) => [r.claim_id, r.status, r.paid])).toEqual([['WK-1', 'paid', 80]]);
  });

  it("says in its summary which rows an import left out: an attendance report that cannot tell a client's two sessions apart", async () => {
    const ws = tempWorkspace();
    const statusHeader = 'Date of Service,Client,Clinician,Billing Code,Primary Insurance,Secondary Insurance,Rate per Unit,Units,Total Fee,Client Payment Status,Charge,Uninvoiced,Paid,Unpaid,Insurance Payment Status,Charge,Paid,Write Off,Unpaid\n';
    const session = (when: string) => `${when},Ana Reyes,Dr. Hannah Cole,"90837 ",Aetna (60054),--,160.0,1,160.0,PAID,30.0,0.0,30.0,0.0,UNPAID,130.0,0.0,0.0,130.0\n`;
    writeFile(path.join(ws, 'inbox'), 'appointment-status-report.csv', statusHeader + session('11/16/2026 09:00') + session('11/16/2026 14:00'));
    expect((await run(ws)).code).toBe(0);
    writeFile(path.join(ws, 'inbox'), 'client_attendance_report.csv', 'client_name,clinician_name,date_of_service,office_name,status\n' +
      '1 clients,1 clinicians,2 appointments,1 office,2 statuses\n"Reyes, Ana","Hannah Cole, PsyD",11/16/2026,Main Office,Show\n"Reyes, Ana","Hannah Cole, PsyD",11/16/2026,Main Office,No Show\n');
    const result = await run(ws);
    expect(result.code, result.stderr).toBe(0);
    const warning = '  warning: 2 rows left out (lines 3, 4): two appointments that day (records #1 and #2) and no start time in this export to tell them apart; ' +
      'their values were not imported (map a start time or appointment ID if the export has one)';
    expect(result.stdout.split('\n')).toContain(warning);
    expect(fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.txt'), 'utf8').split('\n')).toContain(warning);
  });

  it('a quiet run that shows nothing keeps each denied claim\'s owner and due date from the day it was raised; a run that lists them marks them seen', async () => {
    const ws = tempWorkspace();
    const configFile = path.join(ws, 'practice-sync.json');
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    config.alerts = { ...config.alerts, billing_staff: ['amy', 'bob', 'cat'] };
    fs.writeFileSync(configFile, JSON.stringify(config));
    writeFile(path.join(ws, 'inbox'), 'claims.csv', 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n' +
      'D-1,Ann Lee,P1,11/02/2026,11/03/2026,Aetna,Hannah Cole,100.00,,,,Denied,CO-97\nD-2,Bo Park,P2,11/02/2026,11/03/2026,Aetna,Hannah Cole,100.00,,,,Denied,CO-97\n');
    const owners = (day: string) => (parse(fs.readFileSync(path.join(ws, 'reports', day, 'alerts.csv'), 'utf8'), { columns: true }) as Record<string, string>[])
      .map((row) => [row.id, row.owner, row.due, row.new]);
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      const quiet = await cli(['--workspace', ws, '--quiet', '--as-of', day, 'run'], { now: NOW });
      expect([quiet.code, quiet.stdout]).toEqual([0, '']);
      // Round-robin in claim-id order from the first run; due = first raised (11/23) + 7 days; still new.
      expect(owners(day)).toEqual([['claim_denied:D-1', 'amy', '2026-11-30', 'true'], ['claim_denied:D-2', 'bob', '2026-11-30', 'true']]);
    }
    // A run in JSON lists them (exit 4 for --fail-on high), without patient names; listed, they are new no more.
    const json = await cli(['--workspace', ws, '--as-of', '2026-11-26', '--format', 'json', 'run', '--fail-on', 'high'], { now: NOW });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout).new_alerts).toEqual(['D-1', 'D-2'].map((id, i) => ({
      id: `claim_denied:${id}`, type: 'claim_denied', severity: 'high', subject: `Claim ${id}`, due: '2026-11-30', owner: ['amy', 'bob'][i],
      message: 'Claim denied by Aetna for the 11/02/2026 session ($100.00 outstanding); review the denial and appeal or correct it',
    })));
    const again = await cli(['--workspace', ws, '--as-of', '2026-11-27', '--format', 'json', 'run', '--fail-on', 'high'], { now: NOW });
    expect([again.code, JSON.parse(again.stdout).new_alerts]).toEqual([0, []]);
    expect(JSON.parse((await cli(['--workspace', ws, '--as-of', '2026-11-27', '--format', 'json', 'alerts', '--new'])).stdout).rows).toEqual([]);
  });

  it('keeps every run of the day in summary.txt, the latest last: a later "nothing new" does not hide an earlier problem', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'inbox'), 'headerless.csv', 'P1,Adebayo Folake,(503) 555-0123,03/14/1986\n');
    expect((await run(ws)).code).toBe(3);
    expect((await cli(['--workspace', ws, '--as-of', '2026-11-23', 'run'], { now: new Date('2026-11-23T10:00:00Z') })).code).toBe(0);
    const summary = fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.txt'), 'utf8');
    const runs = summary.split(/^--- run started /m).filter(Boolean);
    expect(runs.map((block) => block.split('\n')[0])).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z']);
    expect(runs[0]).toContain('PROBLEM headerless.csv: no mapping fits this export');
    expect(runs[1]).toContain('waiting headerless.csv');
    expect(fs.statSync(path.join(ws, 'reports', '2026-11-23', 'summary.txt')).mode & 0o777).toBe(0o600);
  });

  it('leaves hidden, temporary and still-downloading files in the inbox untouched, naming them in the summary and log', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), path.join(inbox, 'patients.csv'));
    const claims = fs.readFileSync(path.join(FIXTURES, 'generic', 'claims.csv'));
    const temporary = ['.claims.csv.swp', 'claims.csv.crdownload', 'claims.csv.partial', 'claims.csv.tmp', '~$claims.csv'];
    for (const name of temporary) writeFile(inbox, name, claims);
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(fs.readdirSync(path.join(ws, 'archive', '2026-11-23'))).toEqual(['run-1-patients.csv']);
    expect(fs.readdirSync(inbox).sort()).toEqual([...temporary].sort());
    for (const name of temporary) expect(fs.readFileSync(path.join(inbox, name))).toEqual(claims);
    for (const name of temporary) expect(result.stdout).toContain(`skipped ${name}: a hidden or temporary file (still being copied?); left in the inbox\n`);
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { file: string }) => f.file)).toEqual(['patients.csv']);
    expect([...summary.skipped].sort()).toEqual([...temporary].sort());
    const log = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(log.filter((e) => e.event === 'skipped_temporary').map((e) => e.file).sort()).toEqual([...temporary].sort());
  });

  it('names a folder or a link in the inbox in every summary and the log, instead of passing over it without a word', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), path.join(inbox, 'patients.csv'));
    // An unzipped folder of exports, a link to an export kept elsewhere, a hidden folder (left unmentioned).
    writeFile(path.join(inbox, 'October exports'), 'claims.csv', fs.readFileSync(path.join(FIXTURES, 'generic', 'claims.csv')));
    fs.symlinkSync(path.join(FIXTURES, 'generic', 'claims.csv'), path.join(inbox, 'claims.csv'));
    fs.mkdirSync(path.join(inbox, '.sync'));
    for (let i = 0; i < 2; i++) {
      const result = await run(ws);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('skipped October exports/: a folder; run imports the files directly in the inbox, so move its exports up\n');
      expect(result.stdout).toContain('skipped claims.csv: not a plain file (a link?); copy the export itself into the inbox\n');
      expect(result.stdout).not.toContain('.sync');
    }
    expect(fs.readdirSync(path.join(ws, 'archive', '2026-11-23'))).toEqual(['run-1-patients.csv']);
    expect(fs.readdirSync(inbox).sort()).toEqual(['.sync', 'October exports', 'claims.csv']);
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', '2026-11-23', 'summary.json'), 'utf8'));
    expect(summary.not_files).toEqual(['claims.csv', 'October exports/']);
    const log = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(log.filter((e) => e.event === 'skipped_not_file').map((e) => e.file)).toEqual(['claims.csv', 'October exports/', 'claims.csv', 'October exports/']);
  });

  it('prints no patient name in the alerts it lists, even where a claim ID is built from one', async () => {
    const ws = tempWorkspace();
    fs.copyFileSync(path.join(FIXTURES, 'opendental', 'outstanding-claims.txt'), path.join(ws, 'inbox', 'outstanding-claims.txt'));
    const result = await run(ws);
    expect(result.code, result.stderr).toBe(0);
    // Castillo's claim, sent 07/23/2026: 123 days by 11/23 (high from 90).
    expect(result.stdout).toContain('  - [high] Claim: No payment from MetLife Dental 123 days since it was submitted on 07/23/2026');
    for (const name of ['Castillo', 'Abernathy', 'Hollis', 'Okafor', 'Sato']) expect(result.stdout).not.toContain(name);
  });

  it('a problem file imported by hand since is archived by the next run, not left waiting forever', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    writeFile(inbox, 'valant-patients.csv', [
      'Patient ID,Name,Main Phone,Date of Birth,Active',
      '100231,"Adebayo, Folake",(503) 555-0123,02/30/1981,Yes',
      '100245,"Bélanger, Sylvie",(503) 555-0188,11/02/1979,Yes',
      '',
    ].join('\n'));
    expect((await run(ws)).code).toBe(3);
    const waiting = await run(ws);
    expect(waiting.stdout).toContain('waiting valant-patients.csv: unchanged since its problem was reported\n');
    // Staff import the good row by hand.
    const byHand = await cli(['--workspace', ws, '--format', 'json', 'import', path.join(inbox, 'valant-patients.csv'), '--allow-partial'], { now: NOW });
    const handRun = JSON.parse(byHand.stdout).run as number;
    const next = await run(ws);
    expect(next.code, next.stdout).toBe(0);
    expect(next.stdout).toContain(`archived valant-patients.csv: already imported by run ${handRun}\n`);
    expect(fs.readdirSync(inbox)).toEqual([]);
    expect(fs.readdirSync(path.join(ws, 'archive', '2026-11-23'))).toEqual([`run-${handRun}-again-valant-patients.csv`]);
  });
});

