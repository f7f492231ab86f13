// Synthetic payments (invented people and IDs) behind the golden files of test/golden/export/.
import type { PaymentInput } from '../../src/compute/types.js';
import { type Config, configSchema } from '../../src/workspace/config-schema.js';

export const HYPERLINK_NAME = '=HYPERLINK("http://evil.test","Click")';

let nextKey = 1;
export function payment(fields: Partial<PaymentInput> & { paymentId: string }): PaymentInput {
  return {
    key: nextKey++,
    patientKey: null,
    patientId: null,
    patientName: null,
    paymentDate: null,
    type: null,
    method: null,
    gross: null,
    fee: null,
    net: null,
    payoutId: null,
    payoutDate: null,
    reference: null,
    claimId: null,
    processor: null,
    currency: null,
    ...fields,
  };
}

const A = { payoutId: 'po_1SynthPayoutMar04xQ7', payoutDate: '2026-03-04', processor: 'stripe' };
const B = { payoutId: 'po_1SynthPayoutMar06kZ2', payoutDate: '2026-03-06', processor: 'stripe' };
const D = { payoutId: 'SQ-DEP-0042', payoutDate: '2026-03-05', processor: 'square' };
const E = { payoutId: 'po_1SynthRefundMar07', payoutDate: '2026-03-07', processor: 'stripe' };
const QBP = { payoutId: 'QBP-778899', payoutDate: '2026-03-06', processor: 'QuickBooks_Payments' };

/** Deliberately out of order: every export sorts. */
export function samplePayments(): PaymentInput[] {
  return [
    payment({ paymentId: 'pay-1009', patientId: 'PT-100', patientName: 'Rivera, Ana', paymentDate: '2026-03-06', type: 'portal',
      gross: -4000, fee: -116, net: -3884, reference: 'Refund Invoice 0999', ...E }),
    payment({ paymentId: 'pay-1003', patientId: 'PT-102', patientName: 'Okafor, Ben', paymentDate: '2026-03-04', type: 'portal',
      gross: 20000, fee: 610, net: 19390, reference: 'Invoice 1003', ...B }),
    payment({ paymentId: 'pay-1001', patientId: 'PT-100', patientName: 'Rivera, Ana', paymentDate: '2026-03-02', type: 'portal',
      gross: 15000, fee: 465, net: 14535, reference: 'Invoice 1001', ...A }),
    payment({ paymentId: 'pay-1002', patientId: 'PT-101', patientName: HYPERLINK_NAME, paymentDate: '2026-03-02', type: 'membership',
      gross: 9500, fee: 306, net: 9194, reference: 'Invoice 1002', ...A }),
    payment({ paymentId: 'pay-1004', patientId: 'PT-101', patientName: HYPERLINK_NAME, paymentDate: '2026-03-04', type: 'portal',
      gross: -9500, fee: 0, net: -9500, reference: 'REFUND FOR CHARGE (Invoice 1002)', ...B }),
    payment({ paymentId: 'pay-1005', patientId: 'PT-103', patientName: 'Lindqvist, Åsa', paymentDate: '2026-03-05', type: 'card_terminal',
      gross: 6000, fee: 204, net: 5796, ...B }),
    payment({ paymentId: 'pay-1006', patientId: 'PT-104', patientName: 'Nakamura, Kenji', paymentDate: '2026-03-03', type: 'card_terminal',
      gross: 12000, fee: 331, net: 11669, reference: '@front desk', ...D }),
    payment({ paymentId: 'pay-1007', patientName: 'Walk-in', paymentDate: '2026-03-04', type: 'other',
      gross: 2500, fee: 103, net: 2397, ...D }),
    payment({ paymentId: 'pay-1008', patientId: 'PT-105', patientName: 'Brennan, Cara', paymentDate: '2026-03-06', type: 'payment_plan',
      gross: 5000, reference: 'Check 4471' }),
    payment({ paymentId: 'pay-1010', patientId: 'PT-106', patientName: 'Ortiz, Dan', paymentDate: '2026-03-05', type: 'card_terminal',
      gross: 8000, fee: 232, net: 7768, ...QBP }),
  ];
}

export function sampleConfig(): Config {
  return configSchema.parse({
    quickbooks: {
      income_accounts: { portal: 'Patient Income:Online', card_terminal: 'Patient Income:Card', membership: 'Membership Income' },
    },
  });
}
