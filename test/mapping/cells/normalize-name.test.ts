import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../src/mapping/cells/normalize-name.js';

const sameKey = (names: string[], key: string): void => {
  for (const name of names) expect(normalizeName(name), name).toBe(key);
};

describe('normalizeName', () => {
  it('gives one key to the spellings of one person (SPEC §4)', () => {
    sameKey(['Smith, John', 'John Smith', 'JOHN  SMITH', 'Mr. John Smith Jr.', 'john smith, jr', 'Smith Jr., John', 'Smith, John, Jr.'], 'john smith');
    sameKey(['José Peña', 'Jose Pena', 'PEÑA, JOSÉ', 'Jose\u0301 Pen\u0303a' /* decomposed accents */], 'jose pena');
    sameKey(["Mary-Ann O'Neil", 'O’Neil, Mary-Ann', 'MARY-ANN O`NEIL', 'Mary–Ann O‘Neil'], "mary-ann o'neil");
  });

  it('drops Canadian credentials as it drops American ones: one clinician in Jane\'s `Last, First CRED` and elsewhere', () => {
    sameKey(['Rossi, Chiara RCC', 'Chiara Rossi', 'Rossi, Chiara, RSW', 'Chiara Rossi, R.Psych', 'Chiara Rossi RP', 'Rossi, Chiara CCC', 'Chiara Rossi C.Psych', 'Chiara Rossi, RMFT'], 'chiara rossi');
  });

  it('keeps people apart whose names differ', () => {
    expect(normalizeName('John Smith')).not.toBe(normalizeName('John Smithe'));
    expect(normalizeName('Mary-Ann Lee')).toBe('mary-ann lee'); // not "maryann" nor "mary ann"
    expect(normalizeName('Mary Ann Lee')).toBe('mary ann lee');
  });

  it('maps letters that have no accent to strip', () => {
    expect(normalizeName('Søren Kierkegaard')).toBe('soren kierkegaard');
    expect(normalizeName('Ærøskøbing')).toBe('aeroskobing');
    expect(normalizeName('Anna Straße')).toBe('anna strasse');
    expect(normalizeName('Łukasz Đorđević')).toBe('lukasz dordevic');
  });

  it('drops titles at the start, with or without a dot', () => {
    for (const title of ['Dr', 'Dr.', 'DR.', 'Mr', 'Mrs.', 'Ms', 'Mx.', 'Miss', 'Prof.']) {
      expect(normalizeName(`${title} Jane Doe`)).toBe('jane doe');
    }
    expect(normalizeName('Dr. Prof. Jane Doe')).toBe('jane doe');
    expect(normalizeName('Doe, Dr. Jane')).toBe('jane doe');
    expect(normalizeName('Jane Dr Doe')).toBe('jane dr doe'); // only at the start
  });

  it('drops credentials and generational suffixes at the end, with or without dots', () => {
    sameKey(['Jane Doe, LCSW', 'Doe, Jane, PhD', 'Dr. Jane Doe LCSW', 'Jane Doe, Ph.D., LCSW', 'Jane Doe PsyD', 'Jane Doe LCSW-C',
      'Jane Doe, PA-C', 'Jane Doe L.C.S.W.', 'Doe, Jane PhD', 'Doe PhD, Jane', 'Jane Doe, OTR/L', 'Jane Doe III', 'Jane Doe MD, FNP-BC',
      'Jane Doe BCBA', 'Jane Doe, LCADC', 'Jane Doe, MSW', 'Jane Doe DMD', 'Jane Doe (she/her)'], 'jane doe');
  });

  it('tells Last, First from First Last followed by credentials', () => {
    expect(normalizeName('Doe, Jane')).toBe('jane doe');
    expect(normalizeName('Doe, Jane Marie')).toBe('jane marie doe');
    expect(normalizeName('Jane Doe, LCSW')).toBe('jane doe');
    expect(normalizeName('Jane Doe, LCSW, LMFT')).toBe('jane doe');
    expect(normalizeName('Doe, Jane, Marie')).toBe('jane marie doe');
  });

  it('drops credentials that are also surnames only on evidence', () => {
    expect(normalizeName('Anh Do')).toBe('anh do');
    expect(normalizeName('ANH DO')).toBe('anh do');
    expect(normalizeName('Do, Anh')).toBe('anh do');
    expect(normalizeName('Jack Ma')).toBe('jack ma');
    expect(normalizeName('Jane Smith DO')).toBe('jane smith'); // capitals in a mixed-case name
    expect(normalizeName('Jane Smith D.O.')).toBe('jane smith'); // dots
    expect(normalizeName('Jane Smith, DO')).toBe('jane smith'); // after a comma
    expect(normalizeName('Anh Do, MD')).toBe('anh do');
    expect(normalizeName('JANE SMITH DO')).toBe('jane smith do'); // all capitals: no evidence either way
  });

  it('never comes out empty', () => {
    expect(normalizeName('Dr.')).toBe('dr');
    expect(normalizeName('MD')).toBe('md');
    expect(normalizeName('Jr., PhD')).toBe('jr');
    expect(normalizeName('Dr. PhD')).toBe('phd');
    expect(normalizeName('(Jane)')).toBe('jane');
    expect(normalizeName('...')).toBe('...');
    expect(normalizeName('—')).toBe('-');
  });

  it('removes punctuation other than - and \', and ignores bracketed nicknames', () => {
    expect(normalizeName('Jane "JJ" Doe')).toBe('jane jj doe');
    expect(normalizeName('Jane (Janie) Doe')).toBe('jane doe');
    expect(normalizeName('Doe; Jane')).toBe('doe jane');
    expect(normalizeName('Jane\tDoe\u00a0Smith')).toBe('jane doe smith');
    expect(normalizeName("'Jane' - Doe")).toBe('jane doe');
    expect(normalizeName('J.R. Doe')).toBe('jr doe');
  });

  it('keeps other scripts', () => {
    expect(normalizeName('王 小明')).toBe('王 小明');
    expect(normalizeName('김 민준')).toBe('김 민준'); // Hangul syllables stay composed
    expect(normalizeName('Ольга Иванова')).toBe('ольга иванова');
  });
});
