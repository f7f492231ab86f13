// doctor: one line per check with ok / warn / fail and the fix; exit 2 on any fail; never a patient name.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runDoctor, type DoctorCheck } from '../../src/maintenance/doctor.js';
import { checkPermissions } from '../../src/maintenance/doctor-layout.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { workspacePaths } from '../../src/workspace/layout.js';
import { acquireLock } from '../../src/workspace/lock.js';
import { cli, FIXTURES, REPO, tempWorkspace } from '../helpers/cli.js';
import { corruptClaimsIndex, editStore } from '../helpers/store-files.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const now = () => NOW;
const doctor = (ws: string) => cli(['--workspace', ws, 'doctor'], { now: NOW });
const find = (checks: DoctorCheck[], name: string) => checks.find((c) => c.name === name);
const statuses = (checks: DoctorCheck[]) => checks.map((c) => `${c.status} ${c.name}`);

/** The built-in mapping files shipped in mappings/ (writeback profiles are not mappings). */
function builtinMappingCount(): number {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'writeback' ? [] : walk(path.join(dir, e.name))) : e.name.endsWith('.json') && !e.name.endsWith('.schema.json') ? [e.name] : []);
  return walk(path.join(REPO, 'mappings')).length;
}

describe('doctor', () => {
  it('a fresh workspace is all ok, exit 0', async () => {
    const ws = tempWorkspace();
    const result = await doctor(ws);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'ok    layout: all 7 folders present (inbox, archive, reports, rejects, mappings, logs, backups)',
      'ok    config: practice-sync.json is valid',
      `ok    mappings: ${builtinMappingCount()} built-in mappings and 0 workspace mappings valid`,
      expect.stringMatching(/^ok {4}store integrity: integrity_check ok \(\d+ pages\)$/),
      `ok    store schema: schema version ${SCHEMA_VERSION} (current)`,
      'ok    provisional patients: every patient has a full record',
      'ok    permissions: the workspace, its folders, the store, config, archive, backups, logs and reports are owner-only',
      'ok    lock: no practice-sync process holds the workspace',
      'ok    leftovers: no copy of the store left by an interrupted backup or restore',
      'ok    inbox: no files waiting in inbox/',
      '10 ok, 0 warn, 0 fail',
    ]);
    const json = JSON.parse((await cli(['--workspace', ws, 'doctor', '--format', 'json'], { now: NOW })).stdout);
    expect(json.checks).toHaveLength(10);
    expect(json.checks.every((c: DoctorCheck) => c.status === 'ok' && c.fix === undefined)).toBe(true);
  });

  it('each bad workspace mapping file is its own fail line; the good one counts; exit 2', async () => {
    const ws = tempWorkspace();
    fs.copyFileSync(path.join(REPO, 'mappings/generic/claims.json'), path.join(ws, 'mappings', 'our-claims.json'));
    fs.writeFileSync(path.join(ws, 'mappings', 'broken.json'), '{ "name": ');
    fs.mkdirSync(path.join(ws, 'mappings', 'sub'));
    fs.writeFileSync(path.join(ws, 'mappings', 'sub', 'wrong.json'), JSON.stringify({ name: 'x' }));
    const result = await doctor(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`ok    mappings: ${builtinMappingCount()} built-in mappings and 1 workspace mapping valid\n`);
    expect(result.stdout).toMatch(/^fail {2}mapping mappings\/broken\.json: workspace mapping file is invalid: not valid JSON/m);
    expect(result.stdout).toMatch(/^fail {2}mapping mappings\/sub\/wrong\.json: workspace mapping file is invalid: /m);
    expect(result.stdout).toContain(`      fix: fix it (practice-sync mapping check "${path.join(ws, 'mappings', 'broken.json')}" explains each problem) or move it out of mappings/\n`);
    expect(result.stdout).toMatch(/\n\d+ ok, 0 warn, 2 fail\n$/);
  });

  it('a store readable by others fails the permissions check with the chmod that fixes it', async () => {
    const ws = tempWorkspace();
    fs.chmodSync(path.join(ws, 'practice-sync.db'), 0o644);
    fs.chmodSync(path.join(ws, 'reports'), 0o755);
    const result = await doctor(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('fail  permissions: 2 paths readable by others: practice-sync.db is 644; reports/ is 755\n');
    expect(result.stdout).toContain(`      fix: chmod -R go-rwx "${ws}"\n`);
    expect(checkPermissions(workspacePaths(ws), 'win32')).toEqual({ name: 'permissions', status: 'ok', detail: 'not checked on Windows (the folder ACL protects the files)' });
  });

  it('a lock left by a dead process is a stale-lock warning; a live holder is named; neither fails', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    fs.writeFileSync(paths.lock, JSON.stringify({ pid: dead, started_at: '2026-11-23T08:00:00.000Z', command: 'run', host: os.hostname() }), { mode: 0o600 });
    let result = await doctor(ws);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`warn  lock: stale lock left by process ${dead} (run, started 2026-11-23T08:00:00.000Z on ${os.hostname()}), which is no longer running\n` +
      '      fix: nothing to do: the next command takes the lock over\n');
    fs.rmSync(paths.lock);
    const lock = await acquireLock(paths.lock, { command: 'import', now });
    result = await doctor(ws);
    lock.release();
    expect(result.stdout).toContain(`warn  lock: held by running process ${process.pid} (import, started 2026-11-23T09:00:00.000Z on ${os.hostname()})\n`);
    expect(result.code).toBe(0);
  });

  it('copies of the store left by a killed backup or restore are a warning naming them; one in progress is not', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    fs.writeFileSync(path.join(paths.backups, `practice-sync-2026-11-23.db.partial-${dead}`), 'half a copy', { mode: 0o600 });
    fs.writeFileSync(`${paths.store}.restore-${dead}`, 'half a copy', { mode: 0o600 });
    fs.writeFileSync(path.join(paths.backups, `practice-sync-2026-11-24.db.partial-${process.pid}`), 'being written', { mode: 0o600 });
    const result = await doctor(ws);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`warn  leftovers: 2 copies of the store left by an interrupted backup or restore, holding patient data: ` +
      `practice-sync.db.restore-${dead}, backups/practice-sync-2026-11-23.db.partial-${dead}\n` +
      `      fix: delete them: cd "${ws}" && rm "practice-sync.db.restore-${dead}" "backups/practice-sync-2026-11-23.db.partial-${dead}"\n`);
  });

  it.runIf(fs.existsSync('/proc/self/stat'))('a lock whose process ID now names another program (reused after a reboot) is a stale-lock warning', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid!;
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
      fs.writeFileSync(paths.lock, JSON.stringify({ pid, started_at: anHourAgo, command: 'run', host: os.hostname() }), { mode: 0o600 });
      const result = await doctor(ws);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`warn  lock: stale lock left by process ${pid} (run, started ${anHourAgo} on ${os.hostname()}), which is no longer running ` +
        `(process ${pid} is now another program, started after the lock was taken)\n      fix: nothing to do: the next command takes the lock over\n`);
    } finally {
      sleeper.kill();
    }
  });

  it('counts provisional patients without naming them, until a client export completes them', async () => {
    const ws = tempWorkspace();
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const result = await doctor(ws);
    expect(result.code).toBe(0);
    // claims.csv names 7 patients (P1001, P1002, P1004, P1005, P1006, P1007, P1008), none known before.
    expect(result.stdout).toContain('warn  provisional patients: 7 patients known only by name from other exports, never completed by a client export\n' +
      '      fix: import a client (patients) export from the EHR so they get their IDs and full records\n');
    for (const name of ['Muñoz', 'Smith', 'Hughes', 'Chou', 'Al-Sayed', 'Delgado', "O'Connor", 'P1001']) expect(result.stdout).not.toContain(name);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    expect((await doctor(ws)).stdout).toContain('ok    provisional patients: every patient has a full record\n');
  });

  it('files waiting in inbox/ are counted with their age; files with a .problem.txt are listed', async () => {
    const ws = tempWorkspace();
    const inbox = path.join(ws, 'inbox');
    for (const name of ['a.csv', 'c.csv', 'b.csv', 'b.csv.problem.txt', 'orphan.problem.txt', '.DS_Store', 'd.csv.crdownload', '~$e.csv']) fs.writeFileSync(path.join(inbox, name), 'x');
    // a.csv dropped three days before NOW (72 hours), c.csv an hour before.
    fs.utimesSync(path.join(inbox, 'a.csv'), new Date('2026-11-20T09:00:00Z'), new Date('2026-11-20T09:00:00Z'));
    fs.utimesSync(path.join(inbox, 'c.csv'), new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T08:00:00Z'));
    const checks = runDoctor(ws, now).checks;
    expect(find(checks, 'inbox')).toEqual({ name: 'inbox', status: 'warn', detail: '2 files waiting in inbox/, the oldest since 3 days ago', fix: 'practice-sync run imports them (check that the scheduled job runs)' });
    expect(find(checks, 'inbox problems')).toMatchObject({ status: 'warn', detail: '1 file could not be imported: b.csv' });
    // Unfinished downloads are not waiting (run skips them), but one left for days is worth a look.
    expect(find(checks, 'inbox unfinished')).toMatchObject({ status: 'warn', detail: '2 files in inbox/ look unfinished (a download, a copy, a file open in Excel), and run leaves them alone: d.csv.crdownload, ~$e.csv' });
    expect((await doctor(ws)).code).toBe(0);
  });

  it('a file where a workspace folder belongs: commands exit 2 naming it, not as a bug, and doctor\'s fix moves it aside first', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    fs.rmSync(paths.logs, { recursive: true });
    fs.writeFileSync(paths.logs, 'x');
    const result = await cli(['--workspace', ws, 'import', '--dry-run', path.join(FIXTURES, 'generic', 'claims.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^practice-sync: cannot use ${paths.logs}/[a-z.-]+: a part of that path is a file where practice-sync keeps a folder \\(ENOTDIR\\); practice-sync doctor says which, and how to mend it\n$`));
    expect(find(runDoctor(ws, now).checks, 'layout')).toEqual({
      name: 'layout', status: 'fail', detail: 'logs is a file, not a folder',
      fix: `move the file aside, then create it: cd "${ws}" && mv logs logs.not-a-folder && mkdir -m 700 logs`,
    });
  });

  it('a missing folder, a bad config, a newer or damaged store each fail, and the store fix names the newest backup', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    fs.rmdirSync(paths.rejects);
    fs.writeFileSync(paths.config, JSON.stringify({ backup: { keep: -1 } }), { mode: 0o600 });
    await cli(['--workspace', ws, 'backup'], { now: new Date('2026-11-22T09:00:00Z') });
    await cli(['--workspace', ws, 'backup'], { now: NOW });
    const newest = fs.readdirSync(paths.backups).sort().at(-1)!;
    const db = new Database(paths.store);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    let checks = runDoctor(ws, now).checks;
    expect(statuses(checks).filter((s) => s.startsWith('fail'))).toEqual(['fail layout', 'fail config', 'fail store schema']);
    expect(find(checks, 'layout')).toEqual({ name: 'layout', status: 'fail', detail: 'missing rejects/', fix: `create it: cd "${ws}" && mkdir -m 700 rejects` });
    expect(find(checks, 'config')?.detail).toMatch(/backup\.keep/);
    expect(find(checks, 'store schema')?.detail).toBe(`schema version ${SCHEMA_VERSION + 1} is newer than this practice-sync (${SCHEMA_VERSION})`);

    corruptClaimsIndex(paths.store);
    checks = runDoctor(ws, now).checks;
    expect(find(checks, 'store integrity')).toMatchObject({ status: 'fail', fix: `restore the newest backup: practice-sync restore "${path.join(paths.backups, newest)}"` });
    expect(find(checks, 'store integrity')?.detail).toMatch(/^integrity_check found problems: /);
    fs.writeFileSync(paths.store, 'not a database at all, just text '.repeat(200));
    expect(find(runDoctor(ws, now).checks, 'store')).toMatchObject({ status: 'fail', detail: 'practice-sync.db is not a SQLite database (overwritten?)' });
    fs.rmSync(paths.store);
    expect(find(runDoctor(ws, now).checks, 'store')).toMatchObject({ status: 'fail', detail: 'practice-sync.db is missing' });
  });

  it('a store missing a table or a column of its schema fails the schema check, naming them; an empty store fails as empty', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    await cli(['--workspace', ws, 'backup'], { now: NOW });
    const newest = path.join(paths.backups, fs.readdirSync(paths.backups)[0]);
    editStore(paths.store, 'DROP TABLE claims; ALTER TABLE payments DROP COLUMN currency');
    const result = await doctor(ws);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`fail  store schema: schema version ${SCHEMA_VERSION}, missing table claims, column payments.currency\n` +
      `      fix: restore the newest backup: practice-sync restore "${newest}"\n`);
    fs.writeFileSync(paths.store, '');
    expect(find(runDoctor(ws, now).checks, 'store')).toMatchObject({ status: 'fail', detail: 'practice-sync.db is empty (0 bytes)' });
  });
});
