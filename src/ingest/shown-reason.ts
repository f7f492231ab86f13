// A rejected cell's reason as it may be shown outside the rejects file (terminal, run's problem file): the value of a
// patient-data field is replaced by a pointer to the rejects file, which staff need and which keeps it (SPEC §10).
import { PRIVATE_FIELDS } from '../domain/entities.js';
import type { Reject } from './rejects-file.js';

export const HIDDEN_VALUE = '(value in the rejects file)';

export function shownReason(reject: Reject & { field: string }): string {
  if (!PRIVATE_FIELDS.has(reject.field) || reject.value === '') return reject.reason;
  return reject.reason.replaceAll(`"${reject.value}"`, HIDDEN_VALUE);
}
