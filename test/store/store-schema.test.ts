// The schema a store must have: the written-out list of tables and columns is what the migrations make, version by version.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { missingFromSchema, readSchema, schemaAtVersion, STORE_COLUMNS } from '../../src/store/store-schema.js';
import { TABLE_COLUMNS } from '../../src/store/tables.js';

describe('store schema', () => {
  it('STORE_COLUMNS, which every open checks, is exactly what all the migrations make', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(readSchema(db)).toEqual(STORE_COLUMNS);
    expect(schemaAtVersion(SCHEMA_VERSION)).toEqual(STORE_COLUMNS);
    for (const [table, columns] of Object.entries(TABLE_COLUMNS)) expect(STORE_COLUMNS[table]).toEqual(columns);
    db.close();
  });

  it('each older version has what its migrations made, and no more', () => {
    expect(Object.keys(schemaAtVersion(0))).toEqual(['schema_migrations']);
    expect(Object.keys(schemaAtVersion(1))).toContain('claims');
    expect(Object.keys(schemaAtVersion(1))).not.toContain('runs');
    expect(Object.keys(schemaAtVersion(2))).toContain('run_changes');
    expect(schemaAtVersion(4)).toEqual(schemaAtVersion(3));
    expect(() => schemaAtVersion(MIGRATIONS.length + 1)).toThrow();
  });

  it('names missing tables first, then missing columns; extra tables and columns are not its business', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec('DROP TABLE meta; ALTER TABLE payments DROP COLUMN currency; ALTER TABLE claims DROP COLUMN denial_reason; CREATE TABLE notes (x); ALTER TABLE runs ADD COLUMN extra');
    expect(missingFromSchema(readSchema(db), STORE_COLUMNS)).toEqual(['table meta', 'column claims.denial_reason', 'column payments.currency']);
    expect(missingFromSchema(STORE_COLUMNS, STORE_COLUMNS)).toEqual([]);
    db.close();
  });
});
