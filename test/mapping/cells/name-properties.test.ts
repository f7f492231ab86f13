import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/mapping/cells/display-name.js';
import { normalizeName } from '../../../src/mapping/cells/normalize-name.js';

// Realistic parts, each with the key it must fold to.
const part = (text: string, key: string) => ({ text, key });
const givenNames = [part('John', 'john'), part('Mary-Ann', 'mary-ann'), part('José', 'jose'), part('Anh', 'anh'), part('Zoë', 'zoe'),
  part('Łukasz', 'lukasz'), part('Søren', 'soren'), part('Jean-Luc', 'jean-luc'), part('Ana María', 'ana maria')];
const middleNames = [part('Q', 'q'), part('Q.', 'q'), part('Marie', 'marie'), part('de la', 'de la')];
const surnames = [part('Smith', 'smith'), part("O'Neil", "o'neil"), part('O’Neil', "o'neil"), part('Peña', 'pena'), part('Do', 'do'),
  part('Ma', 'ma'), part('Nguyen', 'nguyen'), part('Straße', 'strasse'), part('van der Berg', 'van der berg'), part('Smith-Jones', 'smith-jones')];
const titles = ['Dr.', 'Dr', 'Mr.', 'Mrs', 'Ms.', 'Mx', 'Miss', 'Prof.'];
// Surname-like credentials (DO, MA) only with dots here: without, all-capital names keep them by design.
const credentials = ['Jr.', 'Jr', 'III', 'MD', 'PhD', 'Ph.D.', 'LCSW', 'LCSW-C', 'PA-C', 'D.O.', 'M.A.', 'PsyD', 'L.C.S.W.', 'LMFT'];

const person = fc.record({
  given: fc.constantFrom(...givenNames),
  middle: fc.option(fc.constantFrom(...middleNames), { nil: undefined }),
  surname: fc.constantFrom(...surnames),
  title: fc.option(fc.constantFrom(...titles), { nil: undefined }),
  credentials: fc.array(fc.constantFrom(...credentials), { maxLength: 3 }),
  layout: fc.constantFrom('first last', 'first last, creds', 'last, first', 'last, first, creds', 'last creds, first'),
  letterCase: fc.constantFrom('as is', 'upper', 'lower'),
  gap: fc.constantFrom(' ', '  ', ' \t'),
  comma: fc.constantFrom(', ', ',', ' , '),
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

function written(p: Person): string {
  const first = [p.title, p.given.text, p.middle?.text].filter(Boolean).join(p.gap);
  const creds = p.credentials.join(p.layout.endsWith('creds') ? p.comma : p.gap);
  const withCreds = (text: string, separator: string): string => (creds ? `${text}${separator}${creds}` : text);
  const text = {
    'first last': withCreds(`${first}${p.gap}${p.surname.text}`, p.gap),
    'first last, creds': withCreds(`${first}${p.gap}${p.surname.text}`, p.comma),
    'last, first': withCreds(`${p.surname.text}${p.comma}${first}`, p.gap),
    'last, first, creds': withCreds(`${p.surname.text}${p.comma}${first}`, p.comma),
    'last creds, first': `${withCreds(p.surname.text, p.gap)}${p.comma}${first}`,
  }[p.layout];
  return p.letterCase === 'upper' ? text.toUpperCase() : p.letterCase === 'lower' ? text.toLowerCase() : text;
}

const keyOf = (p: Person): string => [p.given.key, p.middle?.key, p.surname.key].filter(Boolean).join(' ');

describe('name properties', () => {
  it('every layout, case, title and credential of a person gives the same key', () => {
    fc.assert(fc.property(person, (p) => {
      expect(normalizeName(written(p)), written(p)).toBe(keyOf(p));
    }), { numRuns: 3000 });
  });

  it('normalizeName is idempotent on realistic names', () => {
    fc.assert(fc.property(person, (p) => {
      const key = normalizeName(written(p));
      expect(normalizeName(key)).toBe(key);
    }), { numRuns: 1000 });
  });

  it('normalizeName is idempotent on any text', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.array(fc.constantFrom('Dr.', 'DO', 'Do', 'MA', ',', ' ', '(', ')', 'x', 'É', '’', '-', 'Jr', '.', 'ß'), { maxLength: 8 }).map((a) => a.join('')));
    fc.assert(fc.property(anyText, (text) => {
      fc.pre(text.trim() !== '');
      const key = normalizeName(text);
      expect(normalizeName(key)).toBe(key);
    }), { numRuns: 5000 });
  });

  it('displayName keeps the identity: normalizeName(displayName(x)) = normalizeName(x)', () => {
    fc.assert(fc.property(person, (p) => {
      const text = written(p);
      expect(normalizeName(displayName(text))).toBe(normalizeName(text));
    }), { numRuns: 2000 });
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.constantFrom('Dr.', 'DO', 'Do', 'MA', 'ma', ',', ' ', '(', ')', 'Ann', 'LEE', 'É', '’', '-', 'Jr', '.', 'PhD'), { maxLength: 8 }).map((a) => a.join('')));
    fc.assert(fc.property(anyText, (text) => {
      fc.pre(text.trim() !== '');
      expect(normalizeName(displayName(text))).toBe(normalizeName(text));
    }), { numRuns: 5000 });
  });

  it('displayName keeps each kept word as written', () => {
    fc.assert(fc.property(person, (p) => {
      fc.pre(p.letterCase === 'as is');
      const shown = [p.given.text, p.middle?.text, p.surname.text].filter(Boolean).join(' ');
      expect(displayName(written(p))).toBe(shown);
    }), { numRuns: 1000 });
  });
});
