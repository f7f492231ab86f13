// The JSON renderer writes rows a piece at a time (so a streamed report can use it), without JSON.stringify's cost per
// cell. Its text must stay exactly `reference`'s, money in dollars, for every report and any value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAlerts } from '../../src/alerts/index.js';
import { computeAging } from '../../src/compute/aging.js';
import { computeBalances } from '../../src/compute/balances.js';
import { computeClaims } from '../../src/compute/claims.js';
import { computeSessions } from '../../src/compute/sessions.js';
import { computeUnbilled } from '../../src/compute/unbilled.js';
import type { Column, Report, ReportRow } from '../../src/report/model.js';
import { displayValue, reportToCsv, reportToJson, writeReportFile } from '../../src/report/render-report.js';
import { config } from '../compute/builders.js';
import { loadPractice } from '../compute/practice-inputs.js';

/**
 * The body as `JSON.stringify(body, null, 2)` writes it, but each row on one line as `JSON.stringify(row)` writes it,
 * with the fields of the report's columns only (a row's other fields, such as `patient_id`, are not shown).
 */
function reference(report: Report): string {
  const money = new Set(report.columns.filter((c) => c.kind === 'money').map((c) => c.key));
  const convert = (row: ReportRow) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, money.has(key) && typeof value === 'number' ? value / 100 : value]));
  const shown = (row: ReportRow) => Object.fromEntries(report.columns.filter((c) => c.key in row).map((c) => [c.key, row[c.key]]));
  const body = JSON.stringify({ report: report.report, as_of: report.asOf, rows: [], totals: convert(report.totals), notes: report.notes }, null, 2);
  const rows = report.rows.map((row) => `    ${JSON.stringify(convert(shown(row)))}`).join(',\n');
  return `${report.rows.length === 0 ? body : body.replace('"rows": []', () => `"rows": [\n${rows}\n  ]`)}\n`;
}

describe('reportToJson', () => {
  it('writes the body indented, each row on one line, money in dollars', () => {
    const columns: Column[] = [{ key: 'claim_id', kind: 'text' }, { key: 'outstanding', kind: 'money' }, { key: 'days', kind: 'integer' }];
    const rows = [{ claim_id: 'CLM-1', outstanding: 12050, days: 31 }, { claim_id: 'CLM-2', outstanding: null, days: null }];
    const report: Report = { report: 'claims', asOf: '2026-03-01', columns, rows, totals: { claims: 2, outstanding: 12050 }, notes: ['a note'] };
    expect(reportToJson(report)).toBe([
      '{',
      '  "report": "claims",',
      '  "as_of": "2026-03-01",',
      '  "rows": [',
      '    {"claim_id":"CLM-1","outstanding":120.5,"days":31},',
      '    {"claim_id":"CLM-2","outstanding":null,"days":null}',
      '  ],',
      '  "totals": {',
      '    "claims": 2,',
      '    "outstanding": 120.5',
      '  },',
      '  "notes": [',
      '    "a note"',
      '  ]',
      '}',
      '',
    ].join('\n'));
    expect(reportToJson({ ...report, rows: [] })).toContain('"rows": [],\n');
  });

  it('is the reference text for every report of the hand-worked practice', () => {
    const { patients, authorizations, appointments, claims, balances } = loadPractice();
    const asOf = '2026-03-01';
    const settings = config({ alerts: { billing_staff: ['Lee', 'Max'] } });
    const sessions = computeSessions({ authorizations, appointments, asOf, config: settings });
    const claimsReport = computeClaims({ claims, asOf, config: settings });
    const unbilled = computeUnbilled({ appointments, claims, patients, asOf, config: settings });
    const balancesReport = computeBalances({ balances, adjustments: [], appointments, patients, asOf });
    const reports: Report[] = [
      sessions, claimsReport, computeAging({ claims, asOf, config: settings }), unbilled, balancesReport,
      computeAlerts({ sessions, claims: claimsReport, unbilled, balances: balancesReport, authorizations, appointments, asOf, config: settings }),
      computeUnbilled({ appointments, claims: [], patients, asOf, config: settings }),
    ];
    for (const report of reports) {
      expect(report.rows.length + report.notes.length, report.report).toBeGreaterThan(0);
      expect(reportToJson(report), report.report).toBe(reference(report));
    }
  });

  it('is the reference text for any cells: quotes, control characters, lone surrogates, numbers, empty rows', () => {
    const columns: Column[] = [{ key: 'text', kind: 'text' }, { key: 'amount', kind: 'money' }, { key: 'count', kind: 'integer' }, { key: 'flag', kind: 'boolean' }];
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u2028', '\ud800', '\udc00', 'a', 'é', '😀'), maxLength: 8 }));
    const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const row = fc.record({ text: value, amount: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constant(null)), count: value, flag: value }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(row, { maxLength: 5 }), fc.array(text, { maxLength: 2 }), (rows, notes) => {
      const report: Report = { report: 'test', asOf: '2026-03-01', columns, rows, totals: { amount: 1234, count: rows.length }, notes };
      expect(reportToJson(report)).toBe(reference(report));
    }));
  });
});

describe('reportToCsv', () => {
  it('writes money and counts bare, and quotes text that needs it', () => {
    const report: Report = {
      report: 'test', asOf: '2026-03-01', columns: [{ key: 'name', kind: 'text' }, { key: 'amount', kind: 'money' }, { key: 'days', kind: 'integer' }, { key: 'on', kind: 'date' }],
      rows: [{ name: 'Lind, "Bo"', amount: -123456, days: 30, on: '2026-03-01' }, { name: '=SUM(A1)', amount: 5, days: null, on: null }],
      totals: {}, notes: [],
    };
    expect(reportToCsv(report)).toBe('name,amount,days,on\n"Lind, ""Bo""",-1234.56,30,2026-03-01\n\'=SUM(A1),0.05,,\n');
  });
});

describe('writeReportFile', () => {
  it('writes the whole text however many pieces it takes, each piece filling the memory of one written before', () => {
    const columns: Column[] = [{ key: 'id', kind: 'text' }, { key: 'note', kind: 'text' }, { key: 'amount', kind: 'money' }];
    // Rows of different lengths, so a piece left over from an earlier one would show.
    const rows: ReportRow[] = Array.from({ length: 20_000 }, (_, i) => ({ id: `A-${i}`, note: i % 7 === 0 ? 'x'.repeat(i % 300) : `n, "${i}"`, amount: i * 7 - 50_000 }));
    const report: Report = { report: 'alerts', asOf: '2026-03-01', columns, rows, totals: { amount: 1 }, notes: ['one note'] };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-render-'));
    for (const [format, whole] of [['csv', reportToCsv(report)], ['json', reportToJson(report)]] as const) {
      const file = path.join(dir, `report.${format}`);
      writeReportFile(file, report, format);
      expect(fs.readFileSync(file, 'utf8') === whole, format).toBe(true);
    }
    fs.rmSync(dir, { recursive: true });
  });
});

describe('displayValue', () => {
  it('writes money for people: thousands grouped, two decimals, minus in front', () => {
    const money = { key: 'amount', kind: 'money' } as const;
    expect([5, 99, 100000, 123456, 12345678, -123456789, 0, 100000000000].map((cents) => displayValue(money, cents)))
      .toEqual(['0.05', '0.99', '1,000.00', '1,234.56', '123,456.78', '-1,234,567.89', '0.00', '1,000,000,000.00']);
  });
});
