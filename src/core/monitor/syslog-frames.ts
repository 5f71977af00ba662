/**
 * Syslog over TCP (RFC 6587): a frame is either octet-counted ("123 <34>1 …", the length counts
 * bytes) or ends at LF (non-transparent framing; some senders use NUL or CRLF). Each frame decides
 * for itself by its first byte, as rsyslog does, so a sender may mix them. Works on bytes because
 * the octet count counts bytes, not UTF-16 characters; the same result whatever the chunking.
 */
const MAX_FRAME = 64 * 1024;

export class SyslogFrameDecoder {
  private buf: Uint8Array = new Uint8Array(0);
  private readonly text = new TextDecoder();

  /** Feed a chunk; returns the complete messages it finished (without framing). */
  push(chunk: Uint8Array): string[] {
    this.buf = concat(this.buf, chunk);
    const out: string[] = [];
    for (;;) {
      const msg = this.next();
      if (msg === undefined) break;
      if (msg.length > 0) out.push(msg);
    }
    return out;
  }

  /** What is left when the connection closes: a last LF-less message counts. */
  end(): string[] {
    const rest = this.text.decode(this.buf).replace(/[\r\n\0]+$/, '');
    this.buf = new Uint8Array(0);
    return rest.trim() ? [rest] : [];
  }

  private next(): string | undefined {
    const b = this.buf;
    if (b.length === 0) return undefined;
    if (b[0]! >= 0x31 && b[0]! <= 0x39) {
      // Octet counting: digits, one space, then exactly that many bytes.
      let i = 0;
      while (i < b.length && i < 6 && b[i]! >= 0x30 && b[i]! <= 0x39) i++;
      if (i === b.length) return undefined;
      if (b[i] === 0x20) {
        const len = Number(this.text.decode(b.subarray(0, i)));
        if (len <= MAX_FRAME) {
          if (b.length < i + 1 + len) return undefined;
          const msg = this.text.decode(b.subarray(i + 1, i + 1 + len));
          this.buf = b.subarray(i + 1 + len);
          return msg.replace(/[\r\n]+$/, '');
        }
      }
      // Digits not followed by a space: not a count, so it is a line that starts with a digit.
    }
    let end = -1;
    for (let j = 0; j < b.length; j++) {
      if (b[j] === 0x0a || b[j] === 0x00) {
        end = j;
        break;
      }
    }
    if (end < 0) {
      if (b.length > MAX_FRAME) {
        // A sender that never frames: cut rather than grow without bound.
        const msg = this.text.decode(b.subarray(0, MAX_FRAME));
        this.buf = b.subarray(MAX_FRAME);
        return msg;
      }
      return undefined;
    }
    const msg = this.text.decode(b.subarray(0, end)).replace(/\r$/, '');
    this.buf = b.subarray(end + 1);
    return msg;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
