// A person's name as shown in reports: `DOE, Jane Marie, LCSW` becomes `Jane Marie DOE`, case and accents kept.
import { nameWords } from './name-words.js';

/**
 * The same reading as `normalizeName` (so `normalizeName(displayName(x)) === normalizeName(x)`),
 * keeping each word as written; titles and credentials are left off.
 */
export function displayName(raw: string): string {
  let words = nameWords(raw);
  if (words.length === 0) words = nameWords(raw, false);
  if (words.length === 0) return raw.replace(/\s+/g, ' ').trim();
  return words.map((w) => w.text).join(' ');
}
