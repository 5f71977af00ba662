/**
 * Every session writes a transcript (time, direction, text) — always on, because after a failed
 * commissioning the transcript is the only record of what the device said. Secrets are
 * redacted before anything reaches the sink.
 */
import { StreamRedactor } from './redact';

export type TranscriptDirection = 'in' | 'out' | 'note';

export interface TranscriptEntry {
  /** Milliseconds since the Unix epoch. */
  t: number;
  dir: TranscriptDirection;
  text: string;
}

export interface TranscriptSink {
  /** Where the transcript goes (a file path, "memory"), shown to the user. */
  readonly location: string;
  write(entry: TranscriptEntry): void;
  close(): Promise<void>;
}

export class MemoryTranscriptSink implements TranscriptSink {
  readonly location = 'memory';
  readonly entries: TranscriptEntry[] = [];
  write(entry: TranscriptEntry): void {
    this.entries.push(entry);
  }
  async close(): Promise<void> {}
  /** All text of one direction joined (tests). */
  text(dir: TranscriptDirection): string {
    return this.entries
      .filter((e) => e.dir === dir)
      .map((e) => e.text)
      .join('');
  }
}

/**
 * Redacts per direction with a streaming matcher (a password written in two pieces is still
 * caught), then hands entries to the sink. Text held back while undecided is written on close.
 */
export class TranscriptRecorder {
  private readonly redactors: Record<TranscriptDirection, StreamRedactor>;
  private closed = false;

  constructor(
    readonly sink: TranscriptSink,
    private readonly now: () => number = () => Date.now(),
    keywords?: readonly string[],
  ) {
    this.redactors = { in: new StreamRedactor(keywords), out: new StreamRedactor(keywords), note: new StreamRedactor(keywords) };
  }

  /** Registers a secret (password, new password, passphrase) for every direction. */
  addSecret(secret: string | undefined): void {
    if (!secret) return;
    for (const r of Object.values(this.redactors)) r.literal.add(secret);
  }

  record(dir: TranscriptDirection, text: string): void {
    if (this.closed || text === '') return;
    const redacted = this.redactors[dir].feed(text);
    if (redacted) this.sink.write({ t: this.now(), dir, text: redacted });
  }

  note(text: string): void {
    this.record('note', text.endsWith('\n') ? text : text + '\n');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const dir of ['in', 'out', 'note'] as const) {
      const rest = this.redactors[dir].flush();
      if (rest) this.sink.write({ t: this.now(), dir, text: rest });
    }
    this.closed = true;
    await this.sink.close();
  }
}

/** `fw1-20261125T141502Z.jsonl`: device label made file-safe, then UTC start time. */
export function transcriptFileName(device: string, at: Date): string {
  const safe = device.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64) || 'device';
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${safe}-${stamp}.jsonl`;
}

export function formatTranscriptLine(e: TranscriptEntry): string {
  return JSON.stringify({ t: new Date(e.t).toISOString(), dir: e.dir, text: e.text });
}

/** Reads JSON-lines transcripts back (replay tests, support). Bad lines are skipped, never thrown. */
export function parseTranscript(text: string): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const raw = JSON.parse(line) as { t?: unknown; dir?: unknown; text?: unknown };
      const dir = raw.dir;
      if ((dir === 'in' || dir === 'out' || dir === 'note') && typeof raw.text === 'string') {
        const t = typeof raw.t === 'string' ? Date.parse(raw.t) : typeof raw.t === 'number' ? raw.t : 0;
        out.push({ t: Number.isFinite(t) ? t : 0, dir, text: raw.text });
      }
    } catch {
      // a truncated last line (the process died mid-write) must not lose the rest
    }
  }
  return out;
}
