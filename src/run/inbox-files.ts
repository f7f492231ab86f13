// The inbox: which files `run` should try, and the `.problem.txt` notes beside the ones that failed, which stop a file
// from being retried until its content changes.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { chmodQuietly, ensurePrivateDir, FILE_MODE, writePrivateFile } from '../workspace/private-fs.js';

export const PROBLEM_SUFFIX = '.problem.txt';

export interface InboxFile {
  path: string;
  name: string;
  sha256: string;
}

export interface InboxScan {
  /** Files to import now. */
  ready: InboxFile[];
  /** Files that failed before and have not changed since: left alone. */
  waiting: string[];
  /** Hidden files, and files still being copied or saved (`isTemporaryName`): left alone, untouched. */
  skipped: string[];
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

export function scanInbox(inbox: string): InboxScan {
  const ready: InboxFile[] = [];
  const waiting: string[] = [];
  const skipped: string[] = [];
  if (!fs.existsSync(inbox)) return { ready, waiting, skipped };
  for (const entry of fs.readdirSync(inbox, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || entry.name.endsWith(PROBLEM_SUFFIX)) continue;
    if (isTemporaryName(entry.name)) {
      skipped.push(entry.name);
      continue;
    }
    const file = path.join(inbox, entry.name);
    const sha256 = hashFile(file);
    const problem = file + PROBLEM_SUFFIX;
    if (fs.existsSync(problem)) {
      if (problemHash(problem) === sha256) {
        waiting.push(entry.name);
        continue;
      }
      fs.rmSync(problem, { force: true });
    }
    ready.push({ path: file, name: entry.name, sha256 });
  }
  return { ready, waiting, skipped };
}

export function writeProblem(file: InboxFile, lines: string[], when: string): string {
  const target = file.path + PROBLEM_SUFFIX;
  writePrivateFile(target, [
    `${file.name} was not imported (${when}).`,
    ...lines,
    '',
    'Fix the export and drop it in the inbox again (or edit this file in place): practice-sync retries a file only once its content changes.',
    `sha256: ${file.sha256}`,
    '',
  ].join('\n'));
  return target;
}

function problemHash(problemFile: string): string | null {
  const match = /^sha256: ([0-9a-f]{64})$/m.exec(fs.readFileSync(problemFile, 'utf8'));
  return match ? match[1] : null;
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
