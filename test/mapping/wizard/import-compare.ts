// Import one fixture into a fresh in-memory store through a given mapping, and read back what it stored:
// the entity's rows without their ids, each party reference replaced by the party's name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENTITY_TABLE } from '../../../src/store/tables.js';
import { importFile, type ImportReport } from '../../../src/ingest/import-file.js';
import type { Mapping } from '../../../src/mapping/schema.js';
import { openStore } from '../../../src/store/open-store.js';

export interface ImportOutcome {
  report: ImportReport;
  rows: Record<string, unknown>[];
}

const REF_TABLES: Record<string, string> = { patient_ref: 'patients', clinician_ref: 'clinicians', payer_ref: 'payers' };

export async function importThrough(mapping: Mapping, fixture: string): Promise<ImportOutcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-import-'));
  const db = openStore(':memory:', { create: true });
  try {
    const report = await importFile({
      db, file: fixture, mappings: [], mapping: { mapping, path: path.join(dir, 'mapping.json'), origin: 'workspace' },
      rejectsDir: dir, attemptsFile: path.join(dir, 'attempts.jsonl'), now: () => new Date('2026-11-30T12:00:00Z'),
    });
    const table = ENTITY_TABLE[mapping.entity];
    const stored = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    const rows = stored.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (column === 'id' || column === 'name_key') continue;
        const refTable = REF_TABLES[column];
        out[column] = refTable && value !== null
          ? (db.prepare(`SELECT name FROM ${refTable} WHERE id = ?`).get(value) as { name: string } | undefined)?.name ?? null
          : value;
      }
      return out;
    });
    return { report, rows };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
