// `import FILE... [--mapping NAME|PATH] [--dry-run] [--allow-partial]`
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT, isPracticeSyncError, type ErrorCode } from '../../errors.js';
import type { ImportReport } from '../../ingest/import-file.js';
import { resolveMapping } from '../../mapping/load-mappings.js';
import type { WorkspaceSession } from '../../workspace/open-workspace.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { outputFormat, withWorkspace } from '../session.js';
import { importJson, renderImport } from '../ui/render-import.js';
import { progressDisplay } from '../ui/spinner.js';
import { makeStyle } from '../ui/style.js';

export interface ImportFlags {
  mapping?: string;
  dryRun?: boolean;
  allowPartial?: boolean;
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('import exports into the store: all or nothing per file, idempotent, with a dry run')
    .argument('<files...>', 'CSV/TSV exports')
    .option('--mapping <name|path>', 'use this mapping instead of detecting one from the header')
    .option('--dry-run', 'do everything except write, and print the same summary')
    .option('--allow-partial', 'write the valid rows even when some are rejected (still exit 3)')
    .addHelpText('after', '\nExample:\n  practice-sync import ~/Downloads/insurance_claims_report.csv --dry-run')
    .action(async (files: string[], flags: ImportFlags, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = outputFormat(globals, ['table', 'json']);
      await withWorkspace(ctx, globals, { command: 'import', write: true }, async (ws) => {
        const outcomes = await importMany(ctx, globals, ws, files, flags, 'import');
        const json = outcomes.map((o) => (o.status === 'failed' ? o : importJson(o)));
        if (format === 'json') ctx.stdout(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
      });
    });
}

/** A file refused as a whole (empty, binary, no mapping fits, ...) in an import of several: `import --format json` lists it. */
export interface FailedImport {
  file: string;
  status: 'failed';
  code: ErrorCode;
  message: string;
}

/**
 * Import each file in turn (shared with `sessions update`), printing as it goes; the exit code is the highest of the
 * files' (3 when any row was rejected, written with --allow-partial or not). Each file is judged on its own (SPEC §4,
 * atomic per file): when one of several is refused as a whole, its problem is printed and the next file imported. A
 * single file's problem is the command's.
 */
export async function importMany(ctx: CliContext, globals: GlobalOptions, ws: WorkspaceSession, files: string[], flags: ImportFlags, commandName: string): Promise<(ImportReport | FailedImport)[]> {
  const style = makeStyle(ctx, globals);
  const human = (globals.format ?? 'table') === 'table';
  const outcomes: (ImportReport | FailedImport)[] = [];
  // The import pipeline (reader, cell types, date-fns' parser): loaded only by the commands that import.
  const { importFile } = await import('../../ingest/import-file.js');
  const chosen = flags.mapping ? resolveMapping(flags.mapping, ws.mappings(), ctx.cwd) : undefined;
  for (const file of files) {
    const progress = progressDisplay(ctx.isTTY && !globals.quiet && human, `importing ${path.basename(file)}`);
    ws.log({ event: 'import_start', command: commandName, file });
    let report: ImportReport;
    try {
      report = await importFile({
        db: ws.db, file: resolvePath(ctx, file), mappings: ws.mappings(), mapping: chosen, dryRun: flags.dryRun, allowPartial: flags.allowPartial,
        rejectsDir: ws.paths.rejects, attemptsFile: ws.attemptsFile, command: commandName, now: ctx.now,
        onProgress: (p) => progress.update(p.rows, p.bytes, p.totalBytes),
      });
    } catch (error) {
      ws.log({ event: 'import_failed', command: commandName, file, code: (error as { code?: string }).code ?? 'internal' });
      // A bug (exit 1) stops the command: the next file would likely meet it too.
      if (files.length === 1 || !isPracticeSyncError(error) || error.exitCode === EXIT.internal) throw error;
      ctx.stderr(`practice-sync: ${error.message}\n`);
      ctx.exitCode = Math.max(ctx.exitCode, error.exitCode);
      outcomes.push({ file: resolvePath(ctx, file), status: 'failed', code: error.code, message: error.message });
      continue;
    } finally {
      progress.stop();
    }
    ws.log({ event: 'import_done', command: commandName, run: report.run, file, mapping: report.mapping, status: report.status,
      rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected });
    // Rejected rows exit 3 even when --allow-partial wrote the valid ones (SPEC §3): the rows left out need fixing.
    if (report.rejected > 0) ctx.exitCode = Math.max(ctx.exitCode, EXIT.rejected);
    if (human) ctx.stdout(renderImport(report, style));
    outcomes.push(report);
  }
  return outcomes;
}

function resolvePath(ctx: CliContext, file: string): string {
  return path.resolve(ctx.cwd, file);
}
