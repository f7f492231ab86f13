// `run` as cron runs it: the crontab line of docs/scheduling.md, under `env -i` (no TTY, minimal PATH, cwd /).
// Then a second run with a new claims export and a broken file; a run killed half way; two runs at once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeClaims } from '../../bench/generate.js';
import { FIXTURES, REPO, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const BIN = path.join(REPO, 'bin', 'practice-sync');

function cronCommand(ws: string): string {
  const docs = fs.readFileSync(path.join(REPO, 'docs', 'scheduling.md'), 'utf8');
  const line = docs.split('\n').find((l) => l.startsWith('0 7 * * 1-5 '))!;
  return line.split(/\s+/).slice(5).join(' ')
    .replace('/usr/local/bin/node', process.execPath)
    .replace('/opt/practice-sync', REPO)
    .replace('/home/office/practice', ws);
}

function asCron(command: string, home: string) {
  return spawnSync('/usr/bin/env', ['-i', 'PATH=/usr/bin:/bin', `HOME=${home}`, 'SHELL=/bin/sh', '/bin/sh', '-c', command], { cwd: '/', encoding: 'utf8' });
}

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const count = (ws: string, sql: string) => {
  const db = new Database(path.join(ws, 'practice-sync.db'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

const CLAIMS_HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';

describe('run, scheduled', () => {
  it('works from cron: archives, reports, exit codes; the next run imports only what is new', () => {
    const ws = tempWorkspace();
    const home = tempDir();
    for (const name of ['patients', 'authorizations', 'appointments', 'claims']) fs.copyFileSync(path.join(FIXTURES, 'generic', `${name}.csv`), path.join(ws, 'inbox', `${name}.csv`));
    const command = cronCommand(ws);
    expect(command).toContain('--quiet run --fail-on high');

    const first = asCron(command, home);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(4); // the fixture practice has denied claims: new high alerts
    expect(first.stdout.includes('\u001b[')).toBe(false);
    const day = localDay();
    expect(fs.readdirSync(path.join(ws, 'archive', day)).sort()).toEqual(['run-1-patients.csv', 'run-2-authorizations.csv', 'run-3-appointments.csv', 'run-4-claims.csv']);
    expect(fs.readdirSync(path.join(ws, 'inbox'))).toEqual([]);
    expect(fs.readdirSync(path.join(ws, 'reports', day)).sort()).toEqual(['aging.csv', 'alerts.csv', 'balances.csv', 'claims.csv', 'sessions.csv', 'summary.json', 'summary.txt', 'unbilled.csv']);
    expect(fs.readdirSync(path.join(ws, 'backups'))).toHaveLength(1);
    // Only the high alerts were printed (--fail-on high): the medium ones stay new for the Monday `alerts --new`.
    const firstSummary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', day, 'summary.json'), 'utf8'));
    const medium = firstSummary.alerts.new_by_severity.medium as number;
    expect(medium).toBeGreaterThan(0);
    for (const line of first.stdout.split('\n').filter((l) => l.startsWith('  - ['))) expect(line).toMatch(/^ {2}- \[high\] /);

    writeFile(path.join(ws, 'inbox'), 'claims-week2.csv', `${CLAIMS_HEADER}CLM-W2-1,Inés Muñoz,P1001,10/20/2026,10/21/2026,Aetna (60054),Hannah Cole,160.00,0.00,0.00,0.00,Denied,CO-197\n`);
    writeFile(path.join(ws, 'inbox'), 'broken.csv', 'Claim ID,Patient Name\nX,Y\n');
    const second = asCron(command, home);
    expect(second.status).toBe(3);
    expect(second.stdout).toMatch(/imported claims-week2\.csv \(generic\/claims, run 5\): 1 created/);
    expect(second.stdout).toMatch(/PROBLEM broken\.csv: no mapping fits/);
    expect(second.stdout).toContain('[high] Claim CLM-W2-1');
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', day, 'summary.json'), 'utf8'));
    // The denied claim's alert, and the medium ones nobody has been shown yet.
    expect(summary.alerts.new_by_severity).toEqual({ high: 1, medium });
    expect(summary.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([['claims-week2.csv', 'imported'], ['broken.csv', 'problem']]);
    expect(fs.readdirSync(path.join(ws, 'inbox')).sort()).toEqual(['broken.csv', 'broken.csv.problem.txt']);
    expect(fs.readFileSync(path.join(ws, 'inbox', 'broken.csv.problem.txt'), 'utf8')).toMatch(/closest mappings/);

    // Nothing new needs a human: with --quiet the job prints nothing, so cron sends no mail; the summary is on disk.
    const third = asCron(command, home);
    expect(third.status).toBe(0);
    expect(third.stdout).toBe('');
    expect(fs.readFileSync(path.join(ws, 'reports', day, 'summary.txt'), 'utf8')).toMatch(/waiting broken\.csv/);
    // Still new: `alerts --new` lists them (and, shown now, they are new no more).
    const listed = spawnSync(process.execPath, [BIN, '--workspace', ws, '--format', 'json', 'alerts', '--new'], { encoding: 'utf8' });
    expect(JSON.parse(listed.stdout).rows.filter((r: { severity: string }) => r.severity === 'medium')).toHaveLength(medium);
    const again = spawnSync(process.execPath, [BIN, '--workspace', ws, '--format', 'json', 'alerts', '--new'], { encoding: 'utf8' });
    expect(JSON.parse(again.stdout).rows).toEqual([]);
    const log = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8');
    expect(log).toMatch(/"event":"command","command":"run","exit":3/);
    expect(log).not.toMatch(/Muñoz/);
  });

  it('a run killed half way, started again, finishes with nothing imported twice and nothing lost', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), path.join(inbox, 'patients.csv'));
    writeClaims(path.join(inbox, 'claims-big.csv'), 300_000, 5_000);
    // A file whose import committed just before a kill, not yet archived: imported by hand, then left in the inbox.
    const early = writeFile(tempDir(), 'payments.csv', fs.readFileSync(path.join(FIXTURES, 'generic', 'payments.csv')));
    expect(spawnSync(process.execPath, [BIN, '--workspace', ws, '--quiet', 'import', early]).status).toBe(0);
    fs.copyFileSync(early, path.join(inbox, 'payments.csv'));

    const child = spawn(process.execPath, [BIN, '--workspace', ws, '--quiet', 'run'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('close', resolve));
    const log = path.join(ws, 'logs', 'practice-sync.log');
    for (let i = 0; i < 1000 && !(fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('"file":"claims-big.csv"')); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(path.join(inbox, 'claims-big.csv'))).toBe(true);

    const again = spawnSync(process.execPath, [BIN, '--workspace', ws, '--quiet', 'run'], { encoding: 'utf8' });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toBe('');
    expect(fs.readFileSync(path.join(ws, 'reports', localDay(), 'summary.txt'), 'utf8')).toMatch(/archived payments\.csv: already imported by run 1/);
    expect(count(ws, 'SELECT COUNT(*) FROM claims')).toBe(300_000);
    expect(count(ws, 'SELECT COUNT(*) FROM payments')).toBe(14);
    expect(count(ws, "SELECT COUNT(*) FROM runs WHERE status = 'ok' GROUP BY sha256 ORDER BY 1 DESC LIMIT 1")).toBe(1);
    expect(fs.readdirSync(inbox)).toEqual([]);
  });

  it('two runs at once: one exits 5 naming the other, or saying nothing under --quiet (as cron runs it)', async () => {
    const ws = tempWorkspace();
    writeClaims(path.join(ws, 'inbox', 'claims-big.csv'), 200_000, 5_000);
    const first = spawn(process.execPath, [BIN, '--workspace', ws, '--quiet', 'run'], { stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => first.on('close', resolve));
    const lock = path.join(ws, 'practice-sync.lock');
    for (let i = 0; i < 500 && !fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 10));
    const second = spawnSync(process.execPath, [BIN, '--workspace', ws, 'run'], { encoding: 'utf8' });
    expect(second.status).toBe(5);
    expect(second.stderr).toContain(`practice-sync process ${first.pid} (run, started`);
    const quiet = spawnSync(process.execPath, [BIN, '--workspace', ws, '--quiet', 'run'], { encoding: 'utf8' });
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([5, '', '']);
    expect(await done).toBe(0);
  });

  it.runIf(fs.existsSync('/proc/self/stat'))('a lock from before a reboot, its process ID now another program\'s, is taken over: the run imports', () => {
    const ws = tempWorkspace();
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), path.join(ws, 'inbox', 'patients.csv'));
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const before = new Date(Date.now() - 6 * 3_600_000).toISOString();
      fs.writeFileSync(path.join(ws, 'practice-sync.lock'), JSON.stringify({ pid: sleeper.pid, started_at: before, command: 'run', host: os.hostname() }));
      const result = spawnSync(process.execPath, [BIN, '--workspace', ws, '--quiet', 'run'], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
      expect(fs.readFileSync(path.join(ws, 'reports', localDay(), 'summary.txt'), 'utf8')).toMatch(/imported patients\.csv/);
      expect(fs.existsSync(path.join(ws, 'practice-sync.lock'))).toBe(false);
      expect(fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8')).toContain(`"event":"lock_taken_over","from_pid":${sleeper.pid}`);
    } finally {
      sleeper.kill();
    }
  });
});
