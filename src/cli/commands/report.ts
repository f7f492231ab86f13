// `report NAME` and `alerts`: the weekly numbers, as a table for people or CSV/JSON for programs.
import path from 'node:path';
import type { Command } from 'commander';
import { filterAlerts, isSeverity, severityAtLeast, type Severity } from '../../alerts/index.js';
import { EXIT, fail } from '../../errors.js';
import { ReportBuilder, REPORT_NAMES, type ReportName } from '../../report/build-reports.js';
import type { Report } from '../../report/model.js';
import { runsReport } from '../../report/runs-report.js';
import { loadAlertMemory, rememberAlerts } from '../../store/alert-state.js';
import { listRuns } from '../../store/run-history.js';
import { StoreInputs, type InputFilter } from '../../store/load-inputs.js';
import type { Store } from '../../store/open-store.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { reportFormat, resolveAsOf, withWorkspace } from '../session.js';
import { emitReport } from '../ui/emit-report.js';
import { makeStyle } from '../ui/style.js';

interface ReportFlags extends InputFilter {
  open?: boolean;
  new?: boolean;
  minSeverity?: string;
  failOn?: string;
}

function severityOption(value: string | undefined, flag: string): Severity | undefined {
  if (value === undefined) return undefined;
  if (!isSeverity(value)) fail('usage', `${flag} takes low, medium or high, got "${value}"`);
  return value;
}

function withFilters(command: Command): Command {
  return command
    .option('--patient <text>', 'only rows whose patient name contains this, or whose patient ID is this')
    .option('--clinician <text>', 'only rows whose clinician name contains this')
    .option('--payer <text>', 'only rows whose payer name contains this');
}

/** The filters and options each report takes; any other is refused rather than silently ignored. */
const REPORT_OPTIONS: Record<ReportName, readonly (keyof ReportFlags)[]> = {
  sessions: ['patient', 'clinician', 'payer'],
  claims: ['patient', 'clinician', 'payer', 'open'],
  aging: ['patient', 'clinician', 'payer'],
  // A balance is the patient's, across payers and clinicians.
  balances: ['patient'],
  unbilled: ['patient', 'clinician', 'payer'],
  alerts: ['patient', 'clinician', 'payer', 'new', 'minSeverity'],
  runs: [],
};

const FLAG_NAMES: Record<string, string> = { patient: '--patient', clinician: '--clinician', payer: '--payer', open: '--open', new: '--new', minSeverity: '--min-severity' };

function refuseUnusedOptions(name: ReportName, flags: ReportFlags): void {
  const takes = REPORT_OPTIONS[name];
  const unused = Object.keys(FLAG_NAMES).filter((key) => flags[key as keyof ReportFlags] !== undefined && !takes.includes(key as keyof ReportFlags));
  if (unused.length === 0) return;
  const accepted = takes.length ? `it takes ${takes.map((key) => FLAG_NAMES[key]).join(', ')}` : 'it takes no filters';
  fail('usage', `report ${name} does not use ${unused.map((key) => FLAG_NAMES[key]).join(', ')}; ${accepted}`);
}

export function registerReport(program: Command, ctx: CliContext): void {
  withFilters(program.command('report'))
    .description(`a report: ${REPORT_NAMES.join(', ')}`)
    .argument('<name>', REPORT_NAMES.join(' | '))
    .option('--open', 'claims: only open, denied and rejected claims')
    .option('--new', 'alerts: only alerts not seen before')
    .option('--min-severity <severity>', 'alerts: low, medium or high')
    .addHelpText('after', '\nExamples:\n  practice-sync report sessions\n  practice-sync report claims --open --payer aetna --format csv --out claims.csv\n  practice-sync report aging --as-of 2026-11-30 --format json')
    .action(async (name: string, flags: ReportFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (!(REPORT_NAMES as readonly string[]).includes(name)) fail('usage', `no report named "${name}"; reports: ${REPORT_NAMES.join(', ')}`);
      refuseUnusedOptions(name as ReportName, flags);
      const format = reportFormat(globals);
      const asOf = resolveAsOf(ctx, globals);
      await withWorkspace(ctx, globals, { command: `report ${name}`, write: false }, async (ws) => {
        let report: Report;
        if (name === 'runs') report = runsReport(listRuns(ws.db, ws.attemptsFile), asOf);
        else if (name === 'alerts') {
          const all = new ReportBuilder({ db: ws.db, config: ws.config, asOf }).alerts(loadAlertMemory(ws.db));
          report = filterAlertRows(filterAlerts(all, { newOnly: flags.new, minSeverity: severityOption(flags.minSeverity, '--min-severity') }), flags, ws.db);
        } else if (name === 'claims' && (format === 'csv' || format === 'json')) {
          // Every claim: streamed a chunk at a time rather than held whole (a million claims as one JSON text would
          // not even fit in a string).
          const builder = new ReportBuilder({ db: ws.db, config: ws.config, asOf, filter: flags, openOnly: flags.open });
          if (globals.out) {
            const { rows } = await builder.writeClaims(format, path.resolve(ctx.cwd, globals.out));
            ctx.stdout(`wrote claims report (${rows} rows) to ${globals.out}\n`);
          } else {
            await builder.streamClaims(format, ctx.stdout);
          }
          return;
        } else {
          report = new ReportBuilder({ db: ws.db, config: ws.config, asOf, filter: flags, openOnly: flags.open }).build(name as Exclude<ReportName, 'alerts' | 'runs'>);
        }
        emitReport(ctx, report, format, makeStyle(ctx, globals), globals.out);
      });
    });

  withFilters(program.command('alerts'))
    .description('what needs a human this week; remembers what it has shown, so --new shows only what is new')
    .option('--new', 'only alerts not seen by an earlier `alerts` or `run`')
    .option('--min-severity <severity>', 'low, medium or high')
    .option('--fail-on <severity>', 'exit 4 when an alert shown is at or above this severity (for cron mail)')
    .addHelpText('after', '\nWith --quiet it prints nothing when it exits 0 (and new alerts it did not print stay new), so cron mails only when\nan alert reaches --fail-on.\n\nExamples:\n  practice-sync alerts\n  practice-sync --quiet alerts --new --fail-on high')
    .action(async (flags: ReportFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = reportFormat(globals);
      const asOf = resolveAsOf(ctx, globals);
      const minSeverity = severityOption(flags.minSeverity, '--min-severity');
      const failOn = severityOption(flags.failOn, '--fail-on');
      await withWorkspace(ctx, globals, { command: 'alerts', write: true }, (ws) => {
        const memory = loadAlertMemory(ws.db);
        const all = new ReportBuilder({ db: ws.db, config: ws.config, asOf }).alerts(memory);
        const listed = filterAlertRows(filterAlerts(all, { newOnly: flags.new, minSeverity }), flags, ws.db);
        const failing = failOn !== undefined && listed.rows.some((r) => isSeverity(r.severity) && severityAtLeast(r.severity, failOn));
        // `--quiet` prints nothing when the command exits 0, as `run` does: cron mails whatever a job prints. A file
        // asked for with --out is still written.
        const silent = globals.quiet === true && !failing && !globals.out;
        const shown = silent ? { ...listed, rows: [] } : listed;
        // Shown first: a file that cannot be written (--out into a missing folder) leaves the alerts as new as they were.
        if (!silent) emitReport(ctx, shown, format, makeStyle(ctx, globals), globals.out);
        // A new alert stops being new only once it has been shown: `alerts --new --min-severity high` in cron must not
        // use up the medium ones nobody saw. Every alert is remembered, so its first day and owner hold meanwhile.
        rememberAlerts(ws.db, all, asOf, memory, new Set(shown.rows.map((row) => row.id as string)));
        ws.log({ event: 'alerts', as_of: asOf, total: all.rows.length, shown: shown.rows.length, new: all.rows.filter((r) => r.new === true).length });
        if (failing) ctx.exitCode = Math.max(ctx.exitCode, EXIT.alerts);
      });
    });
}

/**
 * The alerts about the people the filters name. An alert names its patient by name only, so `--patient P1002` (an ID,
 * as the other reports take it) picks the alerts shown with the name of the patient holding that ID; a namesake's
 * alerts come with them.
 */
function filterAlertRows(report: Report, filter: InputFilter, db: Store): Report {
  const has = (value: unknown, text?: string) => !text || (typeof value === 'string' && value.toLowerCase().includes(text.toLowerCase()));
  if (!filter.patient && !filter.clinician && !filter.payer) return report;
  const idHolder = filter.patient ? new StoreInputs(db).nameOfPatientId(filter.patient) : undefined;
  const rows = report.rows.filter((r) => (has(r.patient, filter.patient) || (idHolder !== undefined && r.patient === idHolder)) &&
    has(r.clinician, filter.clinician) && has(r.payer, filter.payer));
  return filterAlerts({ ...report, rows }, {});
}
