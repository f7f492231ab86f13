// The QuickBooks files of the sample payments against golden files written by hand from the layouts
// of SPEC §9 and FORMATS.md, then parsed back the way QuickBooks reads them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupPayouts } from '../../../src/export/payouts.js';
import { iif } from '../../../src/export/quickbooks/iif.js';
import { qboBank } from '../../../src/export/quickbooks/qbo-bank.js';
import { qboJournal } from '../../../src/export/quickbooks/qbo-journal.js';
import { cents, iifTransactions, journalBalances, readCsv } from '../parse-back.js';
import { sampleConfig, samplePayments } from '../sample-payments.js';

const golden = (name: string) => readFileSync(new URL(`../../golden/export/${name}`, import.meta.url), 'utf8');
const config = sampleConfig();
const { payouts } = groupPayouts(samplePayments(), config);
const ORDER = ['po_1SynthPayoutMar04xQ7', 'SQ-DEP-0042', 'po_1SynthPayoutMar06kZ2', 'po_1SynthRefundMar07'];

describe('qbo-journal', () => {
  const result = qboJournal(payouts, config);

  it('matches the golden file', () => {
    expect(result.files).toEqual([golden('qbo-journal.csv')]);
    expect(result.exported).toEqual(ORDER);
    expect(result.empty).toEqual([]);
  });

  it('balances every entry to the cent, JournalNo at most 21 characters', () => {
    const entries = journalBalances(result.files[0]);
    // debits = credits: 237.29 + 7.71 = 150 + 95; 140.66 + 4.34 = 120 + 25; 156.86 + 8.14 = 60 + 105; 40.00 = 38.84 + 1.16
    expect([...entries].map(([no, e]) => [no, e.debits, e.credits])).toEqual([
      ['PS-ynthPayoutMar04xQ7', 24500, 24500],
      ['PS-SQ-DEP-0042', 14500, 14500],
      ['PS-ynthPayoutMar06kZ2', 16500, 16500],
      ['PS-_1SynthRefundMar07', 4000, 4000],
    ]);
    for (const no of entries.keys()) expect(no.length).toBeLessThanOrEqual(21);
    for (const row of readCsv(result.files[0])) expect(row.JournalDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});

describe('qbo-bank', () => {
  const result = qboBank(payouts, config);

  it('matches the golden file', () => {
    expect(result.files).toEqual([golden('qbo-bank.csv')]);
    expect(result.warnings).toEqual([]);
  });

  it('holds only the net deposits, one per payout', () => {
    const rows = readCsv(result.files[0]);
    expect(rows.map((r) => cents(r.Amount))).toEqual(payouts.map((p) => p.net));
    // 237.29, 140.66, 156.86, −38.84: never a gross or a fee
    expect(rows.map((r) => cents(r.Amount))).toEqual([23729, 14066, 15686, -3884]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['Date', 'Description', 'Amount']);
      expect(row.Amount).not.toMatch(/[$(),]/);
    }
  });
});

describe('iif', () => {
  const result = iif(payouts, config);

  it('matches the golden file', () => {
    expect(result.files).toEqual([golden('deposit.iif')]);
    expect(result.warnings).toEqual(['payout po_1SynthRefundMar07 is a negative deposit (-38.84): check it after import']);
  });

  it('writes one DEPOSIT per payout whose lines sum to zero, bank first', () => {
    const transactions = iifTransactions(result.files[0]);
    expect(transactions).toHaveLength(4);
    for (const [i, lines] of transactions.entries()) {
      expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(0);
      expect(lines[0]).toMatchObject({ keyword: 'TRNS', cells: { ACCNT: 'Checking', TRNSTYPE: 'DEPOSIT', TRNSID: '' } });
      expect(lines[0].amount).toBe(payouts[i].net);
      for (const line of lines) {
        expect(line.cells.DOCNUM.length).toBeLessThanOrEqual(12);
        expect(line.cells.DATE).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      }
    }
    expect(/^[\x20-\x7e\t\r\n]*$/.test(result.files[0])).toBe(true);
  });
});
