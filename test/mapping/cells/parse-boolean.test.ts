import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/mapping/cells/parse-boolean.js';

describe('parseBoolean', () => {
  it.each(['yes', 'YES', 'Yes', 'y', 'Y', 'true', 'TRUE', 't', '1', 'x', 'X'])('reads %s as true', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: true });
  });

  it.each(['no', 'NO', 'n', 'N', 'false', 'False', 'f', '0'])('reads %s as false', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', '2', 'yess', 'on'])('rejects %s', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: false, expected: 'yes or no' });
  });
});
