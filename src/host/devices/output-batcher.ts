/** Window over which device output is coalesced into one event (a 60 Hz frame is ~16 ms). */
export const BATCH_MS = 25;
/** A burst larger than this is sent at once rather than held for the window. */
export const BATCH_MAX_CHARS = 64 * 1024;

/**
 * Device text to the UI in batches, per key (a console session, wizard device A or B): a serial
 * line delivers a few bytes per read and SSH a packet per line, and one IPC/WebSocket message per
 * chunk would flood the renderer. The first chunk of a quiet key opens a window; everything
 * arriving within it leaves as one message.
 */
export class OutputBatcher<K extends string = string> {
  private readonly pending = new Map<K, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Messages sent and chunks received so far (tests and the report measure coalescing with them). */
  sent = 0;
  received = 0;

  constructor(
    private readonly flushTo: (key: K, data: string) => void,
    private readonly windowMs = BATCH_MS,
  ) {}

  push(key: K, text: string): void {
    if (!text) return;
    this.received++;
    const next = (this.pending.get(key) ?? '') + text;
    this.pending.set(key, next);
    if (next.length >= BATCH_MAX_CHARS) this.flush(key);
    else this.timer ??= setTimeout(() => this.flushAll(), this.windowMs);
  }

  /** Sends what is held for one key now (before a close event, so output keeps its order). */
  flush(key: K): void {
    const data = this.pending.get(key);
    if (data === undefined) return;
    this.pending.delete(key);
    this.sent++;
    this.flushTo(key, data);
  }

  flushAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const k of [...this.pending.keys()]) this.flush(k);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
