import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headEncoding, textDecoder, Utf8Check } from '../../src/ingest/source-file.js';

function checkInPieces(bytes: Buffer, cuts: number[]): boolean {
  const check = new Utf8Check();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    check.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  check.push(bytes.subarray(at));
  return check.end();
}

function strictlyUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('Utf8Check', () => {
  it('accepts any UTF-8 text however it is cut into chunks', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(200)), (text, cuts) => checkInPieces(Buffer.from(text, 'utf8'), cuts)));
  });

  it('agrees with a strict decoder on arbitrary bytes, however they are cut', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(64)), (bytes, cuts) => checkInPieces(Buffer.from(bytes), cuts) === strictlyUtf8(Buffer.from(bytes))));
  });

  it('refuses Windows-1252 text and a character cut off at the end of the file', () => {
    expect(checkInPieces(Buffer.from('José Peña', 'latin1'), [])).toBe(false);
    expect(checkInPieces(Buffer.from('Peña', 'utf8').subarray(0, 3), [2])).toBe(false);
    expect(checkInPieces(Buffer.from('Peña', 'utf8'), [3, 4])).toBe(true);
  });
});

describe('textDecoder', () => {
  const decodeInPieces = (encoding: 'windows-1252' | 'utf-8', bytes: Buffer, cuts: number[]): string => {
    const decoder = textDecoder(encoding);
    let text = '';
    let at = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      text += decoder.decode(bytes.subarray(at, Math.max(at, cut)), { stream: true });
      at = Math.max(at, cut);
    }
    return text + decoder.decode(bytes.subarray(at));
  };

  it('drops a UTF-8 byte-order mark from a file read as Windows-1252, however the bytes are cut', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const text = 'Patient Name\nRen\u00e9e Park\n';
    fc.assert(fc.property(fc.array(fc.nat(30)), (cuts) => decodeInPieces('windows-1252', Buffer.concat([bom, Buffer.from(text, 'latin1')]), cuts) === text));
    expect(decodeInPieces('windows-1252', Buffer.from(text, 'latin1'), [1, 2])).toBe(text);
    // The same characters later in the file are text, and a file of fewer than three bytes is decoded whole.
    expect(decodeInPieces('windows-1252', Buffer.concat([Buffer.from('a,'), bom]), [])).toBe('a,\u00ef\u00bb\u00bf');
    expect(decodeInPieces('windows-1252', Buffer.from([0xef, 0xbb]), [1])).toBe('\u00ef\u00bb');
    expect(decodeInPieces('utf-8', Buffer.concat([bom, Buffer.from(text, 'utf8')]), [1, 2])).toBe(text);
  });
});

describe('headEncoding', () => {
  it('judges the first bytes as inspectFile judges the file: UTF-16 by its mark, UTF-8, else Windows-1252', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'head-encoding-'));
    const file = (name: string, bytes: Buffer) => {
      const target = path.join(dir, name);
      fs.writeFileSync(target, bytes);
      return target;
    };
    expect(headEncoding(file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Patient ID\tName\n', 'utf16le')])))).toBe('utf-16le');
    expect(headEncoding(file('utf8.csv', Buffer.from('Client,Clinician\n"Renée Roe",Dr Ames\n')))).toBe('utf-8');
    expect(headEncoding(file('1252.csv', Buffer.from('Client,Clinician\n"Ren\xe9e Roe",Dr Ames\n', 'latin1')))).toBe('windows-1252');
    // An 'é' cut in two by the 256 KB read is no evidence of Windows-1252.
    const cut = Buffer.concat([Buffer.alloc(256 * 1024 - 1, 0x61), Buffer.from('é')]);
    expect(headEncoding(file('cut.csv', cut))).toBe('utf-8');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
