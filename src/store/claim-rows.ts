// Claims as the computations read them: read from the store as JSON chunks (json-chunks.ts), then joined with names.
// Nothing here but `claimChunks` touches the store, so a report's worker thread can turn chunks into inputs too.
import type { ClaimStatus } from '../domain/entities.js';
import type { ClaimInput } from '../compute/types.js';
import { jsonChunks, type JsonChunks } from './json-chunks.js';
import { CHASED_CLAIM_STATUSES, CHASED_CLAIMS_SQL } from './migrations.js';
import type { Store } from './open-store.js';

/** Case-insensitive "contains" filters on the people a row is about (`--patient`, `--clinician`, `--payer`). */
export interface InputFilter {
  patient?: string;
  clinician?: string;
  payer?: string;
}

/** Names by store id, for joining in JS: small maps instead of SQL joins over a million rows. */
export interface Lookups {
  patients: Map<number, { name: string; patientId: string | null; payerRef: number | null }>;
  clinicians: Map<number, string>;
  payers: Map<number, string>;
}

export const CLAIM_COLUMNS_SQL = 'id, claim_id, patient_ref, clinician_ref, payer_ref, service_date, submitted_date, status, billed, allowed, paid, patient_responsibility, denial_reason';
export type ClaimRow = [number, string, number | null, number | null, number | null, string | null, string | null, string | null, number | null, number | null, number | null, number | null, string | null];

/**
 * The JSON chunks (json-chunks.ts) of `columns` of every claim, or of those with one of `statuses`. Statuses that are
 * all chased ones are read through the index of chased claims (migration 004).
 */
export function claimChunks(db: Store, columns: string, statuses?: readonly string[]): JsonChunks {
  if (!statuses) return jsonChunks(db, 'claims', columns);
  const where = `status IN (${statuses.map(() => '?').join(', ')})`;
  const chased = statuses.every((status) => CHASED_CLAIM_STATUSES.includes(status));
  return jsonChunks(db, 'claims', columns, chased ? `${CHASED_CLAIMS_SQL} AND ${where}` : where, statuses);
}

/** Appends to `out` the claims of `rows` that pass the filter, with names joined in. */
export function claimInputs(rows: Iterable<ClaimRow>, lookups: Lookups, filter: InputFilter, out: ClaimInput[] = []): ClaimInput[] {
  for (const row of rows) {
    const claim = blankClaim();
    if (readClaim(row, lookups, filter, claim)) out.push(claim);
  }
  return out;
}

export function blankClaim(): ClaimInput {
  return { key: 0, claimId: '', patientKey: null, patientName: null, clinicianName: null, payerName: null, serviceDate: null, submittedDate: null, status: null, billed: null, allowed: null, paid: null, patientResponsibility: null, denialReason: null };
}

/** Fills `claim` from `row`, names joined in; false when the filter leaves the claim out. */
export function readClaim(row: ClaimRow, lookups: Lookups, filter: InputFilter, claim: ClaimInput): boolean {
  const [key, claimId, patientKey, clinicianKey, payerRef, serviceDate, submittedDate, status, billed, allowed, paid, patientResponsibility, denialReason] = row;
  const patient = patientKey === null ? undefined : lookups.patients.get(patientKey);
  const patientName = patient?.name ?? null;
  const clinicianName = clinicianKey === null ? null : (lookups.clinicians.get(clinicianKey) ?? null);
  const payerName = payerOf(lookups.payers, payerRef, patient);
  if (isFiltered(filter) && !passes(filter, patientName, clinicianName, payerName)) return false;
  claim.key = key;
  claim.claimId = claimId;
  claim.patientKey = patientKey;
  claim.patientName = patientName;
  claim.clinicianName = clinicianName;
  claim.payerName = payerName;
  claim.serviceDate = serviceDate;
  claim.submittedDate = submittedDate;
  claim.status = status as ClaimStatus | null;
  claim.billed = billed;
  claim.allowed = allowed;
  claim.paid = paid;
  claim.patientResponsibility = patientResponsibility;
  claim.denialReason = denialReason;
  return true;
}

/** The row's own payer, else the patient's. */
export function payerOf(payers: Map<number, string>, payerRef: number | null, patient: { payerRef: number | null } | undefined): string | null {
  const key = payerRef ?? patient?.payerRef ?? null;
  return key === null ? null : (payers.get(key) ?? null);
}

export function isFiltered(filter: InputFilter): boolean {
  return Boolean(filter.patient || filter.clinician || filter.payer);
}

/** Whether a row about these people passes every filter given. */
export function passes(filter: InputFilter, patientName: string | null, clinicianName: string | null, payerName: string | null): boolean {
  return matches(patientName, filter.patient) && matches(clinicianName, filter.clinician) && matches(payerName, filter.payer);
}

export function matches(value: string | null, filter: string | undefined): boolean {
  if (!filter) return true;
  return value !== null && value.toLowerCase().includes(filter.toLowerCase());
}
