import type { HostEvent } from '../../contract/index';

/** Window over which device output is coalesced into one event (a 60 Hz frame is ~16 ms). */
export const BATCH_MS = 25;
/** A burst larger than this is sent at once rather than held for the window. */
export const BATCH_MAX_CHARS = 64 * 1024;

/**
 * Coalesces console output per session: a serial line delivers a few bytes per read and SSH a
 * packet per line, and one IPC/WebSocket message per chunk would flood the renderer. The first
 * chunk of a quiet session opens a window; everything arriving within it leaves as one event.
 */
export class OutputBatcher {
  private readonly pending = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Events sent and chunks received so far (tests and the report measure coalescing with them). */
  sent = 0;
  received = 0;

  constructor(
    private readonly emit: (e: HostEvent) => void,
    private readonly windowMs = BATCH_MS,
  ) {}

  push(sessionId: string, text: string): void {
    if (!text) return;
    this.received++;
    const next = (this.pending.get(sessionId) ?? '') + text;
    this.pending.set(sessionId, next);
    if (next.length >= BATCH_MAX_CHARS) this.flush(sessionId);
    else this.timer ??= setTimeout(() => this.flushAll(), this.windowMs);
  }

  /** Sends what is held for one session now (before a close event, so output keeps its order). */
  flush(sessionId: string): void {
    const data = this.pending.get(sessionId);
    if (data === undefined) return;
    this.pending.delete(sessionId);
    this.sent++;
    this.emit({ event: 'console.output', payload: { sessionId, data } });
  }

  flushAll(): void {
    this.timer = undefined;
    for (const id of [...this.pending.keys()]) this.flush(id);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
