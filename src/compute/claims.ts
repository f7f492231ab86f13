// The claims report (SPEC §6): days outstanding, group, insurance A/R outstanding, A/R bucket and filing deadline per claim.
import type { Report, ReportRow, ReportValue } from '../report/model.js';
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
    const values = claimRows.add(claim);
    if (values) rows.push(claimRow(values));
  }
  return { report: 'claims', asOf, columns: CLAIM_COLUMNS, rows, totals: claimRows.totals(), notes: [] };
}

/** Where each field of a claims row sits among its values: the order of CLAIM_COLUMNS. */
const AT: Readonly<Record<string, number>> = Object.fromEntries(CLAIM_COLUMNS.map((column, i) => [column.key, i]));

/**
 * A claims row as an object, keys in the order of CLAIM_COLUMNS. Written out as one literal: setting sixteen keys by
 * name from the column list was most of `computeClaims` (the alerts compute 50,000 claims this way).
 */
export function claimRow(values: readonly ReportValue[]): ReportRow {
  return {
    claim_id: values[AT.claim_id],
    patient_name: values[AT.patient_name],
    clinician_name: values[AT.clinician_name],
    payer_name: values[AT.payer_name],
    service_date: values[AT.service_date],
    submitted_date: values[AT.submitted_date],
    status: values[AT.status],
    billed: values[AT.billed],
    allowed: values[AT.allowed],
    paid: values[AT.paid],
    patient_responsibility: values[AT.patient_responsibility],
    outstanding: values[AT.outstanding],
    days_outstanding: values[AT.days_outstanding],
    group: values[AT.group],
    bucket: values[AT.bucket],
    filing_deadline: values[AT.filing_deadline],
  };
}

/**
 * The claims report a claim at a time: `add` gives a claim's row (null when `openOnly` leaves it out) and counts it in
 * the totals. A streamed report (report/stream-claims.ts) feeds it a chunk of claims at a time, in either thread, and
 * encodes each row as it comes, so a row is its values in column order rather than an object.
 */
export class ClaimRows {
  private readonly asOfDay: number;
  private readonly deadline: FilingDeadline;
  private readonly values: ReportValue[] = new Array<ReportValue>(CLAIM_COLUMNS.length).fill(null);
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

  /**
   * The claim's row, its values in the order of CLAIM_COLUMNS. `claim` is read, not kept, and the values are one array
   * overwritten by the next call: a caller may reuse one claim object for every claim, and must use a row before the next.
   */
  add(claim: ClaimInput): readonly ReportValue[] | null {
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
    const values = this.values;
    values[AT.claim_id] = claim.claimId;
    values[AT.patient_name] = claim.patientName;
    values[AT.clinician_name] = claim.clinicianName;
    values[AT.payer_name] = claim.payerName;
    values[AT.service_date] = claim.serviceDate;
    values[AT.submitted_date] = claim.submittedDate;
    values[AT.status] = claim.status;
    values[AT.billed] = claim.billed;
    values[AT.allowed] = claim.allowed;
    values[AT.paid] = claim.paid;
    values[AT.patient_responsibility] = claim.patientResponsibility;
    values[AT.outstanding] = owed;
    values[AT.days_outstanding] = daysOutstanding;
    values[AT.group] = claimGroup(claim.status, daysOutstanding);
    values[AT.bucket] = arBucket(daysOutstanding);
    values[AT.filing_deadline] = this.deadline(claim.serviceDate, claim.payerName);
    return values;
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
