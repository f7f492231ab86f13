// A full disk is exit 2 saying so, never exit 1 "a bug", and the store is left as it was. The disk is made full by
// SQLite's own page limit, or by the failing call throwing what Node throws on a full disk (ENOSPC).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diskFull } from '../../src/workspace/disk-full.js';
import { cli, dumpStore, FIXTURES, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

const CLAIMS = path.join(FIXTURES, 'generic/claims.csv');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a full disk: exit 2 saying so, the store untouched', () => {
  it('the store cannot grow mid-import: SQLite answers SQLITE_FULL, and the import is rolled back', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')])).code).toBe(0);
    const before = dumpStore(store);
    // max_page_count stops the file growing, as a full disk does: SQLite answers the write that needs a page with SQLITE_FULL.
    const exec = Database.prototype.exec;
    vi.spyOn(Database.prototype, 'exec').mockImplementation(function (this: Database.Database, sql: string) {
      if (sql === 'BEGIN IMMEDIATE') this.pragma(`max_page_count = ${this.pragma('page_count', { simple: true }) as number}`);
      return exec.call(this, sql);
    });
    const header = fs.readFileSync(CLAIMS, 'utf8').split('\n')[0];
    const rows = Array.from({ length: 2000 }, (_, i) => `C${i},Ann Lee,P${i},10/01/2026,,Aetna,Hannah Cole,10.00,,,,Submitted,`);
    const file = writeFile(tempDir(), 'claims.csv', `${header}\n${rows.join('\n')}\n`);
    const result = await cli(['--workspace', ws, 'import', file]);
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot write ${store}: the disk is full (SQLITE_FULL); free some space on the disk holding ${ws}, then run the command again\n`]);
    vi.restoreAllMocks();
    expect(dumpStore(store)).toBe(before);
    const lines = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ event: 'command', command: 'import', exit: 2, code: 'disk_full' });
  });

  it('the lock cannot be written (ENOSPC, before the workspace is open)', async () => {
    const ws = tempWorkspace();
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { errno: -28, code: 'ENOSPC', syscall: 'write' });
    });
    const result = await cli(['--workspace', ws, 'import', CLAIMS]);
    expect([result.code, result.stderr]).toEqual([2,
      'practice-sync: cannot write: the disk is full (ENOSPC); free some space on the disk holding the workspace, then run the command again\n']);
  });

  it('a backup that fills the disk: exit 2 naming where it was going, and no partial copy left', async () => {
    const ws = tempWorkspace();
    const out = path.join(tempDir(), 'copy.db');
    vi.spyOn(Database.prototype, 'backup').mockRejectedValue(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
    const result = await cli(['--workspace', ws, 'backup', '--out', out]);
    expect([result.code, result.stderr]).toEqual([2,
      `practice-sync: cannot write ${out}: the disk is full (SQLITE_FULL); free some space on the disk holding ${path.dirname(out)}, then run the command again\n`]);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  it('only a full disk is converted: other I/O errors are still a bug (exit 1)', () => {
    const store = path.join(tempWorkspace(), 'practice-sync.db');
    expect(diskFull(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }))).toBeNull();
    expect(diskFull(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'))).toBeNull();
    expect(diskFull(new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), store)?.exitCode).toBe(2);
    // An I/O error on a disk with room to spare is not a full disk.
    expect(diskFull(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'), store)).toBeNull();
    expect(diskFull(Object.assign(new Error('ENOSPC: no space left on device, open \'/ws/x\''), { code: 'ENOSPC', path: '/ws/x' }))?.message).toBe(
      'cannot write /ws/x: the disk is full (ENOSPC); free some space on the disk holding /ws, then run the command again');
  });
});

describe('doctor', () => {
  it('on a full disk says so and does not send to a backup, which would throw away every run since it', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    expect((await cli(['--workspace', ws, 'backup'])).code).toBe(0);
    // SQLite cannot make its -shm on a full disk: opening the store fails before anything is read.
    const pragma = Database.prototype.pragma;
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      if (source === 'user_version' && this.name === store) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
      return pragma.call(this, source, options);
    });
    const result = await cli(['--workspace', ws, 'doctor']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('fail  store: practice-sync.db cannot be opened: the disk is full (database or disk is full)\n' +
      `      fix: free some space on the disk holding ${ws}, then run practice-sync doctor again; do not restore a backup for this\n`);
    expect(result.stdout).not.toContain('restore the newest backup');
  });
});
