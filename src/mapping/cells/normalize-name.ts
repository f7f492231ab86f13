// The identity key of a person's name (SPEC §4 "Normalized name"): `Smith, John Jr.` and `JOHN SMITH` agree.
import { foldCase } from './fold-name-word.js';
import { nameWords } from './name-words.js';

/**
 * Case-folded, accents removed, punctuation other than `-` and `'` removed, `Last, First` turned
 * into `first last`, titles and credentials dropped, bracketed nicknames (`Jane (Janie) Doe`)
 * ignored. Never empty for a cell with text: a name that is only a title or only credentials keeps
 * one of them, and a cell with no letters keeps its folded text.
 */
export function normalizeName(raw: string): string {
  let words = nameWords(raw);
  if (words.length === 0) words = nameWords(raw, false);
  if (words.length === 0) return foldCase(raw).replace(/\s+/g, ' ').trim();
  let key = words[0].key;
  for (let i = 1; i < words.length; i++) key += ` ${words[i].key}`;
  return key;
}
