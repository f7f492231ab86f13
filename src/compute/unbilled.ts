// The unbilled report (SPEC §6): completed sessions old enough to have been billed, with a payer, and no claim for that day.
import type { Column, Report } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { dayNumber } from './days.js';
import { nameRanks } from './name-order.js';
import { filingDeadlines } from './timely-filing.js';
import type { AppointmentInput, ClaimInput, IsoDate, PatientInput } from './types.js';

export const UNBILLED_COLUMNS: Column[] = [
  { key: 'patient_name', kind: 'text' },
  { key: 'clinician_name', kind: 'text' },
  { key: 'service_date', kind: 'date' },
  { key: 'cpt_code', kind: 'text' },
  { key: 'payer_name', kind: 'text' },
  { key: 'days_since_service', kind: 'integer' },
  { key: 'filing_deadline', kind: 'date' },
];

/** What the unbilled check reads of a claim: whether it bills a patient's day. */
export type BillingClaim = Pick<ClaimInput, 'patientKey' | 'serviceDate' | 'status'>;

export interface UnbilledInput {
  appointments: AppointmentInput[];
  /**
   * The claims that may bill a session: all of them, or any part of them that includes every claim with the patient
   * and day of some session in `sessionsToCheck` (what the store loads, so a million claims need not be read).
   */
  claims: BillingClaim[];
  /**
   * How many claims the store holds when none of them has a service date, else null: the one case where sessions
   * cannot be checked. From `claims` when omitted.
   */
  undatedClaims?: number | null;
  /** `sessionsToCheck` of this input, when the caller has already asked it (to know which claims to read). */
  candidates?: Candidate[];
  patients: PatientInput[];
  asOf: IsoDate;
  config: Config;
}

export interface Candidate {
  appointment: AppointmentInput;
  payer: string;
  daysSinceService: number;
}

/** Completed sessions old enough to have been billed, with a payer: unbilled unless a claim bills their day. */
export function sessionsToCheck({ appointments, patients, asOf, config }: Pick<UnbilledInput, 'appointments' | 'patients' | 'asOf' | 'config'>): Candidate[] {
  const payerByPatient = new Map<number, string | null>(patients.map((patient) => [patient.key, patient.payerName]));
  const asOfDay = dayNumber(asOf);
  const minDays = config.alerts.unbilled_after_days;
  const candidates: Candidate[] = [];
  for (const appointment of appointments) {
    if (appointment.status !== 'completed') continue;
    const daysSinceService = asOfDay - dayNumber(appointment.serviceDate);
    if (daysSinceService < minDays) continue;
    const payer = appointment.payerName ?? payerByPatient.get(appointment.patientKey) ?? null;
    if (!payer) continue;
    candidates.push({ appointment, payer, daysSinceService });
  }
  return candidates;
}

/**
 * A claim for the same patient and service date bills the session, whatever its CPT code: exports rarely carry enough
 * to match a claim to one appointment, and two sessions on one day are billed on one claim often enough. Rows are
 * sorted oldest first (the filing deadline nearest), then by patient name.
 */
export function computeUnbilled(input: UnbilledInput): Report {
  const { claims, asOf, config } = input;
  const report: Report = { report: 'unbilled', asOf, columns: UNBILLED_COLUMNS, rows: [], totals: { sessions: 0 }, notes: [] };
  const undated = input.undatedClaims !== undefined ? input.undatedClaims : claims.some((claim) => claim.serviceDate) ? null : claims.length;
  if (undated !== null) {
    report.notes.push(
      undated === 0
        ? 'Unbilled sessions were not checked: the store holds no claims yet. Import a claims export to check them.'
        : `Unbilled sessions were not checked: none of the ${undated} claims in the store has a service date, ` +
          'so sessions cannot be matched to claims.',
    );
    return report;
  }

  // Sessions that would be unbilled without a claim, first: then only claims of those patients and dates need looking at.
  const candidates = input.candidates ?? sessionsToCheck(input);
  let earliest = asOf;
  for (const { appointment } of candidates) if (appointment.serviceDate < earliest) earliest = appointment.serviceDate;

  const billedDates = new Map<number, Set<IsoDate>>();
  for (const { appointment } of candidates) if (!billedDates.has(appointment.patientKey)) billedDates.set(appointment.patientKey, new Set());
  for (const claim of claims) {
    if (claim.serviceDate === null || claim.serviceDate < earliest || claim.status === 'void' || claim.patientKey === null) continue;
    billedDates.get(claim.patientKey)?.add(claim.serviceDate);
  }

  const deadline = filingDeadlines(config);
  const unbilled = candidates.filter(({ appointment }) => !billedDates.get(appointment.patientKey)!.has(appointment.serviceDate));
  const rank = nameRanks(unbilled.map(({ appointment }) => appointment.patientName));
  // Each session's rank looked up once, not once per comparison.
  const ranked = unbilled.map((candidate) => ({ candidate, rank: rank(candidate.appointment.patientName) }));
  ranked.sort(
    (a, b) =>
      b.candidate.daysSinceService - a.candidate.daysSinceService ||
      a.rank - b.rank ||
      a.candidate.appointment.key - b.candidate.appointment.key,
  );
  report.rows = ranked.map(({ candidate: { appointment, payer, daysSinceService } }) => ({
    patient_name: appointment.patientName,
    clinician_name: appointment.clinicianName,
    service_date: appointment.serviceDate,
    cpt_code: appointment.cptCode,
    payer_name: payer,
    days_since_service: daysSinceService,
    filing_deadline: deadline(appointment.serviceDate, payer),
    patient_id: appointment.patientId,
  }));
  report.totals = { sessions: report.rows.length };
  return report;
}
