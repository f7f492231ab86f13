// The claims report (SPEC §6): days outstanding, group, insurance A/R outstanding, A/R bucket and filing deadline per claim.
import type { Report, ReportRow } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { CLAIM_COLUMNS } from './claim-columns.js';
import { arBucket, claimDaysOutstanding, claimGroup, claimOutstanding, isUnresolvedClaim } from './claim-rules.js';
import { dayNumber } from './days.js';
import { filingDeadlines } from './timely-filing.js';
import type { ClaimInput, IsoDate } from './types.js';

export { timelyFilingDays, filingDeadlines } from './timely-filing.js';
export { AGING_COLUMNS, AR_BUCKETS, CLAIM_COLUMNS, type ArBucket } from './claim-columns.js';
export { computeAging } from './aging.js';
export { arBucket, claimDaysOutstanding, claimGroup, claimOutstanding, isOpenClaim, isUnresolvedClaim } from './claim-rules.js';

export interface ClaimsInput {
  claims: ClaimInput[];
  asOf: IsoDate;
  config: Config;
  /** Keep only open (submitted, pending), denied and rejected claims: the `--open` filter. */
  openOnly?: boolean;
}

/**
 * Rows keep the input's order (the store sorts them): sorting a million claims here would cost most of the time budget.
 * Days outstanding are never negative: see `claimDaysOutstanding`.
 */
export function computeClaims({ claims, asOf, config, openOnly = false }: ClaimsInput): Report {
  const asOfDay = dayNumber(asOf);
  const deadline = filingDeadlines(config);
  const rows: ReportRow[] = [];
  let billed = 0;
  let allowed = 0;
  let paid = 0;
  let patientResponsibility = 0;
  let outstanding = 0;
  for (const claim of claims) {
    const unresolved = isUnresolvedClaim(claim.status);
    if (openOnly && !unresolved) continue;
    const daysOutstanding = claimDaysOutstanding(claim, asOfDay);
    const owed = unresolved ? claimOutstanding(claim) : 0;
    billed += claim.billed ?? 0;
    allowed += claim.allowed ?? 0;
    paid += claim.paid ?? 0;
    patientResponsibility += claim.patientResponsibility ?? 0;
    outstanding += owed;
    rows.push({
      claim_id: claim.claimId,
      patient_name: claim.patientName,
      clinician_name: claim.clinicianName,
      payer_name: claim.payerName,
      service_date: claim.serviceDate,
      submitted_date: claim.submittedDate,
      status: claim.status,
      billed: claim.billed,
      allowed: claim.allowed,
      paid: claim.paid,
      patient_responsibility: claim.patientResponsibility,
      outstanding: owed,
      days_outstanding: daysOutstanding,
      group: claimGroup(claim.status, daysOutstanding),
      bucket: arBucket(daysOutstanding),
      filing_deadline: deadline(claim.serviceDate, claim.payerName),
    });
  }
  return {
    report: 'claims',
    asOf,
    columns: CLAIM_COLUMNS,
    rows,
    totals: { claims: rows.length, billed, allowed, paid, patient_responsibility: patientResponsibility, outstanding },
    notes: [],
  };
}
