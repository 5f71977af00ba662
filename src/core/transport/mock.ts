/**
 * A scripted transport for tests: replies to writes from an ordered script (or a handler), can
 * split replies into arbitrary chunks, and can simulate a dropped link or a silent device.
 */
import { AppError } from '../base/errors';
import { abortError } from '../base/abort';
import { BaseTransport } from './base';
import { internalError } from './internal-error';
import { toBytes } from './types';

export interface MockStep {
  /** What the client must write next (a string matches exactly, a RegExp tests it). */
  expect: string | RegExp;
  /** Text the device sends back; an array is sent as separate chunks. */
  reply?: string | string[];
  /** Simulate the link dropping after this write instead of replying. */
  drop?: boolean;
}

export interface MockOptions {
  label?: string;
  /** Sent right after open (banner, prompt). */
  greeting?: string;
  steps?: MockStep[];
  /** Free-form device: called for every write; use `push` to answer. Overrides steps. */
  onWrite?: (text: string, mock: MockTransport) => void;
  /** Splits every reply's bytes into chunks (property tests: UTF-8 split mid-character too). */
  chunker?: (bytes: Uint8Array) => Uint8Array[];
  bytesPerSecond?: number;
  /** open() fails with this error (auth failure, refused connection…). */
  openError?: AppError;
}

export class MockTransport extends BaseTransport {
  readonly kind = 'mock' as const;
  readonly label: string;
  readonly bytesPerSecond: number | undefined;
  /** Everything written by the client, for assertions. */
  readonly written: string[] = [];
  /** Script mismatches, for assertions (the device just stays silent, like a real one). */
  readonly unexpected: string[] = [];
  private steps: MockStep[];
  private readonly decoder = new TextDecoder();
  private queue: Uint8Array[] = [];

  constructor(private readonly opts: MockOptions = {}) {
    super();
    this.label = opts.label ?? 'mock';
    this.bytesPerSecond = opts.bytesPerSecond;
    this.steps = [...(opts.steps ?? [])];
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortError(signal);
    if (this.state !== 'new') throw internalError('mock transport opened twice');
    if (this.opts.openError) {
      this.state = 'closed';
      throw this.opts.openError;
    }
    this.state = 'open';
    if (this.opts.greeting) this.push(this.opts.greeting);
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (this.state !== 'open') throw this.notOpenError();
    const text = typeof data === 'string' ? data : this.decoder.decode(data);
    this.written.push(text);
    if (this.opts.onWrite) return this.opts.onWrite(text, this);
    const step = this.steps[0];
    const matches = step && (typeof step.expect === 'string' ? step.expect === text : step.expect.test(text));
    if (!step || !matches) {
      this.unexpected.push(text);
      return;
    }
    this.steps.shift();
    if (step.drop) return this.drop();
    if (step.reply !== undefined) this.push(step.reply);
  }

  /** Device → client, delivered asynchronously as real I/O would be. */
  push(reply: string | string[]): void {
    const parts = Array.isArray(reply) ? reply : [reply];
    for (const p of parts) for (const c of this.opts.chunker ? this.opts.chunker(toBytes(p)) : [toBytes(p)]) this.enqueue(c);
  }

  /** Raw bytes (invalid UTF-8, split code points) from the device. */
  pushBytes(bytes: Uint8Array): void {
    this.enqueue(bytes);
  }

  /** One timer drains the queue chunk by chunk, in order (a timer per chunk costs ~1 ms each). */
  private enqueue(chunk: Uint8Array): void {
    this.queue.push(chunk);
    if (this.queue.length === 1) setTimeout(() => this.drain(), 0);
  }

  private drain(): void {
    while (this.queue.length) this.emitData(this.queue.shift()!);
  }

  /** The link goes away (cable pulled, TCP reset); `reason` is the test's own words, shown as given. */
  drop(reason?: string): void {
    const label = this.label;
    const e =
      reason === undefined
        ? new AppError('DISCONNECTED', `${label}: the link dropped.`, { message: { key: 'error.disconnected.link-dropped', params: { label } } })
        : new AppError('DISCONNECTED', `${label}: the connection was lost (${reason}).`, { message: { key: 'error.disconnected.lost', params: { label, reason } } });
    setTimeout(() => this.markClosed(e), 0);
  }

  get remainingSteps(): number {
    return this.steps.length;
  }

  async close(): Promise<void> {
    this.markClosed();
  }
}
