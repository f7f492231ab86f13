// `run` with one inbox file this user may not read: the others are imported and archived, that one gets a problem
// file (or, when even that cannot be written, a PROBLEM line saying why), the run exits 3 and still writes its reports.
// Root ignores file modes, so as root (vitest in CI) the call that reads the file is made to fail as it does for
// another user; as anyone else chmod 000 does it. The same was run as nobody with setpriv on the built binary.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, FIXTURES, tempWorkspace } from '../helpers/cli.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const DAY = '2026-11-23';
const run = (ws: string) => cli(['--workspace', ws, '--as-of', DAY, 'run'], { now: NOW });
const isRoot = process.getuid?.() === 0;

/** The error Node throws for a path this user may not open. */
function eacces(target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, open '${target}'`), { errno: -13, code: 'EACCES', syscall: 'open', path: target });
}

/** chmod 000, and as root, for whom modes mean nothing, `fs.openSync` refusing the file as it refuses another user. */
function makeUnreadable(file: string): void {
  fs.chmodSync(file, 0o000);
  if (!isRoot) return;
  const openSync = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((target: fs.PathLike, ...rest: unknown[]) => {
    if (String(target) === file) throw eacces(file);
    return (openSync as (...args: unknown[]) => number)(target, ...rest);
  }) as typeof fs.openSync);
}

function makeReadable(file: string): void {
  vi.restoreAllMocks();
  fs.chmodSync(file, 0o600);
}

/** A workspace with the generic patients and claims exports in its inbox. */
function inboxWithTwoFiles(): { ws: string; patients: string; claims: string } {
  const ws = tempWorkspace();
  const patients = path.join(ws, 'inbox', 'patients.csv');
  const claims = path.join(ws, 'inbox', 'claims.csv');
  fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), patients);
  fs.copyFileSync(path.join(FIXTURES, 'generic', 'claims.csv'), claims);
  return { ws, patients, claims };
}

const denied = (file: string) =>
  `cannot open ${file}: permission denied (EACCES); check the owner and permissions of ${file} and of its folder`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('run, with an inbox file this user may not read', () => {
  it('imports and archives the others, leaves a problem file beside it, exits 3 and writes the reports', async () => {
    const { ws, claims } = inboxWithTwoFiles();
    makeUnreadable(claims);
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('imported patients.csv (generic/patients, run 1): 8 created');
    expect(result.stdout).toContain(`PROBLEM claims.csv: ${denied(claims)} (see claims.csv.problem.txt in the inbox)\n`);
    expect(fs.readdirSync(path.join(ws, 'archive', DAY))).toEqual(['run-1-patients.csv']);
    expect(fs.readdirSync(path.join(ws, 'inbox')).sort()).toEqual(['claims.csv', 'claims.csv.problem.txt']);
    const problem = fs.readFileSync(`${claims}.problem.txt`, 'utf8');
    expect(problem).toContain(`${denied(claims)}\n`);
    expect(problem).toMatch(/^unreadable: \d+ bytes, modified \S+$/m);
    const reports = path.join(ws, 'reports', DAY);
    expect(fs.readdirSync(reports).sort()).toEqual(
      ['aging.csv', 'alerts.csv', 'balances.csv', 'claims.csv', 'sessions.csv', 'summary.json', 'summary.txt', 'unbilled.csv']);
    const summary = JSON.parse(fs.readFileSync(path.join(reports, 'summary.json'), 'utf8'));
    expect(summary.files.map((f: { file: string; status: string }) => [f.file, f.status])).toEqual([['patients.csv', 'imported'], ['claims.csv', 'problem']]);

    // Still unreadable and unchanged: it waits, as any problem file does, so cron mails once.
    const again = await run(ws);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('waiting claims.csv: unchanged since its problem was reported\n');

    // Made readable (a chmod changes neither its size nor its time), it is tried again and imported.
    makeReadable(claims);
    const fixed = await run(ws);
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('imported claims.csv (generic/claims, run 2): 14 created');
    expect(fs.readdirSync(path.join(ws, 'inbox'))).toEqual([]);
  });

  it('when even its problem file cannot be written, the summary names it as a PROBLEM and says why', async () => {
    const { ws, claims } = inboxWithTwoFiles();
    makeUnreadable(claims);
    const note = `${claims}.problem.txt`;
    const writeFileSync = fs.writeFileSync.bind(fs);
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((target: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (String(target) === note) throw eacces(note);
      return (writeFileSync as (...args: unknown[]) => void)(target, ...rest);
    }) as typeof fs.writeFileSync);
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(3);
    const line = `PROBLEM claims.csv: ${denied(claims)} (no problem file: ${denied(note)})\n`;
    expect(result.stdout).toContain(line);
    expect(fs.readFileSync(path.join(ws, 'reports', DAY, 'summary.txt'), 'utf8')).toContain(line);
    expect(fs.readdirSync(path.join(ws, 'archive', DAY))).toEqual(['run-1-patients.csv']);
    expect(fs.readdirSync(path.join(ws, 'inbox'))).toEqual(['claims.csv']);
    const summary = JSON.parse(fs.readFileSync(path.join(ws, 'reports', DAY, 'summary.json'), 'utf8'));
    expect(summary.files[1]).toMatchObject({ file: 'claims.csv', status: 'problem', problem_file: null, problem_file_error: denied(note) });
  });
});
