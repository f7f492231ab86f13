// Which workspace a command works on: --workspace, else PRACTICE_SYNC_HOME, else the nearest ancestor holding the config.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';
import { CONFIG_FILE } from './layout.js';

export interface FindWorkspaceOptions {
  workspace?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function findWorkspace({ workspace, env, cwd }: FindWorkspaceOptions): string {
  const named = workspace ?? env.PRACTICE_SYNC_HOME;
  if (named) {
    const root = path.resolve(cwd, named);
    if (!fs.existsSync(path.join(root, CONFIG_FILE))) {
      fail('no_workspace', `no workspace at ${root} (no ${CONFIG_FILE}); run practice-sync init ${named}`);
    }
    return root;
  }
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return fail('no_workspace', 'no workspace here; run practice-sync init');
}
