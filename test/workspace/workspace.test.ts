// init writes every default with owner-only modes; discovery; config errors name the key; the lock names its holder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { acquireLock } from '../../src/workspace/lock.js';
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

  it('--wait waits for the holder instead of failing', async () => {
    const dir = path.join(tempDir(), 'ws');
    await cli(['init', dir]);
    const lock = await acquireLock(path.join(dir, 'practice-sync.lock'), { command: 'run', now: () => new Date() });
    setTimeout(() => lock.release(), 300);
    const result = await cli(['--workspace', dir, '--wait', '5', 'undo', '1']);
    expect(result.stderr).toMatch(/no run 1/);
  });
});
