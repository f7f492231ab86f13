// The one error class of practice-sync: a closed list of codes, each tied to an exit code of SPEC §3.

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  rejected: 3,
  alerts: 4,
  locked: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every way practice-sync can refuse to go on. Tests assert these codes, not the wording. */
export const ERROR_CODES = {
  usage: EXIT.usage,
  no_workspace: EXIT.usage,
  workspace_exists: EXIT.usage,
  config_invalid: EXIT.usage,
  mapping_invalid: EXIT.usage,
  mapping_not_found: EXIT.usage,
  no_mapping_fits: EXIT.usage,
  mapping_ambiguous: EXIT.usage,
  file_unreadable: EXIT.usage,
  not_found: EXIT.usage,
  undo_refused: EXIT.usage,
  store_invalid: EXIT.usage,
  permission_denied: EXIT.usage,
  setup_problem: EXIT.usage,
  disk_full: EXIT.usage,
  input_rejected: EXIT.rejected,
  input_empty: EXIT.rejected,
  input_binary: EXIT.rejected,
  export_rejected: EXIT.rejected,
  alerts_at_threshold: EXIT.alerts,
  locked: EXIT.locked,
  internal: EXIT.internal,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class PracticeSyncError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PracticeSyncError';
    this.code = code;
    this.context = context;
  }

  get exitCode(): ExitCode {
    return ERROR_CODES[this.code];
  }
}

export function fail(code: ErrorCode, message: string, context: Record<string, unknown> = {}): never {
  throw new PracticeSyncError(code, message, context);
}

export function isPracticeSyncError(error: unknown): error is PracticeSyncError {
  return error instanceof PracticeSyncError;
}
