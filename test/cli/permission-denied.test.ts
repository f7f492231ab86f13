// A path this user may not read or write is exit 2 naming it (SPEC §3: usage or configuration), never exit 1 "a bug",
// and the store is left as it was. Vitest runs as root here, which ignores file modes, so the failing call is made to
// fail as it does for another user (the same errors were seen running the binary as nobody on read-only paths).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { permissionDenied } from '../../src/workspace/permission-denied.js';
import { cli, dumpStore, FIXTURES, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const CLAIMS = path.join(FIXTURES, 'generic/claims.csv');
const HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason';

/** The error Node throws for a path this user may not open. */
function eacces(target: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${target}'`), { errno: -13, code: 'EACCES', syscall, path: target });
}

/** Makes `fs.openSync` fail with EACCES for the paths `denied` picks, as it does for a folder or file without permission. */
function denyOpen(denied: (target: string) => boolean): void {
  const openSync = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((target: fs.PathLike, ...rest: unknown[]) => {
    if (denied(String(target))) throw eacces(String(target));
    return (openSync as (...args: unknown[]) => number)(target, ...rest);
  }) as typeof fs.openSync);
}

function lastLogEvent(ws: string): Record<string, unknown> {
  const lines = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a path this user may not read or write: exit 2 naming it, the store untouched', () => {
  it('a read-only workspace folder: its lock cannot be created', async () => {
    const ws = tempWorkspace();
    const lock = path.join(ws, 'practice-sync.lock');
    const before = dumpStore(path.join(ws, 'practice-sync.db'));
    denyOpen((target) => target === lock);
    const result = await cli(['--workspace', ws, 'import', CLAIMS]);
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot open ${lock}: permission denied (EACCES); check the owner and permissions of ${lock} and of its folder\n`]);
    vi.restoreAllMocks();
    expect(dumpStore(path.join(ws, 'practice-sync.db'))).toBe(before);
  });

  it('a read-only store: SQLite refuses the first write, and the import is rolled back', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')])).code).toBe(0);
    const before = dumpStore(store);
    // query_only makes SQLite answer every write as it does for a file it may not write: SQLITE_READONLY.
    const exec = Database.prototype.exec;
    vi.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
      if (sql === 'BEGIN IMMEDIATE') this.pragma('query_only = ON');
      return exec.call(this, sql);
    });
    const result = await cli(['--workspace', ws, 'import', CLAIMS]);
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot write the store ${store}: attempt to write a readonly database (SQLITE_READONLY); ` +
      `check the owner and permissions of the store and of its folder ${ws}, where SQLite keeps its -wal and -shm files\n`]);
    vi.restoreAllMocks();
    expect(dumpStore(store)).toBe(before);
    expect(lastLogEvent(ws)).toMatchObject({ event: 'command', command: 'import', exit: 2, code: 'permission_denied' });
  });

  it('an input file this user may not read', async () => {
    const ws = tempWorkspace();
    const file = writeFile(tempDir(), 'claims.csv', fs.readFileSync(CLAIMS));
    const createReadStream = fs.createReadStream.bind(fs);
    vi.spyOn(fs, 'createReadStream').mockImplementation(((target: fs.PathLike, options?: unknown) => {
      if (String(target) === file) throw eacces(file);
      return createReadStream(target, options as Parameters<typeof fs.createReadStream>[1]);
    }) as typeof fs.createReadStream);
    const result = await cli(['--workspace', ws, 'import', file]);
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot open ${file}: permission denied (EACCES); check the owner and permissions of ${file} and of its folder\n`]);
  });

  it('a read-only rejects/ folder: the rejects file cannot be written, and nothing is', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    const before = dumpStore(store);
    const file = writeFile(tempDir(), 'bad.csv', `${HEADER}\nC1,Tam Ferrow,P1,10/01/2026,,Aetna,Hannah Cole,12x,,,,Submitted,\n`);
    const rejects = path.join(ws, 'rejects');
    denyOpen((target) => target.startsWith(`${rejects}${path.sep}`));
    const result = await cli(['--workspace', ws, 'import', '--allow-partial', file]);
    const written = path.join(rejects, 'run-1-bad.csv.rejects.csv');
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot open ${written}: permission denied (EACCES); check the owner and permissions of ${written} and of its folder\n`]);
    vi.restoreAllMocks();
    expect(dumpStore(store)).toBe(before);
  });

  it('only permission errors that name their path are converted: anything else is still a bug (exit 1)', () => {
    const store = '/ws/practice-sync.db';
    expect(permissionDenied(eacces('/ws/x'))?.exitCode).toBe(2);
    expect(permissionDenied(Object.assign(eacces('/ws/x'), { code: 'EROFS' }))?.message).toBe(
      'cannot open /ws/x: read-only file system (EROFS); check the owner and permissions of /ws/x and of its folder');
    expect(permissionDenied(Object.assign(new Error('EACCES'), { code: 'EACCES' }))).toBeNull();
    expect(permissionDenied(Object.assign(eacces('/ws/x'), { code: 'ENOENT' }))).toBeNull();
    expect(permissionDenied(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }))).toBeNull();
    const readonly = new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DIRECTORY');
    expect(permissionDenied(readonly, store)?.exitCode).toBe(2);
    expect(permissionDenied(readonly)).toBeNull();
    expect(permissionDenied(new Database.SqliteError('no such table: claims', 'SQLITE_ERROR'), store)).toBeNull();
    expect(permissionDenied(new TypeError('SQLite3 can only bind numbers'), store)).toBeNull();
  });
});

describe('doctor', () => {
  it('fails the permissions check on a workspace folder or store this user cannot write, and does not send to a backup', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    const accessSync = fs.accessSync.bind(fs);
    vi.spyOn(fs, 'accessSync').mockImplementation((target, mode) => {
      if (String(target) === ws || String(target) === store) throw eacces(String(target), 'access');
      return accessSync(target, mode);
    });
    // SQLite cannot make its -wal and -shm in a folder it may not write.
    const pragma = Database.prototype.pragma;
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      if (source === 'user_version' && this.name === store) throw new Database.SqliteError('attempt to write a readonly database', 'SQLITE_READONLY_DIRECTORY');
      return pragma.call(this, source, options);
    });
    const result = await cli(['--workspace', ws, 'doctor']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('fail  store: practice-sync.db cannot be opened for writing (attempt to write a readonly database)\n      fix: see the permissions check\n');
    expect(result.stdout).toContain('fail  permissions: this user cannot write 2 paths: ./, practice-sync.db\n' +
      `      fix: run practice-sync as the account that owns the workspace, or give this one read and write: chmod -R u+rwX "${ws}"\n`);
  });
});
