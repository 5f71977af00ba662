import type { TranscriptEntry, TranscriptSink } from '../../core/channel/transcript';

/**
 * The session transcript goes to its file as always, and its device-side text (already redacted
 * by the recorder, so a typed password never reaches the UI) also to a live view.
 */
export class TeeTranscriptSink implements TranscriptSink {
  constructor(
    private readonly file: TranscriptSink,
    private readonly live: (text: string) => void,
  ) {}

  get location(): string {
    return this.file.location;
  }

  write(entry: TranscriptEntry): void {
    this.file.write(entry);
    // 'in' is what the device printed (echo included): what a terminal would show.
    if (entry.dir === 'in') this.live(entry.text);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
