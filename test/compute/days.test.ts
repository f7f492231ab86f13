import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/compute/days.js';

describe('daysBetween', () => {
  it('counts whole calendar days, negative backwards', () => {
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-03-15', '2026-03-01')).toBe(-14);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('crosses month ends, leap days and DST changes without drift', () => {
    // 2024 is a leap year: Feb has 29 days, so 02-28 → 03-01 is 2 days; in 2026 it is 1.
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    // US DST starts 2026-03-08 and ends 2026-11-01: still whole days.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    // 2025-12-31 → 2026-12-31 is 365 days.
    expect(daysBetween('2025-12-31', '2026-12-31')).toBe(365);
  });

  it('rejects a date that is not on the calendar', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(/not an ISO date/);
    expect(() => daysBetween('03/01/2026', '2026-03-01')).toThrow(/not an ISO date/);
  });
});

describe('addDays', () => {
  it('adds and subtracts calendar days', () => {
    // 2026-01-05 + 90: Jan has 26 days left (→ 01-31), Feb 28 (→ 54), Mar 31 (→ 85), then 5 into April.
    expect(addDays('2026-01-05', 90)).toBe('2026-04-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
