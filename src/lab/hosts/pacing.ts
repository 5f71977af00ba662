/**
 * Serial line pacing: a token bucket filled at the line rate (baud / 10 bytes per second for 8N1:
 * start bit + 8 data bits + stop bit), drained by whole chunks. One timer per pending chunk rather
 * than one per byte, so a 100-pair lab at 9600 baud stays cheap.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly bytesPerSecond: number,
    /** Burst allowance: what the UART FIFO would let through back to back (~100 ms of line time, at least 16 bytes). */
    readonly capacity = Math.max(16, Math.floor(bytesPerSecond / 10)),
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) * this.bytesPerSecond) / 1000);
    this.last = t;
  }

  /** Takes up to `want` bytes' worth of tokens; returns how many were granted. */
  take(want: number): number {
    this.refill();
    const n = Math.min(want, Math.floor(this.tokens));
    this.tokens -= n;
    return n;
  }

  /** Milliseconds until at least one byte may pass. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.bytesPerSecond);
  }
}

/** A one-direction byte pipe: immediate when unpaced, otherwise at the bucket's rate, order preserved. */
export class PacedPipe {
  private queue: Buffer[] = [];
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly sink: (chunk: Buffer) => void,
    private readonly bucket: TokenBucket | undefined,
  ) {}

  push(chunk: Buffer): void {
    if (this.closed || chunk.length === 0) return;
    if (!this.bucket) return this.sink(chunk);
    this.queue.push(chunk);
    if (!this.timer) this.pump();
  }

  get pending(): number {
    return this.queue.reduce((n, b) => n + b.length, 0);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }

  private pump(): void {
    this.timer = undefined;
    const bucket = this.bucket;
    if (!bucket || this.closed) return;
    while (this.queue.length > 0) {
      const head = this.queue[0] as Buffer;
      const n = bucket.take(head.length);
      if (n === 0) break;
      this.sink(head.subarray(0, n));
      if (n === head.length) this.queue.shift();
      else this.queue[0] = head.subarray(n);
    }
    if (this.queue.length > 0) this.timer = setTimeout(() => this.pump(), Math.max(1, bucket.waitMs()));
  }
}
