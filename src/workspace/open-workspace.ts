// Everything a command needs from its workspace: paths, config, store, mappings, and (for writers) the lock.
import path from 'node:path';
import { loadMappings, type LoadedMapping } from '../mapping/load-mappings.js';
import { openStore, type Store } from '../store/open-store.js';
import type { Config } from './config-schema.js';
import { fileEventSink, type EventSink } from './event-log.js';
import { findWorkspace } from './find-workspace.js';
import { workspacePaths, type WorkspacePaths } from './layout.js';
import { loadConfig } from './load-config.js';
import { acquireLock, type WorkspaceLock } from './lock.js';

export interface WorkspaceSession {
  paths: WorkspacePaths;
  config: Config;
  db: Store;
  log: EventSink;
  attemptsFile: string;
  lock: WorkspaceLock | null;
  mappings(): LoadedMapping[];
  close(): void;
}

export interface OpenWorkspaceOptions {
  workspace?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  /** The command, named in the lock so a second process can say who holds it. */
  command: string;
  /** Commands that change the store take the lock; readers do not. */
  write: boolean;
  waitMs?: number;
}

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<WorkspaceSession> {
  const root = findWorkspace(options);
  const paths = workspacePaths(root);
  const config = loadConfig(paths.config);
  const lock = options.write ? await acquireLock(paths.lock, { command: options.command, now: options.now, waitMs: options.waitMs }) : null;
  let db: Store;
  try {
    db = openStore(paths.store);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const log = fileEventSink(paths.log, options.now);
  if (lock?.tookOver) log({ event: 'lock_taken_over', from_pid: lock.tookOver.pid, from_started_at: lock.tookOver.started_at });
  let mappings: LoadedMapping[] | undefined;
  return {
    paths,
    config,
    db,
    log,
    attemptsFile: path.join(paths.logs, 'attempts.jsonl'),
    lock,
    mappings: () => (mappings ??= loadMappings(paths.mappings)),
    close() {
      if (db.open) db.close();
      lock?.release();
    },
  };
}
