// How alert texts show money and dates, and `flat`, the template tag every id, subject and message is built with.
import { describe, expect, it } from 'vitest';
import { dollars, flat, subjectWithoutPatient, usDate } from '../../src/alerts/format.js';

describe('alert text', () => {
  it('writes money as billing staff read it', () => {
    expect(dollars(123456789)).toBe('$1,234,567.89');
    expect(dollars(-1205)).toBe('-$12.05');
    expect(dollars(0)).toBe('$0.00');
  });

  it('writes dates month first', () => {
    expect(usDate('2026-03-15')).toBe('03/15/2026');
  });

  it('flat gives the text of the same template literal', () => {
    const id = 'CLM-1001';
    const days = 45;
    expect(flat`Claim ${id}`).toBe(`Claim ${id}`);
    expect(flat`${days} days since ${id} (${dollars(5000)})`).toBe('45 days since CLM-1001 ($50.00)');
    expect(flat`no values`).toBe('no values');
    expect(flat`${''}${id}${''}`).toBe('CLM-1001');
  });

  it('keeps a patient\'s name out of a subject that leaves the office', () => {
    expect(subjectWithoutPatient('Claim Castillo, Ramón|7/22/2026|MetLife Dental|P', 'Ramón Castillo')).toBe('Claim');
    expect(subjectWithoutPatient('Claim CASTILLO, RAMON|7/22/2026|MetLife|P', 'Ramón Castillo')).toBe('Claim');
    expect(subjectWithoutPatient('Claim CLM-1001', 'Ramón Castillo')).toBe('Claim CLM-1001');
    expect(subjectWithoutPatient('Account A1002', 'Kit Roe')).toBe('Account A1002');
    // A one-letter initial is not a name: "P" (primary) stays.
    expect(subjectWithoutPatient('Claim X|P', 'P Smith')).toBe('Claim X|P');
    expect(subjectWithoutPatient('Session 01/02/2026', null)).toBe('Session 01/02/2026');
  });
});
