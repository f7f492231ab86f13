// A file or folder this user may not read or write is a setup problem (exit 2, SPEC §3) naming the path, not a bug
// (exit 1): a workspace copied from another account, a store or folder made read-only, an export saved unreadable.
import path from 'node:path';
import { PracticeSyncError } from '../errors.js';

/** The errno codes that mean "not allowed", whatever the call: nothing in practice-sync can get past them. */
const DENIED: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
};

/** What the failed system call was doing, in words; a call not listed here "uses" the path. */
const ATTEMPTS: Record<string, string> = {
  open: 'open', mkdir: 'create', scandir: 'list', opendir: 'list', rename: 'rename', unlink: 'remove', rmdir: 'remove', rm: 'remove',
  copyfile: 'copy', chmod: 'change', access: 'open', stat: 'read', lstat: 'read',
};

/**
 * SQLite's errors name no file, so those about the store need its path (`store`): read-only (the file, or its folder
 * where the -wal and -shm files live) or not openable at all. Other SQLite errors stay what they are.
 */
const SQLITE_DENIED = /^SQLITE_(READONLY|CANTOPEN|PERM)/;

/**
 * The refusal to throw in place of `error` when it is a permission problem, else null. Only errors carrying one of
 * these codes and the path they are about are converted, so a real bug still surfaces as one.
 */
export function permissionDenied(error: unknown, store?: string): PracticeSyncError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, path: target, syscall, message } = error as { code?: unknown; path?: unknown; syscall?: unknown; message?: unknown };
  if (typeof code !== 'string') return null;
  if (code in DENIED && typeof target === 'string') {
    const attempt = (typeof syscall === 'string' && ATTEMPTS[syscall]) || 'use';
    return new PracticeSyncError('permission_denied',
      `cannot ${attempt} ${target}: ${DENIED[code]} (${code}); check the owner and permissions of ${target} and of its folder`,
      { path: target }, { cause: error });
  }
  if (store !== undefined && SQLITE_DENIED.test(code)) {
    const attempt = code.startsWith('SQLITE_READONLY') ? 'write' : 'open';
    return new PracticeSyncError('permission_denied',
      `cannot ${attempt} the store ${store}: ${String(message)} (${code}); check the owner and permissions of the store and of its folder ` +
      `${path.dirname(store)}, where SQLite keeps its -wal and -shm files`,
      { path: store }, { cause: error });
  }
  return null;
}
