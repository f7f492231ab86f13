// `backup [--out FILE]`, `restore FILE`, `doctor`: keeping the store safe and the workspace healthy.
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT, fail } from '../../errors.js';
import { MANUAL_PREFIX, uniqueBackupFile } from '../../maintenance/backup-names.js';
import { backupStore } from '../../maintenance/backup-store.js';
import type { DoctorReport, DoctorStatus } from '../../maintenance/doctor.js';
import { restoreStore } from '../../maintenance/restore-store.js';
import { fileEventSink } from '../../workspace/event-log.js';
import { findWorkspace } from '../../workspace/find-workspace.js';
import { workspacePaths, type WorkspacePaths } from '../../workspace/layout.js';
import { acquireLock } from '../../workspace/lock.js';
import { ensurePrivateDir } from '../../workspace/private-fs.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { outputFormat } from '../session.js';
import { makeStyle } from '../ui/style.js';

export function registerMaintenance(program: Command, ctx: CliContext): void {
  // Neither command goes through withWorkspace: that opens (and migrates) the store, and restore must work
  // when the store is damaged, backup must not wait for the lock an import holds.
  const locate = (globals: GlobalOptions): WorkspacePaths => workspacePaths(findWorkspace({ workspace: globals.workspace, env: ctx.env, cwd: ctx.cwd }));

  program
    .command('backup')
    .description('a consistent copy of the store, taken safely while other commands use it (--out FILE, default backups/practice-sync-DATE-TIME.db)')
    .addHelpText('after', '\nExamples:\n  practice-sync backup\n  practice-sync backup --out /media/usb/practice-sync-copy.db')
    .action(async (_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const paths = locate(globals);
      let dest: string;
      if (globals.out) dest = path.resolve(ctx.cwd, globals.out);
      else {
        ensurePrivateDir(paths.backups);
        dest = uniqueBackupFile(paths.backups, MANUAL_PREFIX, ctx.now());
      }
      const result = await backupStore(paths.store, dest);
      fileEventSink(paths.log, ctx.now)({ event: 'backup', file: result.file, bytes: result.bytes, pages: result.pages });
      ctx.stdout(`backed up the store to ${result.file} (${result.bytes} bytes, integrity ok)\n`);
    });

  program
    .command('restore')
    .description('replace the store with a backup, after checking it; the current store is kept in backups/ first')
    .argument('<file>', 'a file written by practice-sync backup')
    .addHelpText('after', '\nExample:\n  practice-sync restore backups/practice-sync-20261123-090000.db')
    .action(async (file: string, _flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const paths = locate(globals);
      const waitMs = globals.wait ? Number(globals.wait) * 1000 : undefined;
      if (waitMs !== undefined && !(waitMs >= 0)) fail('usage', `--wait takes a number of seconds, got "${globals.wait}"`);
      const lock = await acquireLock(paths.lock, { command: 'restore', now: ctx.now, waitMs });
      try {
        const result = await restoreStore(paths, path.resolve(ctx.cwd, file), ctx.now);
        fileEventSink(paths.log, ctx.now)({ event: 'restore', file: result.restoredFrom, kept: result.keptAs, schema_version: result.schemaVersion, migrated: result.migrated, carried_batches: result.carriedBatches });
        ctx.stdout(`restored the store from ${result.restoredFrom}\n` +
          (result.migrated.length ? `  migrated from schema version ${result.schemaVersion}: ${result.migrated.join(', ')}\n` : '') +
          (result.keptAs ? `  the previous store is kept as ${result.keptAs}\n` : '') +
          (result.carriedBatches.length ? `  kept export ${result.carriedBatches.length === 1 ? 'batch' : 'batches'} ${result.carriedBatches.join(', ')}, issued after this backup: their payments and payouts are not exported again\n` : ''));
      } finally {
        lock.release();
      }
    });

  program
    .command('doctor')
    .description('check the workspace: layout, config, mappings, store integrity and schema, permissions, lock, inbox')
    .addHelpText('after', '\nExamples:\n  practice-sync doctor\n  practice-sync doctor --format json')
    .action(async (_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const format = outputFormat(globals, ['table', 'json']);
      // It checks the mappings, so it loads the mapping schema and cell types, which other commands here do without.
      const { doctorFailed, runDoctor } = await import('../../maintenance/doctor.js');
      const report = runDoctor(locate(globals).root, ctx.now);
      ctx.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderDoctor(report, makeStyle(ctx, globals)));
      if (doctorFailed(report)) ctx.exitCode = Math.max(ctx.exitCode, EXIT.usage);
    });
}

function renderDoctor(report: DoctorReport, style: ReturnType<typeof makeStyle>): string {
  const paint: Record<DoctorStatus, (text: string) => string> = { ok: style.green, warn: style.yellow, fail: style.red };
  const lines = report.checks.flatMap((check) => [
    `${paint[check.status](check.status.padEnd(4))}  ${check.name}: ${check.detail}`,
    ...(check.fix ? [`      fix: ${check.fix}`] : []),
  ]);
  const count = (status: DoctorStatus) => report.checks.filter((check) => check.status === status).length;
  lines.push(`${count('ok')} ok, ${count('warn')} warn, ${count('fail')} fail`);
  return `${lines.join('\n')}\n`;
}
