// The run history: committed runs live in the store; runs that wrote nothing (dry runs, rejected or skipped files)
// are kept in logs/attempts.jsonl, so a rejected import leaves every table of the store byte-for-byte as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail } from '../errors.js';
import { chmodQuietly, FILE_MODE } from '../workspace/private-fs.js';
import type { Store } from './open-store.js';

export type RunStatus = 'ok' | 'partial' | 'rejected' | 'dry_run' | 'skipped' | 'undone';

export interface RunRecord {
  run: number;
  started_at: string;
  finished_at: string | null;
  command: string;
  user: string | null;
  file: string | null;
  sha256: string | null;
  mapping: string | null;
  entity: string | null;
  dry_run: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  status: RunStatus;
  rejects_file: string | null;
  summary: Record<string, unknown> | null;
  undone_by: number | null;
}

/** What a rejected file's valid rows would have written, had the file been accepted (as --allow-partial would). */
export interface WouldHave {
  created: number;
  updated: number;
  unchanged: number;
  changes: Record<string, number>;
}

const COLUMNS = ['id', 'started_at', 'finished_at', 'command', 'user', 'file', 'sha256', 'mapping', 'entity', 'dry_run', 'rows',
  'created', 'updated', 'unchanged', 'rejected', 'status', 'rejects_file', 'summary', 'undone_by'] as const;

/**
 * Run numbers are never reused (docs/decisions.md), so the next one is past every run the store holds, every attempt,
 * and the highest the store ever committed (`last-run`): restoring an older store takes its later runs away, and the
 * log and rejects files still name their numbers.
 */
export function nextRunId(db: Store, attemptsFile: string): number {
  const stored = (db.prepare('SELECT MAX(id) FROM runs').pluck().get() as number | null) ?? 0;
  const attempted = readAttempts(attemptsFile).reduce((max, r) => Math.max(max, r.run), 0);
  return Math.max(stored, attempted, readLastRun(path.dirname(attemptsFile))) + 1;
}

/** Records a committed run; `attemptsFile` locates `logs/`, where its number is remembered outside the store. */
export function insertRun(db: Store, attemptsFile: string, record: RunRecord): void {
  const values = toColumns(record);
  db.prepare(`INSERT INTO runs (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`).run(...COLUMNS.map((c) => values[c] as never));
  rememberRun(path.dirname(attemptsFile), record.run);
}

/** `logs/last-run`: the highest run number a store of this workspace has committed, one integer. */
const LAST_RUN_FILE = 'last-run';

/** 0 when the file is missing or damaged: the store and the attempts still number the runs, as before it existed. */
export function readLastRun(logsDir: string): number {
  try {
    const value = Number(fs.readFileSync(path.join(logsDir, LAST_RUN_FILE), 'utf8').trim());
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  } catch {
    return 0;
  }
}

/**
 * Raises `logs/last-run` to `run`. Best effort: a folder it cannot write must not fail the run being recorded, and the
 * store's own history still numbers runs until a restore takes it back.
 */
export function rememberRun(logsDir: string, run: number): void {
  if (run <= readLastRun(logsDir)) return;
  try {
    const file = path.join(logsDir, LAST_RUN_FILE);
    fs.writeFileSync(file, `${run}\n`, { mode: FILE_MODE });
    chmodQuietly(file, FILE_MODE);
  } catch {
    // See above.
  }
}

export function appendAttempt(attemptsFile: string, record: RunRecord): void {
  fs.appendFileSync(attemptsFile, `${JSON.stringify(record)}\n`, { mode: FILE_MODE });
  chmodQuietly(attemptsFile, FILE_MODE);
}

export function readAttempts(attemptsFile: string): RunRecord[] {
  if (!fs.existsSync(attemptsFile)) return [];
  return fs.readFileSync(attemptsFile, 'utf8').split('\n').filter(Boolean).flatMap((line) => {
    try {
      return [asWritten(JSON.parse(line) as RunRecord)];
    } catch {
      return [];
    }
  });
}

/**
 * A rejected run wrote nothing. Attempts recorded before that was said in the counts carry what the valid rows
 * would have written as created/updated/unchanged: read them as they are recorded now, the counts moved under
 * `summary.would_have`.
 */
function asWritten(record: RunRecord): RunRecord {
  if (record.status !== 'rejected' || record.summary?.would_have) return record;
  const { created, updated, unchanged } = record;
  const changes = (record.summary?.changes ?? {}) as Record<string, number>;
  const wouldHave: WouldHave = { created, updated, unchanged, changes };
  return { ...record, created: 0, updated: 0, unchanged: 0, summary: { ...record.summary, changes: {}, would_have: wouldHave } };
}

/** The committed run that already imported this exact content, if any (undone runs do not count). */
export function runWithHash(db: Store, sha256: string): number | null {
  return (db.prepare("SELECT id FROM runs WHERE sha256 = ? AND status IN ('ok', 'partial') AND undone_by IS NULL ORDER BY id LIMIT 1").pluck().get(sha256) as number | undefined) ?? null;
}

export function listRuns(db: Store, attemptsFile: string): RunRecord[] {
  const stored = (db.prepare(`SELECT * FROM runs ORDER BY id`).all() as Record<string, unknown>[]).map(fromColumns);
  return [...stored, ...readAttempts(attemptsFile)].sort((a, b) => a.run - b.run);
}

export function getRun(db: Store, attemptsFile: string, id: number): RunRecord {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (row) return fromColumns(row);
  const attempt = readAttempts(attemptsFile).find((r) => r.run === id);
  if (attempt) return attempt;
  return fail('not_found', `no run ${id}; practice-sync runs lists them`);
}

function toColumns(r: RunRecord): Record<string, unknown> {
  return { ...r, id: r.run, dry_run: r.dry_run ? 1 : 0, summary: r.summary ? JSON.stringify(r.summary) : null };
}

function fromColumns(row: Record<string, unknown>): RunRecord {
  const { id, dry_run, summary, ...rest } = row;
  return { ...(rest as Omit<RunRecord, 'run' | 'dry_run' | 'summary'>), run: id as number, dry_run: dry_run === 1, summary: summary ? JSON.parse(summary as string) : null };
}

/** Who ran it, for the history (the OS account; null where the platform will not say). */
export function currentUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}
