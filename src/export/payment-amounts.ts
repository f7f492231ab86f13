// Completes and checks one payment's gross, fee and net before anything is written from it.
import type { Cents, PaymentInput } from '../compute/types.js';
import { fail } from '../errors.js';
import { formatCents } from './safe-csv.js';

export interface PaymentAmounts {
  gross: Cents;
  fee: Cents;
  net: Cents;
}

export type PaymentAmountsResult = { ok: true; amounts: PaymentAmounts } | { ok: false; problem: string };

/** What completing a payment's amounts reads of it. */
export type PaymentFigures = Pick<PaymentInput, 'paymentId' | 'gross' | 'fee' | 'net'>;

function checkCents(payment: PaymentFigures, field: 'gross' | 'fee' | 'net'): void {
  const value = payment[field];
  if (value !== null && !Number.isSafeInteger(value)) {
    fail('internal', `payment ${payment.paymentId}: ${field} must be integer cents, got ${String(value)}`, {
      paymentId: payment.paymentId,
    });
  }
}

/**
 * A missing fee is 0; a missing gross or net is derived from the other two. Rules:
 * net must equal gross − fee when all three are given, and a fee may be negative only on a
 * refund (gross < 0), where the processor returned its fee.
 */
export function paymentAmounts(payment: PaymentFigures): PaymentAmountsResult {
  checkCents(payment, 'gross');
  checkCents(payment, 'fee');
  checkCents(payment, 'net');
  const fee = payment.fee ?? 0;
  const gross = payment.gross ?? (payment.net === null ? null : payment.net + fee);
  if (gross === null) return { ok: false, problem: `payment ${payment.paymentId} has neither a gross nor a net amount` };
  const net = payment.net ?? gross - fee;
  if (net !== gross - fee) {
    return {
      ok: false,
      problem:
        `payment ${payment.paymentId}: net ${formatCents(net)} is not gross ${formatCents(gross)} − fee ${formatCents(fee)}` +
        ` (= ${formatCents(gross - fee)})`,
    };
  }
  if (fee < 0 && gross >= 0) {
    return {
      ok: false,
      problem: `payment ${payment.paymentId}: negative fee ${formatCents(fee)} on a payment of ${formatCents(gross)} (only a refund may carry a negative fee)`,
    };
  }
  return { ok: true, amounts: { gross, fee, net } };
}
