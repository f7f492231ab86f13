// `run` in-process: what it leaves in archive/ and inbox/ — owner-only archives, problem files without patient data,
// files still being copied left alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempWorkspace } from '../helpers/cli.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const run = (ws: string) => cli(['--workspace', ws, '--as-of', '2026-11-23', 'run'], { now: NOW });
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('run', () => {
  it('archives owner-only, whatever mode the file came with, and doctor checks archive/', async () => {
    const ws = tempWorkspace();
    const dropped = path.join(ws, 'inbox', 'patients.csv');
    fs.copyFileSync(path.join(FIXTURES, 'generic', 'patients.csv'), dropped);
    fs.chmodSync(dropped, 0o644);
    const result = await run(ws);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const day = path.join(ws, 'archive', '2026-11-23');
    expect(fs.readdirSync(day)).toEqual(['run-1-patients.csv']);
    expect(mode(day)).toBe(0o700);
    expect(mode(path.join(day, 'run-1-patients.csv'))).toBe(0o600);

    const doctorOk = await cli(['--workspace', ws, 'doctor'], { now: NOW });
    expect(doctorOk.stdout).toMatch(/^ok {4}permissions: /m);
    fs.chmodSync(path.join(day, 'run-1-patients.csv'), 0o644);
    const doctor = await cli(['--workspace', ws, 'doctor'], { now: NOW });
    expect(doctor.code).toBe(2);
    expect(doctor.stdout).toContain('fail  permissions: 1 path readable by others: archive/2026-11-23/run-1-patients.csv is 644\n');
  });
});
