// The one deterministic order of payments in every export: payment date (undated last), then payment ID.
import type { PaymentInput } from '../compute/types.js';

/** Code-point comparison, so the order never depends on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function comparePayments(a: PaymentInput, b: PaymentInput): number {
  if (a.paymentDate !== b.paymentDate) {
    if (a.paymentDate === null) return 1;
    if (b.paymentDate === null) return -1;
    return compareText(a.paymentDate, b.paymentDate);
  }
  return compareText(a.paymentId, b.paymentId);
}
