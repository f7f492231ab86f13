// Groups payments into the processor's payouts (gross, fees, net deposit) and refuses bad input
// before any QuickBooks file is written, so nothing is ever half-exported.
import type { Cents, IsoDate, PaymentInput } from '../compute/types.js';
import { PAYMENT_TYPES, type PaymentType } from '../domain/entities.js';
import { fail } from '../errors.js';
import type { Config } from '../workspace/config-schema.js';
import { paymentAmounts } from './payment-amounts.js';
import { comparePayments, compareText } from './payment-order.js';

export interface Payout {
  payoutId: string;
  payoutDate: IsoDate;
  processor: string | null;
  /** Refunds (negative gross) reduce it. */
  gross: Cents;
  /** Sum of the payments' fees. */
  fee: Cents;
  /** gross − fee: the bank deposit. */
  net: Cents;
  /** In (payment date, payment ID) order. */
  payments: PaymentInput[];
  /** Gross per payment type, in PAYMENT_TYPES order. */
  byType: Map<PaymentType, Cents>;
}

export interface SkippedPayout {
  payoutId: string;
  processor: string;
  payments: number;
}

export interface PayoutGrouping {
  /** In (payout date, payout ID) order. */
  payouts: Payout[];
  /** Payments with no payout ID (cash, checks, not yet paid out): in no payout. */
  unassigned: PaymentInput[];
  /** Payouts of `quickbooks.skip_processors`, which record their own deposits. */
  skipped: SkippedPayout[];
  warnings: string[];
}

const KNOWN_TYPES: readonly string[] = PAYMENT_TYPES;

/**
 * A processor's name as `skip_processors` matches it: case, spaces and punctuation aside, so an export's "QuickBooks
 * Payments" is the default's `quickbooks_payments`. A miss would put deposits QuickBooks records itself in twice.
 */
function processorKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort(compareText);
}

function buildPayout(payoutId: string, payments: PaymentInput[], problems: string[], warnings: string[]): Payout | null {
  const before = problems.length;
  const processors = distinct(payments.map((p) => p.processor));
  if (processors.length > 1) problems.push(`payout ${payoutId}: payments from several processors (${processors.join(', ')})`);
  // A processor pays out in one currency: amounts in two cannot be added into one deposit.
  const currencies = distinct(payments.map((p) => p.currency?.trim().toUpperCase() ?? null));
  if (currencies.length > 1) problems.push(`payout ${payoutId}: payments in several currencies (${currencies.join(', ')}); one deposit cannot add them up`);
  const dates = distinct(payments.map((p) => p.payoutDate));
  let payoutDate: IsoDate | undefined = dates[0];
  if (dates.length > 1) problems.push(`payout ${payoutId}: payments with different payout dates (${dates.join(', ')})`);
  if (dates.length === 0) {
    payoutDate = distinct(payments.map((p) => p.paymentDate)).at(-1);
    if (payoutDate === undefined) problems.push(`payout ${payoutId}: no payout date and no payment date`);
    else warnings.push(`payout ${payoutId}: no payout date; using its latest payment date ${payoutDate}`);
  }
  let gross = 0;
  let fee = 0;
  const perType = new Map<PaymentType, Cents>();
  for (const payment of payments) {
    const checked = paymentAmounts(payment);
    if (!checked.ok) {
      problems.push(`payout ${payoutId}: ${checked.problem}`);
      continue;
    }
    if (payment.type === null || !KNOWN_TYPES.includes(payment.type)) {
      const what = payment.type === null ? 'has no payment type' : `has an unknown payment type "${String(payment.type)}"`;
      problems.push(
        `payout ${payoutId}: payment ${payment.paymentId} ${what}; QuickBooks needs one of ${PAYMENT_TYPES.join(', ')} to choose an income account`,
      );
      continue;
    }
    gross += checked.amounts.gross;
    fee += checked.amounts.fee;
    perType.set(payment.type, (perType.get(payment.type) ?? 0) + checked.amounts.gross);
  }
  if (problems.length > before || payoutDate === undefined) return null;
  const byType = new Map(PAYMENT_TYPES.filter((t) => perType.has(t)).map((t) => [t, perType.get(t) ?? 0] as const));
  return { payoutId, payoutDate, processor: processors[0] ?? null, gross, fee, net: gross - fee, payments, byType };
}

/**
 * Groups payments by payout ID. Throws `export_rejected` listing every problem (payout ID, payment ID
 * and the numbers) when any payout is inconsistent: net ≠ gross − fee, a negative fee on a
 * non-refund, a missing or unknown payment type, mixed processors or payout dates.
 */
export function groupPayouts(payments: readonly PaymentInput[], config: Config): PayoutGrouping {
  const byPayout = new Map<string, PaymentInput[]>();
  const unassigned: PaymentInput[] = [];
  for (const payment of payments) {
    const id = payment.payoutId?.trim();
    if (!id) {
      unassigned.push(payment);
      continue;
    }
    const group = byPayout.get(id);
    if (group) group.push(payment);
    else byPayout.set(id, [payment]);
  }
  const skip = new Set(config.quickbooks.skip_processors.map(processorKey));
  const problems: string[] = [];
  const warnings: string[] = [];
  const payouts: Payout[] = [];
  const skipped: SkippedPayout[] = [];
  for (const [payoutId, group] of [...byPayout].sort(([a], [b]) => compareText(a, b))) {
    group.sort(comparePayments);
    const skippedBy = group.find((p) => p.processor !== null && skip.has(processorKey(p.processor)));
    if (skippedBy?.processor) {
      skipped.push({ payoutId, processor: skippedBy.processor, payments: group.length });
      continue;
    }
    const payout = buildPayout(payoutId, group, problems, warnings);
    if (payout) payouts.push(payout);
  }
  if (problems.length > 0) {
    fail('export_rejected', `${problems.length} problem(s) in the payouts; nothing was exported:\n- ${problems.join('\n- ')}`, {
      problems,
    });
  }
  payouts.sort((a, b) => compareText(a.payoutDate, b.payoutDate) || compareText(a.payoutId, b.payoutId));
  unassigned.sort(comparePayments);
  return { payouts, unassigned, skipped, warnings };
}
