// A change made by hand (auth add, adjust ...) is a run like an import: recorded with before and after, and undoable.
import { ChangeLog } from './change-log.js';
import type { Store } from './open-store.js';
import { currentUser, insertRun, nextRunId } from './run-history.js';

export interface ManualRunResult<T> {
  run: number;
  result: T;
}

export interface ManualRunCounts {
  created: number;
  updated: number;
  entity: string;
}

export function manualRun<T>(
  db: Store,
  attemptsFile: string,
  options: { command: string; now: () => Date },
  change: (log: ChangeLog) => { result: T; counts: ManualRunCounts; summary?: Record<string, unknown> },
): ManualRunResult<T> {
  const run = nextRunId(db, attemptsFile);
  const startedAt = options.now().toISOString();
  const result = db.transaction(() => {
    const log = new ChangeLog(db, run);
    const done = change(log);
    log.finish();
    insertRun(db, attemptsFile, {
      run, started_at: startedAt, finished_at: options.now().toISOString(), command: options.command, user: currentUser(), file: null, sha256: null,
      mapping: null, entity: done.counts.entity, dry_run: false, rows: 1, created: done.counts.created, updated: done.counts.updated, unchanged: 0,
      rejected: 0, status: 'ok', rejects_file: null, summary: done.summary ?? null, undone_by: null,
    });
    return done.result;
  })();
  return { run, result };
}
