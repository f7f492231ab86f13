// `init [DIR]`: create a workspace.
import path from 'node:path';
import type { Command } from 'commander';
import { initWorkspace } from '../../workspace/init-workspace.js';
import type { CliContext } from '../context.js';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create a workspace: config with every default, the store, and the inbox/archive/reports/... folders')
    .argument('[dir]', 'folder for the workspace', '.')
    .addHelpText('after', '\nExample:\n  practice-sync init ~/practice-sync')
    .action((dir: string) => {
      const result = initWorkspace(path.resolve(ctx.cwd, dir));
      ctx.stdout(`created workspace ${result.paths.root}\n  ${result.created.join('\n  ')}\n` +
        `next: drop exports in ${path.join(result.paths.root, 'inbox')} and run practice-sync run, or practice-sync import FILE\n`);
    });
}
