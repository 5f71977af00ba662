/**
 * A one-line terminal: turns the device's character stream into the text an engineer would see.
 * Comware erases its pager marker with backspaces or ANSI cursor moves and redraws lines, so
 * stripping those bytes is not enough — the current line is emulated (cursor, overwrite, erase)
 * and only finished lines are appended. It is a pure state machine over characters (partial
 * escape sequences are carried over), so the result never depends on how the bytes were chunked.
 */

const ESC = '\x1b';
/** Longest escape sequence we buffer before giving up on it (garbage must not grow memory). */
const MAX_ESCAPE = 32;

export class TerminalText {
  /**
   * Finished lines (each ending in '\n') not yet consumed, with their absolute start offsets.
   * Lines, not one growing string: slicing a long concatenated string makes V8 flatten all of
   * it, which would turn every tail look-up into a full copy of the output.
   */
  private lines: string[] = [];
  private starts: number[] = [];
  private head = 0; // index of the first unconsumed line
  private end = 0; // absolute offset after the last finished line
  private line: string[] = [];
  private col = 0;
  private esc = '';
  /** The line was redrawn, so trailing blanks are leftovers of erased text. */
  private dirty = false;

  feed(text: string): void {
    for (const ch of text) {
      if (this.esc) {
        this.esc += ch;
        this.escape();
        continue;
      }
      const code = ch.codePointAt(0)!;
      if (ch === ESC) this.esc = ch;
      else if (ch === '\n') this.finishLine();
      else if (ch === '\r') this.col = 0;
      else if (ch === '\b') {
        this.dirty = true;
        this.col = Math.max(0, this.col - 1);
      } else if (ch === '\t' || (code >= 0x20 && code !== 0x7f)) this.put(ch);
      // other C0 controls (NUL before a prompt, BEL) carry nothing an engineer sees
    }
  }

  /** Absolute offset where the current (unfinished) line starts. */
  get lineStart(): number {
    return this.end;
  }

  currentLine(): string {
    return this.line.join('');
  }

  /** The current line, or its last `max` characters behind a cut sentinel when longer. */
  currentLineTail(max: number): string {
    if (this.line.length <= max) return this.line.join('');
    return '\u0001' + this.line.slice(this.line.length - max).join('');
  }

  /** The cursor's column on the current line. */
  get column(): number {
    return this.col;
  }

  /**
   * Forgets blanks after the cursor that only mark erased characters (Backspace echoes `\b \b`),
   * so the next command's echo is looked for where the cursor is, not after the blanks.
   */
  dropErased(): void {
    if (this.col < this.line.length && this.line.slice(this.col).every((c) => c === ' ')) this.line.length = this.col;
  }

  /** Finished text from absolute offset `from` (clamped to what is still held) plus the current line. */
  textFrom(from: number): string {
    if (from >= this.end) return this.currentLine().slice(from - this.end);
    return this.finishedBetween(from, this.end) + this.currentLine();
  }

  /** Finished text between two absolute offsets. */
  finishedBetween(from: number, to: number): string {
    to = Math.min(to, this.end);
    if (from >= to || this.head >= this.lines.length) return '';
    let i = this.indexOf(Math.max(from, this.starts[this.head]!));
    const parts: string[] = [];
    for (; i < this.lines.length && this.starts[i]! < to; i++) {
      const s = this.starts[i]!;
      const l = this.lines[i]!;
      parts.push(l.slice(Math.max(0, from - s), Math.min(l.length, to - s)));
    }
    return parts.join('');
  }

  /**
   * The last `max` characters, cut at a line boundary so that a `^`/newline anchor in a pattern
   * can only match at a real line start (a '\u0001' sentinel marks a cut inside a line).
   */
  tail(max = 512): string {
    const cur = this.currentLineTail(max);
    if (cur.length >= max) return cur;
    let need = max - cur.length;
    const parts: string[] = [cur];
    for (let i = this.lines.length - 1; i >= this.head; i--) {
      const l = this.lines[i]!;
      if (l.length > need) {
        if (parts.length === 1) return '\u0001' + l.slice(l.length - need) + cur;
        break;
      }
      parts.push(l);
      need -= l.length;
    }
    return parts.reverse().join('');
  }

  /** Forget finished lines before `abs` (memory stays bounded on long sessions). */
  consumeTo(abs: number): void {
    while (this.head < this.lines.length && this.starts[this.head]! + this.lines[this.head]!.length <= abs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.starts = this.starts.slice(this.head);
      this.head = 0;
    }
  }

  /** Index of the line holding absolute offset `abs` (binary search over start offsets). */
  private indexOf(abs: number): number {
    let lo = this.head;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= abs) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private put(ch: string): void {
    while (this.line.length < this.col) this.line.push(' ');
    if (this.col < this.line.length) this.dirty = true; // overwriting a redrawn line
    this.line[this.col] = ch;
    this.col++;
  }

  private finishLine(): void {
    let text = this.line.join('');
    if (this.dirty) text = text.trimEnd();
    this.lines.push(text + '\n');
    this.starts.push(this.end);
    this.end += text.length + 1;
    this.line = [];
    this.col = 0;
    this.dirty = false;
  }

  private escape(): void {
    const s = this.esc;
    if (s.length === 2 && s[1] !== '[') {
      // ESC ( B and friends take one more character; any other ESC x is complete
      if (s[1] === '(' || s[1] === ')') return;
      this.esc = '';
      return;
    }
    if (s.length === 3 && (s[1] === '(' || s[1] === ')')) {
      this.esc = '';
      return;
    }
    if (s[1] !== '[') return;
    const last = s.charCodeAt(s.length - 1);
    if (s.length > 2 && last >= 0x40 && last <= 0x7e) {
      this.esc = '';
      this.csi(s.slice(2, -1), s[s.length - 1]!);
    } else if (s.length > MAX_ESCAPE) this.esc = '';
  }

  private csi(params: string, final: string): void {
    const n = Number.parseInt(params || '1', 10) || 1;
    switch (final) {
      case 'D':
        this.dirty = true;
        this.col = Math.max(0, this.col - n);
        break;
      case 'C':
        this.col += n;
        break;
      case 'G':
        this.dirty = true;
        this.col = Math.max(0, n - 1);
        break;
      case 'K': {
        this.dirty = true;
        const mode = params === '' ? 0 : Number.parseInt(params, 10);
        if (mode === 0) this.line.length = Math.min(this.line.length, this.col);
        else if (mode === 2) this.line = [];
        else for (let i = 0; i < Math.min(this.col + 1, this.line.length); i++) this.line[i] = ' ';
        break;
      }
      default:
      // colours, scrolling regions, screen clears: nothing a line-oriented reader needs
    }
  }
}
