// `export writeback | quickbooks | batches | void`, and `writeback void BATCH`: money going out, each item exactly once.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fail } from '../../errors.js';
import { QUICKBOOKS_FORMATS, type QuickBooksFormat } from '../../export/quickbooks-formats.js';
import { rewriteFiles } from '../../export/write-batch.js';
import { getBatch, listBatches, voidBatch, type BatchKind } from '../../store/export-ledger.js';
import { plural } from '../../text/plural.js';
import type { WorkspaceSession } from '../../workspace/open-workspace.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { isoDateOption, resolveAsOf, withWorkspace } from '../session.js';
import { emitReport } from '../ui/emit-report.js';
import { makeStyle } from '../ui/style.js';

/** Digits only: Number() also takes `1e1`, `0x0a` and ` 3`, and voiding a batch other than the one meant posts its payments twice. */
function batchNumber(text: string): number {
  if (!/^0*[1-9]\d{0,14}$/.test(text)) fail('usage', `a batch is a number like 3, got "${text}"`);
  return Number(text);
}

/** Both ends are inclusive; a window that ends before it starts holds no payout and is a typing slip, not a request. */
function dateWindow(flags: { from?: string; to?: string }): { from?: string; to?: string } {
  const from = flags.from === undefined ? undefined : isoDateOption(flags.from, '--from');
  const to = flags.to === undefined ? undefined : isoDateOption(flags.to, '--to');
  if (from && to && from > to) fail('usage', `--from ${from} is after --to ${to}: no payout can fall between them`);
  return { from, to };
}

/**
 * A batch is one or more files named by its number (a corrections file, QuickBooks parts), so `--out` names the folder
 * they go in. A file name (`x.csv`) or an existing file is refused before the workspace opens: made a folder, it would
 * hide the batch where the user looks for one file (docs/decisions.md, Exports).
 */
function checkOutFolder(ctx: CliContext, globals: GlobalOptions, command: string, example: string): void {
  if (globals.out === undefined) return;
  const target = path.resolve(ctx.cwd, globals.out);
  let existing: fs.Stats | undefined;
  let underFile = false;
  try {
    existing = fs.statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    // ENOTDIR: a part of the path is a file (`--out notes.txt/batches`); it used to surface as an internal error.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    underFile = true;
  }
  const problem = /\.(csv|iif)$/i.test(target) ? 'is a file name' : existing && !existing.isDirectory() ? 'is an existing file'
    : underFile ? 'is inside a file' : undefined;
  if (problem) {
    fail('usage', `--out names a folder for ${command}: a batch is one or more files named by its number (${example}); "${globals.out}" ${problem}, not a folder`);
  }
}

interface ShapingOption {
  flag: string;
  value: string | undefined;
  isFormat?: boolean;
}

function outDir(ctx: CliContext, ws: WorkspaceSession, globals: GlobalOptions, sub: string): string {
  return globals.out ? path.resolve(ctx.cwd, globals.out) : path.join(ws.paths.reports, sub);
}

/**
 * `--reissue N`; with `--dry-run` it names the files it would write and writes none. `shaping`: the options given that
 * would shape a new batch's files (`--profile`, `--amount`, `--from`, `--to`, a QuickBooks `--format`). A batch is
 * written again as it was issued, so any of them is refused rather than silently ignored; only the batch's own format
 * (its writeback profile, its QuickBooks format) may be named (`isFormat`).
 */
function reissue(ctx: CliContext, ws: WorkspaceSession, globals: GlobalOptions, kind: BatchKind, id: number, json: boolean, dryRun: boolean | undefined, shaping: ShapingOption[]): void {
  const batch = getBatch(ws.db, id, kind);
  if (batch.status === 'void') fail('usage', `batch ${id} was voided on ${batch.voided_at}; its items go out with the next export instead`);
  const changing = shaping.filter((option) => option.value !== undefined && !(option.isFormat && option.value === batch.format));
  if (changing.length > 0) {
    const named = changing.map((option) => `${option.flag} ${option.value}`).join(', ');
    fail('usage', `--reissue writes batch ${id} (${batch.format}) again as it was issued; ${named} cannot change it. To export its items differently, void it (export void ${id}), then export again`);
  }
  const dir = outDir(ctx, ws, globals, kind);
  if (dryRun) {
    const files = batch.files.map((file) => path.join(dir, file.name));
    ctx.stdout(json ? `${JSON.stringify({ batch: id, reissued: false, dry_run: true, files }, null, 2)}\n` : `dry run: would write batch ${id} again, unchanged:\n  ${files.join('\n  ')}\n`);
    return;
  }
  const files = rewriteFiles(dir, batch.files);
  ws.log({ event: 'export_reissue', kind, batch: id, files: files.length });
  ctx.stdout(json ? `${JSON.stringify({ batch: id, reissued: true, files }, null, 2)}\n` : `batch ${id} written again, unchanged:\n  ${files.join('\n  ')}\n`);
}

export function registerExport(program: Command, ctx: CliContext): void {
  const exporter = program.command('export').description('payments to post into the PMS, payouts for QuickBooks: each exactly once')
    .addHelpText('after', '\nExamples:\n  practice-sync export writeback --dry-run\n  practice-sync export quickbooks --format qbo-journal --from 2026-11-01 --to 2026-11-30\n  practice-sync export batches');

  exporter
    .command('writeback')
    .description('payments not yet written back, as a CSV for the PMS payment import (a numbered batch)')
    .option('--profile <name>', 'column layout: generic, opendental, or one in the workspace mappings/writeback/')
    .option('--amount <basis>', 'net (after processor fees) or gross')
    .option('--dry-run', 'show what would be exported; write nothing')
    .option('--reissue <batch>', 'write an earlier batch again, byte for byte')
    .addHelpText('after', '\nFiles go to reports/writeback/; --out DIR writes them into the folder DIR instead.\nA batch can be two files, so a file name such as --out x.csv is refused.\n\nExamples:\n  practice-sync export writeback --dry-run\n  practice-sync export writeback --profile opendental\n  practice-sync export writeback --out ~/pms-import\n  practice-sync export writeback --reissue 3')
    .action(async (flags: { profile?: string; amount?: string; dryRun?: boolean; reissue?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const json = globals.format === 'json';
      checkOutFolder(ctx, globals, 'export writeback', 'writeback-3-generic.csv');
      if (flags.amount !== undefined && flags.amount !== 'net' && flags.amount !== 'gross') fail('usage', `--amount takes net or gross, got "${flags.amount}"`);
      // Export modules load only for exports, keeping every other command's start-up short.
      const { runWriteback } = await import('../../export/run-writeback.js');
      await withWorkspace(ctx, globals, { command: 'export writeback', write: true }, (ws) => {
        if (flags.reissue) {
          const shaping = [{ flag: '--profile', value: flags.profile, isFormat: true }, { flag: '--amount', value: flags.amount }];
          return reissue(ctx, ws, globals, 'writeback', batchNumber(flags.reissue), json, flags.dryRun, shaping);
        }
        const result = runWriteback({
          db: ws.db, config: ws.config, workspaceMappings: ws.paths.mappings, outDir: outDir(ctx, ws, globals, 'writeback'),
          profile: flags.profile, amount: flags.amount as 'net' | 'gross' | undefined, dryRun: flags.dryRun, now: ctx.now,
        });
        ws.log({ event: 'export_writeback', batch: result.batch, rows: result.rows, left_out: result.left_out.length, corrections: result.corrections.length, dry_run: result.dry_run });
        if (json) return void ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
        const style = makeStyle(ctx, globals);
        const head = result.dry_run ? 'dry run: would write back' : result.batch ? `batch ${result.batch}: wrote back` : 'nothing new to write back:';
        ctx.stdout(`${head} ${result.rows} payment${result.rows === 1 ? '' : 's'} (${result.amount} amounts, profile ${result.profile})\n`);
        for (const file of result.files) ctx.stdout(`  ${file}\n`);
        for (const l of result.left_out) ctx.stdout(style.yellow(`  left out: payment ${l.payment_id}: ${l.reason}\n`));
        for (const c of result.corrections) ctx.stdout(style.yellow(`  correction needed: payment ${c.payment_id} (written in batch ${c.batch}${c.corrected_in_batch ? `, corrected per batch ${c.corrected_in_batch}` : ''}): ${c.field} was ${c.written || '(empty)'}, now ${c.now || '(empty)'}\n`));
        if (result.not_enabled) ctx.stdout(`  ${result.not_enabled} payment(s) of types not enabled in writeback.types were not considered\n`);
        if (result.batch) ctx.stdout(`if the PMS import fails: practice-sync writeback void ${result.batch}\n`);
      });
    });

  exporter
    .command('quickbooks')
    .description('processor payouts (gross, fees, net deposit) for QuickBooks; --format qbo-journal, qbo-bank or iif')
    .option('--from <date>', 'payouts on or after this date, YYYY-MM-DD')
    .option('--to <date>', 'payouts on or before this date, YYYY-MM-DD')
    .option('--dry-run', 'show what would be exported; write nothing')
    .option('--reissue <batch>', 'write an earlier batch again, byte for byte')
    .addHelpText('after', '\nFiles go to reports/quickbooks/; --out DIR writes them into the folder DIR instead.\nA batch can be several files, so a file name such as --out x.csv or x.iif is refused.\n\nExamples:\n  practice-sync export quickbooks --format qbo-journal\n  practice-sync export quickbooks --format iif --from 2026-11-01 --to 2026-11-30 --out ~/quickbooks')
    .action(async (flags: { from?: string; to?: string; dryRun?: boolean; reissue?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      checkOutFolder(ctx, globals, 'export quickbooks', 'quickbooks-3-qbo-journal.csv');
      const window = dateWindow(flags);
      const { runQuickBooks } = await import('../../export/run-quickbooks.js');
      await withWorkspace(ctx, globals, { command: 'export quickbooks', write: true }, (ws) => {
        if (flags.reissue) {
          const shaping = [{ flag: '--format', value: globals.format, isFormat: true }, { flag: '--from', value: flags.from }, { flag: '--to', value: flags.to }];
          return reissue(ctx, ws, globals, 'quickbooks', batchNumber(flags.reissue), false, flags.dryRun, shaping);
        }
        const format = globals.format as QuickBooksFormat | undefined;
        if (!format || !(QUICKBOOKS_FORMATS as readonly string[]).includes(format)) fail('usage', `export quickbooks needs --format ${QUICKBOOKS_FORMATS.join(' | ')}`);
        const result = runQuickBooks({
          db: ws.db, config: ws.config, format, ...window,
          outDir: outDir(ctx, ws, globals, 'quickbooks'), dryRun: flags.dryRun, now: ctx.now,
        });
        ws.log({ event: 'export_quickbooks', batch: result.batch, format, payouts: result.payouts, dry_run: result.dry_run });
        const style = makeStyle(ctx, globals);
        const head = result.dry_run ? 'dry run: would export' : result.batch ? `batch ${result.batch}: exported` : 'nothing new to export:';
        ctx.stdout(`${head} ${result.payouts} payout${result.payouts === 1 ? '' : 's'} as ${format}${result.already_exported ? ` (${result.already_exported} exported before)` : ''}\n`);
        for (const file of result.files) ctx.stdout(`  ${file}\n`);
        for (const s of result.skipped_processors) ctx.stdout(`  left out: payout ${s.payout_id} (${s.processor} records its own deposits)\n`);
        const nothing = format === 'qbo-bank' ? 'its net deposit is 0.00' : 'its gross, fees and net are all 0.00';
        for (const id of result.nothing_to_write) ctx.stdout(`  left out: payout ${id}: nothing to write as ${format} (${nothing})\n`);
        if (result.unassigned_payments) {
          const n = result.unassigned_payments;
          ctx.stdout(`  left out: ${plural(n, 'payment')} with no payout ID, in no payout (cash, checks, or not paid out yet)\n`);
        }
        for (const w of result.warnings) ctx.stdout(style.yellow(`  warning: ${w}\n`));
      });
    });

  exporter
    .command('batches')
    .description('every writeback and QuickBooks batch')
    .addHelpText('after', '\nExamples:\n  practice-sync export batches\n  practice-sync export batches --format csv --out batches.csv')
    .action(async (_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withWorkspace(ctx, globals, { command: 'export batches', write: false }, (ws) => {
        const rows = listBatches(ws.db).map((b) => ({ ...b, file_names: (b as unknown as { file_names: string[] }).file_names.join(' ') }));
        emitReport(ctx, {
          report: 'batches', asOf: resolveAsOf(ctx, globals), rows, totals: {}, notes: [],
          columns: [{ key: 'id', kind: 'integer' }, { key: 'kind', kind: 'text' }, { key: 'format', kind: 'text' }, { key: 'created_at', kind: 'text' },
            { key: 'rows', kind: 'integer' }, { key: 'status', kind: 'text' }, { key: 'voided_at', kind: 'text' }, { key: 'file_names', kind: 'text' }],
        }, globals.format === 'json' || globals.format === 'csv' ? globals.format : 'table', makeStyle(ctx, globals), globals.out);
      });
    });

  const voidAction = (kind: BatchKind | undefined) => async (id: string, _flags: unknown, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    await withWorkspace(ctx, globals, { command: 'void', write: true }, (ws) => {
      const batch = voidBatch(ws.db, batchNumber(id), kind, ctx.now().toISOString());
      ws.log({ event: 'export_void', kind: batch.kind, batch: batch.id });
      ctx.stdout(`batch ${batch.id} (${batch.kind}, ${batch.rows} rows) voided: its ${batch.kind === 'writeback' ? 'payments' : 'payouts'} go out with the next export\n`);
    });
  };
  exporter.command('void').description('void any batch after its import failed').argument('<batch>', 'batch number')
    .addHelpText('after', '\nExample:\n  practice-sync export void 3').action(voidAction(undefined));
  program.command('writeback').description('writeback batches')
    .addHelpText('after', '\nExample:\n  practice-sync writeback void 3')
    .command('void').description('release a writeback batch after the PMS import failed')
    .argument('<batch>', 'batch number').addHelpText('after', '\nExample:\n  practice-sync writeback void 3').action(voidAction('writeback'));
}
