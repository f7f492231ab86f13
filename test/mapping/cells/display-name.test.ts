import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/mapping/cells/display-name.js';

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
