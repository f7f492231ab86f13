// The `runs` report (SPEC §6): one row per run, committed or not, newest last.
import path from 'node:path';
import type { RunRecord } from '../store/run-history.js';
import type { Column, Report } from './model.js';

const COLUMNS: Column[] = [
  { key: 'run', kind: 'integer' },
  { key: 'started_at', kind: 'text' },
  { key: 'command', kind: 'text' },
  { key: 'file', kind: 'text' },
  { key: 'mapping', kind: 'text' },
  { key: 'entity', kind: 'text' },
  { key: 'dry_run', kind: 'boolean' },
  { key: 'rows', kind: 'integer' },
  { key: 'created', kind: 'integer' },
  { key: 'updated', kind: 'integer' },
  { key: 'unchanged', kind: 'integer' },
  { key: 'rejected', kind: 'integer' },
  { key: 'status', kind: 'text' },
];

export function runsReport(runs: RunRecord[], asOf: string): Report {
  return {
    report: 'runs',
    asOf,
    columns: COLUMNS,
    rows: runs.map((r) => ({
      run: r.run, started_at: r.started_at, command: r.command, file: r.file ? path.basename(r.file) : null, mapping: r.mapping,
      entity: r.entity, dry_run: r.dry_run, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged,
      rejected: r.rejected, status: r.undone_by ? `undone by ${r.undone_by}` : r.status,
    })),
    totals: {},
    notes: [],
  };
}
