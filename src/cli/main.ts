// The entry point: commander wiring, and the one place errors become the exit codes of SPEC §3.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, isPracticeSyncError } from '../errors.js';
import { processContext, type CliContext } from './context.js';
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
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerCommands(program, ctx);
  return program;
}

export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isPracticeSyncError(error)) {
      ctx.stderr(`practice-sync: ${error.message}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    ctx.stderr(`practice-sync: internal error (a bug): ${err.message}\n${ctx.env.PRACTICE_SYNC_DEBUG ? `${err.stack}\n` : 'set PRACTICE_SYNC_DEBUG=1 to see where it happened\n'}`);
    return EXIT.internal;
  }
}

export async function main(argv: string[]): Promise<number> {
  // `practice-sync report claims | head`: the reader went away; stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return runCli(argv, processContext());
}
