// Claims as the computations read them: read from the store as JSON chunks (json-chunks.ts), then joined with names.
// Nothing here but `claimChunks` touches the store, so a report's worker thread can turn chunks into inputs too.
import type { ClaimStatus } from '../domain/entities.js';
import type { ClaimInput } from '../compute/types.js';
import { ById } from './by-id.js';
import { jsonChunks, type ChunkColumn, type JsonChunks, type Nullable } from './json-chunks.js';
import { CHASED_CLAIM_STATUSES, CHASED_CLAIMS_SQL } from './migrations.js';
import type { Store } from './open-store.js';

/** Case-insensitive "contains" filters on the people a row is about (`--patient`, `--clinician`, `--payer`). */
export interface InputFilter {
  patient?: string;
  clinician?: string;
  payer?: string;
}

/** Names by store id, for joining in JS: small lookups instead of SQL joins over a million rows. */
export interface Lookups {
  patients: ById<{ name: string; patientId: string | null; payerRef: number | null }>;
  clinicians: ById<string>;
  payers: ById<string>;
}

/** `Lookups` again after a structured clone (a worker thread's copy). */
export function reviveLookups(cloned: Lookups): Lookups {
  return { patients: ById.revive(cloned.patients), clinicians: ById.revive(cloned.clinicians), payers: ById.revive(cloned.payers) };
}

export const CLAIM_CHUNK_COLUMNS: readonly ChunkColumn[] = ['id', { joined: 'claim_id' }, 'patient_ref', 'clinician_ref', 'payer_ref', 'service_date', 'submitted_date', 'status', 'billed', 'allowed', 'paid', 'patient_responsibility'];
/** A chunk of claims (json-chunks.ts): the values of CLAIM_CHUNK_COLUMNS, a column at a time. */
export type ClaimColumns = [number[], string[], Nullable<number>, Nullable<number>, Nullable<number>, Nullable<string>, Nullable<string>, Nullable<string>, Nullable<number>, Nullable<number>, Nullable<number>, Nullable<number>];

/**
 * The JSON chunks (json-chunks.ts) of `columns` of every claim, or of those with one of `statuses`. Statuses that are
 * all chased ones are read through the index of chased claims (migrations 004 and 006), never the table.
 */
export function claimChunks(db: Store, columns: readonly ChunkColumn[], statuses?: readonly string[]): JsonChunks {
  if (!statuses) return jsonChunks(db, 'claims', columns);
  const where = `status IN (${statuses.map(() => '?').join(', ')})`;
  const chased = statuses.every((status) => CHASED_CLAIM_STATUSES.includes(status));
  return jsonChunks(db, 'claims', columns, chased ? `${CHASED_CLAIMS_SQL} AND ${where}` : where, statuses);
}

/** Appends to `out` the claims of a chunk that pass the filter, with names joined in. */
export function claimInputs(columns: ClaimColumns, lookups: Lookups, filter: InputFilter, out: ClaimInput[] = []): ClaimInput[] {
  for (let row = 0; row < columns[0].length; row++) {
    const claim = blankClaim();
    if (readClaim(columns, row, lookups, filter, claim)) out.push(claim);
  }
  return out;
}

export function blankClaim(): ClaimInput {
  return { key: 0, claimId: '', patientKey: null, patientName: null, clinicianName: null, payerName: null, serviceDate: null, submittedDate: null, status: null, billed: null, allowed: null, paid: null, patientResponsibility: null };
}

/** Fills `claim` from row `row` of a chunk, names joined in; false when the filter leaves the claim out. */
export function readClaim(columns: ClaimColumns, row: number, lookups: Lookups, filter: InputFilter, claim: ClaimInput): boolean {
  const patientKey = columns[2][row];
  const clinicianKey = columns[3][row];
  const patient = patientKey === null ? undefined : lookups.patients.get(patientKey);
  const patientName = patient?.name ?? null;
  const clinicianName = clinicianKey === null ? null : (lookups.clinicians.get(clinicianKey) ?? null);
  const payerName = payerOf(lookups.payers, columns[4][row], patient);
  if (isFiltered(filter) && !passes(filter, patientName, clinicianName, payerName, patient?.patientId ?? null)) return false;
  claim.key = columns[0][row];
  claim.claimId = columns[1][row];
  claim.patientKey = patientKey;
  claim.patientName = patientName;
  claim.clinicianName = clinicianName;
  claim.payerName = payerName;
  claim.serviceDate = columns[5][row];
  claim.submittedDate = columns[6][row];
  claim.status = columns[7][row] as ClaimStatus | null;
  claim.billed = columns[8][row];
  claim.allowed = columns[9][row];
  claim.paid = columns[10][row];
  claim.patientResponsibility = columns[11][row];
  return true;
}

/** The row's own payer, else the patient's. */
export function payerOf(payers: ById<string>, payerRef: number | null, patient: { payerRef: number | null } | undefined): string | null {
  const key = payerRef ?? patient?.payerRef ?? null;
  return key === null ? null : (payers.get(key) ?? null);
}

export function isFiltered(filter: InputFilter): boolean {
  return Boolean(filter.patient || filter.clinician || filter.payer);
}

/** Whether a row about these people passes every filter given. */
export function passes(filter: InputFilter, patientName: string | null, clinicianName: string | null, payerName: string | null, patientId: string | null): boolean {
  return matchesPatient(patientName, patientId, filter.patient) && matches(clinicianName, filter.clinician) && matches(payerName, filter.payer);
}

/**
 * `--patient`: the patient's name contains it, or it is the patient's ID in the PMS (the whole ID, any case: `P1001`,
 * which staff read off the PMS screen; a part of an ID would match many patients).
 */
export function matchesPatient(name: string | null, patientId: string | null, filter: string | undefined): boolean {
  if (!filter || matches(name, filter)) return true;
  return patientId !== null && patientId.toLowerCase() === filter.trim().toLowerCase();
}

export function matches(value: string | null, filter: string | undefined): boolean {
  if (!filter) return true;
  return value !== null && value.toLowerCase().includes(filter.toLowerCase());
}
