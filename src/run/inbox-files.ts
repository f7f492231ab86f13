// The inbox: which files `run` should try, and the `.problem.txt` notes beside the ones that failed, which stop a file
// from being retried until its content changes.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { permissionDenied } from '../workspace/permission-denied.js';
import { chmodQuietly, ensurePrivateDir, FILE_MODE, writePrivateFile } from '../workspace/private-fs.js';

export const PROBLEM_SUFFIX = '.problem.txt';

export interface InboxFile {
  path: string;
  name: string;
  /** Null when this user may not read the file: there are no bytes to hash. */
  sha256: string | null;
  /** Why the file cannot be read (the permission error, naming it), else null. */
  unreadable: string | null;
  /** The last line of its problem file, which tells the next run whether the file changed since: see `identify`. */
  fingerprint: string;
}

export interface InboxScan {
  /** Files to import now. */
  ready: InboxFile[];
  /** Files that failed before and have not changed since: left alone. */
  waiting: string[];
  /** Hidden files, and files still being copied or saved (`isTemporaryName`): left alone, untouched. */
  skipped: string[];
  /** Folders (named with a trailing `/`), links and other entries that are not plain files: left alone, untouched. */
  notFiles: string[];
}

/**
 * Suffixes of files still being downloaded, copied or saved under a temporary name (browsers, WinSCP, rsync-like
 * tools, editors), renamed to their real name when complete.
 */
const TEMPORARY_SUFFIXES = ['.tmp', '.temp', '.part', '.partial', '.crdownload', '.download', '.opdownload', '.filepart', '.swp', '.swx', '~'];

/** A name no export is dropped under: hidden (`.claims.csv.swp`, `.DS_Store`), an Office owner file (`~$claims.csv`), a temporary suffix. */
export function isTemporaryName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith('.') || name.startsWith('~$') || TEMPORARY_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/**
 * `imported`: whether a file of this hash was imported already. A file that failed is waiting until its content changes,
 * or until staff import it by hand (`import --allow-partial`, a corrected mapping): then it is ready again, and the
 * run archives it as already imported instead of waiting for it forever.
 */
export function scanInbox(inbox: string, imported: (sha256: string) => boolean = () => false): InboxScan {
  const ready: InboxFile[] = [];
  const waiting: string[] = [];
  const skipped: string[] = [];
  const notFiles: string[] = [];
  if (!fs.existsSync(inbox)) return { ready, waiting, skipped, notFiles };
  for (const entry of fs.readdirSync(inbox, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) {
      // An unzipped folder of exports, or a link to one: never imported, so said every run rather than passed over.
      if (!isTemporaryName(entry.name)) notFiles.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
      continue;
    }
    if (entry.name.endsWith(PROBLEM_SUFFIX)) continue;
    if (isTemporaryName(entry.name)) {
      skipped.push(entry.name);
      continue;
    }
    const file = path.join(inbox, entry.name);
    const identity = identify(file);
    const problem = file + PROBLEM_SUFFIX;
    if (fs.existsSync(problem)) {
      if (problemFingerprint(problem) === identity.fingerprint && !(identity.sha256 !== null && imported(identity.sha256))) {
        waiting.push(entry.name);
        continue;
      }
      removeStaleProblem(problem);
    }
    ready.push({ path: file, name: entry.name, ...identity });
  }
  return { ready, waiting, skipped, notFiles };
}

export function writeProblem(file: InboxFile, lines: string[], when: string): string {
  const target = file.path + PROBLEM_SUFFIX;
  writePrivateFile(target, [
    `${file.name} was not imported (${when}).`,
    ...lines,
    '',
    file.unreadable === null
      ? 'Fix the export and drop it in the inbox again (or edit this file in place): practice-sync retries a file only once its content changes.'
      : 'Let the account practice-sync runs as read it (or drop a readable copy in the inbox): practice-sync retries it once it can read it.',
    file.fingerprint,
    '',
  ].join('\n'));
  return target;
}

/**
 * `sha256: HASH`, or for a file this user may not read, `unreadable: SIZE bytes, modified TIME`: all that can be known
 * of it. Made readable (a chmod changes neither), it has a hash, so it no longer matches its problem file and is retried.
 * Any other error reading it (a bug, a failing disk) stops the run as before.
 */
function identify(file: string): Pick<InboxFile, 'sha256' | 'unreadable' | 'fingerprint'> {
  try {
    const sha256 = hashFile(file);
    return { sha256, unreadable: null, fingerprint: `sha256: ${sha256}` };
  } catch (error) {
    const denied = permissionDenied(error);
    if (!denied) throw error;
    const stat = fs.statSync(file);
    return { sha256: null, unreadable: denied.message, fingerprint: `unreadable: ${stat.size} bytes, modified ${stat.mtime.toISOString()}` };
  }
}

/** A problem file this user may not read (another account's run left it) matches nothing: the file is tried again. */
function problemFingerprint(problemFile: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(problemFile, 'utf8');
  } catch (error) {
    if (!permissionDenied(error)) throw error;
    return null;
  }
  const match = /^(sha256: [0-9a-f]{64}|unreadable: \d+ bytes, modified \S+)$/m.exec(text);
  return match ? match[1] : null;
}

/** One this user may not remove is left: writing the new one then fails too, and the run's summary says so. */
function removeStaleProblem(problemFile: string): void {
  try {
    // Not rmSync: refused (EPERM in a sticky folder), it retries the file as a folder and reports ENOTDIR instead.
    fs.unlinkSync(problemFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !permissionDenied(error)) throw error;
  }
}

function hashFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * archive/YYYY-MM-DD/run-N-name: never overwrites (a same-named file gets a counter). The file is made owner-only
 * before it moves, whatever mode its copy into the inbox gave it: archives are whole patient exports (SPEC §10).
 */
export function archiveFile(file: InboxFile, archiveRoot: string, day: string, label: string): string {
  const dir = path.join(archiveRoot, day);
  ensurePrivateDir(dir);
  let target = path.join(dir, `${label}-${file.name}`);
  for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, `${label}-${i}-${file.name}`);
  chmodQuietly(file.path, FILE_MODE);
  fs.renameSync(file.path, target);
  return target;
}
