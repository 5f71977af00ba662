/**
 * Streaming secret redaction for transcripts. Device I/O arrives in arbitrary pieces, so a
 * password can be split across two reads or writes; both matchers below hold back just enough
 * text to decide, and decide left to right from the text alone — the output is the same
 * whatever the chunking (fuzzed in test/core/channel/redact.test.ts).
 */

export const REDACTED = '***';

/**
 * Keywords whose next token is a secret on Comware-style CLIs: `password simple X`,
 * `password cipher $c$…`, `password hash $h$…`, `authentication-mode simple KEY`,
 * `pre-shared-key cipher …`. Kept here rather than in the platform pack because it protects
 * the transcript of any platform; a pack may add more through TranscriptRecorder.addKeyword.
 */
export const DEFAULT_SECRET_KEYWORDS = ['simple', 'cipher', 'hash'];

/** Replaces every registered literal secret, including one split across feeds. */
export class LiteralRedactor {
  private pending = '';
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length > 0) this.secrets.add(secret);
  }

  feed(text: string): string {
    this.pending += text;
    return this.drain(false);
  }

  flush(): string {
    return this.drain(true);
  }

  private drain(final: boolean): string {
    const p = this.pending;
    let out = '';
    let i = 0;
    let emitFrom = 0;
    while (i < p.length) {
      let complete = 0;
      let possible = false;
      for (const s of this.secrets) {
        if (s.charCodeAt(0) !== p.charCodeAt(i)) continue;
        const avail = p.length - i;
        if (avail >= s.length) {
          if (p.startsWith(s, i) && s.length > complete) complete = s.length;
        } else if (!final && s.startsWith(p.slice(i))) possible = true;
      }
      // a longer secret might still complete here: wait for more text before deciding
      if (possible) break;
      if (complete > 0) {
        out += p.slice(emitFrom, i) + REDACTED;
        i += complete;
        emitFrom = i;
      } else i++;
    }
    out += p.slice(emitFrom, i);
    this.pending = p.slice(i);
    return out;
  }
}

/** Replaces the token after a secret keyword (`simple X` → `simple ***`). */
export class KeywordRedactor {
  private word = '';
  private longWord = false;
  /** 0: normal; 1: keyword seen, skipping blanks; 2: inside the secret token. */
  private mode: 0 | 1 | 2 = 0;
  private readonly keywords: Set<string>;
  private readonly maxWord: number;

  constructor(keywords: readonly string[] = DEFAULT_SECRET_KEYWORDS) {
    this.keywords = new Set(keywords);
    this.maxWord = Math.max(0, ...keywords.map((k) => k.length));
  }

  feed(text: string): string {
    let out = '';
    for (const ch of text) {
      const blank = ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
      const eol = ch === '\r' || ch === '\n';
      if (this.mode === 2) {
        if (blank) {
          out += REDACTED + ch;
          this.mode = 0;
        }
        continue;
      }
      if (this.mode === 1) {
        if (eol) this.mode = 0;
        else if (!blank) {
          this.mode = 2;
          continue;
        }
        out += ch;
        continue;
      }
      if (blank) {
        if (!this.longWord && this.keywords.has(this.word) && !eol) this.mode = 1;
        out += this.word + ch;
        this.word = '';
        this.longWord = false;
      } else if (this.longWord) out += ch;
      else if (!this.couldBeKeyword(this.word + ch)) {
        // cannot become a keyword: pass the word through instead of holding it back, so the
        // transcript keeps its order (a held prompt would be written after our next command)
        out += this.word + ch;
        this.word = '';
        this.longWord = true;
      } else this.word += ch;
    }
    return out;
  }

  private couldBeKeyword(prefix: string): boolean {
    if (prefix.length > this.maxWord) return false;
    for (const k of this.keywords) if (k.startsWith(prefix)) return true;
    return false;
  }

  flush(): string {
    const out = this.mode === 2 ? REDACTED : this.word;
    this.word = '';
    this.longWord = false;
    this.mode = 0;
    return out;
  }
}

/** Literal secrets first, then keyword arguments: one direction of a transcript. */
export class StreamRedactor {
  readonly literal = new LiteralRedactor();
  private readonly keyword: KeywordRedactor;

  constructor(keywords?: readonly string[]) {
    this.keyword = new KeywordRedactor(keywords);
  }
  feed(text: string): string {
    return this.keyword.feed(this.literal.feed(text));
  }
  flush(): string {
    const rest = this.keyword.feed(this.literal.flush());
    return rest + this.keyword.flush();
  }
}

/** One-shot helper (tests, notes). */
export function redactAll(text: string, secrets: readonly string[], keywords?: readonly string[]): string {
  const r = new StreamRedactor(keywords);
  for (const s of secrets) r.literal.add(s);
  return r.feed(text) + r.flush();
}
