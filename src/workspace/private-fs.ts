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

/** Write to a temporary sibling, then rename: readers never see half a file. */
export function writePrivateFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writePrivateFile(tmp, content);
  fs.renameSync(tmp, file);
}

/** A file written in pieces, owner-only, that appears under its name only once `commit` has run (`abort` removes it). */
export interface AtomicFileWriter {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

export function openPrivateFileAtomic(file: string): AtomicFileWriter {
  const tmp = `${file}.${process.pid}.tmp`;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) fail('usage', `cannot write ${file}: it is a folder`);
  let fd: number | null;
  try {
    fd = fs.openSync(tmp, 'w', FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? `the folder ${path.dirname(file)} does not exist`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `no permission to write in ${path.dirname(file)}`
      : (error as Error).message;
    return fail('usage', `cannot write ${file}: ${reason}`);
  }
  chmodQuietly(tmp, FILE_MODE);
  const close = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
  };
  return {
    write(text) {
      if (fd === null) throw new Error(`${tmp} is already closed`);
      fs.writeSync(fd, text);
    },
    commit() {
      close();
      fs.renameSync(tmp, file);
    },
    abort() {
      close();
      fs.rmSync(tmp, { force: true });
    },
  };
}

/** A file written in pieces by `produce`, owner-only, appearing whole or not at all. */
export function writePrivateFileInPieces(file: string, produce: (write: (text: string) => void) => void): void {
  const out = openPrivateFileAtomic(file);
  try {
    produce((text) => out.write(text));
    out.commit();
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
