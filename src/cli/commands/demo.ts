// `demo`: a throw-away workspace, every bundled sample export dropped in its inbox, and the Monday job run on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { demoFiles } from '../../demo/demo-files.js';
import { fixturesDir } from '../../package-root.js';
import { initWorkspace } from '../../workspace/init-workspace.js';
import type { CliContext, GlobalOptions } from '../context.js';
import { resolveAsOf, withWorkspace } from '../session.js';
import { executeRun } from './run.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('make a throw-away workspace from the bundled sample exports and run the Monday job on it')
    .option('--keep <dir>', 'create the demo workspace in this folder instead of a temporary one')
    .addHelpText('after', '\nExamples:\n  practice-sync demo\n  practice-sync demo --keep ./demo-practice --as-of 2026-11-23')
    .action(async (flags: { keep?: string }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const dir = flags.keep ? path.resolve(ctx.cwd, flags.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'practice-sync-demo-'));
      const { paths } = initWorkspace(dir);
      // Sample exports of several systems; named after their folder so two `claims.csv` do not collide.
      const root = fixturesDir();
      for (const file of demoFiles(root)) fs.copyFileSync(file, path.join(paths.inbox, path.relative(root, file).replace(/[\\/]/g, '-')));
      ctx.stdout(`demo workspace: ${paths.root}\n`);
      const demoGlobals = { ...globals, workspace: paths.root };
      await withWorkspace(ctx, demoGlobals, { command: 'demo', write: true }, (ws) => executeRun(ctx, demoGlobals, ws, resolveAsOf(ctx, globals), undefined));
      ctx.stdout([
        '',
        'Look around:',
        `  practice-sync --workspace ${paths.root} report sessions`,
        `  practice-sync --workspace ${paths.root} report claims --open`,
        `  practice-sync --workspace ${paths.root} alerts`,
        `  practice-sync --workspace ${paths.root} export writeback --dry-run`,
        `  practice-sync --workspace ${paths.root} runs`,
        '',
      ].join('\n'));
    });
}
