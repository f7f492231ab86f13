// The identity key of one word of a name: case-folded, accents removed, only letters, digits, `-` and `'`.

const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;
/** Letters NFD does not decompose, spelled as English-language systems type them. */
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h', ŧ: 't' };
const SPECIAL_LETTERS = /[øæßłđœþðıħŧ]/g;
const APOSTROPHES = /[’‘ʼ`´]/g;
const DASHES = /[‐‑–—]/g;
const NOT_KEY = /[^\p{L}\p{N}'-]+/gu;
const DROPPED = /[./]/g;
const EDGES = /^['-]+|['-]+$/g;
/** Most words of most names: nothing to fold beyond lower case. */
const PLAIN = /^[a-z0-9]+$/;

/** Lower case without accents; `’` becomes `'` and dashes `-`, so O’Neil and O'Neil agree. */
export function foldCase(text: string): string {
  let folded = text.toLowerCase();
  if (NON_ASCII.test(folded)) {
    // NFC afterwards recomposes what is not an accent (Hangul syllables), keeping keys readable.
    folded = folded.normalize('NFD').replace(MARKS, '').normalize('NFC')
      .replace(SPECIAL_LETTERS, (c) => LETTERS[c]).replace(DASHES, '-');
  }
  return folded.replace(APOSTROPHES, "'");
}

/** Dots and slashes vanish (`Ph.D.` is `phd`, `OTR/L` is `otrl`); leading and trailing `-'` go. */
export function foldNameWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return foldCase(lower).replace(DROPPED, '').replace(NOT_KEY, '').replace(EDGES, '');
}
