// The identity key of one word of a name: case-folded, accents removed, only letters, digits, `-` and `'`.

const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;
/** Letters NFD does not decompose, spelled as English-language systems type them. */
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', œ: 'oe', þ: 'th', ð: 'd', ı: 'i', ħ: 'h', ŧ: 't' };
const APOSTROPHES = "’‘ʼ`´";
const DASHES = '‐‑–—';
/** One pass over what is left after removing accents: special letters, quote and dash variants, the rest. */
const FOLD = /[øæßłđœþðıħŧ’‘ʼ`´‐‑–—]|[^\p{L}\p{N}'-]+/gu;
const HANGUL_JAMO = /[\u1100-\u11ff]/;
const SPECIAL_LETTERS_AND_DASHES = /[øæßłđœþðıħŧ‐‑–—]/g;
const EDGES = /^['-]+|['-]+$/g;
/** Most words of most names: nothing to fold beyond lower case. */
const PLAIN = /^[a-z0-9]+$/;

function foldChar(c: string): string {
  return LETTERS[c] ?? (APOSTROPHES.includes(c) ? "'" : DASHES.includes(c) ? '-' : '');
}

/** Lower case without accents; `’` becomes `'` and dashes `-`, so O’Neil and O'Neil agree. */
export function foldCase(text: string): string {
  let folded = text.toLowerCase();
  if (NON_ASCII.test(folded)) {
    folded = folded.normalize('NFD').replace(MARKS, '');
    if (HANGUL_JAMO.test(folded)) folded = folded.normalize('NFC');
    folded = folded.replace(SPECIAL_LETTERS_AND_DASHES, foldChar);
  }
  return folded.replace(/[’‘ʼ`´]/g, "'");
}

function foldSlowly(lower: string): string {
  let key = lower.normalize('NFD').replace(MARKS, '');
  // NFC recomposes what is not an accent (Hangul syllables), keeping keys readable.
  if (HANGUL_JAMO.test(key)) key = key.normalize('NFC');
  return key.replace(FOLD, foldChar);
}

/** Folded forms of U+0080–U+024F (Latin-1 and Latin Extended), worked out once: `normalize` is slow. */
const LATIN: string[] = Array.from({ length: 0x250 - 0x80 }, (_, i) => foldSlowly(String.fromCharCode(0x80 + i).toLowerCase()));

/**
 * By hand for Latin script: keep a-z, 0-9, `'`, `-`; accented letters from the table; quote and
 * dash variants mapped; dots and the rest vanish. Undefined for other scripts.
 */
function foldLatinWord(lower: string): string | undefined {
  let key = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c === 45) key += lower[i];
    else if (c < 0x80) key += c === 96 ? "'" : '';
    else if (c < 0x250) key += LATIN[c - 0x80];
    else if (c === 0x2019 || c === 0x2018 || c === 0x2bc) key += "'";
    else if (c >= 0x2010 && c <= 0x2014) key += '-';
    else return undefined;
  }
  return key;
}

/** Dots and slashes vanish (`Ph.D.` is `phd`, `OTR/L` is `otrl`); leading and trailing `-'` go. */
export function foldNameWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  const key = foldLatinWord(lower) ?? foldSlowly(lower);
  const first = key.charCodeAt(0);
  const last = key.charCodeAt(key.length - 1);
  return first === 39 || first === 45 || last === 39 || last === 45 ? key.replace(EDGES, '') : key;
}
