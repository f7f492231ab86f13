// The entry point: commander wiring, and the one place errors become the exit codes of SPEC §3.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, isPracticeSyncError } from '../errors.js';
import { setupProblem } from '../workspace/setup-problem.js';
import { processContext, type CliContext, type GlobalOptions } from './context.js';
import { registerCommands } from './commands/index.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('practice-sync')
    .description('Import EHR/PMS exports, compute what billing staff chase every week, and write payments and payouts back.')
    .option('--workspace <dir>', 'the workspace folder (default: PRACTICE_SYNC_HOME, else the nearest folder with practice-sync.json)')
    .option('--as-of <date>', 'the "today" for every computation, YYYY-MM-DD (default: the local date)')
    .addOption(new Option('--format <format>', 'output format: table, csv or json (export quickbooks: qbo-journal, qbo-bank, iif)'))
    .option('--out <file>', 'write the output to this file (export writeback and quickbooks: into this folder)')
    .option('--quiet', 'print only the summary lines')
    .option('--no-color', 'no colour codes')
    .option('--verbose', 'more detail')
    .option('--wait <seconds>', 'wait up to this many seconds for another practice-sync process to finish')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .addHelpText('after', '\nExamples:\n  practice-sync init ~/practice\n  practice-sync import ~/Downloads/insurance_claims_report.csv\n  practice-sync alerts --new\n  practice-sync --quiet run --fail-on high   (the unattended job, for cron)');
  registerCommands(program, ctx);
  return program;
}

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (thrown) {
    // A path this user may not read or write, or a full disk, met before a workspace was open (its lock, an input file): exit 2.
    const error = setupProblem(thrown) ?? thrown;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isPracticeSyncError(error) && error.exitCode !== EXIT.internal) {
      // Another practice-sync at work (exit 5): under --quiet, as cron runs it, nothing to mail; the next run catches up.
      if (!(error.code === 'locked' && program.opts<GlobalOptions>().quiet)) ctx.stderr(`practice-sync: ${error.message}\n`);
      return error.exitCode;
    }
    ctx.stderr(internalErrorText(error, Boolean(program.opts<GlobalOptions>().verbose)));
    return EXIT.internal;
  }
}

/**
 * SPEC §3 exit 1: what happened and where the log is. `withWorkspace` has written the error, with its stack, to the
 * workspace log and names that file in `context.log`; an error from before a workspace was opened was logged nowhere.
 */
function internalErrorText(error: unknown, verbose: boolean): string {
  const context = isPracticeSyncError(error) ? error.context : {};
  const origin = isPracticeSyncError(error) && error.cause !== undefined ? error.cause : error;
  const message = origin instanceof Error ? origin.message : String(origin);
  const lines = [`practice-sync: internal error (a bug): ${message}`];
  if (verbose && origin instanceof Error && origin.stack) lines.push(origin.stack);
  const more = verbose ? '' : ' (add --verbose to print where it happened)';
  if (typeof context.log === 'string') lines.push(`written to the log ${context.log}${verbose ? '' : ', with where it happened (add --verbose to print that here)'}`);
  else if (typeof context.log_failed === 'string') lines.push(`could not be written to the log ${context.log_failed}${more}`);
  else lines.push(`no log was written: the command had not opened a workspace${more}`);
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  // `practice-sync report claims | head`: the reader went away; stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return runCli(argv, processContext());
}
