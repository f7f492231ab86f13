// A growable byte buffer that report text is written into directly. A million-row report built as JS strings spent
// most of its time joining and flattening them; bytes are written once, in place, and go out (to a file or to
// stdout) as they are.
// The `put*` functions write at a position and return the next one, so an encoder's loop over a row's cells keeps
// the buffer and the position in locals: at 16 million cells, a method call per cell is most of the cost.

export class ByteBuffer {
  /** The bytes; the first `length` are written. Encoders write past `length` after `reserve`, then move it on. */
  bytes: Buffer;
  length = 0;
  private readonly spares: Buffer[] = [];

  constructor(private readonly capacity = 1 << 20) {
    // Slow (unpooled) allocations own their ArrayBuffer, so a worker thread can transfer what `take` returns.
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  /** Room for `n` more bytes; returns `bytes`, which may be a new, bigger buffer. */
  reserve(n: number): Buffer {
    if (this.length + n > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.length + n));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    return this.bytes;
  }

  append(bytes: Uint8Array): void {
    this.length = putBytes(this.reserve(bytes.length), this.length, bytes);
  }

  utf8(text: string): void {
    this.length += this.reserve(text.length * 3).write(text, this.length, 'utf8');
  }

  /** The bytes written since the last `take`; the buffer starts empty again, as big as it had grown. */
  take(): Buffer {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = this.spares.pop() ?? Buffer.allocUnsafeSlow(Math.max(this.capacity, this.bytes.length));
    this.length = 0;
    return out;
  }

  /**
   * Takes back bytes `take` gave once nothing reads them any more (they are written to a file): their memory is filled
   * again rather than new memory, which the system hands out a page at a time (0.8 ms a MB here, and a million claims
   * as JSON are 365 MB).
   */
  recycle(bytes: Uint8Array): void {
    this.spares.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
  }
}

export function putBytes(buffer: Buffer, at: number, bytes: Uint8Array): number {
  buffer.set(bytes, at);
  return at + bytes.length;
}

/** From this length on, text is written natively and checked after (see `putPlainAscii`). */
const NATIVE_TEXT_LENGTH = 32;

/**
 * Copies `text` if every character is printable ASCII (space to `~`) other than `stop1` and `stop2`, and returns the
 * position after it; otherwise returns -1 (the bytes past `at` are then garbage, and `length` was not moved). One pass
 * both checks and copies: a report's text cells are almost all plain, and the rest go through the general escaping.
 * The caller has reserved at least `text.length` bytes.
 */
export function putPlainAscii(buffer: Buffer, at: number, text: string, stop1: number, stop2: number): number {
  const n = text.length;
  if (n >= NATIVE_TEXT_LENGTH) {
    // Long text (an alert's message) is copied faster by the native UTF-8 write than a character at a time (78,000
    // messages: 25 ms against 39), and checked after. Printable ASCII is a byte a character, so any other count is
    // not plain, and a character that is not ASCII left bytes of 0x80 and up among those written.
    if (buffer.write(text, at, 'utf8') !== n) return -1;
    for (let i = at; i < at + n; i++) {
      const c = buffer[i];
      if (c < 0x20 || c > 0x7e || c === stop1 || c === stop2) return -1;
    }
    return at + n;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === stop1 || c === stop2) return -1;
    buffer[at + i] = c;
  }
  return at + n;
}

/** The decimal digits of a non-negative safe integer. */
export function putDigits(buffer: Buffer, at: number, value: number): number {
  if (value < 10) {
    buffer[at] = 0x30 + value;
    return at + 1;
  }
  let end = at;
  for (let rest = value; rest >= 1; rest = Math.floor(rest / 10)) end++;
  for (let i = end, rest = value; rest >= 1; ) {
    const next = Math.floor(rest / 10);
    buffer[--i] = 0x30 + (rest - next * 10);
    rest = next;
  }
  return end;
}
