// The words a person's name may carry that are not the name (SPEC §4): titles before it, credentials
// and generational suffixes after it. Keys are folded: lower case, no dots, `OTR/L` as `otrl`.

export const NAME_TITLES: ReadonlySet<string> = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof']);

/**
 * Registered Clinical Counsellor, Registered Social Worker, Registered Psychotherapist, Canadian Certified Counsellor,
 * registered and chartered psychologists, Registered Marriage and Family Therapist.
 */
export const CANADIAN_CREDENTIALS: readonly string[] = ['rcc', 'rsw', 'rp', 'ccc', 'rpsych', 'cpsych', 'rmft'];

export const NAME_SUFFIXES: ReadonlySet<string> = new Set([
  // generational
  'jr', 'sr', 'ii', 'iii', 'iv', '2nd', '3rd', 'esq',
  // doctorates
  'md', 'do', 'phd', 'psyd', 'edd', 'dsw', 'dnp', 'dpt', 'dc', 'dds', 'dmd', 'od', 'dmft', 'drph',
  // social work
  'lcsw', 'licsw', 'lcsw-c', 'lcsw-r', 'lcsw-s', 'lisw', 'lisw-s', 'lisw-cp', 'lmsw', 'lsw', 'lgsw', 'lscsw', 'acsw', 'asw', 'msw',
  // counselling, marriage and family, psychology
  'lmft', 'lmft-s', 'amft', 'lcmft', 'lpc', 'lpc-s', 'lpc-a', 'lpca', 'lpcc', 'lpcc-s', 'lmhc', 'lmhca', 'lcpc', 'lcmhc',
  'lcmhc-s', 'lcmhc-a', 'lmhp', 'limhp', 'lpcmh', 'apcc', 'ncc', 'lp', 'lpa', 'lcat', 'atr', 'atr-bc',
  // substance use, behaviour analysis
  'cadc', 'lcadc', 'ladc', 'lac', 'lcdc', 'bcba', 'bcba-d', 'bcaba', 'rbt',
  // nursing, physician assistants
  'np', 'rn', 'bsn', 'msn', 'aprn', 'fnp', 'fnp-c', 'fnp-bc', 'pmhnp', 'pmhnp-bc', 'cnm', 'crnp', 'lpn', 'lvn', 'pa', 'pa-c',
  // dental, rehabilitation, nutrition
  'rdh', 'rda', 'ot', 'otr', 'otrl', 'cota', 'pt', 'pta', 'slp', 'ccc-slp', 'cf-slp', 'rd', 'rdn', 'ld', 'lmt',
  // degrees
  'ma', 'ms', 'msc', 'med', 'mph', 'mba',
  // Canada (Jane's clinicians: `Rossi, Chiara RCC`); migration 009 takes them out of names stored before
  ...CANADIAN_CREDENTIALS,
]);

/**
 * Credentials that are also surnames (Anh Do, Jack Ma, …). At the end of a name they are dropped
 * only with evidence of being a credential: dots (`D.O.`), or capitals in a name written in mixed
 * case (`Jane Smith DO`). After a comma they are always credentials.
 */
export const SURNAME_LIKE_SUFFIXES: ReadonlySet<string> = new Set(['do', 'ma', 'pa', 'lac']);
