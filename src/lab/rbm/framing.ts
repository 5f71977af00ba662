/**
 * JSON-lines framing for the lab's RBM channels. A line longer than MAX_LINE_BYTES means a broken
 * or hostile peer: the caller drops the connection rather than buffering without bound.
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export class LineDecoder {
  private pending = '';

  /** Returns the complete messages in this chunk; throws on a line that is not a JSON object. */
  feed(chunk: Buffer | string): { t: string }[] {
    this.pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (this.pending.length > MAX_LINE_BYTES) throw new Error('RBM frame too long');
    const out: { t: string }[] = [];
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl);
      this.pending = this.pending.slice(nl + 1);
      if (line.trim() === '') continue;
      const v: unknown = JSON.parse(line);
      if (typeof v !== 'object' || v === null || typeof (v as { t?: unknown }).t !== 'string') throw new Error('RBM frame without a type');
      out.push(v as { t: string });
    }
    return out;
  }
}

export function encodeLine(msg: object): string {
  return `${JSON.stringify(msg)}\n`;
}
