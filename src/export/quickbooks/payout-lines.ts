// A payout as balanced double-entry lines (bank +net, fee +fees, income −gross per account):
// the one place the three QuickBooks formats get their amounts from.
import type { Cents } from '../../compute/types.js';
import type { PaymentType } from '../../domain/entities.js';
import { fail } from '../../errors.js';
import type { Config } from '../../workspace/config-schema.js';
import type { Payout } from '../payouts.js';

export type PayoutLineRole = 'bank' | 'fee' | 'income';

export interface PayoutLine {
  role: PayoutLineRole;
  account: string;
  /** Signed cents: positive is a debit, negative a credit. */
  amount: Cents;
  /** For income lines: the payment types credited to this account. */
  types: PaymentType[];
  description: string;
}

/** How a payout is named in descriptions and memos: `stripe payout po_123`. */
export function payoutLabel(payout: Payout): string {
  return `${payout.processor ?? 'unknown processor'} payout ${payout.payoutId}`;
}

/**
 * Bank line first (even when zero, IIF needs it as the TRNS line), then income lines per account in
 * PAYMENT_TYPES order with types sharing an account merged, then the fee line; zero income and fee
 * lines are left out. Throws `internal` if the lines do not sum to zero, which would be a bug here.
 */
export function payoutLines(payout: Payout, config: Config): PayoutLine[] {
  const qb = config.quickbooks;
  const label = payoutLabel(payout);
  const income = new Map<string, { amount: Cents; types: PaymentType[] }>();
  for (const [type, gross] of payout.byType) {
    const account = qb.income_accounts[type] ?? qb.default_income_account;
    const entry = income.get(account) ?? { amount: 0, types: [] };
    entry.amount -= gross;
    entry.types.push(type);
    income.set(account, entry);
  }
  const lines: PayoutLine[] = [{ role: 'bank', account: qb.bank_account, amount: payout.net, types: [], description: `${label} deposit` }];
  for (const [account, { amount, types }] of income) {
    if (amount !== 0) lines.push({ role: 'income', account, amount, types, description: `${label} ${types.join('/')} payments` });
  }
  if (payout.fee !== 0) {
    lines.push({ role: 'fee', account: qb.fee_account, amount: payout.fee, types: [], description: `${label} processor fees` });
  }
  const sum = lines.reduce((total, line) => total + line.amount, 0);
  if (sum !== 0) {
    fail('internal', `payout ${payout.payoutId} does not balance: lines sum to ${sum} cents`, { payoutId: payout.payoutId, sum });
  }
  return lines;
}

/** True when a payout moves no money at all (nothing to record). */
export function isEmptyPayout(payout: Payout): boolean {
  return payout.net === 0 && payout.fee === 0 && [...payout.byType.values()].every((gross) => gross === 0);
}

/** `2026-03-04` → `03/04/2026`, the one date format QuickBooks US imports take. */
export function usDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return fail('internal', `expected an ISO date YYYY-MM-DD, got "${iso}"`);
  return `${match[2]}/${match[3]}/${match[1]}`;
}
