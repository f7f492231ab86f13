// `run`, the unattended job: import every file in inbox/ in dependency order (each atomic), archive what was imported,
// leave a .problem.txt beside what was not, then write the day's reports and alerts. Killed half way, the next run
// finishes the job: an imported file not yet archived is recognised by its hash and archived, never imported twice.
import path from 'node:path';
import type { AlertsReport } from '../alerts/index.js';
import { isPracticeSyncError } from '../errors.js';
import { importFile, type ImportProgress, type ImportReport } from '../ingest/import-file.js';
import { shownReason } from '../ingest/shown-reason.js';
import { orderByEntity } from '../ingest/import-order.js';
import { ReportBuilder } from '../report/build-reports.js';
import { writeReportFile } from '../report/render-report.js';
import type { Report } from '../report/model.js';
import { loadAlertMemory, rememberAlerts } from '../store/alert-state.js';
import { describeMissing, type MissingRecords } from '../store/export-presence.js';
import { runWithHash } from '../store/run-history.js';
import { plural } from '../text/plural.js';
import type { WorkspaceSession } from '../workspace/open-workspace.js';
import { permissionDenied } from '../workspace/permission-denied.js';
import { appendPrivateFile, ensurePrivateDir, writePrivateFile } from '../workspace/private-fs.js';
import { archiveFile, scanInbox, writeProblem, type InboxFile } from './inbox-files.js';

export interface RunOptions {
  asOf: string;
  now: () => Date;
  /** Called once before the first write when there is something to import (the rolling backup). */
  beforeWrite?: () => Promise<void>;
  onFileStart?: (file: string) => void;
  onProgress?: (progress: ImportProgress) => void;
  onFileDone?: (file: string) => void;
}

export interface RunFileOutcome {
  file: string;
  status: 'imported' | 'already_imported' | 'problem';
  run: number | null;
  entity: string | null;
  mapping: string | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  changes: Record<string, number>;
  archived_to: string | null;
  problem_file: string | null;
  /** Why the problem file could not be written beside the file (a permission error), else null. */
  problem_file_error: string | null;
  reason: string | null;
  /** A full export: what it lacks of what earlier exports of its mapping listed (SPEC §10). */
  missing: MissingRecords | null;
  /** What the import said besides its counts (rows left out, a Windows-1252 file, a column missing). */
  warnings: string[];
}

export interface RunReport {
  as_of: string;
  started_at: string;
  files: RunFileOutcome[];
  waiting: string[];
  /** Hidden, temporary or still-downloading files left in the inbox untouched (names only). */
  skipped: string[];
  /** Folders (`NAME/`), links and other entries of the inbox that are not plain files: left alone (names only). */
  not_files: string[];
  reports_dir: string;
  alerts: { total: number; new: number; by_severity: Record<string, number>; new_by_severity: Record<string, number> };
  alertRows: AlertsReport['rows'];
  /**
   * Remember the alerts: every one remembered before, and of the new ones those in `shown` (the caller printed them),
   * are seen. A new alert nobody was shown is remembered (its first day and owner hold) but stays new for `alerts --new`.
   */
  rememberSeen: (shown: ReadonlySet<string>) => void;
}

export async function runInbox(ws: WorkspaceSession, options: RunOptions): Promise<RunReport> {
  const startedAt = options.now().toISOString();
  const day = options.asOf;
  const scan = scanInbox(ws.paths.inbox, (sha256) => runWithHash(ws.db, sha256) !== null);
  for (const name of scan.skipped) ws.log({ event: 'skipped_temporary', command: 'run', file: name });
  for (const name of scan.notFiles) ws.log({ event: 'skipped_not_file', command: 'run', file: name });
  if (scan.ready.length) await options.beforeWrite?.();
  const files: RunFileOutcome[] = [];
  const byPath = new Map(scan.ready.map((file) => [file.path, file]));
  for (const file of orderByEntity([...byPath.keys()], ws.mappings()).map((p) => byPath.get(p)!)) {
    options.onFileStart?.(file.name);
    files.push(await importOne(ws, file, day, options));
    options.onFileDone?.(file.name);
  }

  const reportsDir = path.join(ws.paths.reports, day);
  ensurePrivateDir(reportsDir);
  const builder = new ReportBuilder({ db: ws.db, config: ws.config, asOf: options.asOf });
  const memory = loadAlertMemory(ws.db);
  const alerts = builder.alerts(memory);
  const reports: Report[] = [alerts, ...(['sessions', 'aging', 'balances', 'unbilled'] as const).map((name) => builder.build(name))];
  for (const report of reports) writeReportFile(path.join(reportsDir, `${report.report}.csv`), report, 'csv');
  await builder.writeClaims('csv', path.join(reportsDir, 'claims.csv'));

  const count = (rows: AlertsReport['rows']) => rows.reduce<Record<string, number>>((acc, r) => ((acc[String(r.severity)] = (acc[String(r.severity)] ?? 0) + 1), acc), {});
  const fresh = alerts.rows.filter((r) => r.new === true);
  const result: RunReport = {
    as_of: options.asOf, started_at: startedAt, files, waiting: scan.waiting, skipped: scan.skipped, not_files: scan.notFiles, reports_dir: reportsDir,
    alerts: { total: alerts.rows.length, new: fresh.length, by_severity: count(alerts.rows), new_by_severity: count(fresh) },
    alertRows: alerts.rows,
    rememberSeen: (shown) => rememberAlerts(ws.db, alerts, options.asOf, memory, shown),
  };
  const { alertRows: _rows, rememberSeen: _remember, ...summary } = result;
  // summary.json is the day's latest run; summary.txt keeps every run of the day, the latest last: an hourly job's
  // 8 o'clock problem must still be there after its 9 o'clock "nothing new" (Task Scheduler mails nothing).
  writePrivateFile(path.join(reportsDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  appendPrivateFile(path.join(reportsDir, 'summary.txt'), `--- run started ${startedAt}\n${summaryLines(result).join('\n')}\n`);
  return result;
}


async function importOne(ws: WorkspaceSession, file: InboxFile, day: string, options: RunOptions): Promise<RunFileOutcome> {
  const base: RunFileOutcome = {
    file: file.name, status: 'problem', run: null, entity: null, mapping: null, created: 0, updated: 0, unchanged: 0, rejected: 0, changes: {},
    archived_to: null, problem_file: null, problem_file_error: null, reason: null, missing: null, warnings: [],
  };
  if (file.unreadable !== null) {
    ws.log({ event: 'import_failed', command: 'run', file: file.name, code: 'permission_denied' });
    return noteProblem(ws, { ...base, reason: file.unreadable }, file, [file.unreadable], options.now().toISOString());
  }
  let report: ImportReport;
  ws.log({ event: 'import_start', command: 'run', file: file.name });
  try {
    report = await importFile({
      db: ws.db, file: file.path, mappings: ws.mappings(), rejectsDir: ws.paths.rejects, attemptsFile: ws.attemptsFile, command: 'run',
      now: options.now, onProgress: options.onProgress,
    });
  } catch (error) {
    if (!isPracticeSyncError(error) || error.exitCode === 1) throw error;
    // The problem file keeps the whole message; the summary line gets its first line, without the repeated file name.
    const reason = error.message.split('\n')[0].replace(`${file.name}: `, '');
    ws.log({ event: 'import_failed', command: 'run', file: file.name, code: error.code });
    return noteProblem(ws, { ...base, reason }, file, error.message.split('\n'), options.now().toISOString());
  }
  const outcome: RunFileOutcome = {
    ...base, run: report.run, entity: report.entity, mapping: report.mapping, created: report.created, updated: report.updated,
    unchanged: report.unchanged, rejected: report.rejected, changes: report.changes, missing: report.missing, warnings: report.warnings,
  };
  ws.log({ event: 'import_done', command: 'run', run: report.run, file: file.name, mapping: report.mapping, status: report.status,
    rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, warnings: report.warnings.length });
  if (report.status === 'rejected') {
    const lines = [`${plural(report.rejected, 'row')} rejected by mapping ${report.mapping}; nothing from this file was imported.`,
      ...report.first_rejects.map((r) => `- ${shownReason(r)}`), report.rejects_file ? `All rejected rows: ${report.rejects_file}` : ''].filter(Boolean);
    return noteProblem(ws, { ...outcome, reason: `${plural(report.rejected, 'row')} rejected` }, file, lines, options.now().toISOString());
  }
  if (report.status === 'skipped') {
    const to = archiveFile(file, ws.paths.archive, day, `run-${report.already_imported_by}-again`);
    return { ...outcome, status: 'already_imported', run: report.already_imported_by, archived_to: to };
  }
  const to = archiveFile(file, ws.paths.archive, day, `run-${report.run}`);
  ws.log({ event: 'archived', run: report.run, file: file.name, to: path.relative(ws.paths.root, to) });
  return { ...outcome, status: 'imported', archived_to: to };
}

/**
 * The problem file beside `file`. When this user may not write even that, the run goes on: the summary names the file
 * as a problem and says why there is no note (and the next run, finding none, tries the file again).
 */
function noteProblem(ws: WorkspaceSession, outcome: RunFileOutcome, file: InboxFile, lines: string[], when: string): RunFileOutcome {
  try {
    return { ...outcome, problem_file: writeProblem(file, lines, when) };
  } catch (error) {
    const denied = permissionDenied(error);
    if (!denied) throw error;
    ws.log({ event: 'problem_file_failed', command: 'run', file: file.name, code: denied.code });
    return { ...outcome, problem_file_error: denied.message };
  }
}

/** The summary cron mails: one line per file, then the alerts, no patient names. */
export function summaryLines(result: Omit<RunReport, 'alertRows' | 'rememberSeen'>): string[] {
  const lines = [`practice-sync run, as of ${result.as_of}`];
  if (result.files.length === 0) lines.push('inbox: nothing new');
  for (const f of result.files) {
    if (f.status === 'imported') {
      const changes = Object.entries(f.changes).map(([k, n]) => `${n} ${k}`).join(', ');
      lines.push(`imported ${f.file} (${f.mapping}, run ${f.run}): ${f.created} created, ${f.updated} updated, ${f.unchanged} unchanged${changes ? `; ${changes}` : ''}`);
      if (f.missing?.count) lines.push(`  ${describeMissing(f.mapping ?? '', f.missing)}`);
      for (const warning of f.warnings) lines.push(`  warning: ${warning}`);
    } else if (f.status === 'already_imported') {
      lines.push(`archived ${f.file}: already imported by run ${f.run}`);
    } else {
      const note = f.problem_file ? `see ${path.basename(f.problem_file)} in the inbox` : `no problem file: ${f.problem_file_error}`;
      lines.push(`PROBLEM ${f.file}: ${f.reason} (${note})`);
    }
  }
  for (const name of result.waiting) lines.push(`waiting ${name}: unchanged since its problem was reported`);
  for (const name of result.skipped) lines.push(`skipped ${name}: a hidden or temporary file (still being copied?); left in the inbox`);
  for (const name of result.not_files) {
    lines.push(name.endsWith('/')
      ? `skipped ${name}: a folder; run imports the files directly in the inbox, so move its exports up`
      : `skipped ${name}: not a plain file (a link?); copy the export itself into the inbox`);
  }
  const sev = (counts: Record<string, number>) => ['high', 'medium', 'low'].filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ') || 'none';
  lines.push(`alerts: ${result.alerts.total} (${sev(result.alerts.by_severity)}); new since the last look: ${result.alerts.new} (${sev(result.alerts.new_by_severity)})`);
  lines.push(`reports: ${result.reports_dir}`);
  return lines;
}

export function hasProblems(result: RunReport): boolean {
  return result.files.some((f) => f.status === 'problem');
}
