/**
 * Plays a recorded transcript back as a device: what the device sent ('in') is delivered until
 * the next thing the client sent ('out'), and a write must match that recorded text (redacted
 * secrets `***` match anything). A divergence drops the link with a message naming both texts,
 * so a test fails loudly instead of hanging.
 */
import { abortError } from '../base/abort';
import { AppError } from '../base/errors';
import type { TranscriptEntry } from '../channel/transcript';
import { REDACTED } from '../channel/redact';
import { BaseTransport } from './base';
import { toBytes } from './types';

export class ReplayTransport extends BaseTransport {
  readonly kind = 'replay' as const;
  readonly bytesPerSecond = undefined;
  private readonly entries: TranscriptEntry[];
  private pos = 0;
  private typed = '';
  private lastSecret: string | undefined;
  private readonly decoder = new TextDecoder();

  constructor(
    entries: readonly TranscriptEntry[],
    readonly label = 'replay',
    /** Re-splits what the device sends (property tests: any chunking must give the same result). */
    private readonly chunker?: (bytes: Uint8Array) => Uint8Array[],
  ) {
    super();
    this.entries = entries.filter((e) => e.dir !== 'note');
  }

  /** True once every recorded exchange has been played. */
  get finished(): boolean {
    return this.pos >= this.entries.length && this.typed === '';
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    this.state = 'open';
    this.deliver();
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (this.state !== 'open') throw this.notOpenError();
    this.typed += typeof data === 'string' ? data : this.decoder.decode(data);
    // consume as many recorded writes as the typed text completes (writes may be split or merged)
    for (;;) {
      const next = this.entries[this.pos];
      if (!next || next.dir !== 'out') break;
      const n = matchRecorded(next.text, this.typed);
      if (n === 'mismatch') {
        const [entry, recorded, written] = [String(this.pos), JSON.stringify(next.text), JSON.stringify(this.typed)];
        const e = new AppError('DISCONNECTED', `replay diverged at entry ${entry}: recorded ${recorded}, written ${written}`, {
          message: { key: 'error.disconnected.replay-diverged', params: { entry, recorded, written } },
        });
        this.typed = '';
        setTimeout(() => this.markClosed(e), 0);
        return;
      }
      if (n === 'partial') return;
      this.typed = this.typed.slice(n.length);
      // the device echoes what was typed: its recorded echo of a secret is redacted too
      if (n.secrets.length) this.lastSecret = n.secrets[n.secrets.length - 1]!;
      this.pos++;
      this.deliver();
    }
    if (this.typed && this.pos >= this.entries.length) {
      const written = JSON.stringify(this.typed);
      const e = new AppError('DISCONNECTED', `replay ended; unexpected write ${written}`, { message: { key: 'error.disconnected.replay-ended', params: { written } } });
      this.typed = '';
      setTimeout(() => this.markClosed(e), 0);
    }
  }

  private deliver(): void {
    while (this.entries[this.pos]?.dir === 'in') {
      const text = this.entries[this.pos]!.text;
      const bytes = toBytes(this.lastSecret === undefined ? text : text.split(REDACTED).join(this.lastSecret));
      this.pos++;
      for (const c of this.chunker ? this.chunker(bytes) : [bytes]) setTimeout(() => this.emitData(c), 0);
    }
  }

  async close(): Promise<void> {
    this.markClosed();
  }
}

/**
 * How much of `typed` the recorded text accounts for: a length (with the texts that stood in
 * for each `***`), 'partial' (a prefix so far), or 'mismatch'. `***` in the recording stands
 * for a secret and runs up to the next recorded character.
 */
export function matchRecorded(recorded: string, typed: string): { length: number; secrets: string[] } | 'partial' | 'mismatch' {
  const parts = recorded.split(REDACTED);
  const secrets: string[] = [];
  let i = 0;
  for (let p = 0; p < parts.length; p++) {
    const lit = parts[p]!;
    if (p > 0) {
      if (lit === '') {
        if (p < parts.length - 1) continue;
        if (typed.length <= i) return 'partial';
        secrets.push(typed.slice(i));
        return { length: typed.length, secrets };
      }
      const stop = typed.indexOf(lit[0]!, i);
      if (stop < 0) return 'partial';
      secrets.push(typed.slice(i, stop));
      i = stop;
    }
    const avail = typed.slice(i, i + lit.length);
    if (!lit.startsWith(avail)) return 'mismatch';
    if (avail.length < lit.length) return 'partial';
    i += lit.length;
  }
  return { length: i, secrets };
}
