// Where things live inside a workspace (SPEC §2).
import path from 'node:path';

export const CONFIG_FILE = 'practice-sync.json';
export const STORE_FILE = 'practice-sync.db';
export const LOCK_FILE = 'practice-sync.lock';
export const WORKSPACE_DIRS = ['inbox', 'archive', 'reports', 'rejects', 'mappings', 'logs', 'backups'] as const;

export interface WorkspacePaths {
  root: string;
  config: string;
  store: string;
  lock: string;
  inbox: string;
  archive: string;
  reports: string;
  rejects: string;
  mappings: string;
  logs: string;
  log: string;
  backups: string;
}

export function workspacePaths(root: string): WorkspacePaths {
  const at = (name: string) => path.join(root, name);
  return {
    root,
    config: at(CONFIG_FILE),
    store: at(STORE_FILE),
    lock: at(LOCK_FILE),
    inbox: at('inbox'),
    archive: at('archive'),
    reports: at('reports'),
    rejects: at('rejects'),
    mappings: at('mappings'),
    logs: at('logs'),
    log: path.join(root, 'logs', 'practice-sync.log'),
    backups: at('backups'),
  };
}
