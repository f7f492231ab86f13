// The Stripe payout reconciliation mapping is valid, fits its fixture, and the fixture's payouts add up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../src/compute/types.js';
import type { PaymentType } from '../../src/domain/entities.js';
import { groupPayouts } from '../../src/export/payouts.js';
import { mappingSchema } from '../../src/mapping/schema.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { cents, readCsv } from './parse-back.js';
import { payment } from './sample-payments.js';

const mapping = mappingSchema.parse(JSON.parse(readFileSync(new URL('../../mappings/stripe/payout-reconciliation.json', import.meta.url), 'utf8')));
const fixture = readFileSync(new URL('../../fixtures/stripe/payout_reconciliation.csv', import.meta.url), 'utf8');
const rows = readCsv(fixture);

/** Just enough of the mapping applied by hand (the real engine lives in src/ingest) to check the fixture's meaning. */
function asPayment(row: Record<string, string>): PaymentInput {
  const column = (field: string) => row[mapping.fields[field].column as string];
  const typeSpec = mapping.fields.type;
  return payment({
    paymentId: column('payment_id'),
    paymentDate: column('payment_date').slice(0, 10),
    type: (typeSpec.map?.[column('type')] ?? typeSpec.default) as PaymentType,
    gross: cents(column('gross')),
    fee: cents(column('fee')),
    net: cents(column('net')),
    payoutId: column('payout_id'),
    payoutDate: column('payout_date').slice(0, 10),
    reference: column('reference'),
    processor: String(mapping.fields.processor.value),
  });
}

describe('stripe/payout-reconciliation', () => {
  it('maps the headers of the issue onto payments', () => {
    expect(mapping.entity).toBe('payments');
    expect(Object.keys(rows[0])).toEqual([
      'balance_transaction_id', 'created_utc', 'available_on_utc', 'currency', 'gross', 'fee', 'net',
      'reporting_category', 'description', 'automatic_payout_id', 'automatic_payout_effective_at',
    ]);
    for (const header of mapping.detect.required) expect(Object.keys(rows[0])).toContain(header);
    expect(mapping.fields.payment_id.column).toBe('balance_transaction_id');
    expect(mapping.fields.payout_id.column).toBe('automatic_payout_id');
    expect(mapping.fields.payout_date.column).toBe('automatic_payout_effective_at');
    expect(mapping.fields.gross.type).toBe('money');
  });

  it('has a fixture whose payouts add up: two payouts, one refund', () => {
    for (const row of rows) expect(cents(row.net)).toBe(cents(row.gross) - cents(row.fee));
    const { payouts } = groupPayouts(rows.map(asPayment), defaultConfig());
    expect(payouts.map((p) => [p.payoutId, p.payoutDate, p.gross, p.fee, p.net])).toEqual([
      // 150.00 + 95.00 = 245.00; fees 4.65 + 3.06 = 7.71; net 237.29
      ['po_1SynthPayoutMar04xQ7', '2026-03-04', 24500, 771, 23729],
      // 200.00 − 95.00 + 60.00 = 165.00; fees 6.10 + 0 + 2.04 = 8.14; net 156.86
      ['po_1SynthPayoutMar06kZ2', '2026-03-06', 16500, 814, 15686],
    ]);
    expect(rows.filter((r) => r.reporting_category === 'refund')).toHaveLength(1);
    expect(payouts.every((p) => p.processor === 'stripe' && [...p.byType.keys()].every((t) => t === 'portal'))).toBe(true);
  });
});
