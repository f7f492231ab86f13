// `demo`: a throw-away workspace from the bundled sample exports, every one imported, the summary printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { demoFiles } from '../../demo/demo-files.js';
import { initWorkspace } from '../../workspace/init-workspace.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { withWorkspace } from '../session.js';
import { importMany } from './import.js';
import { orderByEntity } from '../../ingest/import-order.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('make a throw-away workspace from the bundled sample exports and run the Monday job on it')
    .option('--keep <dir>', 'create the demo workspace in this folder (kept) instead of a temporary one')
    .addHelpText('after', '\nExample:\n  practice-sync demo')
    .action(async (flags: { keep?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dir = flags.keep ? path.resolve(ctx.cwd, flags.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'practice-sync-demo-'));
      const { paths } = initWorkspace(dir);
      ctx.stdout(`demo workspace: ${paths.root}\n\n`);
      const demoGlobals = { ...globals, workspace: paths.root, format: 'table' };
      await withWorkspace(ctx, demoGlobals, { command: 'demo', write: true }, async (ws) => {
        const files = orderByEntity(demoFiles(), ws.mappings());
        await importMany(ctx, demoGlobals, ws, files, {}, 'demo');
      });
      ctx.stdout(`\ntry: practice-sync --workspace ${paths.root} runs\n`);
    });
}
