// What a store file is: SQLite or not, intact or not, which schema — read without changing the file.
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { isStoreDamage } from '../store/store-file.js';
import { schemaProblems } from '../store/store-schema.js';

export interface StoreInspection {
  /** First problem lines of `PRAGMA integrity_check`, or ['ok']. */
  integrity: string[];
  userVersion: number;
  hasMigrationsTable: boolean;
  /** What the file lacks of the schema its version has (store-schema.ts); empty when it has no version this practice-sync knows. */
  schemaProblems: string[];
  pages: number;
}

/**
 * Open `file` and report on it. `readonly` for a file that is not ours (a restore source);
 * the store itself is opened read-write so closing it tidies its -wal/-shm, but nothing is written.
 */
export function inspectStore(file: string, options: { readonly: boolean }): StoreInspection {
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true, timeout: 5_000 });
  try {
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const hasMigrationsTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    return {
      integrity: integrityProblems(db),
      userVersion,
      hasMigrationsTable,
      schemaProblems: hasMigrationsTable && userVersion <= SCHEMA_VERSION ? missingSchema(db, userVersion) : [],
      pages: db.pragma('page_count', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

/** A schema too damaged to read is the integrity check's to report. */
function missingSchema(db: Database.Database, version: number): string[] {
  try {
    return schemaProblems(db, version);
  } catch (error) {
    if (isStoreDamage(error)) return [];
    throw error;
  }
}

/** A page damaged badly enough makes the check itself throw; that is a failed check too, not a crash. */
function integrityProblems(db: Database.Database): string[] {
  try {
    return (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    if (error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)) return [error.message];
    throw error;
  }
}

export const isIntact = (inspection: StoreInspection) => inspection.integrity.length === 1 && inspection.integrity[0] === 'ok';
