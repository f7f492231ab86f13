import { describe, expect, it } from 'vitest';
import { formatFromTokens, tokenizeDateFormat } from '../../../src/mapping/cells/tokenize-date-format.js';

describe('tokenizeDateFormat', () => {
  it('splits fields, literals and gaps as date-fns does', () => {
    expect(tokenizeDateFormat("MM/dd/yyyy h:mm a")).toEqual([
      { kind: 'field', letter: 'M', width: 2 }, { kind: 'literal', text: '/' }, { kind: 'field', letter: 'd', width: 2 },
      { kind: 'literal', text: '/' }, { kind: 'field', letter: 'y', width: 4 }, { kind: 'space', text: ' ' },
      { kind: 'field', letter: 'h', width: 1 }, { kind: 'literal', text: ':' }, { kind: 'field', letter: 'm', width: 2 },
      { kind: 'space', text: ' ' }, { kind: 'field', letter: 'a', width: 1 },
    ]);
  });

  it("reads quoted literals, '' as a quote, and ordinals as one token", () => {
    expect(tokenizeDateFormat("yyyy-MM-dd'T'HH")).toContainEqual({ kind: 'literal', text: '-' });
    expect(tokenizeDateFormat("'o''clock' do")).toEqual([
      { kind: 'literal', text: "o'clock" }, { kind: 'space', text: ' ' }, { kind: 'field', letter: 'do', width: 1 },
    ]);
    expect(tokenizeDateFormat("h''mm")).toEqual([
      { kind: 'field', letter: 'h', width: 1 }, { kind: 'literal', text: "'" }, { kind: 'field', letter: 'm', width: 2 },
    ]);
  });
});

describe('formatFromTokens', () => {
  it('writes tokens back, repairing YYYY, DD, a bare T and Z', () => {
    expect(formatFromTokens(tokenizeDateFormat('MMM DD, YYYY'))).toBe("MMM dd',' yyyy");
    expect(formatFromTokens(tokenizeDateFormat('yyyy-MM-ddTHH:mm:ssZ'))).toBe("yyyy'-'MM'-'dd'T'HH':'mm':'ssXXX");
  });
});
