/**
 * Collects what the monitor produces and pushes it as one `monitor.events` message per flush
 * (every FLUSH_MS at most), however many events arrive: a flapping pair or a syslog storm costs
 * a few messages a second, not one per event. Revisions of an event replace it within a batch.
 */
import type { HealthSample, HostEvent, MonitorBatch, MonitorEvent, PairStatus } from '../../contract/index';

export const FLUSH_MS = 250;

export class MonitorBatcher {
  private events = new Map<string, MonitorEvent>();
  private dirty = new Set<string>();
  private stopped = new Set<string>();
  private receiversChanged = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly emit: (e: HostEvent) => void,
    /** Status and a new chart point for a pair, read at flush time (the latest state, once). */
    private readonly statusOf: (pair: string, now: number) => { status: PairStatus; sample?: HealthSample } | undefined,
    private readonly receivers: () => MonitorBatch['receivers'],
    private readonly flushMs = FLUSH_MS,
  ) {}

  addEvents(events: readonly MonitorEvent[]): void {
    for (const e of events) {
      this.events.set(e.id, e);
      this.dirty.add(e.pair);
    }
    this.schedule();
  }

  /** Something about the pair changed without an event (a poll answered): its card needs a refresh. */
  touch(pair: string): void {
    this.dirty.add(pair);
    this.schedule();
  }

  pairStopped(pair: string): void {
    this.dirty.delete(pair);
    this.stopped.add(pair);
    this.schedule();
  }

  receiversUpdated(): void {
    this.receiversChanged = true;
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const pairs: PairStatus[] = [];
    const samples: MonitorBatch['samples'] = [];
    for (const p of this.dirty) {
      const s = this.statusOf(p, now);
      if (!s) continue;
      pairs.push(s.status);
      if (s.sample) samples.push({ pair: p, sample: s.sample });
    }
    const batch: MonitorBatch = { events: [...this.events.values()], pairs, samples, stopped: [...this.stopped] };
    if (this.receiversChanged) batch.receivers = this.receivers();
    this.events = new Map();
    this.dirty = new Set();
    this.stopped = new Set();
    this.receiversChanged = false;
    if (batch.events.length || batch.pairs.length || batch.stopped.length || batch.receivers) this.emit({ event: 'monitor.events', payload: batch });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
