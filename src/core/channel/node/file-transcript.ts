/** Transcript sink writing JSON lines to `<data dir>/transcripts/<device>-<UTC time>.jsonl`, mode 0600. */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../base/node/paths';
import { formatTranscriptLine, transcriptFileName, type TranscriptEntry, type TranscriptSink } from '../transcript';

export class FileTranscriptSink implements TranscriptSink {
  readonly location: string;
  private readonly stream: WriteStream;

  constructor(device: string, o: { dir?: string; at?: Date } = {}) {
    const dir = o.dir ?? join(dataDir(), 'transcripts');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.location = join(dir, transcriptFileName(device, o.at ?? new Date()));
    this.stream = createWriteStream(this.location, { flags: 'a', mode: 0o600 });
    this.stream.on('error', () => undefined); // a full disk must not kill the session it records
  }

  write(entry: TranscriptEntry): void {
    this.stream.write(formatTranscriptLine(entry) + '\n');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
