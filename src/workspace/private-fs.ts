// Files and folders readable by the owner only (SPEC §10), whatever the umask.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodQuietly(dir, DIR_MODE);
}

export function writePrivateFile(file: string, content: string | Uint8Array): void {
  fs.writeFileSync(file, content, { mode: FILE_MODE });
  chmodQuietly(file, FILE_MODE);
}

/** Appends to `file`, owner-only, creating it when absent. */
export function appendPrivateFile(file: string, content: string): void {
  fs.appendFileSync(file, content, { mode: FILE_MODE });
  chmodQuietly(file, FILE_MODE);
}

/** Write to a temporary sibling, then rename: readers never see half a file (see `openPrivateFileAtomic`). */
export function writePrivateFileAtomic(file: string, content: string | Uint8Array): void {
  writePrivateFileInPieces(file, (write) => write(content));
}

/** A file written in pieces, owner-only, that appears under its name only once `commit` has run (`abort` removes it). */
export interface AtomicFileWriter {
  write(content: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/**
 * Opens `file` to be written in pieces: into a new owner-only temporary file beside it (beside the file a symbolic link
 * points to), renamed over it by `commit`. What is not a regular file — `/dev/stdout`, a pipe — is written in place.
 */
export function openPrivateFileAtomic(file: string): AtomicFileWriter {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    // Not there yet: it is created.
  }
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target, { throwIfNoEntry: false });
  } catch (error) {
    // ENOTDIR: a part of the path is a file; say so as openOrFail does, not as an internal error.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    fail('usage', `cannot write ${file}: the folder ${path.dirname(file)} does not exist`);
  }
  if (existing?.isDirectory()) fail('usage', `cannot write ${file}: it is a folder`);
  if (existing && !existing.isFile()) {
    const fd = openOrFail(file, target, 'w');
    return { write: (content) => writeAll(fd, content), commit: () => fs.closeSync(fd), abort: () => fs.closeSync(fd) };
  }
  const tmp = `${target}.${process.pid}.tmp`;
  // Exclusive: never through a link or into a file someone else left at that name (a crashed run's is removed).
  fs.rmSync(tmp, { force: true });
  let fd: number | null = openOrFail(file, tmp, 'wx');
  chmodQuietly(tmp, FILE_MODE);
  const close = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
  };
  return {
    write(content) {
      if (fd === null) throw new Error(`${tmp} is already closed`);
      writeAll(fd, content);
    },
    commit() {
      close();
      fs.renameSync(tmp, target);
    },
    abort() {
      close();
      fs.rmSync(tmp, { force: true });
    },
  };
}

function openOrFail(file: string, actual: string, flags: string): number {
  try {
    return fs.openSync(actual, flags, FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = path.dirname(file);
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? `the folder ${folder} does not exist`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'this account may not write there'
      : (error as Error).message;
    return fail('usage', `cannot write ${file}: ${reason}`);
  }
}

/** `writeSync` may write less than it is given (a full disk): write the rest, or fail. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset);
}

/** A file written in pieces by `produce`, owner-only, appearing whole or not at all. */
export function writePrivateFileInPieces(file: string, produce: (write: (content: string | Uint8Array) => void) => void): void {
  const out = openPrivateFileAtomic(file);
  try {
    produce((content) => out.write(content));
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}

/** `writePrivateFileInPieces` for a producer that awaits (a report streamed from a worker thread). */
export async function writePrivateFileInPiecesAsync<T>(file: string, produce: (write: (content: string | Uint8Array) => void) => Promise<T>): Promise<T> {
  const out = openPrivateFileAtomic(file);
  try {
    const result = await produce((content) => out.write(content));
    out.commit();
    return result;
  } catch (error) {
    out.abort();
    throw error;
  }
}

export function chmodQuietly(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Windows ignores POSIX modes; the folder's ACL protects the files there.
  }
}
