// On a pseudo-terminal a long import shows the spinner with rows, rows/s and percent; through a pipe, no escape codes.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeClaims } from '../../bench/generate.js';
import { REPO, tempDir, tempWorkspace } from '../helpers/cli.js';

const BIN = path.join(REPO, 'bin', 'practice-sync');
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('shows the spinner on a pty and nothing but summary lines through a pipe', () => {
    const file = path.join(tempDir(), 'claims-150k.csv');
    writeClaims(file, 150_000, 2_000);
    // A pty made by script(1) has no size until stty gives it one; ora needs a width. ora also stays still when it
    // sees CI in the environment, as on the CI machine: the person at a terminal has no CI variable.
    const { CI: _ci, CONTINUOUS_INTEGRATION: _cci, ...env } = process.env;
    const tty = spawnSync('script', ['-qec', `stty cols 120 rows 40; ${process.execPath} ${BIN} --workspace ${tempWorkspace()} import ${file}`, '/dev/null'], { encoding: 'utf8', env: { ...env, TERM: 'xterm' }, maxBuffer: 64 << 20 });
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toMatch(/importing .*claims-150k\.csv: [\d,]+ rows, [\d,]+ rows\/s, \d+%/);
    expect(tty.stdout.includes('\u001b[')).toBe(true);

    const pipe = spawnSync(process.execPath, [BIN, '--workspace', tempWorkspace(), 'import', file], { encoding: 'utf8' });
    expect(pipe.status).toBe(0);
    expect(pipe.stdout + pipe.stderr).not.toMatch(/rows\/s/);
    expect((pipe.stdout + pipe.stderr).includes('\u001b[')).toBe(false);
  });
});
