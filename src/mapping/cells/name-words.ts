// Reads a person's name into words in First Middle Last order, without titles and credentials: the one
// reading behind both the identity key (normalizeName) and the form shown to people (displayName).
import { foldNameWord } from './fold-name-word.js';
import { NAME_SUFFIXES, NAME_TITLES, SURNAME_LIKE_SUFFIXES } from './name-vocabulary.js';

export interface NameWord {
  /** As written, for display. */
  text: string;
  /** Folded, for identity. */
  key: string;
}

/** Nicknames and IDs in brackets: `Jane (Janie) Doe`, `AETNA (60054)`. */
const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;
/** Anything but letters, digits, commas and the `'` `-` `.` `/` that fold away or stay; whitespace included. */
const NOT_NAME_CHAR = /[^\p{L}\p{M}\p{N},'’‘ʼ`´./\-‐‑–—]+/gu;
/** Names needing no clean-up (Latin letters, accented or not; no symbols): the common case, kept off the slow regex. */
const SIMPLE = /^[A-Za-z0-9 ,.'’\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]*$/;
const EDGE_CHARS = "'’‘ʼ`´-‐‑–—";
const DISPLAY_EDGES = /^['’‘ʼ`´\-‐‑–—]+|['’‘ʼ`´\-‐‑–—]+$/g;
const SPACE = 32;
const COMMA = 44;

const isTitle = (w: NameWord): boolean => NAME_TITLES.has(w.key);
const isSuffixWord = (w: NameWord): boolean => NAME_SUFFIXES.has(w.key);
const hasLowerCase = (text: string): boolean => text !== text.toUpperCase();

function wordOf(part: string): NameWord | undefined {
  const key = foldNameWord(part);
  if (!key) return undefined;
  const trim = EDGE_CHARS.includes(part[0]) || EDGE_CHARS.includes(part[part.length - 1]);
  return { text: trim ? part.replace(DISPLAY_EDGES, '') : part, key };
}

/** Words grouped by the commas between them; a hand-written scan, as `split` is slow on hot paths. */
function segmentsOf(text: string): NameWord[][] {
  const segments: NameWord[][] = [];
  let words: NameWord[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : COMMA;
    if (c !== SPACE && c !== COMMA) continue;
    if (i > start) {
      const word = wordOf(text.slice(start, i));
      if (word) words.push(word);
    }
    start = i + 1;
    if (c === COMMA && words.length > 0) {
      segments.push(words);
      words = [];
    }
  }
  return segments;
}

/** Drops titles at the start and credentials at the end, always keeping one word. */
function trimWords(words: NameWord[], isCredential: (w: NameWord) => boolean): NameWord[] {
  let start = 0;
  let end = words.length;
  while (end - start > 1 && isTitle(words[start])) start++;
  while (end - start > 1 && isCredential(words[end - 1])) end--;
  return start === 0 && end === words.length ? words : words.slice(start, end);
}

/**
 * `Doe, Jane Marie` is Last, First; `Jane Doe, LCSW` and `Doe, Jane, PhD` are not, because what
 * follows their last commas is only credentials. Returns [] when no word has a letter or digit.
 */
export function nameWords(raw: string, dropBrackets = true): NameWord[] {
  let text = dropBrackets && (raw.includes('(') || raw.includes('[')) ? raw.replace(BRACKETED, ' ') : raw;
  if (!SIMPLE.test(text)) text = text.replace(NOT_NAME_CHAR, ' ');
  const segments = segmentsOf(text);
  if (segments.length === 0) return [];

  let mixedCase: boolean | undefined; // worked out only when a surname-like credential needs it
  const isMixedCase = (): boolean =>
    (mixedCase ??= segments.some((words) => words.some((w) => !isTitle(w) && !isSuffixWord(w) && hasLowerCase(w.text))));
  const isCredential = (w: NameWord): boolean =>
    isSuffixWord(w) &&
    (!SURNAME_LIKE_SUFFIXES.has(w.key) || w.text.includes('.') || (!hasLowerCase(w.text) && isMixedCase()));

  while (segments.length > 1 && segments[segments.length - 1].every((w) => isTitle(w) || isSuffixWord(w))) segments.pop();
  if (segments.length === 1) return trimWords(segments[0], isCredential);
  const ordered: NameWord[] = [];
  // `Smith, Jr., Robert`: a middle segment of only suffixes belongs to the surname, and like every suffix is left off.
  for (let i = 1; i < segments.length; i++) {
    if (segments.length > 2 && segments[i].every((w) => isTitle(w) || isSuffixWord(w))) continue;
    ordered.push(...trimWords(segments[i], isCredential));
  }
  ordered.push(...trimWords(segments[0], isCredential));
  return trimWords(ordered, isCredential);
}
