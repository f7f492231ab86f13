// The claims report (SPEC §6): days outstanding, group, insurance A/R outstanding, A/R bucket and filing deadline per claim.
import type { Report, ReportRow } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { CLAIM_COLUMNS } from './claim-columns.js';
import { arBucket, claimDaysOutstanding, claimGroup, claimOutstanding, isUnresolvedClaim } from './claim-rules.js';
import { dayNumber } from './days.js';
import { filingDeadlines, type FilingDeadline } from './timely-filing.js';
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
  const claimRows = new ClaimRows(asOf, config, openOnly);
  const rows: ReportRow[] = [];
  for (const claim of claims) {
    const row = claimRows.add(claim);
    if (row) rows.push(row);
  }
  return { report: 'claims', asOf, columns: CLAIM_COLUMNS, rows, totals: claimRows.totals(), notes: [] };
}

/**
 * The claims report a claim at a time: `add` gives a claim's row (null when `openOnly` leaves it out) and counts it in
 * the totals. A streamed report (report/stream-claims.ts) feeds it a chunk of claims at a time, in either thread.
 */
export class ClaimRows {
  private readonly asOfDay: number;
  private readonly deadline: FilingDeadline;
  private count = 0;
  private billed = 0;
  private allowed = 0;
  private paid = 0;
  private patientResponsibility = 0;
  private outstanding = 0;

  constructor(
    asOf: IsoDate,
    config: Config,
    private readonly openOnly = false,
  ) {
    this.asOfDay = dayNumber(asOf);
    this.deadline = filingDeadlines(config);
  }

  /** The claim's row; `claim` is read, not kept, so a caller may reuse one object for every claim. */
  add(claim: ClaimInput): ReportRow | null {
    const unresolved = isUnresolvedClaim(claim.status);
    if (this.openOnly && !unresolved) return null;
    const daysOutstanding = claimDaysOutstanding(claim, this.asOfDay);
    const owed = unresolved ? claimOutstanding(claim) : 0;
    this.count += 1;
    this.billed += claim.billed ?? 0;
    this.allowed += claim.allowed ?? 0;
    this.paid += claim.paid ?? 0;
    this.patientResponsibility += claim.patientResponsibility ?? 0;
    this.outstanding += owed;
    return {
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
      filing_deadline: this.deadline(claim.serviceDate, claim.payerName),
    };
  }

  totals(): ReportRow {
    return { claims: this.count, billed: this.billed, allowed: this.allowed, paid: this.paid, patient_responsibility: this.patientResponsibility, outstanding: this.outstanding };
  }

  /** The totals of the claims added since the last call (a chunk's share of the report), then zero again. */
  takeTotals(): ReportRow {
    const totals = this.totals();
    this.count = this.billed = this.allowed = this.paid = this.patientResponsibility = this.outstanding = 0;
    return totals;
  }
}
