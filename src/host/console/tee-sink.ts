import { formatTranscriptLine, type TranscriptEntry, type TranscriptSink } from '../../core/channel/transcript';

/** Keep at most this much of a console's transcript in memory for "save transcript". */
const MAX_KEPT_CHARS = 4 * 1024 * 1024;

/**
 * The file transcript (always written, the record that outlives the app) plus an in-memory copy
 * of the same redacted lines, so the user can download it without the host reading files back.
 * Entries reach a sink only after the recorder redacted them.
 */
export class TeeTranscriptSink implements TranscriptSink {
  private lines: string[] = [];
  private size = 0;
  private dropped = 0;

  constructor(private readonly file: TranscriptSink) {}

  get location(): string {
    return this.file.location;
  }

  write(entry: TranscriptEntry): void {
    this.file.write(entry);
    const line = formatTranscriptLine(entry);
    this.lines.push(line);
    this.size += line.length + 1;
    // the oldest lines go first; the file keeps everything
    while (this.size > MAX_KEPT_CHARS && this.lines.length > 1) {
      this.size -= this.lines.shift()!.length + 1;
      this.dropped++;
    }
  }

  text(): string {
    const head = this.dropped ? `${JSON.stringify({ t: new Date().toISOString(), dir: 'note', text: `${this.dropped} earlier lines are only in ${this.location}\n` })}\n` : '';
    return head + this.lines.map((l) => `${l}\n`).join('');
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
