// Run the CLI in-process with captured output, a pinned clock, and a temp workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { initWorkspace } from '../../src/workspace/init-workspace.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPO, 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'ps-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempWorkspace(): string {
  const dir = path.join(tempDir(), 'ws');
  initWorkspace(dir);
  return dir;
}

/** A workspace holding the hand-worked practice of `fixtures/practice`, imported through the CLI. */
export async function practiceWorkspace(): Promise<string> {
  const ws = tempWorkspace();
  for (const name of ['patients', 'authorizations', 'appointments', 'claims', 'balances']) {
    const result = await cli(['--workspace', ws, 'import', path.join(FIXTURES, 'practice', `${name}.csv`)]);
    if (result.code !== 0) throw new Error(`importing the practice's ${name} exited ${result.code}: ${result.stderr}${result.stdout}`);
  }
  return ws;
}

/** `ctx` replaces parts of the context the CLI is given, to make the outside world fail as it can (a write to stdout throwing). */
export async function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; now?: Date; tty?: boolean; ctx?: Partial<CliContext> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdout: (t) => void (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => void (stderr += t),
    isTTY: options.tty ?? false,
    now: () => options.now ?? new Date('2026-11-23T09:00:00Z'),
    exitCode: 0,
    ...options.ctx,
  };
  const code = await runCli(['node', 'practice-sync', ...args], ctx);
  return { code, stdout, stderr };
}

/** Every data table's rows in id order: what "the store is exactly as before" compares. */
export function dumpStore(dbFile: string, tables = ['payers', 'clinicians', 'patients', 'appointments', 'authorizations', 'claims', 'payments', 'balances', 'adjustments', 'export_presence', 'runs', 'run_changes']): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())}`).join('\n');
  } finally {
    db.close();
  }
}

export function query<T = Record<string, unknown>>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Resolves once the workspace log holds an event (another process has reached that point). */
export function waitForLog(ws: string, event: string, timeoutMs = 20_000): Promise<void> {
  const log = path.join(ws, 'logs', 'practice-sync.log');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes(`"event":"${event}"`)) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`no ${event} in the log`));
      setTimeout(tick, 10);
    };
    tick();
  });
}
