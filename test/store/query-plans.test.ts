// Identity look-ups for records without an ID must use their index: a full scan made 200,000 appointments take minutes.
// Reports that read only chased claims must use the index of chased claims: a scan reads a million paid ones. And the
// store is read through mmap (docs/decisions.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERTING_CLAIM_STATUSES } from '../../src/alerts/claim-alerts.js';
import { UNRESOLVED_CLAIM_STATUSES } from '../../src/compute/claim-rules.js';
import { CLAIM_CHUNK_COLUMNS, claimChunks } from '../../src/store/claim-rows.js';
import { parseChunk } from '../../src/store/json-chunks.js';
import { StoreInputs } from '../../src/store/load-inputs.js';
import { CHASED_CLAIMS_SQL, MIGRATIONS } from '../../src/store/migrations.js';
import { AUTHORIZATION_WINDOW_SQL, VISIT_SQL } from '../../src/store/record-writer.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { lastWriter } from '../../src/store/undo-run.js';
import { storeAtSchema } from '../helpers/store-files.js';

describe('query plans', () => {
  it.each([
    [VISIT_SQL, 'appointments_visit'],
    [AUTHORIZATION_WINDOW_SQL, 'authorizations_patient'],
  ])('%s uses %s', (sql, index) => {
    const db = openStore(':memory:', { create: true });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, '2026-01-01') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain(`USING INDEX ${index}`);
    db.close();
  });

  it.each([
    ['alerting', ALERTING_CLAIM_STATUSES, true],
    ['unresolved (aging)', UNRESOLVED_CLAIM_STATUSES, true],
    ['paid', ['paid'], false],
  ] as const)('reading %s claims uses the index of chased claims: %s', (_, statuses, indexed) => {
    const db = openStore(':memory:', { create: true });
    db.prepare("INSERT INTO claims (claim_id, status) VALUES ('CLM-1', 'paid')").run();
    // The SQL of the chunk query, as claimChunks prepares it.
    const prepared: string[] = [];
    const spy = { prepare: (sql: string) => (prepared.push(sql), db.prepare(sql)) } as unknown as Store;
    Array.from(claimChunks(spy, CLAIM_CHUNK_COLUMNS, statuses).texts);
    const chunkSql = prepared.find((sql) => sql.includes('json_group_array'))!;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${chunkSql}`).all(1, 100, ...statuses) as { detail: string }[]).map((r) => r.detail).join('\n');
    // Covering: every column read comes from the index, none from the table (migration 006).
    if (indexed) expect(plan).toContain('USING COVERING INDEX claims_chased (status=? AND id>? AND id<?)');
    else expect(plan).not.toContain('claims_chased');
    db.close();
  });

  it('asks for the chased claims in the very words of the index migrations 004 and 006 made', () => {
    const db = openStore(':memory:', { create: true });
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'claims_chased'").pluck().get() as string;
    expect(sql.endsWith(`WHERE ${CHASED_CLAIMS_SQL}`)).toBe(true);
    db.close();
  });

  it('reads chased claims in id order, though the index gives them grouped by status', () => {
    const db = openStore(':memory:', { create: true });
    const insert = db.prepare('INSERT INTO claims (id, claim_id, status) VALUES (?, ?, ?)');
    const statuses = ['submitted', 'denied', 'paid', 'draft', 'pending', 'rejected'];
    for (let id = 1; id <= 60; id++) insert.run(id, `CLM-${id}`, statuses[id % statuses.length]);
    const keys = [...new StoreInputs(db).claimChunks(['id'], ALERTING_CLAIM_STATUSES).texts].flatMap((texts) => parseChunk<[number[]]>(texts)[0]);
    expect(keys).toEqual(Array.from({ length: 60 }, (_, i) => i + 1).filter((id) => statuses[id % statuses.length] !== 'paid'));
    db.close();
  });

  it('widens the index of a store made before migration 006, and reads the same chased claims through it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-chased-'));
    try {
      const file = path.join(dir, 'practice-sync.db');
      // A store as migrations 001-005 left it: the chased claims indexed by status alone.
      const old = storeAtSchema(file, 5);
      const insert = old.prepare('INSERT INTO claims (id, claim_id, patient_ref, service_date, status, billed, paid) VALUES (?, ?, ?, ?, ?, ?, ?)');
      insert.run(1, 'CLM-1', 7, '2026-03-02', 'denied', 15000, 0);
      insert.run(2, 'CLM-2', 7, '2026-03-09', 'paid', 15000, 12000);
      insert.run(3, 'CLM-3', 8, '2026-03-09', 'pending', 9000, null);
      old.close();

      const db = openStore(file);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'claims_chased'").pluck().get() as string;
      expect(sql).toContain('patient_responsibility');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT claim_id, billed FROM claims WHERE id BETWEEN 1 AND 3 AND ${CHASED_CLAIMS_SQL} AND status IN ('denied', 'pending')`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).toContain('USING COVERING INDEX claims_chased');
      const [keys, claimIds, patientKeys, , , serviceDates, , statuses, billeds, , paids] =
        [...new StoreInputs(db).claimChunks(CLAIM_CHUNK_COLUMNS, ALERTING_CLAIM_STATUSES).texts].map((texts) => parseChunk<unknown[][] & [number[]]>(texts))[0];
      expect({ keys, claimIds, patientKeys, serviceDates, statuses, billeds, paids }).toEqual({
        keys: [1, 3], claimIds: ['CLM-1', 'CLM-3'], patientKeys: [7, 8], serviceDates: ['2026-03-02', '2026-03-09'],
        statuses: ['denied', 'pending'], billeds: [15000, 9000], paids: [0, null],
      });
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps the store file into memory, for writing and read-only connections alike', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-mmap-'));
    try {
      const file = path.join(dir, 'practice-sync.db');
      const db = openStore(file, { create: true });
      const readonly = openStore(file, { readonly: true });
      expect(db.pragma('mmap_size', { simple: true })).toBe(1024 * 1024 * 1024);
      expect(readonly.pragma('mmap_size', { simple: true })).toBe(1024 * 1024 * 1024);
      readonly.close();
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lastWriter (writersOf) seeks the changes of one record and the created range holding it; it never walks other records\' changes', () => {
    const db = openStore(':memory:', { create: true });
    const run = db.prepare("INSERT INTO runs (id, started_at, command, status, undone_by) VALUES (?, '2026-01-01', ?, 'ok', ?)");
    const change = db.prepare('INSERT INTO run_changes (run_id, seq, table_name, row_id, last_row_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
    run.run(1, 'import', null); // created appointments 1-100
    change.run(1, 1, 'appointments', 1, 100, null, null);
    run.run(2, 'import', null); // changed 40 and 50
    change.run(2, 1, 'appointments', 40, null, '[]', '[]');
    change.run(2, 2, 'appointments', 50, null, '[]', '[]');
    run.run(3, 'patients merge', null); // moved 50
    change.run(3, 1, 'appointments', 50, null, '[]', '[]');
    run.run(4, 'import', 5); // changed 60, undone by run 5
    change.run(4, 1, 'appointments', 60, null, '[]', '[]');
    run.run(5, 'undo', null);
    change.run(5, 1, 'appointments', 60, null, '[]', '[]');
    expect([40, 50, 60, 100, 101].map((id) => lastWriter(db, 'appointments', id))).toEqual([2, 3, 1, 1, undefined]);
    expect(lastWriter(db, 'appointments', 50, ['patients merge'])).toBe(2);
    const prepared: string[] = [];
    const spy = { prepare: (sql: string) => (prepared.push(sql), db.prepare(sql)) } as unknown as Store;
    lastWriter(spy, 'appointments', 50);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${prepared[0]}`).all('appointments', 50, '[]', 'appointments', 50, 50, '[]') as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH c USING (COVERING )?INDEX run_changes_record \(table_name=\? AND row_id=\?\)/);
    expect(plan).toMatch(/SEARCH c USING (COVERING )?INDEX run_changes_created \(table_name=\? AND last_row_id>\?\)/);
    db.close();
  });
});
