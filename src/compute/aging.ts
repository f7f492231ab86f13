// The aging report (SPEC §6): insurance A/R outstanding per payer, in buckets of days outstanding.
import type { Report, ReportRow } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { AGING_COLUMNS, AR_BUCKETS } from './claim-columns.js';
import { arBucket, claimDaysOutstanding, claimOutstanding } from './claim-rules.js';
import { dayNumber } from './days.js';
import { plural } from '../text/plural.js';
import type { ClaimInput, IsoDate } from './types.js';

export const NO_PAYER = '(no payer)';

/** What aging reads of a claim. */
export type AgingClaim = Pick<ClaimInput, 'payerName' | 'serviceDate' | 'submittedDate' | 'status' | 'billed' | 'allowed' | 'paid' | 'patientResponsibility'>;

export interface AgingInput {
  claims: AgingClaim[];
  asOf: IsoDate;
  /** Accepted so every report takes the same arguments; aging needs no threshold from it. */
  config?: Config;
}

/**
 * One row per payer that is owed something (total > 0), sorted by payer name with `(no payer)` last. Uses the same
 * days outstanding, outstanding and bucket rules as the claims report, so the two agree to the cent. A claim that
 * cannot be aged (no submission or service date) is left out here; the claims report still shows its outstanding.
 */
export function computeAging({ claims, asOf }: AgingInput): Report {
  const asOfDay = dayNumber(asOf);
  const byPayer = new Map<string, number[]>();
  let unpriced = 0;
  for (const claim of claims) {
    const daysOutstanding = claimDaysOutstanding(claim, asOfDay);
    if (daysOutstanding === null) continue;
    if (claim.billed === null && claim.allowed === null) unpriced += 1;
    const owed = claimOutstanding(claim);
    if (owed === 0) continue;
    const bucket = AR_BUCKETS.indexOf(arBucket(daysOutstanding)!);
    const payer = claim.payerName ?? NO_PAYER;
    let sums = byPayer.get(payer);
    if (!sums) {
      sums = AR_BUCKETS.map(() => 0);
      byPayer.set(payer, sums);
    }
    sums[bucket] += owed;
  }

  const payers = [...byPayer.keys()].sort((a, b) => (a === NO_PAYER ? 1 : b === NO_PAYER ? -1 : a.localeCompare(b, 'en')));
  const totalSums = AR_BUCKETS.map(() => 0);
  const rows: ReportRow[] = payers.map((payer) => {
    const sums = byPayer.get(payer)!;
    const row: ReportRow = { payer_name: payer };
    AR_BUCKETS.forEach((bucket, i) => {
      row[bucket] = sums[i];
      totalSums[i] += sums[i];
    });
    row.total = sums.reduce((a, b) => a + b, 0);
    return row;
  });
  const totals: ReportRow = {};
  AR_BUCKETS.forEach((bucket, i) => (totals[bucket] = totalSums[i]));
  totals.total = totalSums.reduce((a, b) => a + b, 0);
  // SimplePractice's claims report, for one, carries no amounts: its open claims age with nothing owed on them.
  const notes = unpriced === 0 ? [] : [`${plural(unpriced, 'unresolved claim')} ${unpriced === 1 ? 'has' : 'have'} no billed or allowed amount in the export, so ${unpriced === 1 ? 'it counts' : 'they count'} 0.00 here; the claims report lists ${unpriced === 1 ? 'it' : 'them'} with ${unpriced === 1 ? 'its' : 'their'} days outstanding.`];
  return { report: 'aging', asOf, columns: AGING_COLUMNS, rows, totals, notes };
}
