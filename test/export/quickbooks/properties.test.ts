// Property: whatever the payments, every journal entry balances and every IIF transaction sums to zero.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_TYPES } from '../../../src/domain/entities.js';
import { groupPayouts } from '../../../src/export/payouts.js';
import { iif } from '../../../src/export/quickbooks/iif.js';
import { qboBank } from '../../../src/export/quickbooks/qbo-bank.js';
import { qboJournal } from '../../../src/export/quickbooks/qbo-journal.js';
import { configSchema } from '../../../src/workspace/config-schema.js';
import { cents, iifTransactions, journalBalances, readCsv } from '../parse-back.js';
import { payment } from '../sample-payments.js';

const config = configSchema.parse({
  quickbooks: { income_accounts: { portal: 'Patient Income', card_terminal: 'Patient Income', membership: 'Memberships' } },
});

const paymentArb = fc
  .record({
    payout: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
    type: fc.constantFrom(...PAYMENT_TYPES),
    gross: fc.integer({ min: -200_000, max: 200_000 }),
    feeSeed: fc.integer({ min: 0, max: 10_000 }),
    // which of gross/net the source left out
    omit: fc.constantFrom('none', 'gross', 'net', 'fee-if-zero'),
  })
  .map(({ payout, type, gross, feeSeed, omit }) => {
    // refunds may carry a returned (negative) fee; other payments never do
    const fee = gross < 0 ? feeSeed - 5_000 : feeSeed;
    return { payout, type, gross, fee, net: gross - fee, omit };
  });

describe('QuickBooks formats over random payouts', () => {
  it('balance every journal entry and zero every IIF transaction; the bank file carries the net deposits', () => {
    fc.assert(
      fc.property(fc.array(paymentArb, { maxLength: 40 }), (drafts) => {
        const payments = drafts.map((d, i) =>
          payment({
            paymentId: `pay-${i}`,
            paymentDate: '2026-05-01',
            type: d.type,
            gross: d.omit === 'gross' ? null : d.gross,
            fee: d.omit === 'fee-if-zero' && d.fee === 0 ? null : d.fee,
            net: d.omit === 'net' ? null : d.net,
            payoutId: d.payout === null ? null : `po_${d.payout}`,
            payoutDate: d.payout === null ? null : `2026-05-0${d.payout + 2}`,
            processor: d.payout === null ? null : `proc${d.payout % 3}`,
          }),
        );
        const { payouts, unassigned } = groupPayouts(payments, config);
        const assigned = drafts.filter((d) => d.payout !== null);
        expect(unassigned).toHaveLength(drafts.length - assigned.length);
        expect(payouts.reduce((s, p) => s + p.gross, 0)).toBe(assigned.reduce((s, d) => s + d.gross, 0));
        expect(payouts.reduce((s, p) => s + p.fee, 0)).toBe(assigned.reduce((s, d) => s + d.fee, 0));

        const journal = qboJournal(payouts, config);
        for (const entry of journalBalances(journal.files[0]).values()) expect(entry.debits).toBe(entry.credits);
        const bankLines = readCsv(journal.files[0]).filter((r) => r.AccountName === 'Checking');
        const bankNet = bankLines.reduce((s, r) => s + (r.Debits ? cents(r.Debits) : -cents(r.Credits)), 0);
        expect(bankNet).toBe(payouts.reduce((s, p) => s + p.net, 0));

        const transactions = iifTransactions(iif(payouts, config).files[0]);
        for (const lines of transactions) expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
        expect(transactions.map((t) => t[0].amount)).toEqual(iif(payouts, config).exported.map((id) => payouts.find((p) => p.payoutId === id)?.net));

        const bank = readCsv(qboBank(payouts, config).files[0]);
        expect(bank.map((r) => cents(r.Amount))).toEqual(payouts.filter((p) => p.net !== 0).map((p) => p.net));
      }),
      { numRuns: 300 },
    );
  });
});
