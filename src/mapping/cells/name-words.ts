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
/** Anything but letters, digits, spaces, commas, and the `'` `-` `.` `/` that fold away or stay. */
const NOT_NAME_CHAR = /[^\p{L}\p{M}\p{N}\s,'’‘ʼ`´./\-‐‑–—]+/gu;
/** Names needing neither the Unicode clean-up nor a whitespace regex: the common case, kept fast. */
const SIMPLE = /^[A-Za-z0-9 ,.'-]*$/;
const SPACES = /\s+/;
const EDGE_CHARS = "'’‘ʼ`´-‐‑–—";
const DISPLAY_EDGES = /^['’‘ʼ`´\-‐‑–—]+|['’‘ʼ`´\-‐‑–—]+$/g;

const isTitle = (w: NameWord): boolean => NAME_TITLES.has(w.key);
const isSuffixWord = (w: NameWord): boolean => NAME_SUFFIXES.has(w.key);
const hasLowerCase = (text: string): boolean => text !== text.toUpperCase();

function wordsOf(segment: string, simple: boolean): NameWord[] {
  const words: NameWord[] = [];
  for (const part of segment.split(simple ? ' ' : SPACES)) {
    if (!part) continue;
    const key = foldNameWord(part);
    if (!key) continue;
    const trim = EDGE_CHARS.includes(part[0]) || EDGE_CHARS.includes(part[part.length - 1]);
    words.push({ text: trim ? part.replace(DISPLAY_EDGES, '') : part, key });
  }
  return words;
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
  const simple = SIMPLE.test(text);
  if (!simple) text = text.replace(NOT_NAME_CHAR, ' ');
  const segments: NameWord[][] = [];
  for (const part of text.split(',')) {
    const words = wordsOf(part, simple);
    if (words.length > 0) segments.push(words);
  }
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
  for (let i = 1; i < segments.length; i++) ordered.push(...trimWords(segments[i], isCredential));
  ordered.push(...trimWords(segments[0], isCredential));
  return trimWords(ordered, isCredential);
}
