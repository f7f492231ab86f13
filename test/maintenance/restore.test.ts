// restore: refuses a bad file naming what is wrong, keeps the current store, swaps atomically, migrates an older backup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupStore } from '../../src/maintenance/backup-store.js';
import { restoreStore } from '../../src/maintenance/restore-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { workspacePaths } from '../../src/workspace/layout.js';
import { acquireLock } from '../../src/workspace/lock.js';
import { cli, dumpStore, FIXTURES, query, tempDir, tempWorkspace } from '../helpers/cli.js';
import { corruptClaimsIndex, editStore, storeAtSchema } from '../helpers/store-files.js';

process.env.TZ = 'America/Chicago';

const count = (dbFile: string, table: string) => query<{ n: number }>(dbFile, `SELECT COUNT(*) AS n FROM ${table}`)[0].n;
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('restore', () => {
  it('round trip: backup, import more, restore — the store is the backup again and the replaced one is kept', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/patients.csv')]);
    const backup = path.join(tempDir(), 'before-claims.db');
    await backupStore(store, backup);
    const atBackup = dumpStore(store);
    expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')])).code).toBe(0);
    const afterClaims = dumpStore(store);
    expect(count(store, 'claims')).toBe(14);

    const result = await cli(['--workspace', ws, 'restore', backup], { now: new Date('2026-11-23T15:30:05Z') });
    expect(result.code, result.stderr).toBe(0);
    // No staging file beside the store, no lock left behind, no stale -wal/-shm.
    expect(fs.readdirSync(ws).filter((f) => f.startsWith('practice-sync.')).sort()).toEqual(['practice-sync.db', 'practice-sync.json']);
    // 15:30:05Z is 09:30:05 in Chicago.
    const kept = path.join(ws, 'backups', 'before-restore-20261123-093005.db');
    expect(result.stdout).toBe(`restored the store from ${backup}\n  the previous store is kept as ${kept}\n`);
    expect(dumpStore(store)).toBe(atBackup);
    expect(count(store, 'claims')).toBe(0);
    expect(dumpStore(kept)).toBe(afterClaims);
    expect(mode(store)).toBe(0o600);
    expect(mode(kept)).toBe(0o600);
    // The store is usable and back in WAL mode.
    const db = new Database(store);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect((await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')])).code).toBe(0);
    expect(count(store, 'claims')).toBe(14);
  });

  it('refuses a file that is not SQLite, is damaged, is not a practice-sync store, or has a newer schema — exit 2, store untouched', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const before = dumpStore(store);
    const dir = tempDir();

    const csv = path.join(dir, 'claims.csv');
    fs.copyFileSync(path.join(FIXTURES, 'generic/claims.csv'), csv);
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (x)');
    f.close();
    const newer = path.join(dir, 'newer.db');
    await backupStore(store, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const damaged = path.join(dir, 'damaged.db');
    await backupStore(store, damaged);
    corruptClaimsIndex(damaged);

    const cases: [string, RegExp][] = [
      [csv, /claims\.csv is not a SQLite database/],
      [empty, /empty\.db is not a SQLite database/],
      [foreign, /not a practice-sync store \(no schema_migrations table\)/],
      [newer, new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this practice-sync \\(${SCHEMA_VERSION}\\)`)],
      [damaged, /damaged\.db failed its integrity check/],
      [path.join(dir, 'missing.db'), /cannot read .*missing\.db/],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['--workspace', ws, 'restore', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(message);
    }
    expect(dumpStore(store)).toBe(before);
    expect(fs.readdirSync(path.join(ws, 'backups'))).toEqual([]);
    expect(fs.readdirSync(ws).filter((name) => name.includes('restore'))).toEqual([]);
  });

  it('refuses a store missing a table, a column or a migration record its schema version has — exit 2 naming each, store untouched', async () => {
    const ws = tempWorkspace();
    const store = path.join(ws, 'practice-sync.db');
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const before = dumpStore(store);
    const dir = tempDir();
    const broken = async (name: string, sql: string) => {
      const file = path.join(dir, name);
      await backupStore(store, file);
      editStore(file, sql);
      return file;
    };
    const noClaims = await broken('no-claims.db', 'DROP TABLE claims');
    const noColumn = await broken('no-column.db', 'DROP TABLE meta; ALTER TABLE payments DROP COLUMN currency');
    const unrecorded = await broken('unrecorded.db', "DELETE FROM schema_migrations WHERE name = '004-chased-claims'");
    // A store of schema version 3 is judged by what version 3 has: it never had the index of 004, but it had claims.
    const olderFile = path.join(dir, 'version-3.db');
    const older = storeAtSchema(olderFile, 3);
    older.exec('DROP TABLE claims');
    older.close();

    const cases: [string, string][] = [
      [noClaims, `${noClaims} is missing part of the schema (version ${SCHEMA_VERSION}): table claims; choose another backup`],
      [noColumn, `${noColumn} is missing part of the schema (version ${SCHEMA_VERSION}): table meta, column payments.currency; choose another backup`],
      [unrecorded, `${unrecorded} is missing part of the schema (version ${SCHEMA_VERSION}): migration 004-chased-claims in schema_migrations; choose another backup`],
      [olderFile, `${olderFile} is missing part of the schema (version 3): table claims; choose another backup`],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['--workspace', ws, 'restore', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toBe(`practice-sync: ${message}\n`);
    }
    expect(dumpStore(store)).toBe(before);
    expect(fs.readdirSync(path.join(ws, 'backups'))).toEqual([]);
    expect(fs.readdirSync(ws).filter((name) => name.includes('restore'))).toEqual([]);
    expect((await cli(['--workspace', ws, 'report', 'claims', '--format', 'csv'])).code).toBe(0);
    expect((await cli(['--workspace', ws, 'doctor'])).code).toBe(0);
  });

  it('an older schema is restored and migrated to the current one', async () => {
    const paths = workspacePaths(tempWorkspace());
    const old = path.join(tempDir(), 'version-1.db');
    const db = new Database(old);
    db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0].sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(MIGRATIONS[0].name, '1970-01-01T00:00:00.000Z');
    db.prepare("INSERT INTO claims (claim_id, billed) VALUES ('CLM-OLD-1', 12000)").run();
    db.pragma('user_version = 1');
    db.close();
    const result = await restoreStore(paths, old, () => new Date('2026-11-23T09:00:00Z'));
    expect(result.schemaVersion).toBe(1);
    expect(result.migrated).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
    expect(result.keptAs).toBe(path.join(paths.backups, 'before-restore-20261123-030000.db'));
    expect(query(paths.store, 'SELECT claim_id, billed FROM claims')).toEqual([{ claim_id: 'CLM-OLD-1', billed: 12000 }]);
    expect(query(paths.store, 'PRAGMA user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
  });

  it('restores into a workspace whose store is missing, and waits for no one but refuses while the lock is held (exit 5)', async () => {
    const ws = tempWorkspace();
    const paths = workspacePaths(ws);
    await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const backup = path.join(tempDir(), 'b.db');
    await backupStore(paths.store, backup);
    const lock = await acquireLock(paths.lock, { command: 'import', now: () => new Date('2026-11-23T09:00:00Z') });
    const locked = await cli(['--workspace', ws, 'restore', backup]);
    lock.release();
    expect(locked.code).toBe(5);
    expect(locked.stderr).toMatch(new RegExp(`in use by practice-sync process ${process.pid} \\(import`));
    fs.rmSync(paths.store);
    const result = await cli(['--workspace', ws, 'restore', backup]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`restored the store from ${backup}\n`);
    expect(count(paths.store, 'claims')).toBe(14);
  });

  it('a raw copy of a store still in WAL mode comes across with the commits only its -wal holds', async () => {
    const paths = workspacePaths(tempWorkspace());
    const live = path.join(tempDir(), 'live.db');
    await backupStore(paths.store, live);
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO claims (claim_id, billed) VALUES ('CLM-WAL-1', 500)").run();
    // Copied while the writer is open: the insert is only in live.db-wal.
    const copy = path.join(tempDir(), 'copy.db');
    fs.copyFileSync(live, copy);
    fs.copyFileSync(`${live}-wal`, `${copy}-wal`);
    writer.close();
    await restoreStore(paths, copy, () => new Date('2026-11-23T09:00:00Z'));
    expect(query(paths.store, 'SELECT claim_id, billed FROM claims')).toEqual([{ claim_id: 'CLM-WAL-1', billed: 500 }]);
  });

  it('a current store too damaged to back up is kept byte for byte before the swap', async () => {
    const paths = workspacePaths(tempWorkspace());
    await cli(['--workspace', paths.root, 'import', path.join(FIXTURES, 'generic/claims.csv')]);
    const good = path.join(tempDir(), 'good.db');
    await backupStore(paths.store, good);
    corruptClaimsIndex(paths.store);
    const damagedBytes = fs.readFileSync(paths.store);
    const result = await restoreStore(paths, good, () => new Date('2026-11-23T09:00:00Z'));
    expect(result.keptAs).toBe(path.join(paths.backups, 'before-restore-20261123-030000.db'));
    expect(fs.readFileSync(result.keptAs!).equals(damagedBytes)).toBe(true);
    expect(mode(result.keptAs!)).toBe(0o600);
    expect(dumpStore(paths.store)).toBe(dumpStore(good));
  });

  it('run numbers go on after a restore: the restored store\'s numbers are not handed out again', async () => {
    const ws = tempWorkspace();
    const backup = path.join(tempDir(), 'b.db');
    const runOf = async (file: string) => {
      const result = await cli(['--workspace', ws, '--format', 'json', 'import', path.join(FIXTURES, file)]);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as { run: number }).run;
    };
    expect((await cli(['--workspace', ws, 'backup', '--out', backup])).code).toBe(0);
    expect(await runOf('generic/patients.csv')).toBe(1);
    expect((await cli(['--workspace', ws, 'restore', backup])).code).toBe(0);
    expect(await runOf('generic/claims.csv')).toBe(2);
    const logged = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; run?: number }).filter((e) => e.event === 'import_done').map((e) => e.run);
    expect(logged).toEqual([1, 2]);

    // A workspace whose runs predate logs/last-run: restore remembers the numbers of the store it replaces.
    fs.rmSync(path.join(ws, 'logs', 'last-run'));
    expect((await cli(['--workspace', ws, 'restore', backup])).code).toBe(0);
    expect(await runOf('generic/claims.csv')).toBe(3);

    // A damaged or missing counter breaks nothing: the store and the attempts still number the runs.
    fs.writeFileSync(path.join(ws, 'logs', 'last-run'), 'not a number\n');
    expect(await runOf('generic/patients.csv')).toBe(4);
    fs.rmSync(path.join(ws, 'logs', 'last-run'));
    expect(await runOf('generic/appointments.csv')).toBe(5);
  });
});
