/**
 * Writing UTF-8 output straight into bytes. The JSON format is mostly cells (hundreds per report, tens of MB
 * for a large run): writing them byte by byte costs a fraction of building strings, joining them and encoding
 * the result, and the bytes live outside the JavaScript heap until they are written out.
 *
 * Output is written into slabs shared by the pieces taken from them (`take`), so a run allocates a few large
 * buffers instead of one per file.
 */

const SLAB = 1 << 22;

export class ByteWriter {
  private buf: Uint8Array = new Uint8Array(0);
  /** Where the current piece starts in `buf`, and where the next byte goes. */
  private start = 0;
  private pos = 0;

  /** Makes room for `n` more bytes, moving the current piece to a new slab if needed. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const piece = this.pos - this.start;
    const next = new Uint8Array(Math.max(SLAB, (piece + n) * 2));
    next.set(this.buf.subarray(this.start, this.pos));
    this.buf = next;
    this.start = 0;
    this.pos = piece;
  }

  /** The bytes written since the last take (a view: later writes never touch them). */
  take(): Uint8Array {
    const out = this.buf.subarray(this.start, this.pos);
    this.start = this.pos;
    return out;
  }

  /** Text known to be ASCII (keys, punctuation, identifiers). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Bytes prepared beforehand (constant pieces of the output). */
  bytes(src: Uint8Array): void {
    this.room(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  /** Any text, encoded as UTF-8 (lone surrogates as U+FFFD, as Buffer.from does). */
  utf8(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        b[p++] = c;
        continue;
      }
      if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 0x3f);
          b[p++] = 0x80 | ((cp >> 6) & 0x3f);
          b[p++] = 0x80 | (cp & 0x3f);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    }
    this.pos = p;
  }

  /** A number as JSON writes it. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 1e15) {
      this.room(16);
      const b = this.buf;
      if (v < 10) {
        b[this.pos++] = 48 + v;
        return;
      }
      let digits = 1;
      for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
      let p = this.pos + digits;
      this.pos = p;
      for (let x = v; ; ) {
        b[--p] = 48 + (x % 10);
        x = Math.floor(x / 10);
        if (x === 0) break;
      }
      return;
    }
    this.ascii(JSON.stringify(v));
  }

  /** A string as a JSON string literal: the same bytes as JSON.stringify(s), encoded as UTF-8. */
  jsonString(s: string): void {
    const n = s.length;
    // The common case: nothing to escape.
    let plain = true;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      this.ascii('"');
      this.utf8(s);
      this.ascii('"');
      return;
    }
    // Escapes and surrogates: JSON.stringify decides (it escapes lone surrogates, which UTF-8 cannot carry).
    this.utf8(JSON.stringify(s));
  }
}
