// backup: a verified owner-only copy, consistent while another process imports; rolling backups keep exactly `keep`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClaims } from '../../bench/generate.js';
import { backupStamp } from '../../src/maintenance/backup-names.js';
import { backupStore } from '../../src/maintenance/backup-store.js';
import { rollingBackup, rollingBackups } from '../../src/maintenance/rolling-backup.js';
import { workspacePaths } from '../../src/workspace/layout.js';
import { cli, dumpStore, FIXTURES, query, REPO, tempDir, tempWorkspace, waitForLog } from '../helpers/cli.js';
import { integrity } from '../helpers/store-files.js';

// Pinned so the local-time file names below are known: 2026-11-23T09:00:00Z is 03:00:00 in Chicago (CST, UTC-6).
process.env.TZ = 'America/Chicago';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const count = (dbFile: string, table: string) => query<{ n: number }>(dbFile, `SELECT COUNT(*) AS n FROM ${table}`)[0].n;


async function importedWorkspace(): Promise<string> {
  const ws = tempWorkspace();
  expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')])).code).toBe(0);
  return ws;
}

describe('backupStore', () => {
  it('copies the store into one self-contained owner-only file that holds exactly the same data', async () => {
    const ws = await importedWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    const dest = path.join(tempDir(), 'copy.db');
    const result = await backupStore(store, dest);
    expect(result.file).toBe(dest);
    expect(result.bytes).toBe(fs.statSync(dest).size);
    expect(result.bytes).toBe(result.pages * 4096);
    expect(mode(dest)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['copy.db']);
    // Not in WAL mode: header bytes 18-19 are 1 (rollback journal), so the single file is the whole database.
    expect([...fs.readFileSync(dest).subarray(18, 20)]).toEqual([1, 1]);
    expect(integrity(dest)).toBe('ok');
    expect(dumpStore(dest)).toBe(dumpStore(store));
    expect(count(dest, 'claims')).toBe(14);
  });

  it('refuses to overwrite a file or write into a missing folder, and leaves nothing behind', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'taken.db'), 'mine');
    await expect(backupStore(store, path.join(dir, 'taken.db'))).rejects.toMatchObject({ code: 'usage' });
    expect(fs.readFileSync(path.join(dir, 'taken.db'), 'utf8')).toBe('mine');
    await expect(backupStore(store, path.join(dir, 'no', 'such.db'))).rejects.toMatchObject({ code: 'usage' });
    await expect(backupStore(path.join(dir, 'missing.db'), path.join(dir, 'x.db'))).rejects.toMatchObject({ code: 'store_invalid' });
    expect(fs.readdirSync(dir)).toEqual(['taken.db']);
  });

  it('while another process imports 200,000 claims, every copy passes integrity_check and holds all or none of the import', async () => {
    const ws = tempWorkspace();
    const big = path.join(tempDir(), 'claims-200k.csv');
    writeClaims(big, 200_000, 5_000);
    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'practice-sync'), '--workspace', ws, '--quiet', 'import', big], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let running = true;
    void exited.then(() => (running = false));
    await waitForLog(ws, 'import_start');
    const outDir = tempDir();
    const copies: string[] = [];
    while (running || copies.length === 0) {
      copies.push((await backupStore(path.join(ws, 'practice-sync.db'), path.join(outDir, `during-${copies.length}.db`))).file);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await exited).toBe(0);
    copies.push((await backupStore(path.join(ws, 'practice-sync.db'), path.join(outDir, 'after.db'))).file);
    const counts = copies.map((file) => {
      expect(integrity(file)).toBe('ok');
      return count(file, 'claims');
    });
    expect(counts[0]).toBe(0); // taken after import_start, before the import's single transaction can commit
    expect(counts.at(-1)).toBe(200_000);
    for (const n of counts) expect([0, 200_000]).toContain(n);
    // The copy taken mid-import restores to a store that passes integrity_check and holds none of it.
    const other = tempWorkspace();
    expect((await cli(['--workspace', other, 'restore', copies[0]])).code).toBe(0);
    expect(integrity(path.join(other, 'practice-sync.db'))).toBe('ok');
    expect(count(path.join(other, 'practice-sync.db'), 'claims')).toBe(0);
  });
});

describe('rollingBackup', () => {
  it('keeps exactly `keep` rolling copies, deleting the oldest, and never touches any other file', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    const manual = path.join(paths.backups, 'practice-sync-20200101-000000.db');
    const other = path.join(paths.backups, 'practice-sync-auto-notes.txt');
    fs.writeFileSync(manual, 'manual');
    fs.writeFileSync(other, 'notes');
    const names: string[] = [];
    for (let hour = 1; hour <= 5; hour++) {
      const result = await rollingBackup(paths, () => new Date(`2026-11-23T${String(hour + 6).padStart(2, '0')}:00:00Z`), 3);
      names.push(path.basename(result!.file));
      expect(result!.removed.map((f) => path.basename(f))).toEqual(hour > 3 ? [names[hour - 4]] : []);
    }
    // 07:00Z..11:00Z are 01:00..05:00 in Chicago; the newest three remain.
    expect(rollingBackups(paths).map((f) => path.basename(f))).toEqual([
      'practice-sync-auto-20261123-030000.db',
      'practice-sync-auto-20261123-040000.db',
      'practice-sync-auto-20261123-050000.db',
    ]);
    expect(fs.readFileSync(manual, 'utf8')).toBe('manual');
    expect(fs.readFileSync(other, 'utf8')).toBe('notes');
    expect(fs.readdirSync(paths.backups).length).toBe(5);
  });

  it('two backups in the same second get distinct names, and keep 0 writes nothing', async () => {
    const paths = workspacePaths(tempWorkspace());
    const now = () => new Date('2026-11-23T09:00:00Z');
    const first = await rollingBackup(paths, now, 2);
    const second = await rollingBackup(paths, now, 2);
    const third = await rollingBackup(paths, now, 2);
    expect(path.basename(first!.file)).toBe('practice-sync-auto-20261123-030000.db');
    expect(path.basename(second!.file)).toBe('practice-sync-auto-20261123-030000-2.db');
    expect(path.basename(third!.file)).toBe('practice-sync-auto-20261123-030000-3.db');
    expect(third!.removed).toEqual([first!.file]);
    expect(await rollingBackup(paths, now, 0)).toBeNull();
    expect(rollingBackups(paths)).toEqual([second!.file, third!.file]);
  });
});

describe('backup command', () => {
  it('writes backups/practice-sync-YYYYMMDD-HHMMSS.db in local time, or --out FILE', async () => {
    const ws = await importedWorkspace();
    expect(backupStamp(new Date('2026-11-23T09:00:00Z'))).toBe('20261123-030000');
    const result = await cli(['--workspace', ws, 'backup']);
    const expected = path.join(ws, 'backups', 'practice-sync-20261123-030000.db');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`backed up the store to ${expected} (${fs.statSync(expected).size} bytes, integrity ok)\n`);
    expect(mode(expected)).toBe(0o600);
    expect(count(expected, 'claims')).toBe(14);
    const out = path.join(tempDir(), 'elsewhere.db');
    expect((await cli(['--workspace', ws, 'backup', '--out', out])).code).toBe(0);
    expect(dumpStore(out)).toBe(dumpStore(expected));
    const again = await cli(['--workspace', ws, 'backup', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8')).toMatch(/"event":"backup","file":"[^"]+practice-sync-20261123-030000\.db"/);
  });
});


beforeAll(() => {
  expect(fs.existsSync(path.join(REPO, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
});
