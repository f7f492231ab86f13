// Turns a mapping's `formats` list into matchers, once per field: the hand-written scanner where it
// can, date-fns `parse` where it cannot, each with an example for the "expected" message.
import { format as formatDate } from 'date-fns/format';
import { fail } from '../../errors.js';
import { compileDateFormat, type FormatMatcher } from './compile-date-format.js';
import { dateFnsMatcher } from './date-fns-matcher.js';
import { IMPOSSIBLE, MATCHED, NO_MATCH, type DateTimeFields, type MatchStatus } from './date-scan.js';
import {
  formatFromTokens, isDateLetter, isKnownLetter, isTimeLetter, repairedLetter, tokenizeDateFormat, type DateToken,
} from './tokenize-date-format.js';

export interface CompiledFormat {
  format: string;
  match: FormatMatcher;
  hasDate: boolean;
  hasTime: boolean;
  /** The format applied to 10/24/2026 14:30 (a day above 12 shows which number is the month). */
  example: string;
}

const SAMPLE = new Date(2026, 9, 24, 14, 30, 0);

const SAMPLE_FIELDS: Record<string, (width: number) => string> = {
  y: (w) => (w === 2 ? '26' : '2026'),
  M: () => '10',
  d: () => '24',
  H: () => '14',
  h: (w) => (w === 2 ? '02' : '2'),
  m: () => '30',
  s: () => '00',
  S: (w) => '0'.repeat(w),
  a: () => 'PM',
  X: () => 'Z',
  x: () => 'Z',
  Z: () => 'Z',
  T: () => 'T',
};

/** Only for formats the scanner compiled, whose tokens all have a sample above. */
function exampleOf(tokens: DateToken[]): string {
  let text = '';
  for (const token of tokens) text += token.kind === 'field' ? SAMPLE_FIELDS[repairedLetter(token.letter)](token.width) : token.text;
  return text;
}

/** Tokens before the separator that leads into the first time field; undefined if the time comes first. */
function dateOnlyTokens(tokens: DateToken[]): DateToken[] | undefined {
  let cut = tokens.findIndex((t) => t.kind === 'field' && isTimeLetter(t.letter));
  while (cut > 0 && tokens[cut - 1].kind !== 'field') cut--;
  const head = cut > 0 ? tokens.slice(0, cut) : [];
  return head.some((t) => t.kind === 'field' && isDateLetter(t.letter)) ? head : undefined;
}

function compileOne(format: string, need: 'date' | 'time'): CompiledFormat {
  const tokens = tokenizeDateFormat(format);
  const fields = tokens.filter((t) => t.kind === 'field');
  const unknown = fields.find((t) => !isKnownLetter(t.letter));
  if (unknown) {
    fail('mapping_invalid', `date format "${format}": "${unknown.letter}" is not a date-fns token; quote literal text like 'at'`, { format });
  }
  const hasDate = fields.some((t) => isDateLetter(t.letter));
  const hasTime = fields.some((t) => isTimeLetter(t.letter));
  if (need === 'date' && !hasDate) fail('mapping_invalid', `date format "${format}" has no day, month or year`, { format });
  if (need === 'time' && !hasTime) fail('mapping_invalid', `time format "${format}" has no hours or minutes`, { format });
  const fast = compileDateFormat(tokens);
  if (fast) return { format, match: fast, hasDate, hasTime, example: exampleOf(tokens) };
  const repaired = formatFromTokens(tokens);
  let example: string;
  try {
    example = formatDate(SAMPLE, repaired);
  } catch (error) {
    return fail('mapping_invalid', `date format "${format}" is not usable: ${(error as Error).message}`, { format });
  }
  const dateOnly = hasTime ? dateOnlyTokens(tokens) : undefined;
  const match = dateFnsMatcher({ format: repaired, dateOnlyFormat: dateOnly && formatFromTokens(dateOnly), hasDate, hasTime });
  return { format, match, hasDate, hasTime, example };
}

/** Throws `mapping_invalid` for an empty list, unknown tokens, or a format lacking the part `need` names. */
export function compileDateFormats(formats: readonly string[], need: 'date' | 'time'): CompiledFormat[] {
  if (formats.length === 0) fail('mapping_invalid', `a ${need} field needs at least one format`);
  return formats.map((format) => compileOne(format, need));
}

/** The examples of all formats, for messages: `10/24/2026 or 2026-10-24`. */
export function examplesOf(compiled: readonly CompiledFormat[]): string {
  return [...new Set(compiled.map((c) => c.example))].join(' or ');
}

/** Formats are tried in order; the first that reads the cell wins. */
export function matchFormats(compiled: readonly CompiledFormat[], raw: string, out: DateTimeFields): MatchStatus {
  let status: MatchStatus = NO_MATCH;
  for (let i = 0; i < compiled.length; i++) {
    const result = compiled[i].match(raw, out);
    if (result === MATCHED) return MATCHED;
    if (result === IMPOSSIBLE) status = IMPOSSIBLE;
  }
  return status;
}
