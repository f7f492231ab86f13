// A patient name, memo, reference, processor or payout ID beginning with =HYPERLINK( comes out neutralized in every CSV.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { groupPayouts } from '../../src/export/payouts.js';
import { qboBank } from '../../src/export/quickbooks/qbo-bank.js';
import { qboJournal } from '../../src/export/quickbooks/qbo-journal.js';
import { buildWriteback } from '../../src/export/writeback.js';
import { loadWritebackProfile } from '../../src/export/writeback-profiles.js';
import { defaultConfig } from '../../src/workspace/config-schema.js';
import { readCsv } from './parse-back.js';
import { HYPERLINK_NAME, payment } from './sample-payments.js';

const BUILT_IN = fileURLToPath(new URL('../../mappings', import.meta.url));
const MONEY_HEADERS = new Set(['Amount', 'PayAmt', 'Debits', 'Credits']);

const hostile = [
  payment({ paymentId: HYPERLINK_NAME, patientId: '+PT-1', patientName: HYPERLINK_NAME, paymentDate: '2026-03-02', type: 'portal',
    gross: 1000, fee: 30, net: 970, reference: '@SUM(A1:A9)', processor: HYPERLINK_NAME, payoutId: HYPERLINK_NAME, payoutDate: '2026-03-04' }),
  payment({ paymentId: 'pay-2', patientId: 'PT-2', patientName: '-2+3', paymentDate: '2026-03-03', type: 'portal',
    gross: -500, fee: 0, net: -500, reference: '\tTAB', processor: '=cmd|calc', payoutId: '-po_2', payoutDate: '2026-03-05' }),
];

function everyCsv(): [string, string][] {
  const config = defaultConfig();
  const { payouts } = groupPayouts(hostile, config);
  const notes = new Map([['pay-2', '=HYPERLINK("http://evil.test")']]);
  return [
    ['generic', buildWriteback(hostile, loadWritebackProfile('generic', [BUILT_IN]), { amount: 'net', notes }).csv],
    ['opendental', buildWriteback(hostile, loadWritebackProfile('opendental', [BUILT_IN]), { amount: 'gross', notes }).csv],
    ['qbo-journal', qboJournal(payouts, config).files[0]],
    ['qbo-bank', qboBank(payouts, config).files[0]],
  ];
}

describe('formula injection', () => {
  it.each(everyCsv())('%s: no text cell begins with =, +, -, @, tab or CR; money stays a plain number', (_name, csv) => {
    const rows = readCsv(csv);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const [header, value] of Object.entries(row)) {
        if (MONEY_HEADERS.has(header)) expect(value).toMatch(/^(-?\d+\.\d{2})?$/);
        else expect(value).not.toMatch(/^[=+\-@\t\r\n]/);
      }
    }
  });

  it('keeps the text, only prefixed', () => {
    const generic = readCsv(everyCsv()[0][1]);
    expect(generic[0]['Patient Name']).toBe(`'${HYPERLINK_NAME}`);
    expect(generic[0]['Patient ID']).toBe("'+PT-1");
    expect(generic[0].Reference).toBe("'@SUM(A1:A9)");
    expect(generic[1].Note).toBe('Payment pay-2 via =cmd|calc; =HYPERLINK("http://evil.test")');
    expect(generic[1].Amount).toBe('-5.00');
    const bank = readCsv(everyCsv()[3][1]);
    expect(bank.map((r) => r.Description)).toEqual([`'${HYPERLINK_NAME} payout ${HYPERLINK_NAME}`, "'=cmd|calc payout -po_2"]);
  });
});
