// The claim rules of SPEC §6: which claims are open, their group, their insurance A/R outstanding and A/R bucket.
import type { ClaimStatus } from '../domain/entities.js';
import type { ArBucket } from './claim-columns.js';
import { dayNumber } from './days.js';
import type { ClaimInput } from './types.js';

export type ClaimGroup = 'resolved' | 'denied' | 'unsubmitted' | 'void' | 'new' | 'pending' | 'aging' | 'at_risk';

/** The A/R bucket of a claim's days outstanding; edges are inclusive (30 is `0-30`, 31 is `31-60`). */
export function arBucket(daysOutstanding: number | null): ArBucket | null {
  if (daysOutstanding === null) return null;
  if (daysOutstanding <= 30) return '0-30';
  if (daysOutstanding <= 60) return '31-60';
  if (daysOutstanding <= 90) return '61-90';
  if (daysOutstanding <= 120) return '91-120';
  return '121+';
}

export function isOpenClaim(status: ClaimStatus | null): boolean {
  return status === 'submitted' || status === 'pending';
}

/** Open, denied and rejected claims are the ones still owed by a payer: they age and carry an outstanding amount. */
export const UNRESOLVED_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'pending', 'denied', 'rejected'];

export function isUnresolvedClaim(status: ClaimStatus | null): boolean {
  return status !== null && UNRESOLVED_CLAIM_STATUSES.includes(status);
}

/** max(0, (allowed, else billed) − patient responsibility − paid). An allowed of 0 falls back to billed: payers report 0 allowed on denials. */
export function claimOutstanding(claim: Pick<ClaimInput, 'allowed' | 'billed' | 'patientResponsibility' | 'paid'>): number {
  const expected = claim.allowed || claim.billed || 0;
  return Math.max(0, expected - (claim.patientResponsibility ?? 0) - (claim.paid ?? 0));
}

/**
 * Days since submission (else service) for open, denied and rejected claims; null for the others or without a date.
 * A claim dated after `asOf` (future-dated by a typo, or a report run with an earlier `--as-of`) gets 0, not a negative
 * count: it is as new as a claim can be, and stays in the `0-30` bucket instead of falling out of the A/R.
 */
export function claimDaysOutstanding(claim: Pick<ClaimInput, 'status' | 'submittedDate' | 'serviceDate'>, asOfDay: number): number | null {
  if (!isUnresolvedClaim(claim.status)) return null;
  const since = claim.submittedDate ?? claim.serviceDate;
  return since ? Math.max(0, asOfDay - dayNumber(since)) : null;
}

export function claimGroup(status: ClaimStatus | null, daysOutstanding: number | null): ClaimGroup | null {
  switch (status) {
    case 'paid':
      return 'resolved';
    case 'denied':
    case 'rejected':
      return 'denied';
    case 'draft':
      return 'unsubmitted';
    case 'void':
      return 'void';
    case 'submitted':
    case 'pending':
      // An open claim with neither a submission nor a service date cannot be aged; it has no group rather than a guessed one.
      if (daysOutstanding === null) return null;
      return daysOutstanding < 30 ? 'new' : daysOutstanding < 60 ? 'pending' : daysOutstanding < 90 ? 'aging' : 'at_risk';
    default:
      return null;
  }
}
