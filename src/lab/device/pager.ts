/**
 * The `---- More ----` pager (the vendor CLI notes): a page of `size` lines, then the marker; space
 * shows the next page, Enter the next line, q or Ctrl+C abandons the rest. Continuing erases the
 * marker with backspaces, blanks and backspaces again, as the device does on a dumb terminal.
 */
export const MORE = '  ---- More ----';
const ERASE = '\b'.repeat(MORE.length) + ' '.repeat(MORE.length) + '\b'.repeat(MORE.length);

export class Pager {
  private pos = 0;
  constructor(
    private readonly lines: readonly string[],
    private readonly size: number,
    private readonly write: (s: string) => void,
  ) {}

  /** Print the first page; true when the pager is waiting for a key. */
  start(): boolean {
    return this.show(this.size);
  }

  /** One key while the marker is up; returns whether the pager still waits. */
  key(ch: string): boolean {
    if (ch === ' ') return this.continue(this.size);
    if (ch === '\r' || ch === '\n') return this.continue(1);
    if (ch === 'q' || ch === 'Q' || ch === '\x03') {
      this.write(ERASE);
      return false;
    }
    return true;
  }

  private continue(n: number): boolean {
    this.write(ERASE);
    return this.show(n);
  }

  private show(n: number): boolean {
    const chunk = this.lines.slice(this.pos, this.pos + n);
    this.pos += chunk.length;
    if (chunk.length) this.write(chunk.map((l) => `${l}\r\n`).join(''));
    if (this.pos >= this.lines.length) return false;
    this.write(MORE);
    return true;
  }
}
