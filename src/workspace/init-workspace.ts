// `init [DIR]`: the folders of SPEC §2, practice-sync.json with every default, and an empty store.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';
import { openStore } from '../store/open-store.js';
import { defaultConfig } from './config-schema.js';
import { WORKSPACE_DIRS, workspacePaths, type WorkspacePaths } from './layout.js';
import { ensurePrivateDir, writePrivateFile } from './private-fs.js';

export interface InitResult {
  paths: WorkspacePaths;
  created: string[];
}

export function initWorkspace(dir: string): InitResult {
  const paths = workspacePaths(path.resolve(dir));
  if (fs.existsSync(paths.config)) {
    fail('workspace_exists', `${paths.root} is already a workspace (${path.basename(paths.config)} exists)`);
  }
  const created: string[] = [];
  ensurePrivateDir(paths.root);
  for (const name of WORKSPACE_DIRS) {
    ensurePrivateDir(path.join(paths.root, name));
    created.push(`${name}/`);
  }
  writePrivateFile(paths.config, `${JSON.stringify(defaultConfig(), null, 2)}\n`);
  created.push(path.basename(paths.config));
  openStore(paths.store, { create: true }).close();
  created.push(path.basename(paths.store));
  return { paths, created };
}
