// What the machine did to a command, not a bug: a path this user may not use, a full disk, or a file where a folder
// belongs (exit 2, naming the path).
import { PracticeSyncError } from '../errors.js';
import { diskFull } from './disk-full.js';
import { permissionDenied } from './permission-denied.js';

/** The refusal to throw in place of `error` when it is a permission problem, a full disk or a file in a folder's place, else null. */
export function setupProblem(error: unknown, store?: string): PracticeSyncError | null {
  return permissionDenied(error, store) ?? diskFull(error, store) ?? fileForFolder(error);
}

/**
 * ENOTDIR on a path: a part of it that should be a folder is a file (a workspace's `logs` replaced by a file of that
 * name). Exit 2 naming it, and doctor says how to mend it; not a bug.
 */
function fileForFolder(error: unknown): PracticeSyncError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, path: target } = error as { code?: unknown; path?: unknown };
  if (code !== 'ENOTDIR' || typeof target !== 'string') return null;
  return new PracticeSyncError('setup_problem',
    `cannot use ${target}: a part of that path is a file where practice-sync keeps a folder (ENOTDIR); practice-sync doctor says which, and how to mend it`,
    { path: target }, { cause: error });
}
