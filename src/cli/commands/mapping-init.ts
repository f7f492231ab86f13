// `mapping init FILE [--entity E]`: draft a mapping for an export nobody has mapped yet.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fail } from '../../errors.js';
import { ensurePrivateDir, writePrivateFile } from '../../workspace/private-fs.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { availableMappings } from './mapping.js';

export function registerMappingInit(mapping: Command, ctx: CliContext): void {
  mapping
    .command('init')
    .description("draft a mapping for an unknown export from its header and first rows")
    .argument('<file>', 'the export')
    .option('--entity <entity>', 'patients, appointments, authorizations, claims, payments or balances (guessed when absent)')
    .option('--name <name>', 'mapping name, e.g. mypms/claims (default: custom/<file name>)')
    .option('--force', 'overwrite an existing mapping file, or replace a built-in mapping of that name')
    .addHelpText('after', '\nThe draft goes into the workspace\'s mappings/ folder, or to the file --out names.\n\nExample:\n  practice-sync mapping init ~/Downloads/claims_export.csv --entity claims')
    .action(async (file: string, flags: { entity?: string; name?: string; force?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const { workspaceDir, all } = availableMappings(ctx, globals);
      // The wizard is the largest module tree; only this command loads it.
      const { draftMapping } = await import('../../mapping/wizard/draft-mapping.js');
      const draft = await draftMapping(path.resolve(ctx.cwd, file), { entity: flags.entity, name: flags.name });
      // `--out FILE` writes the draft there (to review before it goes into mappings/); else it goes where mappings are read.
      const target = globals.out ? path.resolve(ctx.cwd, globals.out) : path.join(workspaceDir ?? ctx.cwd, `${draft.mapping.name}.json`);
      if (fs.existsSync(target) && !flags.force) fail('usage', `${target} exists; use --force to overwrite it`);
      // A draft named like a mapping in use (a built-in, or the workspace's own) would stand in for it (SPEC §5), and every
      // export that mapping reads would then go through the draft.
      // A draft --out writes outside the workspace's mappings/ is read by nothing until it is moved there.
      const readAsMapping = !globals.out || (workspaceDir !== null && target.startsWith(`${workspaceDir}${path.sep}`));
      const existing = readAsMapping ? all.find((m) => m.mapping.name === draft.mapping.name) : undefined;
      if (existing && !flags.force) {
        const which = existing.origin === 'built-in' ? 'a built-in mapping' : `a mapping of this workspace (${existing.path})`;
        fail('usage', `${draft.mapping.name} is ${which}; a draft of that name would replace it for every export it reads. Choose another --name, or use --force to replace it`);
      }
      // Only a folder made here is made owner-only: one the user named with --out keeps its mode.
      if (!fs.existsSync(path.dirname(target))) ensurePrivateDir(path.dirname(target));
      writePrivateFile(target, `${JSON.stringify(draft.mapping, null, 2)}\n`);
      ctx.stdout(`drafted ${draft.mapping.name} (${draft.mapping.entity}${draft.entityGuessed ? ', guessed from the columns' : ''}) → ${target}\n`);
      for (const p of draft.placed) ctx.stdout(`  "${p.column}" → ${p.field}${p.type ? ` (${p.type})` : ''}${p.reason ? `  [${p.reason}]` : ''}\n`);
      for (const e of draft.enums) ctx.stdout(`  ${e.field} values: ${e.values.map((v) => `"${v.value}" → ${v.proposed ?? '?'}`).join(', ')}\n`);
      if (draft.unplaced.length) ctx.stdout(`  not placed (edit the file to map them): ${draft.unplaced.map((c) => `"${c}"`).join(', ')}\n`);
      if (draft.missingRequired.length) ctx.stdout(`  still needed for ${draft.mapping.entity}: ${draft.missingRequired.join(', ')}\n`);
      ctx.stdout(`check it with: practice-sync mapping check ${target} ${file}\n`);
    });
}
