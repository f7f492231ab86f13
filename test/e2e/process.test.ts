// The real binary as a separate process: killed mid-import, two at once, the demo, the exit codes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClaims } from '../../bench/generate.js';
import { dumpStore, practiceWorkspace, REPO, tempDir, tempWorkspace, waitForLog } from '../helpers/cli.js';
import { integrity } from '../helpers/store-files.js';

const BIN = path.join(REPO, 'bin', 'practice-sync');
let bigFile = '';

beforeAll(() => {
  bigFile = path.join(tempDir(), 'claims-300k.csv');
  writeClaims(bigFile, 300_000, 5_000);
});


function exitOf(child: ReturnType<typeof spawn>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}


describe('as a separate process', () => {
  it('SIGKILL in the middle of a large import leaves the store exactly as before, integrity ok', async () => {
    const ws = tempWorkspace();
    const dbFile = path.join(ws, 'practice-sync.db');
    const before = dumpStore(dbFile);
    const child = spawn(process.execPath, [BIN, '--workspace', ws, 'import', bigFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const done = exitOf(child);
    await waitForLog(ws, 'import_start');
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    const result = await done;
    expect(result.signal).toBe('SIGKILL');
    expect(integrity(dbFile)).toBe('ok');
    expect(dumpStore(dbFile)).toBe(before);
    // The next process takes over the dead one's lock and imports the file whole.
    const again = spawnSync(process.execPath, [BIN, '--workspace', ws, '--quiet', 'import', bigFile], { encoding: 'utf8' });
    expect(again.status).toBe(0);
  });

  it('two imports at once: one exits 5 naming the other, nothing is corrupted', async () => {
    const ws = tempWorkspace();
    const first = spawn(process.execPath, [BIN, '--workspace', ws, 'import', bigFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const firstDone = exitOf(first);
    await waitForLog(ws, 'import_start');
    const second = spawnSync(process.execPath, [BIN, '--workspace', ws, 'import', bigFile], { encoding: 'utf8' });
    expect(second.status).toBe(5);
    expect(second.stderr).toMatch(new RegExp(`in use by practice-sync process ${first.pid} \\(import, started \\d{4}-`));
    expect((await firstDone).code).toBe(0);
    const dbFile = path.join(ws, 'practice-sync.db');
    expect(integrity(dbFile)).toBe('ok');
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM claims').pluck().get()).toBe(300_000);
    db.close();
  });

  it('the demo runs on a fresh machine with no workspace, and its output has no colour codes through a pipe', () => {
    const result = spawnSync(process.execPath, [BIN, 'demo'], { encoding: 'utf8', cwd: tempDir(), env: { PATH: process.env.PATH, HOME: tempDir(), TMPDIR: process.env.TMPDIR } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/demo workspace: /);
    expect(result.stdout).toMatch(/imported generic-claims\.csv \(generic\/claims, run \d+\): 14 created/);
    expect(result.stdout).not.toMatch(/PROBLEM/);
    expect(result.stdout.includes("\u001b[")).toBe(false);
  });

  it('a report written to stdout (bytes, straight from the encoder) is the same as the --out file', async () => {
    const ws = await practiceWorkspace();
    for (const [name, format] of [['claims', 'csv'], ['claims', 'json'], ['alerts', 'csv'], ['sessions', 'json']]) {
      const out = path.join(tempDir(), `${name}.${format}`);
      const args = [BIN, '--workspace', ws, '--as-of', '2026-03-01', 'report', name, '--format', format];
      const toFile = spawnSync(process.execPath, [...args, '--out', out], { encoding: 'utf8' });
      const toStdout = spawnSync(process.execPath, args, { encoding: 'buffer' });
      expect([toFile.status, toStdout.status], `${name} ${format}`).toEqual([0, 0]);
      expect(toStdout.stdout.length, `${name} ${format}`).toBeGreaterThan(100);
      expect(toStdout.stdout.equals(fs.readFileSync(out)), `${name} ${format}`).toBe(true);
    }
  });

  it('output piped into a reader that stops early (| head) ends quietly', () => {
    // `head -c 0` has exited before practice-sync writes its first line, so that write meets a closed pipe.
    const result = spawnSync('/bin/bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" mapping list | head -c 0`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('--help on every command, with an example', () => {
    const subcommands = (help: string) => {
      const section = (help.split('Commands:\n')[1] ?? '').split('\n\n')[0];
      return [...section.matchAll(/^ {2}([a-z][a-z-]*)(?= )/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    };
    const visit = (path: string[]): number => {
      const result = spawnSync(process.execPath, [BIN, ...path, '--help'], { encoding: 'utf8' });
      expect(result.status, path.join(' ')).toBe(0);
      expect(result.stdout, path.join(' ')).toMatch(/Usage: practice-sync/);
      const children = subcommands(result.stdout);
      // Groups (`mapping`, `export`) and the program itself too, not only the commands that run.
      expect(result.stdout, path.join(' ') || 'practice-sync').toMatch(/Examples?:\n {2}practice-sync /);
      return children.reduce((n, child) => n + visit([...path, child]), children.length ? 0 : 1);
    };
    expect(visit([])).toBeGreaterThan(20);
  });
});
