// Doctor: the store's integrity, its schema (version, and every table and column that version has), and patients only
// ever known by name.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { hasSqliteHeader } from '../store/store-file.js';
import { plural } from '../text/plural.js';
import type { WorkspacePaths } from '../workspace/layout.js';
import { diskFull } from '../workspace/disk-full.js';
import { permissionDenied } from '../workspace/permission-denied.js';
import { listBackups, MANUAL_PREFIX, ROLLING_PREFIX } from './backup-names.js';
import { failed, ok, warn, type DoctorCheck } from './doctor-check.js';
import { inspectStore, isIntact } from './inspect-store.js';

export function checkStore(paths: WorkspacePaths): DoctorCheck[] {
  const restore = restoreFix(paths);
  if (!fs.existsSync(paths.store)) return [failed('store', 'practice-sync.db is missing', restore)];
  if (fs.statSync(paths.store).size === 0) return [failed('store', 'practice-sync.db is empty (0 bytes)', restore)];
  if (!hasSqliteHeader(paths.store)) return [failed('store', 'practice-sync.db is not a SQLite database (overwritten?)', restore)];
  let inspection;
  try {
    inspection = inspectStore(paths.store, { readonly: false });
  } catch (error) {
    // Not damage: the store is fine, this user may not write it or its folder; a restore would not help.
    if (permissionDenied(error, paths.store)) return [failed('store', `practice-sync.db cannot be opened for writing (${(error as Error).message})`, 'see the permissions check')];
    // Nor is a full disk: restoring an older backup would throw away every run since it.
    if (diskFull(error, paths.store)) {
      return [failed('store', `practice-sync.db cannot be opened: the disk is full (${(error as Error).message})`,
        `free some space on the disk holding ${paths.root}, then run practice-sync doctor again; do not restore a backup for this`)];
    }
    return [failed('store', `practice-sync.db cannot be opened (${(error as Error).message})`, restore)];
  }
  const checks = [
    isIntact(inspection)
      ? ok('store integrity', `integrity_check ok (${plural(inspection.pages, 'page')})`)
      : failed('store integrity', `integrity_check found problems: ${inspection.integrity.slice(0, 3).join('; ')}`, restore),
  ];
  const version = inspection.userVersion;
  if (!inspection.hasMigrationsTable) checks.push(failed('store schema', 'no schema_migrations table: this is not a practice-sync store', restore));
  else if (version > SCHEMA_VERSION) checks.push(failed('store schema', `schema version ${version} is newer than this practice-sync (${SCHEMA_VERSION})`, 'upgrade practice-sync'));
  else if (inspection.schemaProblems.length > 0) checks.push(failed('store schema', `schema version ${version}, missing ${inspection.schemaProblems.join(', ')}`, restore));
  else if (version < SCHEMA_VERSION) checks.push(warn('store schema', `schema version ${version}, this practice-sync uses ${SCHEMA_VERSION}`, 'nothing to do: the next command that opens the store migrates it'));
  else checks.push(ok('store schema', `schema version ${version} (current)`));
  const provisional = countProvisional(paths.store);
  if (provisional === 0) checks.push(ok('provisional patients', 'every patient has a full record'));
  else if (provisional > 0) {
    checks.push(warn('provisional patients', `${plural(provisional, 'patient')} known only by name from other exports, never completed by a client export`,
      'import a client (patients) export from the EHR so they get their IDs and full records'));
  }
  return checks;
}

/** -1 when the store has no patients table to ask (a fail is already reported above). */
function countProvisional(storeFile: string): number {
  const db = new Database(storeFile, { fileMustExist: true, timeout: 5_000 });
  try {
    return db.prepare('SELECT COUNT(*) FROM patients WHERE provisional = 1').pluck().get() as number;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

/** Name the newest backup to restore, so the fix can be followed as written. */
function restoreFix(paths: WorkspacePaths): string {
  const newest = [...listBackups(paths.backups, MANUAL_PREFIX), ...listBackups(paths.backups, ROLLING_PREFIX)]
    .map((b) => ({ file: b.file, mtime: fs.statSync(b.file).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime)[0];
  return newest
    ? `restore the newest backup: practice-sync restore "${newest.file}"`
    : 'restore a backup with practice-sync restore FILE (backups/ holds none)';
}
