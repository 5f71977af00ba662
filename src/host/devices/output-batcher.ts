/**
 * Device session text to the UI in batches: a console at 115200 baud or an SSH shell delivers
 * many small chunks, and one event per chunk would flood IPC/WebSocket and re-render the page for
 * each. Text is gathered per device and flushed every `intervalMs` (and capped so a burst stays bounded).
 */
export type DeviceKey = 'a' | 'b';

export class OutputBatcher {
  private readonly pending: Record<DeviceKey, string> = { a: '', b: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly flushTo: (device: DeviceKey, data: string) => void,
    private readonly intervalMs = 100,
    private readonly maxChars = 64 * 1024,
  ) {}

  push(device: DeviceKey, text: string): void {
    if (!text) return;
    const next = this.pending[device] + text;
    // Keep the tail: a live console is for watching now; the full text is in the transcript file.
    this.pending[device] = next.length > this.maxChars ? next.slice(next.length - this.maxChars) : next;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const k of ['a', 'b'] as const) {
      const data = this.pending[k];
      this.pending[k] = '';
      if (data) this.flushTo(k, data);
    }
  }
}
