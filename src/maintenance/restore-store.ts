// `restore FILE`: check the file, keep the current store as a backup, then swap the copy in atomically.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail, isPracticeSyncError } from '../errors.js';
import { migrate, SCHEMA_VERSION } from '../store/migrations.js';
import { openStore } from '../store/open-store.js';
import { rememberRun } from '../store/run-history.js';
import { hasSqliteHeader } from '../store/store-file.js';
import { schemaProblems } from '../store/store-schema.js';
import type { WorkspacePaths } from '../workspace/layout.js';
import { chmodQuietly, ensurePrivateDir, FILE_MODE } from '../workspace/private-fs.js';
import { BEFORE_RESTORE_PREFIX, uniqueBackupFile } from './backup-names.js';
import { backupStore, removeWithSideFiles } from './backup-store.js';
import { inspectStore, isIntact } from './inspect-store.js';

export interface RestoreResult {
  restoredFrom: string;
  /** Where the store that was replaced now lives; null when there was no store. */
  keptAs: string | null;
  /** The restored file's schema version, and the migrations applied to bring it up to date. */
  schemaVersion: number;
  migrated: string[];
  /** Export batches the replaced store had issued after the backup was taken, kept in the restored store. */
  carriedBatches: number[];
}

/**
 * Replace the workspace's store with `source`. The caller holds the workspace lock, so no other writer runs.
 * Order matters: the source is verified, copied beside the store and migrated there first (a bad file never gets near it);
 * the current store is checkpointed and backed up; its -wal/-shm are removed so no stale WAL frame can
 * be replayed onto the new file; then one rename swaps the files.
 */
export async function restoreStore(paths: WorkspacePaths, source: string, now: () => Date): Promise<RestoreResult> {
  const staged = `${paths.store}.restore-${process.pid}`;
  removeWithSideFiles(staged);
  try {
    const schemaVersion = await stageCopy(source, staged);
    const migrated = migrateCopy(source, staged);
    const keptAs = await keepCurrentStore(paths, now);
    rememberRunsOf(paths);
    const carriedBatches = carryExportLedger(paths, staged);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(paths.store + suffix, { force: true });
    fs.renameSync(staged, paths.store);
    chmodQuietly(paths.store, FILE_MODE);
    fsyncDir(path.dirname(paths.store));
    // openStore puts the store back in WAL mode, and checks it once more as every command will.
    const db = openStore(paths.store);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return { restoredFrom: source, keptAs, schemaVersion, migrated, carriedBatches };
  } finally {
    removeWithSideFiles(staged);
  }
}

/** Check `source` and copy it to `staged`; returns its schema version. Every refusal names what is wrong. */
async function stageCopy(source: string, staged: string): Promise<number> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    return fail('file_unreadable', `cannot read ${source}: no such file`);
  }
  if (!stat.isFile()) fail('file_unreadable', `${source} is not a file`);
  if (!hasSqliteHeader(source)) fail('store_invalid', `${source} is not a SQLite database; restore takes a file written by practice-sync backup`);
  let inspection;
  try {
    inspection = inspectStore(source, { readonly: true });
  } catch (error) {
    return fail('store_invalid', `${source} cannot be read as a SQLite database (${(error as Error).message})`);
  }
  if (!isIntact(inspection)) fail('store_invalid', `${source} failed its integrity check (${inspection.integrity[0]}); choose another backup`);
  if (!inspection.hasMigrationsTable) fail('store_invalid', `${source} is a SQLite database but not a practice-sync store (no schema_migrations table)`);
  if (inspection.userVersion > SCHEMA_VERSION) {
    fail('store_invalid', `${source} has schema version ${inspection.userVersion}, newer than this practice-sync (${SCHEMA_VERSION}); upgrade practice-sync first`);
  }
  // Judged by what its own version has: an older backup lacks what later migrations add, and gets it below.
  if (inspection.schemaProblems.length > 0) {
    fail('store_invalid', `${source} is missing part of the schema (version ${inspection.userVersion}): ${inspection.schemaProblems.join(', ')}; choose another backup`);
  }
  // Through the backup API rather than a byte copy: a source still in WAL mode comes across with its WAL.
  await backupStore(source, staged, { readonly: true });
  return inspection.userVersion;
}

/**
 * Bring the staged copy up to the current schema before it replaces anything, so a migration that fails on it leaves
 * the store as it was; returns the migrations applied. The copy is checked again after, as openStore checks every store.
 */
function migrateCopy(source: string, staged: string): string[] {
  const db = new Database(staged, { fileMustExist: true, timeout: 5_000 });
  try {
    const migrated = migrate(db);
    const problems = schemaProblems(db, SCHEMA_VERSION);
    if (problems.length > 0) fail('store_invalid', `${source} is missing part of the schema once migrated: ${problems.join(', ')}; choose another backup`);
    return migrated;
  } catch (error) {
    if (!(error instanceof Database.SqliteError)) throw error;
    return fail('store_invalid', `${source} could not be migrated to schema version ${SCHEMA_VERSION} (${error.message}); choose another backup`);
  } finally {
    db.close();
  }
}

/** Back up the store being replaced to `backups/before-restore-…db`; a store too damaged to back up is copied byte for byte. */
async function keepCurrentStore(paths: WorkspacePaths, now: () => Date): Promise<string | null> {
  if (!fs.existsSync(paths.store)) return null;
  ensurePrivateDir(paths.backups);
  const kept = uniqueBackupFile(paths.backups, BEFORE_RESTORE_PREFIX, now());
  try {
    checkpoint(paths.store);
    return (await backupStore(paths.store, kept)).file;
  } catch (error) {
    if (!isPracticeSyncError(error) && !(error instanceof Database.SqliteError)) throw error;
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(paths.store + suffix)) fs.copyFileSync(paths.store + suffix, kept + suffix);
      chmodQuietly(kept + suffix, FILE_MODE);
    }
    return kept;
  }
}

/**
 * The replaced store's runs leave with it, and their numbers must not be handed out again (the log and rejects files
 * name them). Each run remembers its number in `logs/last-run` as it commits; this covers a store whose runs predate
 * that file. Best effort: a store too damaged to read is replaced all the same.
 */
function rememberRunsOf(paths: WorkspacePaths): void {
  if (!fs.existsSync(paths.store)) return;
  try {
    const db = new Database(paths.store, { readonly: true, fileMustExist: true });
    try {
      rememberRun(paths.logs, (db.prepare('SELECT MAX(id) FROM runs').pluck().get() as number | null) ?? 0);
    } finally {
      db.close();
    }
  } catch {
    // See above.
  }
}

/**
 * A writeback or QuickBooks batch is a file handed to the PMS or QuickBooks: restoring an older store does not take it
 * back. The replaced store's batches the backup lacks (numbered past its last), with their items, go into the staged
 * copy, and so does a void made since of a batch both have; otherwise their payments would be written back twice and
 * the next batch would reuse a number whose file is already out. Best effort, as above: a store too damaged to read
 * is replaced all the same. Returns the batch numbers carried over.
 */
function carryExportLedger(paths: WorkspacePaths, staged: string): number[] {
  if (!fs.existsSync(paths.store)) return [];
  try {
    const db = new Database(staged, { fileMustExist: true, timeout: 5_000 });
    try {
      db.prepare('ATTACH DATABASE ? AS replaced').run(paths.store);
      return db.transaction(() => {
        const last = (db.prepare('SELECT MAX(id) FROM main.export_batches').pluck().get() as number | null) ?? 0;
        const carried = db.prepare('SELECT id FROM replaced.export_batches WHERE id > ? ORDER BY id').pluck().all(last) as number[];
        db.prepare(`INSERT INTO main.export_batches (id, kind, created_at, format, files, rows, status, voided_at)
          SELECT id, kind, created_at, format, files, rows, status, voided_at FROM replaced.export_batches WHERE id > ?`).run(last);
        db.prepare(`INSERT INTO main.export_items (batch_id, item_key, amount, snapshot)
          SELECT batch_id, item_key, amount, snapshot FROM replaced.export_items WHERE batch_id > ?`).run(last);
        db.prepare(`UPDATE main.export_batches AS b SET status = 'void', voided_at = r.voided_at FROM replaced.export_batches AS r
          WHERE r.id = b.id AND r.created_at = b.created_at AND r.status = 'void' AND b.status = 'issued'`).run();
        return carried;
      })();
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

/** Fold the WAL into the main file, so the file-level swap below loses nothing a reader could still want. */
function checkpoint(storeFile: string): void {
  const db = new Database(storeFile, { fileMustExist: true, timeout: 5_000 });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Make the rename itself durable; Windows cannot open a folder for fsync and does not need to. */
function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
