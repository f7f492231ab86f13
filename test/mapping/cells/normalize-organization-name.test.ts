import { describe, expect, it } from 'vitest';
import { normalizeOrganizationName } from '../../../src/mapping/cells/normalize-organization-name.js';

describe('normalizeOrganizationName', () => {
  it('folds case, accents and punctuation and drops a bracketed payer ID', () => {
    expect(normalizeOrganizationName('AETNA (60054)')).toBe('aetna');
    expect(normalizeOrganizationName('Aetna')).toBe('aetna');
    expect(normalizeOrganizationName('Blue Cross  Blue Shield, Inc.')).toBe('blue cross blue shield inc');
    expect(normalizeOrganizationName('Mutual of Omaha’s Plan')).toBe("mutual of omaha's plan");
  });

  it('keeps words a person name would drop, and does not reorder at commas', () => {
    expect(normalizeOrganizationName('BCBS MA')).toBe('bcbs ma');
    expect(normalizeOrganizationName('BCBS PA')).toBe('bcbs pa');
    expect(normalizeOrganizationName('Dr. Smith Dental')).toBe('dr smith dental');
    expect(normalizeOrganizationName('Cigna, Behavioral')).toBe('cigna behavioral');
  });

  it('never comes out empty', () => {
    expect(normalizeOrganizationName('(60054)')).toBe('60054');
    expect(normalizeOrganizationName('--')).toBe('--');
  });
});
