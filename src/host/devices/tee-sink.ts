import { formatTranscriptLine, type TranscriptEntry, type TranscriptSink } from '../../core/channel/transcript';

/** Keep at most this much of a transcript in memory for "save transcript". */
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

/**
 * The file transcript (always written, the record that outlives the app) plus what the app needs
 * of the same redacted entries: a live view of the device's text (the wizard) and/or an in-memory
 * copy the user can download without the host reading files back (the console). Entries reach a
 * sink only after the recorder redacted them, so a typed password never reaches the UI.
 */
export class TeeTranscriptSink implements TranscriptSink {
  private lines: string[] = [];
  private size = 0;
  private dropped = 0;

  constructor(
    private readonly file: TranscriptSink,
    private readonly o: { live?: (text: string) => void; keep?: boolean },
  ) {}

  get location(): string {
    return this.file.location;
  }

  write(entry: TranscriptEntry): void {
    this.file.write(entry);
    // 'in' is what the device printed (echo included): what a terminal would show.
    if (entry.dir === 'in') this.o.live?.(entry.text);
    if (!this.o.keep) return;
    const line = formatTranscriptLine(entry);
    this.lines.push(line);
    this.size += line.length + 1;
    // the oldest lines go first; the file keeps everything
    while (this.size > MAX_KEPT_CHARS && this.lines.length > 1) {
      this.size -= this.lines.shift()!.length + 1;
      this.dropped++;
    }
  }

  /** The kept copy, JSON lines as in the file. */
  text(): string {
    const head = this.dropped ? `${JSON.stringify({ t: new Date().toISOString(), dir: 'note', text: `${this.dropped} earlier lines are only in ${this.location}\n` })}\n` : '';
    return head + this.lines.map((l) => `${l}\n`).join('');
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
