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
import { CHASED_CLAIMS_SQL } from '../../src/store/migrations.js';
import { AUTHORIZATION_WINDOW_SQL, VISIT_SQL } from '../../src/store/record-writer.js';
import { openStore, type Store } from '../../src/store/open-store.js';

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
    if (indexed) expect(plan).toContain('INDEX claims_chased');
    else expect(plan).not.toContain('claims_chased');
    db.close();
  });

  it('asks for the chased claims in the very words of the index migration 004 made', () => {
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
});
