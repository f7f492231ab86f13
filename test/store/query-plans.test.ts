// Identity look-ups for records without an ID must use their index: a full scan made 200,000 appointments take minutes.
import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_WINDOW_SQL, VISIT_SQL } from '../../src/store/record-writer.js';
import { openStore } from '../../src/store/open-store.js';

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
});
