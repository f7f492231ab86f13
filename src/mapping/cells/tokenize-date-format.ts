// Splits a date-fns format string into fields, literals and gaps, and writes tokens back as a date-fns format.

export type DateToken =
  | { kind: 'field'; letter: string; width: number }
  | { kind: 'literal'; text: string }
  | { kind: 'space'; text: string };

/** date-fns reads `do`, `Mo`, … (ordinals) as one token. */
const ORDINAL_LETTERS = new Set([...'yYQqMLwIdDecihHKkms']);
/** Every letter date-fns `parse` knows; any other unquoted letter makes it throw. */
const PARSE_LETTERS = new Set([...'GyYRuQqMLwIdDEecabBhHKkmsSXxtTZ']);
const DATE_LETTERS = new Set(['y', 'Y', 'u', 'M', 'L', 'd', 'D', 'E', 'e', 'c', 'Q', 'q', 'w', 'I', 'R', 'G']);
const TIME_LETTERS = new Set(['H', 'h', 'k', 'K', 'm', 's', 'S', 'a', 'b', 'B', 'X', 'x', 'O', 'z', 'Z', 'p']);

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/** date-fns rules: a run of one letter is a field; `'...'` quotes literals; `''` is a quote. */
export function tokenizeDateFormat(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  const pushLiteral = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (isLetter(c)) {
      let j = i + 1;
      while (format[j] === c) j++;
      if (j === i + 1 && format[j] === 'o' && ORDINAL_LETTERS.has(c)) {
        tokens.push({ kind: 'field', letter: `${c}o`, width: 1 });
        j++;
      } else {
        tokens.push({ kind: 'field', letter: c, width: j - i });
      }
      i = j;
    } else if (c === "'") {
      if (format[i + 1] === "'") {
        pushLiteral("'");
        i += 2;
        continue;
      }
      let text = '';
      let j = i + 1;
      while (j < format.length) {
        if (format[j] === "'") {
          if (format[j + 1] !== "'") break;
          j++;
        }
        text += format[j++];
      }
      if (text) pushLiteral(text);
      i = j + 1;
    } else if (/\s/.test(c)) {
      let j = i + 1;
      while (j < format.length && /\s/.test(format[j])) j++;
      tokens.push({ kind: 'space', text: format.slice(i, j) });
      i = j;
    } else {
      pushLiteral(c);
      i++;
    }
  }
  return tokens;
}

export function isDateLetter(letter: string): boolean {
  return DATE_LETTERS.has(letter[0]);
}

export function isTimeLetter(letter: string): boolean {
  return TIME_LETTERS.has(letter[0]);
}

export function isKnownLetter(letter: string): boolean {
  return PARSE_LETTERS.has(letter[0]);
}

/**
 * Back to a date-fns format, repairing the slips mapping authors make: `YYYY`/`DD` (week-year and
 * day-of-year in date-fns, which throw without opt-in flags) mean `yyyy`/`dd`; a bare `T` is the ISO
 * separator, not a timestamp; `Z` is an offset.
 */
export function formatFromTokens(tokens: DateToken[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'space') out += token.text;
    else if (token.kind === 'literal') out += `'${token.text.replace(/'/g, "''")}'`;
    else if (token.letter === 'T' && token.width === 1) out += "'T'";
    else if (token.letter === 'Z') out += 'XXX';
    else out += repairedLetter(token.letter).repeat(token.width);
  }
  return out;
}

export function repairedLetter(letter: string): string {
  if (letter === 'Y') return 'y';
  if (letter === 'D') return 'd';
  return letter;
}
