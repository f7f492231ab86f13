// Exit 1 (SPEC §3): an error practice-sync did not expect says what happened and where the log holding it is; the
// stack goes to the log (and to the terminal only with --verbose), and no patient data goes anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, REPO, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';
import Database from 'better-sqlite3';

const HEADER = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
/** Invented people; none of their names or IDs may reach the terminal or the log. */
const CLAIMS = `${HEADER}CLM-9001,"Quillfeather, Orla",PX-4417,03/02/2026,03/03/2026,Acme Mutual,Dr Ines Vantablack,150.00,,,,Submitted,\n`;
const PATIENT_DATA = ['Quillfeather', 'Orla', 'PX-4417'];

/** A write to stdout failing in a way no command expects: the fault is injected through the context the CLI is given. */
const failingStdout = () => {
  throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
};

function lastLogEvent(ws: string): Record<string, unknown> {
  const lines = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8').trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
}

describe('an internal error (exit 1)', () => {
  it('says what happened and names the workspace log, which holds the message and the stack', async () => {
    const ws = tempWorkspace();
    const log = path.join(ws, 'logs', 'practice-sync.log');
    const result = await cli(['--workspace', ws, 'runs'], { ctx: { stdout: failingStdout } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'practice-sync: internal error (a bug): EIO: i/o error, write\n' +
      `written to the log ${log}, with where it happened (add --verbose to print that here)\n`,
    );
    const event = lastLogEvent(ws);
    expect({ ...event, time: undefined, pid: undefined, stack: undefined })
      .toEqual({ event: 'command', command: 'runs', exit: 1, code: 'internal', message: 'EIO: i/o error, write' });
    expect(event.stack).toMatch(/^Error: EIO: i\/o error, write\n {4}at /);
  });

  it('prints the stack on the terminal with --verbose', async () => {
    const ws = tempWorkspace();
    const result = await cli(['--workspace', ws, '--verbose', 'runs'], { ctx: { stdout: failingStdout } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^practice-sync: internal error \(a bug\): EIO: i\/o error, write\nError: EIO: i\/o error, write\n {4}at [^\n]+\n/);
    expect(result.stderr.endsWith(`\nwritten to the log ${path.join(ws, 'logs', 'practice-sync.log')}\n`)).toBe(true);
  });

  it('a bug found in stored data (fractional cents) names the log too, and no patient', async () => {
    const ws = tempWorkspace();
    expect((await cli(['--workspace', ws, 'import', writeFile(tempDir(), 'claims.csv', CLAIMS)])).code).toBe(0);
    const db = new Database(path.join(ws, 'practice-sync.db'));
    db.prepare("UPDATE claims SET billed = 12.5 WHERE claim_id = 'CLM-9001'").run();
    db.close();
    const result = await cli(['--workspace', ws, '--format', 'csv', 'report', 'claims']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'practice-sync: internal error (a bug): money must be integer cents, got 12.5\n' +
      `written to the log ${path.join(ws, 'logs', 'practice-sync.log')}, with where it happened (add --verbose to print that here)\n`,
    );
    const log = fs.readFileSync(path.join(ws, 'logs', 'practice-sync.log'), 'utf8');
    expect(lastLogEvent(ws)).toMatchObject({ event: 'command', command: 'report claims', exit: 1, code: 'internal', message: 'money must be integer cents, got 12.5' });
    for (const word of PATIENT_DATA) {
      expect(result.stderr).not.toContain(word);
      expect(log).not.toContain(word);
    }
  });

  it('says so when the log could not be written, rather than pointing at it', async () => {
    const ws = tempWorkspace();
    const log = path.join(ws, 'logs', 'practice-sync.log');
    fs.mkdirSync(log); // a folder where the log file should be: every append fails
    const result = await cli(['--workspace', ws, 'runs'], { ctx: { stdout: failingStdout } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'practice-sync: internal error (a bug): EIO: i/o error, write\n' +
      `could not be written to the log ${log} (add --verbose to print where it happened)\n`,
    );
  });

  it('before any workspace was opened, says that no log was written', async () => {
    const result = await cli(['mapping', 'show', 'generic/claims'], { cwd: tempDir(), ctx: { stdout: failingStdout } });
    expect(result.code).toBe(1);
    // `mapping show` names the file on stderr before it writes the mapping to stdout.
    expect(result.stderr).toBe(
      `${path.join(REPO, 'mappings', 'generic', 'claims.json')}\n` +
      'practice-sync: internal error (a bug): EIO: i/o error, write\n' +
      'no log was written: the command had not opened a workspace (add --verbose to print where it happened)\n',
    );
  });
});
