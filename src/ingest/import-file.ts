// `import FILE`: read → decode → parse → map → validate → resolve identity → upsert, in one transaction per file.
// Any rejected row rolls the whole file back (unless allowPartial); a dry run always rolls back.
import { plural } from '../text/plural.js';
import path from 'node:path';
import type { EntityName } from '../domain/entities.js';
import { fail, PracticeSyncError } from '../errors.js';
import { bindMapping, type BoundMapping, type FieldValue, type RowIssue } from '../mapping/bind-mapping.js';
import { detectMapping, readHeader, type HeaderReading } from '../mapping/detect.js';
import type { LoadedMapping } from '../mapping/load-mappings.js';
import type { Mapping } from '../mapping/schema.js';
import { ChangeLog } from '../store/change-log.js';
import { comparePresence, type MissingRecords } from '../store/export-presence.js';
import { likelyRenames } from '../store/likely-renames.js';
import type { Store } from '../store/open-store.js';
import { RecordWriter } from '../store/record-writer.js';
import { appendAttempt, currentUser, insertRun, nextRunId, runWithHash, type RunRecord, type RunStatus, type WouldHave } from '../store/run-history.js';
import { RejectsFile, type Reject } from './rejects-file.js';
import { ChangeCounter } from './change-counter.js';
import { readBatches, type Parallelism } from './parallel-batches.js';
import { inspectFile, readHeadLines, type Encoding } from './source-file.js';

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  db: Store;
  file: string;
  mappings: LoadedMapping[];
  /** A mapping chosen with --mapping; detected from the header otherwise. */
  mapping?: LoadedMapping;
  dryRun?: boolean;
  allowPartial?: boolean;
  rejectsDir: string;
  attemptsFile: string;
  command?: string;
  now: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Read and map in a worker thread: `auto` (the default) for files of 8 MB and more. */
  parallel?: Parallelism;
}

export interface ImportReport {
  run: number;
  file: string;
  sha256: string;
  mapping: string;
  entity: EntityName;
  dry_run: boolean;
  status: RunStatus;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  skipped_rows: number;
  rejects_file: string | null;
  changes: Record<string, number>;
  warnings: string[];
  /**
   * A rejected file writes nothing, so its created, updated and unchanged are 0 and its changes empty; what its valid
   * rows would have done (what --allow-partial would write) is kept here, labelled as such. Null for other runs.
   */
  would_have: WouldHave | null;
  /** The first rejects, for the terminal; the full list is in rejects_file. */
  first_rejects: (Reject & { field: string })[];
  already_imported_by: number | null;
  /** A full export (`full_export` mapping): what it lacks of what the earlier exports of its mapping listed; else null. */
  missing: MissingRecords | null;
}

export async function importFile(options: ImportOptions): Promise<ImportReport> {
  const { db, file, now } = options;
  const fileName = path.basename(file);
  const forced = options.mapping?.mapping.read?.encoding as Encoding | undefined;
  const info = await inspectFile(file, forced);
  const headLines = readHeadLines(file, info.encoding);
  let loaded: LoadedMapping;
  let reading: HeaderReading;
  if (options.mapping) {
    loaded = options.mapping;
    const found = readHeader(loaded.mapping, headLines);
    if (!found) fail('input_empty', `${fileName} has no header line: nothing to import`);
    reading = found;
  } else {
    const detected = detectMapping(fileName, headLines, options.mappings);
    loaded = detected.loaded;
    reading = detected.reading;
  }
  const { mapping } = loaded;
  const bound = bindOrReject(mapping, reading.header, fileName);
  const startedAt = now().toISOString();
  const runId = nextRunId(db, options.attemptsFile);
  const report: ImportReport = {
    run: runId, file, sha256: info.sha256, mapping: mapping.name, entity: mapping.entity, dry_run: Boolean(options.dryRun),
    status: 'ok', rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, duplicates: 0, skipped_rows: 0,
    rejects_file: null, changes: {}, warnings: [], would_have: null, first_rejects: [], already_imported_by: null,
    missing: null,
  };
  if (info.encoding === 'windows-1252' && !forced) report.warnings.push(`${fileName} is not UTF-8; read it as Windows-1252`);
  for (const { field, columns } of bound.unbound) {
    report.warnings.push(`column ${columns.map((c) => `"${c}"`).join(' / ')} is not in this file; ${field} left as it was`);
  }

  const previous = runWithHash(db, info.sha256);
  if (previous !== null) {
    report.status = 'skipped';
    report.already_imported_by = previous;
    report.warnings.push(`${fileName} was already imported by run ${previous} (same content); skipped`);
    appendAttempt(options.attemptsFile, toRunRecord(report, startedAt, now().toISOString(), options.command));
    return report;
  }

  const rejects = new RejectsFile(options.rejectsDir, runId, file);
  const counter = new ChangeCounter(mapping.entity);
  /** One rejected row, with one rejects-file line per cell that failed. */
  const reject = (line: number, issues: (RowIssue | { field: string; column: string; value: string; expected?: string; message?: string })[]) => {
    report.rejected += 1;
    for (const issue of issues) describeReject(line, issue);
  };
  const describeReject = (line: number, issue: RowIssue | { field: string; column: string; value: string; expected?: string; message?: string }) => {
    const reason = 'message' in issue && issue.message ? issue.message : issue.value === '' ? `is empty; ${issue.field} is required` : `"${issue.value}" is not ${issue.expected}`;
    // A row-level issue (the row's field count) names no column.
    const where = issue.column ? `, column "${issue.column}"` : '';
    const entry = { line, column: issue.column, value: issue.value, reason: `${fileName} line ${line}${where}: ${reason}` };
    rejects.add(fileName, entry);
    if (report.first_rejects.length < 10) report.first_rejects.push({ ...entry, field: issue.field });
  };

  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  const changes = new ChangeLog(db, runId);
  try {
    const writer = new RecordWriter(db, mapping.entity, bound.fields, changes);
    /** Valid rows left out because they cannot tell which record they are about. */
    const unmatched: { line: number; message: string }[] = [];
    const { fields } = bound;
    const width = fields.length;
    const template: Record<string, FieldValue> = Object.fromEntries(fields.map((f) => [f, null]));
    let lastProgress = 0;
    const plan = { file, encoding: info.encoding, mapping, reading };
    try {
      for await (const batch of readBatches(plan, info.size, options.parallel)) {
        report.skipped_rows += batch.skipped;
        let problem = 0;
        for (let r = 0, offset = 0; r < batch.lines.length; r++, offset += width) {
          report.rows += 1;
          const line = batch.lines[r];
          if (problem < batch.problems.length && batch.problems[problem].at === r) {
            reject(line, batch.problems[problem++].issues);
            continue;
          }
          const values = { ...template };
          for (let i = 0; i < width; i++) values[fields[i]] = batch.values[offset + i];
          write(values, line);
        }
        if (options.onProgress && report.rows - lastProgress >= 5000) {
          lastProgress = report.rows;
          options.onProgress({ rows: report.rows, bytes: batch.bytes, totalBytes: info.size });
        }
      }
    } catch (error) {
      if (error instanceof PracticeSyncError && error.code === 'input_rejected') {
        fail('input_rejected', `${fileName}: ${error.message}; nothing was imported`, error.context);
      }
      throw error;
    }

    function write(values: Record<string, FieldValue>, line: number): void {
      const result = writer.apply(values, line);
      switch (result.kind) {
        case 'rejected':
          reject(line, rejectedCells(bound, result.fields, values, result.message));
          break;
        case 'created':
          report.created += 1;
          counter.created(result.status);
          break;
        case 'updated':
          report.updated += 1;
          counter.updated(result.previousStatus, result.status);
          break;
        case 'unchanged':
          report.unchanged += 1;
          break;
        case 'duplicate':
          report.duplicates += 1;
          break;
        case 'unmatched':
          unmatched.push({ line, message: result.message });
          break;
      }
    }
    if (report.rows === 0) {
      // Only a totals or summary line is the same empty export: refused alike, not recorded as imported.
      const skipped = report.skipped_rows === 0 ? '' : ` (only ${plural(report.skipped_rows, 'summary row')} the mapping skips, such as a totals line)`;
      fail('input_empty', `${fileName} has a header but no data rows${skipped}: nothing to import (was the export's date range empty?)`);
    }
    report.rejects_file = rejects.close();
    if (unmatched.length) {
      const lines = unmatched.slice(0, 10).map((u) => u.line).join(', ') + (unmatched.length > 10 ? ', ...' : '');
      report.warnings.push(`${plural(unmatched.length, 'row')} left out (line${unmatched.length > 1 ? 's' : ''} ${lines}): ${unmatched[0].message}; ` +
        'their values were not imported (map a start time or appointment ID if the export has one)');
    }
    report.changes = counter.summary();
    if (mapping.full_export && report.rejected === 0) {
      report.missing = comparePresence(db, { mapping, runId, listed: writer.listed, changes });
    } else if (mapping.full_export && options.allowPartial) {
      // A record whose row was rejected would read as missing from the export: better not to judge than to misreport.
      report.warnings.push(`not compared with earlier exports of ${mapping.name}: with rows rejected, a record could look missing only because its row was`);
    }
    const finishedAt = now().toISOString();
    if (report.rejected > 0 && !options.allowPartial) {
      report.status = 'rejected';
      report.would_have = { created: report.created, updated: report.updated, unchanged: report.unchanged, changes: report.changes };
      report.created = report.updated = report.unchanged = 0;
      report.changes = {};
    } else if (options.dryRun) {
      report.status = 'dry_run';
    } else {
      report.status = report.rejected > 0 ? 'partial' : 'ok';
      // Only of an import that commits: a dry run's or a refused import's new patients have keys the next import may
      // give someone else, and the line it prints would merge the wrong people. Kept in the run history too, for the
      // alerts to remind staff of (`pendingRenames`).
      const renames = mapping.entity === 'appointments' && !bound.fields.includes('appointment_id') ? likelyRenames(db, [...writer.listed.ids()]) : [];
      for (const rename of renames) {
        report.warnings.push(`patient #${rename.newPatient} has ${plural(rename.shared, 'session')} at the same clinician, day and time as patient #${rename.earlierPatient}, ` +
          `whom this file does not list (${rename.shared === 1 ? '' : 'the first '}on ${rename.first}); if it is one client renamed in the PMS, make them one with: ` +
          `practice-sync patients merge "#${rename.earlierPatient}" --into "#${rename.newPatient}"`);
      }
      writer.finish();
      changes.finish();
      insertRun(db, options.attemptsFile, toRunRecord(report, startedAt, finishedAt, options.command, {
        columns: writer.columns,
        ...(renames.length > 0 ? { renames: renames.map((r) => ({ patient: r.newPatient, earlier: r.earlierPatient })) } : {}),
      }));
      db.exec('COMMIT');
      committed = true;
      return report;
    }
    db.exec('ROLLBACK');
    committed = true;
    appendAttempt(options.attemptsFile, toRunRecord(report, startedAt, finishedAt, options.command));
    return report;
  } finally {
    rejects.close();
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
  }
}

/**
 * The cells a record writer's reject names: one per column of the file its fields are read from, with the row's
 * values there (a date and a time read from one datetime column are one cell), so the rejects file holds columns of
 * the file, never field names (SPEC §4). Fields no column feeds leave the reject naming none, as a row-level one.
 */
function rejectedCells(bound: BoundMapping, fields: string[], values: Record<string, FieldValue>, message: string): { field: string; column: string; value: string; message: string }[] {
  const byColumn = new Map<string, { field: string; column: string; value: string; message: string }>();
  for (const field of fields) {
    const at = bound.fields.indexOf(field);
    if (at < 0) continue;
    const column = bound.columns[at];
    const value = String(values[field] ?? '');
    const cell = byColumn.get(column);
    if (!cell) byColumn.set(column, { field, column, value, message });
    else if (value !== '') cell.value = cell.value === '' ? value : `${cell.value} ${value}`;
  }
  return byColumn.size > 0 ? [...byColumn.values()] : [{ field: fields[0], column: '', value: '', message }];
}

/**
 * `kept`: what the history keeps of a committed import besides its report: the store columns it wrote (`patients merge`
 * reads them) and the likely renames it named (the alerts read them).
 */
function toRunRecord(report: ImportReport, startedAt: string, finishedAt: string, command = 'import', kept: Record<string, unknown> = {}): RunRecord {
  return {
    run: report.run, started_at: startedAt, finished_at: finishedAt, command, user: currentUser(), file: report.file,
    sha256: report.sha256, mapping: report.mapping, entity: report.entity, dry_run: report.dry_run, rows: report.rows,
    created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected,
    status: report.status, rejects_file: report.rejects_file, undone_by: null,
    summary: { changes: report.changes, duplicates: report.duplicates, skipped_rows: report.skipped_rows, warnings: report.warnings,
      ...(report.would_have ? { would_have: report.would_have } : {}), ...(report.missing ? { missing: report.missing } : {}),
      ...kept },
  };
}

/** Binds the mapping to the file's header; a header the mapping cannot read unambiguously rejects the file, by name. */
function bindOrReject(mapping: Mapping, header: string[], fileName: string): BoundMapping {
  try {
    return bindMapping(mapping, header);
  } catch (error) {
    if (error instanceof PracticeSyncError && error.code === 'input_rejected') fail('input_rejected', `${fileName}: ${error.message}; nothing was imported`, error.context);
    throw error;
  }
}
