import { describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../src/compute/types.js';
import { isPracticeSyncError, type PracticeSyncError } from '../../src/errors.js';
import { groupPayouts } from '../../src/export/payouts.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { payment, sampleConfig, samplePayments } from './sample-payments.js';

function rejection(run: () => unknown): PracticeSyncError {
  try {
    run();
  } catch (error) {
    if (isPracticeSyncError(error)) return error;
    throw error;
  }
  throw new Error('expected a PracticeSyncError');
}

const inPayout = (fields: Partial<PaymentInput> & { paymentId: string }) =>
  payment({ payoutId: 'po_X', payoutDate: '2026-03-04', processor: 'stripe', paymentDate: '2026-03-02', type: 'portal', ...fields });

describe('groupPayouts', () => {
  it('groups by payout ID with refunds reducing gross and fees summed', () => {
    const { payouts, unassigned, skipped, warnings } = groupPayouts(samplePayments(), sampleConfig());
    expect(payouts.map((p) => [p.payoutId, p.payoutDate, p.processor, p.gross, p.fee, p.net])).toEqual([
      // A: 15000 + 9500 = 24500; fees 465 + 306 = 771; net 24500 − 771 = 23729
      ['po_1SynthPayoutMar04xQ7', '2026-03-04', 'stripe', 24500, 771, 23729],
      // D: 12000 + 2500 = 14500; fees 331 + 103 = 434; net 14066
      ['SQ-DEP-0042', '2026-03-05', 'square', 14500, 434, 14066],
      // B: 20000 − 9500 (refund) + 6000 = 16500; fees 610 + 0 + 204 = 814; net 15686
      ['po_1SynthPayoutMar06kZ2', '2026-03-06', 'stripe', 16500, 814, 15686],
      // E: a refund alone, its fee returned: −4000 − (−116) = −3884
      ['po_1SynthRefundMar07', '2026-03-07', 'stripe', -4000, -116, -3884],
    ]);
    const b = payouts[2];
    expect(b.payments.map((p) => p.paymentId)).toEqual(['pay-1003', 'pay-1004', 'pay-1005']);
    // portal 20000 − 9500 = 10500, card_terminal 6000, in PAYMENT_TYPES order
    expect([...b.byType]).toEqual([['card_terminal', 6000], ['portal', 10500]]);
    expect(unassigned.map((p) => p.paymentId)).toEqual(['pay-1008']);
    // skip_processors defaults to quickbooks_payments, matched case-insensitively
    expect(skipped).toEqual([{ payoutId: 'QBP-778899', processor: 'QuickBooks_Payments', payments: 1 }]);
    expect(warnings).toEqual([]);
  });

  it('matches skip_processors whatever the case, spaces or punctuation of the export ("QuickBooks Payments")', () => {
    const named = (processor: string, payoutId: string) => inPayout({ paymentId: `p-${payoutId}`, gross: 100, processor, payoutId });
    const { payouts, skipped } = groupPayouts(
      [named('QuickBooks Payments', 'Q1'), named(' quickbooks-payments ', 'Q2'), named('QUICKBOOKS_PAYMENTS', 'Q3'), named('QuickBooks Payroll', 'Q4')],
      defaultConfig(),
    );
    expect(skipped.map((s) => s.payoutId)).toEqual(['Q1', 'Q2', 'Q3']);
    expect(payouts.map((p) => p.payoutId)).toEqual(['Q4']);
  });

  it('derives a missing net or gross and treats a missing fee as zero', () => {
    const { payouts } = groupPayouts(
      [
        inPayout({ paymentId: 'p1', gross: 10000, fee: 320 }), // net 9680
        inPayout({ paymentId: 'p2', net: 4850, fee: 150 }), // gross 5000
        inPayout({ paymentId: 'p3', gross: 2000 }), // fee 0, net 2000
      ],
      defaultConfig(),
    );
    // gross 10000 + 5000 + 2000 = 17000; fee 470; net 16530
    expect([payouts[0].gross, payouts[0].fee, payouts[0].net]).toEqual([17000, 470, 16530]);
  });

  it('falls back to the latest payment date when no payout date is known, with a warning', () => {
    const result = groupPayouts(
      [inPayout({ paymentId: 'p1', gross: 100, payoutDate: null }), inPayout({ paymentId: 'p2', gross: 100, payoutDate: null, paymentDate: '2026-03-03' })],
      defaultConfig(),
    );
    expect(result.payouts[0].payoutDate).toBe('2026-03-03');
    expect(result.warnings).toEqual(['payout po_X: no payout date; using its latest payment date 2026-03-03']);
  });

  it('rejects a payment whose net is not gross − fee, naming the payout and the numbers', () => {
    const error = rejection(() => groupPayouts([inPayout({ paymentId: 'pay-9', gross: 10000, fee: 320, net: 9600 })], defaultConfig()));
    expect(error.code).toBe('export_rejected');
    expect(error.message).toContain('payout po_X: payment pay-9: net 96.00 is not gross 100.00 − fee 3.20 (= 96.80)');
  });

  it('rejects a negative fee unless the payment is a refund', () => {
    const error = rejection(() => groupPayouts([inPayout({ paymentId: 'pay-9', gross: 5000, fee: -50, net: 5050 })], defaultConfig()));
    expect(error.code).toBe('export_rejected');
    expect(error.message).toContain('payment pay-9: negative fee -0.50 on a payment of 50.00');
    const refund = groupPayouts([inPayout({ paymentId: 'pay-r', gross: -5000, fee: -50, net: -4950 })], defaultConfig());
    expect(refund.payouts[0].net).toBe(-4950);
  });

  it('rejects a missing or unknown payment type, since QuickBooks needs an income account', () => {
    const error = rejection(() =>
      groupPayouts(
        [
          inPayout({ paymentId: 'pay-1', gross: 100, type: null }),
          inPayout({ paymentId: 'pay-2', gross: 100, type: 'gift_card' as never }),
        ],
        defaultConfig(),
      ),
    );
    expect(error.code).toBe('export_rejected');
    expect(error.context.problems).toEqual([
      'payout po_X: payment pay-1 has no payment type; QuickBooks needs one of card_terminal, portal, payment_plan, insurance, membership, other to choose an income account',
      'payout po_X: payment pay-2 has an unknown payment type "gift_card"; QuickBooks needs one of card_terminal, portal, payment_plan, insurance, membership, other to choose an income account',
    ]);
  });

  it('rejects mixed processors or payout dates within one payout', () => {
    const error = rejection(() =>
      groupPayouts(
        [inPayout({ paymentId: 'p1', gross: 100 }), inPayout({ paymentId: 'p2', gross: 100, processor: 'square', payoutDate: '2026-03-05' })],
        defaultConfig(),
      ),
    );
    expect(error.context.problems).toEqual([
      'payout po_X: payments from several processors (square, stripe)',
      'payout po_X: payments with different payout dates (2026-03-04, 2026-03-05)',
    ]);
  });

  it('rejects a payout whose payments are in two currencies; one currency in any case is fine', () => {
    const error = rejection(() =>
      groupPayouts([inPayout({ paymentId: 'p1', gross: 100, currency: 'usd' }), inPayout({ paymentId: 'p2', gross: 100, currency: 'CAD' })], defaultConfig()),
    );
    expect(error.context.problems).toEqual(['payout po_X: payments in several currencies (CAD, USD); one deposit cannot add them up']);
    const same = groupPayouts([inPayout({ paymentId: 'p1', gross: 100, currency: 'usd' }), inPayout({ paymentId: 'p2', gross: 250, currency: 'USD ' }), inPayout({ paymentId: 'p3', gross: 50 })], defaultConfig());
    expect(same.payouts.map((p) => [p.payoutId, p.gross])).toEqual([['po_X', 400]]);
  });

  it('does not check payouts it skips, and reports every problem at once', () => {
    const bad = inPayout({ paymentId: 'q1', gross: 100, fee: 5, net: 1, processor: 'QUICKBOOKS_PAYMENTS' });
    expect(groupPayouts([bad], defaultConfig()).skipped).toHaveLength(1);
    const error = rejection(() =>
      groupPayouts([inPayout({ paymentId: 'p1', gross: -1, fee: 0, net: 5 }), inPayout({ paymentId: 'p2', payoutId: 'po_Y', type: null, gross: 1 })], defaultConfig()),
    );
    expect(error.context.problems).toHaveLength(2);
    expect(error.message).toMatch(/^2 problem\(s\) in the payouts; nothing was exported:/);
  });

  it('throws internal on non-integer cents', () => {
    const error = rejection(() => groupPayouts([inPayout({ paymentId: 'p1', gross: 10.5 })], defaultConfig()));
    expect(error.code).toBe('internal');
  });
});
