// What a file is before it is parsed: its hash, size, encoding, and whether it is text at all.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { fail } from '../errors.js';

/** UTF-8, else Windows-1252; UTF-16 when the file starts with its byte-order mark (Excel's "Unicode Text"). */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What the readers need of a decoder: bytes in, text out, a character cut across chunks kept for the next. */
export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for the encoding; it drops a byte-order mark at the start. */
export function textDecoder(encoding: Encoding): Decoder {
  return encoding === 'windows-1252' ? new Windows1252Decoder() : new TextDecoder(encoding);
}

/** The UTF-8 byte-order mark, EF BB BF, read as Windows-1252. */
const UTF8_BOM_AS_1252 = '\u00ef\u00bb\u00bf';

/**
 * Windows-1252 has no byte-order mark, but a file saved as UTF-8 with one and then given a byte that is not UTF-8 (a
 * name typed in another program) is read as Windows-1252 (SPEC §4): its mark would become "ï»¿" in the first
 * header name, and no mapping would fit. TextDecoder drops a mark only for the UTF encodings, so this drops it here.
 */
class Windows1252Decoder implements Decoder {
  private readonly decoder = new TextDecoder('windows-1252');
  /** The text decoded so far while fewer than the mark's three characters have come; null once decided. */
  private start: string | null = '';

  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string {
    const text = this.decoder.decode(bytes, options);
    if (this.start === null) return text;
    const head = this.start + text;
    if (head.length < UTF8_BOM_AS_1252.length && options?.stream) {
      this.start = head;
      return '';
    }
    this.start = null;
    return head.startsWith(UTF8_BOM_AS_1252) ? head.slice(UTF8_BOM_AS_1252.length) : head;
  }
}

/** UTF-16 by its byte-order mark: FF FE little-endian, FE FF big-endian. */
function utf16ByBom(chunk: Buffer): Encoding | null {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return null;
}

export interface SourceFileInfo {
  path: string;
  size: number;
  sha256: string;
  encoding: Encoding;
  hasBom: boolean;
}

const CHUNK = 1 << 18;

/**
 * One pass over the bytes: SHA-256, UTF-8 validity (else Windows-1252), and a check that this is text at all. A UTF-16
 * byte-order mark wins over a mapping's fixed encoding: the bytes say what they are.
 */
export async function inspectFile(file: string, forcedEncoding?: Encoding): Promise<SourceFileInfo> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return fail('file_unreadable', `${file}: no such file`);
  }
  if (stat.isDirectory()) fail('file_unreadable', `${file} is a folder, not a file`);
  if (stat.size === 0) fail('input_empty', `${file} is empty (0 bytes): nothing to import`);
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
  let first = true;
  let hasBom = false;
  let utf16: Encoding | null = null;
  let offset = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      utf16 = utf16ByBom(chunk);
      hasBom = utf16 !== null || (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf);
      if (!utf16 && looksBinary(chunk)) {
        fail('input_binary', `${file} is not a text export (it contains binary data); export the report as CSV (a UTF-16 text file needs its byte-order mark)`);
      }
    }
    // A NUL byte past the first sample: a damaged file, whose bytes would otherwise be stored in some cell.
    const nul = utf16 ? -1 : chunk.indexOf(0);
    if (nul >= 0) {
      fail('input_binary', `${file} line ${await lineAt(file, offset + nul)} holds a NUL byte (binary data): the file is damaged or not a text export; nothing was imported. Export the report again`);
    }
    offset += chunk.length;
    hash.update(chunk);
    if (!utf16) utf8.push(chunk);
  }
  const encoding = utf16 ?? forcedEncoding ?? (utf8.end() ? 'utf-8' : 'windows-1252');
  return { path: file, size: stat.size, sha256: hash.digest('hex'), encoding, hasBom };
}

/** Streaming UTF-8 validation without decoding: a character split across two chunks is checked whole. */
export class Utf8Check {
  private valid = true;
  private carry: Buffer | null = null;

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeLength(bytes);
    this.valid = isUtf8(bytes.subarray(0, cut));
    this.carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
  }

  end(): boolean {
    return this.valid && this.carry === null;
  }
}

/** The length of `bytes` without a multi-byte character its end cuts short. */
function completeLength(bytes: Buffer): number {
  let i = bytes.length - 1;
  while (i >= 0 && i > bytes.length - 4 && (bytes[i] & 0xc0) === 0x80) i--;
  if (i < 0) return bytes.length;
  const lead = bytes[i];
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - i < needs ? i : bytes.length;
}

/** The line (1 for the first) holding byte `offset`: line feeds before it, plus one. Read again only on this rare path. */
async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK, end: Math.max(0, offset - 1) }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at >= 0 && seen + at < offset; at = chunk.indexOf(0x0a, at + 1)) line += 1;
    seen += chunk.length;
  }
  return line;
}

function looksBinary(chunk: Buffer): boolean {
  const sample = chunk.subarray(0, 8192);
  if (sample.includes(0)) return true;
  // Zip (xlsx), PDF and other well-known binary signatures.
  const magic = sample.subarray(0, 4).toString('latin1');
  return magic === 'PK\u0003\u0004' || magic === '%PDF' || magic === '\u00d0\u00cf\u0011\u00e0';
}

export interface TextStreamProgress {
  bytes: number;
}

/** The file as decoded text chunks, BOM removed; `progress.bytes` counts bytes read so far. */
export async function* openText(file: string, encoding: Encoding, progress?: TextStreamProgress): AsyncGenerator<string> {
  const decoder = textDecoder(encoding);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (progress) progress.bytes += chunk.length;
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The encoding the file's first 256 KB are in, as `inspectFile` judges the whole file: UTF-16 by its byte-order mark,
 * else UTF-8 when those bytes are, else Windows-1252. Enough to read a header without reading the whole file; the
 * import still judges by every byte.
 */
export function headEncoding(file: string): Encoding {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const head = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
    const utf16 = utf16ByBom(head);
    if (utf16) return utf16;
    // A character the 256 KB cut short is no evidence either way.
    return isUtf8(head.subarray(0, completeLength(head))) ? 'utf-8' : 'windows-1252';
  } finally {
    fs.closeSync(fd);
  }
}

const HEAD_BYTES = 256 * 1024;

/** The first lines of the file, for detection: decoded, BOM removed, at most `max` lines. */
export function readHeadLines(file: string, encoding: Encoding, max = 40): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytes = fs.readSync(fd, buffer, 0, buffer.length, 0);
    let text = textDecoder(encoding).decode(buffer.subarray(0, bytes));
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split(/\r\n|\n|\r/);
    if (bytes === buffer.length) {
      // A first line with no break in 256 KB is no export's header (a minified JSON, a log, a database dump).
      if (lines.length === 1) fail('input_rejected', `${path.basename(file)}: line 1 runs past ${HEAD_BYTES / 1024} KB without a line break; that is no export's header (is it a CSV report?)`);
      lines.pop(); // the last line may be cut short
    }
    return lines.slice(0, max);
  } finally {
    fs.closeSync(fd);
  }
}
