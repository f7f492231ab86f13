// `runs`, `runs show ID`, `undo ID`: the import history and exact reverts.
import type { Command } from 'commander';
import { fail } from '../../errors.js';
import { runsReport } from '../../report/runs-report.js';
import { getRun, listRuns } from '../../store/run-history.js';
import { runChanges, undoRun } from '../../store/undo-run.js';
import { plural } from '../../text/plural.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { outputFormat, reportFormat, resolveAsOf, withWorkspace } from '../session.js';
import { emitReport } from '../ui/emit-report.js';
import { renderRun, runJson } from '../ui/render-run.js';
import { makeStyle } from '../ui/style.js';

export function registerRuns(program: Command, ctx: CliContext): void {
  const runs = program
    .command('runs')
    .description('the import history: every run, what it read and what it changed')
    .addHelpText('after', '\nExamples:\n  practice-sync runs\n  practice-sync runs show 12')
    .action(async (_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withWorkspace(ctx, globals, { command: 'runs', write: false }, (ws) => {
        emitReport(ctx, runsReport(listRuns(ws.db, ws.attemptsFile), resolveAsOf(ctx, globals)), reportFormat(globals), makeStyle(ctx, globals), globals.out);
      });
    });

  runs
    .command('show')
    .description("one run: its counts and the before and after of every record it touched")
    .argument('<id>', 'run number')
    .option('--limit <n>', 'show at most this many changes', '200')
    .addHelpText('after', '\nExample:\n  practice-sync runs show 12 --format json')
    .action(async (id: string, flags: { limit: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = outputFormat(globals, ['table', 'json']);
      await withWorkspace(ctx, globals, { command: 'runs show', write: false }, (ws) => {
        const run = getRun(ws.db, ws.attemptsFile, parseRunId(id));
        const changes = runChanges(ws.db, run.run, Number(flags.limit) || 200);
        ctx.stdout(format === 'json' ? `${JSON.stringify(runJson(run, changes), null, 2)}\n` : renderRun(run, changes, makeStyle(ctx, globals)));
      });
    });

  program
    .command('undo')
    .description('revert one run exactly (refused when a later run changed the same records)')
    .argument('<id>', 'run number')
    .addHelpText('after', '\nExample:\n  practice-sync undo 12')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withWorkspace(ctx, globals, { command: 'undo', write: true }, (ws) => {
        const result = undoRun(ws.db, ws.attemptsFile, parseRunId(id), { now: ctx.now });
        ws.log({ event: 'undo', run: result.run, undid: result.undid, restored: result.restored, removed: result.removed, written_back: result.writtenBack.length, in_quickbooks: result.inQuickBooks.length });
        ctx.stdout(`undid run ${result.undid} as run ${result.run}: ${plural(result.removed, 'record')} removed, ${result.restored} restored\n`);
        const style = makeStyle(ctx, globals);
        for (const { payment_id: payment, batch } of result.writtenBack) {
          ctx.stdout(style.yellow(`  payment ${payment} was written back in batch ${batch}: the PMS still holds it; reverse it there by hand\n`));
        }
        for (const { payout_id: payout, batch } of result.inQuickBooks) {
          ctx.stdout(style.yellow(`  payout ${payout} went to QuickBooks in batch ${batch} with payments this undo removed: correct its deposit there by hand\n`));
        }
      });
    });
}

function parseRunId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) fail('usage', `a run is a number like 12, got "${text}"`);
  return id;
}
