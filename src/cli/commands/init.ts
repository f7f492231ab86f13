// `init [DIR]`: create a workspace.
import path from 'node:path';
import type { Command } from 'commander';
import { initWorkspace } from '../../workspace/init-workspace.js';
import { fail } from '../../errors.js';
import type { CliContext, GlobalOptions } from '../context.js';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create a workspace: config with every default, the store, and the inbox/archive/reports/... folders')
    .argument('[dir]', 'folder for the workspace (default: --workspace, else the current folder)')
    .addHelpText('after', '\nExample:\n  practice-sync init ~/practice-sync')
    .action((dir: string | undefined, _options: unknown, command: Command) => {
      // `--workspace W init` means W, as it does for every other command; naming two different folders is a mistake.
      const { workspace } = command.optsWithGlobals<GlobalOptions>();
      const root = path.resolve(ctx.cwd, dir ?? workspace ?? '.');
      if (dir !== undefined && workspace !== undefined && path.resolve(ctx.cwd, workspace) !== root) {
        fail('usage', `init was given two folders: ${dir} and --workspace ${workspace}; name one`);
      }
      const result = initWorkspace(root);
      ctx.stdout(`created workspace ${result.paths.root}\n  ${result.created.join('\n  ')}\n` +
        `next: drop exports in ${path.join(result.paths.root, 'inbox')} and run practice-sync run, or practice-sync import FILE\n`);
    });
}
