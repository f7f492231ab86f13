// Timely filing (SPEC §6, §8): how many days each payer allows from the service date, and the resulting deadline.
import type { Config } from '../workspace/config-schema.js';
import { addDays } from './days.js';
import type { IsoDate } from './types.js';

/** The payer's timely-filing days: the first `payers` rule whose `match` is in the name (case-insensitive), else the default. */
export function timelyFilingDays(payerName: string | null, config: Config): number {
  if (payerName) {
    const name = payerName.toLowerCase();
    const rule = config.payers.find((payer) => name.includes(payer.match.toLowerCase()));
    if (rule) return rule.timely_filing_days;
  }
  return config.claims.timely_filing_days_default;
}

export type FilingDeadline = (serviceDate: IsoDate | null, payerName: string | null) => IsoDate | null;

/**
 * A filing-deadline function for one computation. Payer rules and date sums are memoized because a report
 * applies them to up to a million claims that share a few hundred payers and a few thousand service dates.
 */
export function filingDeadlines(config: Config): FilingDeadline {
  const daysByPayer = new Map<string | null, number>();
  const deadlineByDays = new Map<number, Map<IsoDate, IsoDate>>();
  return (serviceDate, payerName) => {
    if (!serviceDate) return null;
    let days = daysByPayer.get(payerName);
    if (days === undefined) {
      days = timelyFilingDays(payerName, config);
      daysByPayer.set(payerName, days);
    }
    let byDate = deadlineByDays.get(days);
    if (!byDate) {
      byDate = new Map();
      deadlineByDays.set(days, byDate);
    }
    let deadline = byDate.get(serviceDate);
    if (deadline === undefined) {
      deadline = addDays(serviceDate, days);
      byDate.set(serviceDate, deadline);
    }
    return deadline;
  };
}
