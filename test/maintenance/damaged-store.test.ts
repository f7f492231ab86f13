// A store file that is damaged, empty or missing part of its schema: every command refuses with exit 2, naming the file
// and the way back (doctor, restore), never "internal error", never a stack, never a patient; the file is left as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { workspacePaths } from '../../src/workspace/layout.js';
import { cli, FIXTURES, query, tempDir, tempWorkspace } from '../helpers/cli.js';
import { corruptTable, editStore, storeAtSchema } from '../helpers/store-files.js';

const CLAIMS = path.join(FIXTURES, 'generic/claims.csv');
/** Names and member IDs of generic/claims.csv: no refusal may carry them. */
const PATIENT_DATA = ['Muñoz', 'Smith', 'Hughes', 'Chou', 'Al-Sayed', 'Delgado', "O'Connor", 'P1001'];

async function importedWorkspace() {
  const paths = workspacePaths(tempWorkspace());
  expect((await cli(['--workspace', paths.root, 'import', CLAIMS])).code).toBe(0);
  return paths;
}

const refusal = (store: string, problem: string) =>
  `practice-sync: the store ${store} ${problem}: run practice-sync doctor, then practice-sync restore BACKUP with the backup it names\n`;

/** Each command, run the way staff and cron run it; `run` has a claims export waiting in inbox/. */
const COMMANDS: [string, string[]][] = [
  ['report', ['report', 'claims']],
  ['import', ['import', CLAIMS]],
  ['backup', ['backup']],
  ['run', ['run']],
  ['runs', ['runs']],
  ['alerts', ['alerts']],
];

async function expectRefused(paths: ReturnType<typeof workspacePaths>, problem: string, commands = COMMANDS) {
  const bytes = fs.readFileSync(paths.store);
  fs.copyFileSync(CLAIMS, path.join(paths.inbox, 'claims.csv'));
  for (const [name, args] of commands) {
    const result = await cli(['--workspace', paths.root, ...args]);
    expect({ name, code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ name, code: 2, stderr: refusal(paths.store, problem), stdout: '' });
    for (const word of PATIENT_DATA) expect(result.stderr).not.toContain(word);
  }
  expect(fs.readFileSync(paths.store).equals(bytes)).toBe(true);
  expect(fs.readdirSync(paths.root).filter((f) => f.startsWith('practice-sync.db'))).toEqual(['practice-sync.db']);
  expect(fs.readdirSync(paths.backups)).toEqual([]);
  expect(fs.readdirSync(paths.inbox)).toEqual(['claims.csv']);
  expect(fs.readdirSync(paths.archive)).toEqual([]);
}

describe('a damaged store', () => {
  it('overwritten with text: not a SQLite database', async () => {
    const paths = await importedWorkspace();
    fs.writeFileSync(paths.store, 'not a database at all, just text '.repeat(200));
    await expectRefused(paths, 'is not a SQLite database');
  });

  it('cut short (a full disk, a copy stopped half way): damaged', async () => {
    const paths = await importedWorkspace();
    const size = fs.statSync(paths.store).size;
    fs.truncateSync(paths.store, Math.floor(size / 2));
    await expectRefused(paths, 'is damaged (database disk image is malformed)');
  });

  it('a page of the claims table overwritten: opens, and fails as damaged where claims are read', async () => {
    const paths = await importedWorkspace();
    corruptTable(paths.store, 'claims');
    // Reading the claims finds it; an import of the same export again does not (it is skipped by its hash).
    await expectRefused(paths, 'is damaged (database disk image is malformed)', COMMANDS.filter(([name]) => ['report', 'alerts'].includes(name)));
    const backup = await cli(['--workspace', paths.root, 'backup']);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(new RegExp(`^practice-sync: the store ${paths.store} is damaged \\(its copy failed integrity_check: .+\\): run practice-sync doctor`));
  });
});

describe('an empty store file in an initialized workspace', () => {
  it('is damage, not a first run: refused and left empty, never replaced by a fresh store; restore puts a backup back', async () => {
    const paths = await importedWorkspace();
    const backup = path.join(tempDir(), 'before.db');
    expect((await cli(['--workspace', paths.root, 'backup', '--out', backup])).code).toBe(0);
    fs.writeFileSync(paths.store, '');
    await expectRefused(paths, 'is empty (0 bytes)');
    expect(fs.statSync(paths.store).size).toBe(0);
    const restored = await cli(['--workspace', paths.root, 'restore', backup], { now: new Date('2026-11-23T15:30:05Z') });
    expect(restored.code, restored.stderr).toBe(0);
    expect(fs.statSync(path.join(paths.backups, fs.readdirSync(paths.backups)[0])).size).toBe(0);
    expect(query(paths.store, 'SELECT COUNT(*) AS n FROM claims')).toEqual([{ n: 14 }]);
  });

  it('a missing store is refused the same way', async () => {
    const paths = await importedWorkspace();
    fs.rmSync(paths.store);
    fs.copyFileSync(CLAIMS, path.join(paths.inbox, 'claims.csv'));
    for (const [name, args] of COMMANDS) {
      const result = await cli(['--workspace', paths.root, ...args]);
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 2, stderr: refusal(paths.store, 'is missing') });
    }
    expect(fs.existsSync(paths.store)).toBe(false);
  });
});

describe('a store missing part of its schema', () => {
  it('a table dropped from the live store: every command refuses naming it, and restoring a backup brings it back', async () => {
    const paths = await importedWorkspace();
    expect((await cli(['--workspace', paths.root, 'backup'])).code).toBe(0);
    const [backup] = fs.readdirSync(paths.backups).map((f) => path.join(paths.backups, f));
    editStore(paths.store, 'DROP TABLE claims');
    const problem = `is missing part of its schema (version ${SCHEMA_VERSION}): table claims`;
    for (const [name, args] of COMMANDS.filter(([n]) => n !== 'backup')) {
      const result = await cli(['--workspace', paths.root, ...args]);
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({ name, code: 2, stderr: refusal(paths.store, problem) });
    }
    const restored = await cli(['--workspace', paths.root, 'restore', backup]);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await cli(['--workspace', paths.root, 'report', 'claims', '--format', 'csv'])).code).toBe(0);
  });

  it('an older store missing a table its version has is refused before any migration runs', async () => {
    const paths = workspacePaths(tempWorkspace());
    fs.rmSync(paths.store);
    const old = storeAtSchema(paths.store, 3);
    old.exec('DROP TABLE payments');
    old.close();
    const result = await cli(['--workspace', paths.root, 'report', 'claims']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: refusal(paths.store, 'is missing part of its schema (version 3): table payments') });
    expect(query(paths.store, 'PRAGMA user_version')).toEqual([{ user_version: 3 }]);
  });
});

