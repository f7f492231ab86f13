// `mapping list | show NAME | detect FILE | check PATH [FILE] | init FILE --entity E`
import path from 'node:path';
import type { Command } from 'commander';
import { loadMappings, parseMappingFile, resolveMapping, type LoadedMapping } from '../../mapping/load-mappings.js';
import { PRIVATE_FIELDS, type EntityName } from '../../domain/entities.js';
import { EXIT } from '../../errors.js';
import { ENTITY_KEY_FIELD } from '../../store/tables.js';
import { findWorkspace } from '../../workspace/find-workspace.js';
import { workspacePaths } from '../../workspace/layout.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { outputFormat } from '../session.js';
import { makeStyle } from '../ui/style.js';
import { registerMappingInit } from './mapping-init.js';

/** Mappings need no store: a workspace's own mappings are added when there is one. */
export function availableMappings(ctx: CliContext, globals: GlobalOptions): { all: LoadedMapping[]; workspaceDir: string | null } {
  let workspaceDir: string | null = null;
  try {
    workspaceDir = workspacePaths(findWorkspace({ workspace: globals.workspace, env: ctx.env, cwd: ctx.cwd })).mappings;
  } catch {
    workspaceDir = null;
  }
  return { all: loadMappings(workspaceDir ?? undefined), workspaceDir };
}

export function registerMapping(program: Command, ctx: CliContext): void {
  const mapping = program.command('mapping').description('the column mappings that turn exports into records')
    .addHelpText('after', '\nExamples:\n  practice-sync mapping list\n  practice-sync mapping detect ~/Downloads/claims.csv\n  practice-sync mapping init ~/Downloads/claims_export.csv --entity claims --name mypms/claims');

  mapping
    .command('list')
    .description('built-in and workspace mappings')
    .addHelpText('after', '\nExample:\n  practice-sync mapping list')
    .action((_flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { all } = availableMappings(ctx, globals);
      if (outputFormat(globals, ['table', 'json']) === 'json') {
        ctx.stdout(`${JSON.stringify(all.map((m) => ({ name: m.mapping.name, entity: m.mapping.entity, source: m.mapping.source, origin: m.origin, verified: m.mapping.verified !== false, full_export: m.mapping.full_export === true, path: m.path, description: m.mapping.description ?? null })), null, 2)}\n`);
        return;
      }
      const width = Math.max(...all.map((m) => m.mapping.name.length));
      for (const m of all) {
        const flags = [m.origin === 'workspace' ? 'workspace' : '', m.mapping.verified === false ? 'unverified' : '', m.mapping.full_export ? 'full export' : '']
          .filter(Boolean).join(', ');
        ctx.stdout(`${m.mapping.name.padEnd(width)}  ${m.mapping.entity.padEnd(14)} ${flags ? `[${flags}] ` : ''}${m.mapping.description ?? ''}\n`);
      }
    });

  mapping
    .command('show')
    .description('print one mapping as JSON, ready to copy into the workspace mappings/ (its path goes to stderr)')
    .argument('<name>', 'mapping name or path')
    .addHelpText('after', '\nExample:\n  practice-sync mapping show simplepractice/appointment-status')
    .action((name: string, _flags: unknown, command: Command) => {
      const { all } = availableMappings(ctx, command.optsWithGlobals<GlobalOptions>());
      const found = resolveMapping(name, all, ctx.cwd);
      // Only the JSON on stdout: `mapping show NAME > mappings/mypms/x.json` is how an override starts.
      ctx.stderr(`${found.path}\n`);
      ctx.stdout(`${JSON.stringify(found.mapping, null, 2)}\n`);
    });

  mapping
    .command('detect')
    .description('say which mapping fits a file, and why')
    .argument('<file>', 'an export')
    .addHelpText('after', '\nExample:\n  practice-sync mapping detect ~/Downloads/insurance_claims_report.csv')
    .action(async (file: string, _flags: unknown, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      // Reading a file through a mapping needs the import's reader and cell types: loaded only here and in check.
      const { explainDetection } = await import('../../mapping/preview-mapping.js');
      const report = await explainDetection(path.resolve(ctx.cwd, file), availableMappings(ctx, globals).all);
      // No mapping, or two equally good: exit 2, as import exits for this file, so a script can check before importing.
      if (!report.chosen) ctx.exitCode = Math.max(ctx.exitCode, EXIT.usage);
      if (outputFormat(globals, ['table', 'json']) === 'json') {
        ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      ctx.stdout(report.chosen ? `${path.basename(file)}: ${report.chosen}\n` : `${path.basename(file)}: no single mapping fits\n`);
      for (const c of report.candidates) {
        ctx.stdout(`  ${c.fits ? 'fits   ' : 'misses '} ${c.name}: uses ${c.used} columns${c.missing.length ? `; missing ${c.missing.map((m) => `"${m}"`).join(', ')}` : ''}\n`);
      }
    });

  mapping
    .command('check')
    .description('validate a mapping file; with FILE, show the first rows as they would be imported and every problem')
    .argument('<path>', 'mapping file (or name)')
    .argument('[file]', 'an export to try it on')
    .option('--rows <n>', 'rows to show', '5')
    .addHelpText('after', '\nExamples:\n  practice-sync mapping check mappings/mypms/claims.json\n  practice-sync mapping check mappings/mypms/claims.json ~/Downloads/claims.csv')
    .action(async (mappingPath: string, file: string | undefined, flags: { rows: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { all } = availableMappings(ctx, globals);
      const loaded = mappingPath.endsWith('.json')
        ? { mapping: parseMappingFile(path.resolve(ctx.cwd, mappingPath)), path: path.resolve(ctx.cwd, mappingPath), origin: 'workspace' as const }
        : resolveMapping(mappingPath, all, ctx.cwd);
      // Claims and payments are found by their ID alone (SPEC §4): a mapping without it loads, as a draft in progress
      // must, but would have every row refused.
      const entity = loaded.mapping.entity as EntityName;
      const key = entity === 'claims' || entity === 'payments' ? ENTITY_KEY_FIELD[entity] : undefined;
      if (key && !(key in loaded.mapping.fields)) {
        ctx.stdout(`${loaded.mapping.name}: not ready: ${loaded.mapping.entity} are matched by ${key} alone (SPEC §4), and the mapping does not fill it; every row would be refused\n`);
        ctx.exitCode = Math.max(ctx.exitCode, EXIT.usage);
        return;
      }
      ctx.stdout(`${loaded.mapping.name}: valid mapping for ${loaded.mapping.entity} (${Object.keys(loaded.mapping.fields).length} fields)\n`);
      if (!file) return;
      const { previewMapping } = await import('../../mapping/preview-mapping.js');
      const preview = await previewMapping(loaded, path.resolve(ctx.cwd, file), Number(flags.rows) || 5);
      const style = makeStyle(ctx, globals);
      if (preview.missingRequired.length) ctx.stdout(style.red(`  the file lacks detect.required columns: ${preview.missingRequired.join(', ')}\n`));
      for (const u of preview.unbound) ctx.stdout(style.yellow(`  ${u.field}: column ${u.columns.map((c) => `"${c}"`).join(' / ')} not in this file\n`));
      if (preview.unusedColumns.length) ctx.stdout(`  columns not mapped: ${preview.unusedColumns.join(', ')}\n`);
      for (const row of preview.rows) {
        const shown = Object.entries(row.values).map(([k, v]) => `${k}=${v === null ? '' : JSON.stringify(v)}`).join(' ');
        ctx.stdout(`  line ${row.line}: ${shown}\n`);
        for (const issue of row.issues) {
          const value = PRIVATE_FIELDS.has(issue.field) ? '(hidden)' : `"${issue.value}"`;
          ctx.stdout(style.red(`    problem: column "${issue.column}": ${value} is not ${issue.expected}\n`));
        }
      }
      ctx.stdout(`  ${preview.problems} problem${preview.problems === 1 ? '' : 's'} in the rows read\n`);
      if (preview.problems || preview.missingRequired.length) ctx.exitCode = Math.max(ctx.exitCode, 3);
    });

  registerMappingInit(mapping, ctx);
}
