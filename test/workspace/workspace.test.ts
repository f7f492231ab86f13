// init writes every default with owner-only modes; discovery; config errors name the key; the lock names its holder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { acquireLock, isStale } from '../../src/workspace/lock.js';
import { cli, tempDir } from '../helpers/cli.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('init', () => {
  it('creates the layout of SPEC §2, the store, and a config with every default, owner-only', async () => {
    const dir = path.join(tempDir(), 'practice');
    const result = await cli(['init', dir]);
    expect(result.code).toBe(0);
    for (const sub of ['inbox', 'archive', 'reports', 'rejects', 'mappings', 'logs']) expect(mode(path.join(dir, sub))).toBe(0o700);
    expect(mode(path.join(dir, 'practice-sync.json'))).toBe(0o600);
    expect(mode(path.join(dir, 'practice-sync.db'))).toBe(0o600);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'practice-sync.json'), 'utf8'));
    expect(config).toEqual(defaultConfig());
    expect(config.payers).toContainEqual({ match: 'aetna', timely_filing_days: 120 });
    expect(config.claims.timely_filing_days_default).toBe(90);
    expect((await cli(['init', dir])).code).toBe(2);
  });

  it('init makes the --workspace folder, not the current one; two different folders are a usage error', async () => {
    const cwd = tempDir();
    const dir = path.join(tempDir(), 'named');
    expect((await cli(['--workspace', dir, 'init'], { cwd })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'practice-sync.json'))).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual([]);
    const both = await cli(['--workspace', dir, 'init', path.join(tempDir(), 'other')], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('init was given two folders');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('finds the workspace from --workspace, PRACTICE_SYNC_HOME, or an ancestor folder', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const deep = path.join(dir, 'inbox', 'sub');
    fs.mkdirSync(deep, { recursive: true });
    expect((await cli(['runs'], { cwd: deep })).code).toBe(0);
    expect((await cli(['runs'], { cwd: tempDir(), env: { PRACTICE_SYNC_HOME: dir } })).code).toBe(0);
    expect((await cli(['--workspace', dir, 'runs'], { cwd: tempDir() })).code).toBe(0);
    const missing = await cli(['--workspace', path.join(dir, 'nope'), 'runs']);
    expect(missing.code).toBe(2);
  });

  it('a config with an unknown key or a bad value exits 2 naming the key', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const file = path.join(dir, 'practice-sync.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...config, alerts: { ...config.alerts, balance_ovr: 100 } }));
    let result = await cli(['--workspace', dir, 'runs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/alerts\.balance_ovr/);
    fs.writeFileSync(file, JSON.stringify({ ...config, claims: { timely_filing_days_default: 'ninety' } }));
    result = await cli(['--workspace', dir, 'runs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/claims\.timely_filing_days_default/);
    fs.writeFileSync(file, JSON.stringify({ ...config, quickbooks: { ...config.quickbooks, bank_account: '=cmd' } }));
    result = await cli(['--workspace', dir, 'runs']);
    expect(result.stderr).toMatch(/quickbooks\.bank_account: an account name may not begin with =/);
  });
});

describe('lock', () => {
  it('a second holder gets exit 5 naming the first; a lock left by a dead process is taken over', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const lockFile = path.join(dir, 'practice-sync.lock');
    const now = () => new Date('2026-11-23T08:00:00Z');
    const lock = await acquireLock(lockFile, { command: 'import', now });
    const second = await cli(['--workspace', dir, 'import', 'x.csv']);
    expect(second.code).toBe(5);
    expect(second.stderr).toContain(`process ${process.pid} (import, started 2026-11-23T08:00:00.000Z)`);
    lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockFile, JSON.stringify({ pid: Number(dead.stdout), started_at: '2026-11-23T07:00:00.000Z', command: 'run', host: (await import('node:os')).hostname() }));
    const taken = await acquireLock(lockFile, { command: 'import', now });
    expect(taken.tookOver?.pid).toBe(Number(dead.stdout));
    taken.release();
  });

  // A reboot hands process IDs out again: the ID in a lock may now be another program's. Linux only (/proc).
  it.runIf(fs.existsSync('/proc/self/stat'))('a lock whose process ID now names another program is taken over; one its process may have written is not', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const lockFile = path.join(dir, 'practice-sync.lock');
    const now = () => new Date('2026-11-23T08:00:00Z');
    const host = os.hostname();
    const writeLock = (holder: object) => fs.writeFileSync(lockFile, JSON.stringify({ command: 'run', host, ...holder }));
    const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid!;
      // Written an hour before `sleep` started, so `sleep` cannot have written it.
      const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
      writeLock({ pid, started_at: anHourAgo });
      let taken = await acquireLock(lockFile, { command: 'import', now });
      expect(taken.tookOver).toMatchObject({ pid, started_at: anHourAgo });
      taken.release();
      expect(fs.existsSync(lockFile)).toBe(false);

      // Written after `sleep` started: it may be its own, so it holds.
      writeLock({ pid, started_at: new Date().toISOString() });
      const held = await cli(['--workspace', dir, 'import', 'x.csv']);
      expect(held.code).toBe(5);
      expect(held.stderr).toContain(`practice-sync process ${pid} (run, started`);
      // Under --quiet (cron), exit 5 says nothing: nothing to mail, the next run catches up.
      const quiet = await cli(['--workspace', dir, '--quiet', 'run']);
      expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([5, '', '']);

      // This version records which process it was: another start is another process, whatever the clock said.
      writeLock({ pid, started_at: new Date().toISOString(), process_start: 'an-earlier-boot:4242' });
      taken = await acquireLock(lockFile, { command: 'import', now });
      expect(taken.tookOver?.pid).toBe(pid);
      taken.release();

      // This very process's ID, in a lock written long before it started.
      writeLock({ pid: process.pid, started_at: '2020-01-06T07:00:00.000Z' });
      taken = await acquireLock(lockFile, { command: 'import', now });
      expect(taken.tookOver?.pid).toBe(process.pid);
      expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).process_start).toMatch(/^\S+:\d+$/);
      taken.release();

      // Without /proc (macOS, Windows) a live process ID holds the lock, as before.
      expect(isStale({ pid, started_at: anHourAgo, command: 'run', host }, path.join(tempDir(), 'no-proc'))).toBe(false);
      expect(isStale({ pid, started_at: anHourAgo, command: 'run', host })).toBe(true);
    } finally {
      sleeper.kill();
    }
  });

  it('a lock that cannot be written (a full disk) is not left behind empty', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const lockFile = path.join(dir, 'practice-sync.lock');
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { errno: -28, code: 'ENOSPC', syscall: 'write' });
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw enospc;
    });
    try {
      await expect(acquireLock(lockFile, { command: 'import', now: () => new Date() })).rejects.toBe(enospc);
    } finally {
      vi.restoreAllMocks();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('--wait waits for the holder instead of failing', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const lock = await acquireLock(path.join(dir, 'practice-sync.lock'), { command: 'run', now: () => new Date() });
    setTimeout(() => lock.release(), 300);
    const result = await cli(['--workspace', dir, '--wait', '5', 'undo', '1']);
    expect(result.stderr).toMatch(/no run 1/);
  });
});
