// `run`: the unattended job for cron or Task Scheduler. Exit 3 when a file needs fixing, 4 when new alerts reach
// --fail-on, 0 otherwise — so the scheduler mails only when a human is needed.
import type { Command } from 'commander';
import { EXIT, fail } from '../../errors.js';
import { isSeverity, severityAtLeast, type Severity } from '../../alerts/index.js';
import { subjectWithoutPatient } from '../../alerts/format.js';
import type { WorkspaceSession } from '../../workspace/open-workspace.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { resolveAsOf, withWorkspace } from '../session.js';
import { progressDisplay } from '../ui/spinner.js';
import { makeStyle } from '../ui/style.js';

export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('the unattended job: import everything in inbox/ in dependency order, archive it, write reports and alerts')
    .option('--fail-on <severity>', 'exit 4 when a new alert is at or above this severity (low, medium, high)')
    .addHelpText('after', '\nWith --quiet it prints nothing when it exits 0, so cron mails only when a file needs fixing (exit 3) or a new\nalert reaches --fail-on (exit 4); every run\'s summary is added to reports/DAY/summary.txt either way.\n\nExamples:\n  practice-sync run\n  practice-sync --workspace /srv/practice --quiet run --fail-on high   # in cron: mails only when needed')
    .action(async (flags: { failOn?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      if (flags.failOn !== undefined && !isSeverity(flags.failOn)) fail('usage', `--fail-on takes low, medium or high, got "${flags.failOn}"`);
      const asOf = resolveAsOf(ctx, globals);
      await withWorkspace(ctx, globals, { command: 'run', write: true }, (ws) => executeRun(ctx, globals, ws, asOf, flags.failOn as Severity | undefined));
    });
}

/** The job itself, shared with `demo`: run the inbox, print the summary, set the exit code. */
export async function executeRun(ctx: CliContext, globals: GlobalOptions, ws: WorkspaceSession, asOf: string, failOn: Severity | undefined): Promise<void> {
  const style = makeStyle(ctx, globals);
  // The whole program (imports, reports, exports): loaded here, so that the other commands start without it.
  const [{ hasProblems, runInbox, summaryLines }, { rollingBackup }] = await Promise.all([import('../../run/run-inbox.js'), import('../../maintenance/rolling-backup.js')]);
  let progress = progressDisplay(false, '');
  const result = await runInbox(ws, {
    asOf,
    now: ctx.now,
    beforeWrite: async () => void (await rollingBackup(ws.paths, ctx.now, ws.config.backup.keep)),
    onFileStart: (file) => (progress = progressDisplay(ctx.isTTY && !globals.quiet, `importing ${file}`)),
    onProgress: (p) => progress.update(p.rows, p.bytes, p.totalBytes),
    onFileDone: () => progress.stop(),
  });
  const { alertRows, rememberSeen, ...summary } = result;
  const newAtThreshold = failOn
    ? alertRows.some((r) => r.new === true && isSeverity(r.severity) && severityAtLeast(r.severity, failOn))
    : false;
  ctx.exitCode = Math.max(ctx.exitCode, hasProblems(result) ? EXIT.rejected : newAtThreshold ? EXIT.alerts : EXIT.ok);
  ws.log({ event: 'run_done', as_of: asOf, files: result.files.length, problems: result.files.filter((f) => f.status === 'problem').length, alerts: result.alerts.total, new_alerts: result.alerts.new, exit: ctx.exitCode });
  // Quiet is for cron, which mails whatever a job prints: say nothing unless a human is needed. The summary is in
  // reports/DAY/summary.txt either way. New alerts not listed here stay new: `--quiet run --fail-on high` in cron must
  // not use up the medium ones for the Monday `alerts --new` (as `alerts --quiet` does not).
  if (globals.quiet && ctx.exitCode === EXIT.ok) {
    rememberSeen(new Set());
    return;
  }
  const fresh = alertRows.filter((r) => r.new === true && (!failOn || (isSeverity(r.severity) && severityAtLeast(r.severity, failOn))));
  const subject = (r: (typeof fresh)[number]) => subjectWithoutPatient(String(r.subject), r.patient as string | null);
  if (globals.format === 'json') {
    // The new alerts it lists, as the text does, and without patient names: a program reading it may mail it.
    const listed = fresh.map((r) => ({ id: r.id, type: r.type, severity: r.severity, subject: subject(r), due: r.due, owner: r.owner, message: r.message }));
    ctx.stdout(`${JSON.stringify({ ...summary, new_alerts: listed }, null, 2)}\n`);
  } else {
    const lines = summaryLines(summary);
    ctx.stdout(`${style.bold(lines[0])}\n${lines.slice(1).map((l) => (l.startsWith('PROBLEM') ? style.red(l) : l)).join('\n')}\n`);
    // Those past the 15th are named by the file that lists them: shown too.
    for (const r of fresh.slice(0, 15)) ctx.stdout(`  - [${r.severity}] ${subject(r)}: ${r.message}\n`);
    if (fresh.length > 15) ctx.stdout(`  ... and ${fresh.length - 15} more in ${result.reports_dir}/alerts.csv\n`);
  }
  rememberSeen(new Set(fresh.map((r) => r.id as string)));
}
