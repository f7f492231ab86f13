// What the machine did to a command, not a bug: a path this user may not use, or a full disk (exit 2, naming the path).
import type { PracticeSyncError } from '../errors.js';
import { diskFull } from './disk-full.js';
import { permissionDenied } from './permission-denied.js';

/** The refusal to throw in place of `error` when it is a permission problem or a full disk, else null. */
export function setupProblem(error: unknown, store?: string): PracticeSyncError | null {
  return permissionDenied(error, store) ?? diskFull(error, store);
}
