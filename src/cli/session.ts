// Open the workspace for a command, run it, and always close the store and release the lock.
import { EXIT, fail, isPracticeSyncError, PracticeSyncError } from '../errors.js';
import { FIRST_YEAR, inDateRange, isRealDate, LAST_YEAR } from '../mapping/cells/date-scan.js';
import { isStoreDamage, storeDamaged } from '../store/store-file.js';
import { openWorkspace, type WorkspaceSession } from '../workspace/open-workspace.js';
import { setupProblem } from '../workspace/setup-problem.js';
import type { CliContext, GlobalOptions } from './context.js';

export async function withWorkspace<T>(
  ctx: CliContext,
  globals: GlobalOptions,
  options: { command: string; write: boolean },
  fn: (ws: WorkspaceSession) => Promise<T> | T,
): Promise<T> {
  const waitMs = globals.wait ? Number(globals.wait) * 1000 : undefined;
  if (waitMs !== undefined && !(waitMs >= 0)) fail('usage', `--wait takes a number of seconds, got "${globals.wait}"`);
  const ws = await openWorkspace({ workspace: globals.workspace, env: ctx.env, cwd: ctx.cwd, now: ctx.now, command: options.command, write: options.write, waitMs });
  try {
    const result = await fn(ws);
    if (options.write) ws.log({ event: 'command', command: options.command, exit: ctx.exitCode });
    return result;
  } catch (thrown) {
    // Damage SQLite finds only when a command reads the damaged page (opening reads the schema, not every table); a
    // read-only store fails only when a command first writes to it.
    const error = isStoreDamage(thrown) ? storeDamaged(ws.paths.store, thrown) : (setupProblem(thrown, ws.paths.store) ?? thrown);
    const { code, exitCode } = error as { code?: string; exitCode?: number };
    if (isPracticeSyncError(error) && error.exitCode !== EXIT.internal) {
      ws.log({ event: 'command', command: options.command, exit: exitCode, code });
      throw error;
    }
    // A bug: the log keeps what happened and where, and the message on the terminal names the log.
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    const logged = ws.log({ event: 'command', command: options.command, exit: EXIT.internal, code: 'internal', message, stack });
    throw new PracticeSyncError('internal', message, { [logged ? 'log' : 'log_failed']: ws.paths.log }, { cause: error });
  } finally {
    ws.close();
  }
}

/**
 * A date option's value, which must be a real calendar date written YYYY-MM-DD (`2026-02-30` is not) in the years a
 * cell may name (date-scan.ts); exit 2 otherwise.
 */
export function isoDateOption(text: string, flag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) fail('usage', `${flag} takes a real date as YYYY-MM-DD, got "${text}"`);
  if (!inDateRange(Number(m[1]))) fail('usage', `${flag} takes a date between ${FIRST_YEAR} and ${LAST_YEAR}, got "${text}"`);
  return text;
}

/** `--as-of YYYY-MM-DD`, else today's local date. */
export function resolveAsOf(ctx: CliContext, globals: GlobalOptions): string {
  if (globals.asOf) return isoDateOption(globals.asOf, '--as-of');
  const now = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `--format` of a command printing something other than a report: one of `allowed`, the first by default. */
export function outputFormat(globals: GlobalOptions, allowed: readonly string[]): string {
  const format = globals.format ?? allowed[0];
  if (!allowed.includes(format)) fail('usage', `--format takes ${allowed.join(', ')} here, got "${format}"`);
  return format;
}

/**
 * A report's format: `--format`, else the one `--out FILE` names by its extension (`aging.csv`, `alerts.json`: a table
 * drawn in such a file was no use to anything that opened it), else the table, for people (on a terminal, in cron mail,
 * through `less`).
 */
export function reportFormat(globals: GlobalOptions): string {
  const named = globals.out ? /\.(csv|json)$/i.exec(globals.out)?.[1].toLowerCase() : undefined;
  return globals.format ? outputFormat(globals, REPORT_FORMATS) : (named ?? 'table');
}

const REPORT_FORMATS = ['table', 'csv', 'json'];
