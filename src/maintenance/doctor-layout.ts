// Doctor: the folders of SPEC §2, the config, owner-only modes on everything in the workspace, and that this user can
// write what practice-sync writes.
import fs from 'node:fs';
import path from 'node:path';
import { iifUnsafeAccounts } from '../export/quickbooks/index.js';
import { plural } from '../text/plural.js';
import { loadConfig } from '../workspace/load-config.js';
import { WORKSPACE_DIRS, type WorkspacePaths } from '../workspace/layout.js';
import { failed, ok, warn, type DoctorCheck } from './doctor-check.js';

export function checkLayout(paths: WorkspacePaths): DoctorCheck {
  const missing = WORKSPACE_DIRS.filter((name) => !isDir(path.join(paths.root, name)));
  if (!missing.length) return ok('layout', `all ${WORKSPACE_DIRS.length} folders present (${WORKSPACE_DIRS.join(', ')})`);
  // A file where a folder belongs: mkdir alone would fail on it.
  const files = missing.filter((name) => fs.existsSync(path.join(paths.root, name)));
  const detail = [
    ...missing.filter((name) => !files.includes(name)).map((name) => `missing ${name}/`),
    ...files.map((name) => `${name} is a file, not a folder`),
  ].join(', ');
  const moveAway = files.map((name) => `mv ${name} ${name}.not-a-folder && `).join('');
  return failed('layout', detail, `${files.length ? 'move the file aside, then create' : 'create'} ${missing.length === 1 ? 'it' : 'them'}: cd "${paths.root}" && ${moveAway}mkdir -m 700 ${missing.join(' ')}`);
}

export function checkConfig(paths: WorkspacePaths): DoctorCheck {
  try {
    const config = loadConfig(paths.config);
    // Valid for every format but IIF, which must carry account names unchanged: say so now, not at export time.
    const unsafe = iifUnsafeAccounts(config);
    if (unsafe.length) {
      const names = unsafe.map(({ key, name }) => `${key} "${name}"`).join(', ');
      return warn('config', `practice-sync.json is valid, but ${names} cannot be exported with --format iif (ASCII only, no tab, semicolon, double quote or newline)`,
        'if you export to QuickBooks Desktop, write the account names as it spells them; qbo-journal and qbo-bank take them as they are');
    }
    return ok('config', 'practice-sync.json is valid');
  } catch (error) {
    return failed('config', (error as Error).message, 'correct that key in practice-sync.json (see SPEC §8 for every setting and its default)');
  }
}

/** Folders whose files practice-sync writes (or, archive/, moves and makes owner-only); inbox/ and mappings/ hold files others made, inside 0700 folders. */
const OWN_FILE_DIRS = ['archive', 'backups', 'logs', 'reports', 'rejects'];

/**
 * What this user cannot use of the workspace, then anything practice-sync keeps that is group- or world-accessible
 * (SPEC §10); POSIX modes only, Windows uses ACLs.
 */
export function checkPermissions(paths: WorkspacePaths, platform: NodeJS.Platform = process.platform): DoctorCheck {
  if (platform === 'win32') return ok('permissions', 'not checked on Windows (the folder ACL protects the files)');
  const denied = unwritable(paths);
  if (denied.length) {
    return failed('permissions', `this user cannot write ${plural(denied.length, 'path')}: ${denied.join(', ')}`,
      `run practice-sync as the account that owns the workspace, or give this one read and write: chmod -R u+rwX "${paths.root}"`);
  }
  const open: string[] = [];
  const visit = (target: string, recurse: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      return;
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) open.push(`${path.relative(paths.root, target) || '.'}${stat.isDirectory() ? '/' : ''} is ${(stat.mode & 0o777).toString(8)}`);
    if (recurse && stat.isDirectory()) for (const entry of fs.readdirSync(target)) visit(path.join(target, entry), true);
  };
  visit(paths.root, false);
  for (const file of [paths.config, paths.store, `${paths.store}-wal`, `${paths.store}-shm`, paths.lock]) visit(file, false);
  for (const dir of WORKSPACE_DIRS) visit(path.join(paths.root, dir), OWN_FILE_DIRS.includes(dir));
  if (!open.length) return ok('permissions', 'the workspace, its folders, the store, config, archive, backups, logs and reports are owner-only');
  const shown = open.slice(0, 5).join('; ') + (open.length > 5 ? `; and ${open.length - 5} more` : '');
  return failed('permissions', `${plural(open.length, 'path')} readable by others: ${shown}`, `chmod -R go-rwx "${paths.root}"`);
}

/**
 * The workspace, its folders and the store (with SQLite's -wal and -shm beside it) as this user cannot read and write
 * them: every command that writes would stop on them, and a store in a read-only folder cannot even be read.
 */
function unwritable(paths: WorkspacePaths): string[] {
  const folders = [paths.root, ...WORKSPACE_DIRS.map((dir) => path.join(paths.root, dir))];
  const files = [paths.store, `${paths.store}-wal`, `${paths.store}-shm`];
  const denied = (target: string, mode: number) => {
    try {
      fs.accessSync(target, mode);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  };
  const { R_OK, W_OK, X_OK } = fs.constants;
  return [
    ...folders.filter((dir) => denied(dir, R_OK | W_OK | X_OK)).map((dir) => `${path.relative(paths.root, dir) || '.'}/`),
    ...files.filter((file) => denied(file, R_OK | W_OK)).map((file) => path.relative(paths.root, file)),
  ];
}

function isDir(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}
