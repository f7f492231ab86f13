import { describe, expect, it } from 'vitest';
import type { PaymentInput } from '../../../src/compute/types.js';
import { isPracticeSyncError } from '../../../src/errors.js';
import { groupPayouts, type Payout } from '../../../src/export/payouts.js';
import { iif, iifDocNum } from '../../../src/export/quickbooks/iif.js';
import { iifText } from '../../../src/export/quickbooks/iif-text.js';
import { qboBank } from '../../../src/export/quickbooks/qbo-bank.js';
import { journalNo, qboJournal } from '../../../src/export/quickbooks/qbo-journal.js';
import { configSchema, defaultConfig } from '../../../src/workspace/config-schema.js';
import { journalBalances, readCsv } from '../parse-back.js';
import { payment } from '../sample-payments.js';

const config = defaultConfig();

function payoutsOf(payments: PaymentInput[]): Payout[] {
  return groupPayouts(payments, config).payouts;
}

const pay = (payoutId: string, gross: number, fee: number, extra: Partial<PaymentInput> = {}) =>
  payment({ paymentId: `${payoutId}-${gross}-${fee}`, payoutId, payoutDate: '2026-04-01', processor: 'stripe', paymentDate: '2026-03-30',
    type: 'portal', gross, fee, net: gross - fee, ...extra });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (isPracticeSyncError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('journalNo', () => {
  it('is PS- plus the last 18 characters, at most 21 in all', () => {
    // 27 characters: the first 9 ("po_1NXoY2") go
    expect(journalNo('po_1NXoY2LkdIwHu7ixAbCdEfGh')).toBe('PS-LkdIwHu7ixAbCdEfGh');
    expect(journalNo('po_1NXoY2LkdIwHu7ixAbCdEfGh').length).toBe(21);
    expect(journalNo('po_12345678901234567890')).toBe('PS-345678901234567890');
    expect(journalNo('SQ-1')).toBe('PS-SQ-1');
  });
});

describe('qboJournal', () => {
  it('gives payout IDs that shorten to the same JournalNo one each: last 11 characters and 6 hex digits of their SHA-256', () => {
    // printf %s aa_123456789012345678 | sha256sum → 1cf946…; bb_… → 3296c5…
    const payouts = payoutsOf([pay('aa_123456789012345678', 1000, 30), pay('bb_123456789012345678', 2000, 60), pay('po_short', 500, 0)]);
    const numbers = [...new Set(readCsv(qboJournal(payouts, config).files[0]).map((r) => r.JournalNo))];
    expect(numbers).toEqual(['PS-89012345678-1cf946', 'PS-89012345678-3296c5', 'PS-po_short']);
    expect(numbers.every((n) => n.length <= 21)).toBe(true);
  });

  it('omits the fee line when fees are zero and skips payouts that move nothing', () => {
    const payouts = payoutsOf([pay('po_nofee', 5000, 0), pay('po_zero', 1000, 0), pay('po_zero', -1000, 0)]);
    const result = qboJournal(payouts, config);
    expect(result.files[0]).toBe(
      'JournalNo,JournalDate,AccountName,Debits,Credits,Description,Name\r\n' +
        'PS-po_nofee,04/01/2026,Checking,50.00,,stripe payout po_nofee deposit,\r\n' +
        'PS-po_nofee,04/01/2026,Services,,50.00,stripe payout po_nofee portal payments,\r\n',
    );
    expect(result.exported).toEqual(['po_nofee']);
    expect(result.empty).toEqual(['po_zero']);
  });

  it('records a payout whose net is zero but which had gross and fees', () => {
    // gross 3.00, fee 3.00, net 0: fee debit 3.00 = income credit 3.00, no bank line
    const result = qboJournal(payoutsOf([pay('po_wash', 300, 300)]), config);
    expect(readCsv(result.files[0]).map((r) => [r.AccountName, r.Debits, r.Credits])).toEqual([
      ['Merchant Fees', '3.00', ''],
      ['Services', '', '3.00'],
    ]);
  });

  it('merges payment types that share an income account into one credit line', () => {
    const merged = configSchema.parse({ quickbooks: { income_accounts: { portal: 'Patient Income', card_terminal: 'Patient Income' } } });
    const payouts = groupPayouts([pay('po_m', 1000, 30), pay('po_m', 500, 15, { type: 'card_terminal' })], merged).payouts;
    const rows = readCsv(qboJournal(payouts, merged).files[0]);
    // 10.00 + 5.00 = 15.00 in one line
    expect(rows.filter((r) => r.AccountName === 'Patient Income').map((r) => r.Credits)).toEqual(['15.00']);
    expect(rows.at(-1)?.Description).toBe('stripe payout po_m card_terminal/portal payments');
    expect(journalBalances(qboJournal(payouts, merged).files[0]).get('PS-po_m')).toEqual({ debits: 1500, credits: 1500, lines: 3 });
  });

  it('refuses an account name that would have to be neutralized', () => {
    const unchecked = { ...config, quickbooks: { ...config.quickbooks, bank_account: '=Checking' } };
    expect(codeOf(() => qboJournal(payoutsOf([pay('po_1', 1000, 30)]), unchecked))).toBe('export_rejected');
  });
});

describe('qboBank', () => {
  it('leaves out zero-net payouts rather than writing a zero cell', () => {
    const result = qboBank(payoutsOf([pay('po_wash', 300, 300), pay('po_ok', 1000, 30)]), config);
    expect(result.files).toEqual(['Date,Description,Amount\r\n04/01/2026,stripe payout po_ok,9.70\r\n']);
    expect(result.empty).toEqual(['po_wash']);
  });

  it('splits into files under the size limit, repeating the header, with a warning', () => {
    const payouts = payoutsOf([pay('po_a', 1000, 0), pay('po_b', 2000, 0), pay('po_c', 3000, 0)]);
    // header 24 bytes; each line "04/01/2026,stripe payout po_a,10.00\r\n" is 37 bytes: 24 + 37 = 61 fits 100, 24 + 74 = 98 fits, 135 does not
    const result = qboBank(payouts, config, { maxBytes: 100 });
    expect(result.files).toEqual([
      'Date,Description,Amount\r\n04/01/2026,stripe payout po_a,10.00\r\n04/01/2026,stripe payout po_b,20.00\r\n',
      'Date,Description,Amount\r\n04/01/2026,stripe payout po_c,30.00\r\n',
    ]);
    for (const file of result.files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(100);
    expect(result.warnings).toEqual(["the bank file is over QuickBooks Online's 350 KB limit: split into 2 files; upload each one"]);
  });

  it('keeps every real file under 350 KB', () => {
    const many = Array.from({ length: 12000 }, (_, i) => pay(`po_${String(i).padStart(6, '0')}`, 100000 + i, 0));
    const result = qboBank(payoutsOf(many), config);
    expect(result.files.length).toBeGreaterThan(1);
    for (const file of result.files) {
      expect(Buffer.byteLength(file)).toBeLessThanOrEqual(350_000);
      expect(file.startsWith('Date,Description,Amount\r\n')).toBe(true);
    }
    expect(result.files.reduce((n, f) => n + readCsv(f).length, 0)).toBe(12000);
  });
});

describe('iif text', () => {
  it('transliterates accents, drops other non-ASCII, strips tabs, semicolons, quotes and newlines', () => {
    expect(iifText('Clínica Niño')).toBe('Clinica Nino');
    expect(iifText('a\tb;c\r\nd"e"')).toBe('a b c d e');
    expect(iifText('Straße 日本 ok')).toBe('Strae ok');
  });

  it('takes the last 12 characters of the payout ID as DOCNUM', () => {
    expect(iifDocNum('po_1SynthPayoutMar04xQ7')).toBe('youtMar04xQ7');
    expect(iifDocNum('SQ-1')).toBe('SQ-1');
  });

  it('gives payouts whose IDs end alike a DOCNUM of their own: the last 5 characters, "-" and 6 hex digits of a hash', () => {
    const text = iif(payoutsOf([pay('NORTH-DEP-2026-03-04-01', 1000, 30), pay('SOUTH-DEP-2026-03-04-01', 2000, 60), pay('SQ-1', 500, 0)]), config).files[0];
    const docNums = text.split('\r\n').filter((l) => l.startsWith('TRNS\t')).map((l) => l.split('\t')[7]);
    expect(docNums).toHaveLength(3);
    expect(docNums[0]).toMatch(/^04-01-[0-9a-f]{6}$/);
    expect(docNums[1]).toMatch(/^04-01-[0-9a-f]{6}$/);
    expect(docNums[0]).not.toBe(docNums[1]);
    expect(docNums[2]).toBe('SQ-1');
    // Every SPL line of a deposit carries its TRNS line's DOCNUM.
    const northLines = text.split('\r\n').filter((l) => l.split('\t')[7] === docNums[0]);
    expect(northLines.length).toBeGreaterThan(1);
  });

  it('refuses an account name it would have to alter (IIF would create a new account)', () => {
    const accented = configSchema.parse({ quickbooks: { default_income_account: 'Honoraires reçus' } });
    expect(codeOf(() => iif(payoutsOf([pay('po_1', 1000, 30)]), accented))).toBe('export_rejected');
  });

  it('writes ASCII-only memos for a processor with accents', () => {
    const text = iif(payoutsOf([pay('po_1', 1000, 0, { processor: 'Cobrança;\tPay' })]), config).files[0];
    expect(text).toContain('\tCobranca Pay payout po_1 deposit\r\n');
  });
});
