// The tables and columns a store must have, and what a store file lacks of them: a store missing a table is refused by
// name (exit 2) rather than failing every later command with SQLite's "no such table".
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate } from './migrations.js';
import { TABLE_COLUMNS } from './tables.js';

/** Table name → its columns in table order. */
export type SchemaColumns = Record<string, readonly string[]>;

/**
 * Every table of the current schema with its columns, written out so that opening a store compares without running the
 * migrations; a test holds it to what the migrations make. The data tables are TABLE_COLUMNS.
 */
export const STORE_COLUMNS: SchemaColumns = {
  ...TABLE_COLUMNS,
  schema_migrations: ['name', 'applied_at'],
  runs: ['id', 'started_at', 'finished_at', 'command', 'user', 'file', 'sha256', 'mapping', 'entity', 'dry_run', 'rows', 'created',
    'updated', 'unchanged', 'rejected', 'status', 'rejects_file', 'summary', 'undone_by'],
  run_changes: ['run_id', 'seq', 'table_name', 'row_id', 'last_row_id', 'before', 'after'],
  alert_state: ['id', 'first_seen', 'last_seen', 'owner', 'seen_by_run', 'pending'],
  export_batches: ['id', 'kind', 'created_at', 'format', 'files', 'rows', 'status', 'voided_at'],
  export_items: ['batch_id', 'item_key', 'amount', 'snapshot'],
  meta: ['key', 'value'],
};

/** The tables and columns of an open database, SQLite's own tables left out: one query on the schema, no table read. */
export function readSchema(db: Database.Database): SchemaColumns {
  const rows = db.prepare(`SELECT m.name AS tbl, p.name AS col FROM sqlite_schema m JOIN pragma_table_info(m.name) p
    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid`).all() as { tbl: string; col: string }[];
  const schema: Record<string, string[]> = {};
  for (const { tbl, col } of rows) (schema[tbl] ??= []).push(col);
  return schema;
}

const atVersion = new Map<number, SchemaColumns>();

/**
 * What a store at schema `version` has: the first `version` migrations run on an empty database. Older stores are
 * judged by this before they are migrated (a store of version 3 never had what 004 adds, and that is no fault).
 */
export function schemaAtVersion(version: number): SchemaColumns {
  if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) throw new RangeError(`no schema version ${version}`);
  let schema = atVersion.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      migrate(db, version);
      schema = readSchema(db);
    } finally {
      db.close();
    }
    atVersion.set(version, schema);
  }
  return schema;
}

/**
 * What `actual` lacks of `expected`: `table NAME` for each missing table, then `column TABLE.NAME` for each missing
 * column, in name order. Tables and columns `actual` has beyond them are left alone: nothing here reads them.
 */
export function missingFromSchema(actual: SchemaColumns, expected: SchemaColumns): string[] {
  const tables = Object.keys(expected).sort();
  const missingTables = tables.filter((table) => !actual[table]).map((table) => `table ${table}`);
  const missingColumns = tables.filter((table) => actual[table])
    .flatMap((table) => expected[table].filter((column) => !actual[table].includes(column)).map((column) => `column ${table}.${column}`));
  return [...missingTables, ...missingColumns];
}

/** Migrations `version` says were run but schema_migrations does not record (the next open would run them again). */
function unrecordedMigrations(recorded: readonly string[], version: number): string[] {
  const have = new Set(recorded);
  return MIGRATIONS.slice(0, version).filter((m) => !have.has(m.name)).map((m) => `migration ${m.name} in schema_migrations`);
}

/**
 * What a store at schema `version` lacks: its missing tables and columns, and migrations its version counts but
 * schema_migrations does not record. Empty for a whole store. Reads only the schema, never a table's rows.
 */
export function schemaProblems(db: Database.Database, version: number): string[] {
  const schema = readSchema(db);
  const missing = missingFromSchema(schema, version === MIGRATIONS.length ? STORE_COLUMNS : schemaAtVersion(version));
  if (!schema.schema_migrations) return missing;
  const recorded = db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[];
  return [...missing, ...unrecordedMigrations(recorded, version)];
}
