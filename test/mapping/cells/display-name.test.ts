import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/mapping/cells/display-name.js';
import { normalizeName } from '../../../src/mapping/cells/normalize-name.js';

describe('displayName', () => {
  it.each([
    ['  Jane   Doe ', 'Jane Doe'],
    ['Doe, Jane Marie', 'Jane Marie Doe'],
    ['PEÑA, JOSÉ', 'JOSÉ PEÑA'], // case and accents kept
    ['O’Neil, Mary-Ann', 'Mary-Ann O’Neil'],
    ['Jane Doe, LCSW', 'Jane Doe'],
    ['Doe, Jane, Ph.D.', 'Jane Doe'],
    ['Dr. Jane Q. Doe LCSW', 'Jane Q. Doe'],
    ['Smith Jr., John', 'John Smith'],
    ['Anh Do', 'Anh Do'],
    ['Jane (Janie) Doe', 'Jane Doe'],
    ['Dr.', 'Dr.'],
    ['...', '...'],
  ])('shows %j as %j', (raw, shown) => {
    expect(displayName(raw)).toBe(shown);
  });
});

describe('displayName with a suffix between surname and given name', () => {
  it('reads "Smith, Jr., Robert" as Robert Smith, the same person as "Robert Smith Jr."', () => {
    expect(displayName('Smith, Jr., Robert')).toBe('Robert Smith');
    expect(normalizeName('Smith, Jr., Robert')).toBe(normalizeName('Robert Smith Jr.'));
  });
});
