import type { SessionCounters } from '../device/seam';
import type { WireSession } from './messages';

/** A firewall session table big enough for any lab test, bounded so a forgotten `traffic` fault cannot eat the host's memory. */
export const MAX_SESSIONS = 500_000;
/** Traffic is generated in small batches: 10 per second keeps replication "real time" without a timer per session. */
export const TRAFFIC_TICK_MS = 100;

export class SessionTable {
  private readonly table = new Map<string, WireSession>();
  private createdLocally = 0;
  private receivedFromPeer = 0;
  private sentToPeer = 0;
  private seq = 0;

  constructor(private readonly origin: string) {}

  /** The active device creates sessions for new flows (fault `traffic N`). */
  create(n: number, now = Date.now()): WireSession[] {
    const out: WireSession[] = [];
    for (let i = 0; i < n; i++) {
      const k = ++this.seq;
      const s: WireSession = {
        id: `${this.origin}-${now.toString(36)}-${k}`,
        proto: k % 5 === 0 ? 'udp' : 'tcp',
        src: `10.1.1.${(k % 200) + 10}:${1024 + (k % 60000)}`,
        dst: `203.0.113.${k % 250}:${k % 5 === 0 ? 53 : 443}`,
        created: now,
      };
      this.put(s);
      out.push(s);
    }
    this.createdLocally += n;
    return out;
  }

  receive(items: WireSession[]): void {
    for (const s of items) this.put(s);
    this.receivedFromPeer += items.length;
  }

  noteSent(n: number): void {
    this.sentToPeer += n;
  }

  all(): WireSession[] {
    return [...this.table.values()];
  }

  has(id: string): boolean {
    return this.table.has(id);
  }

  /** A reboot or power-off empties the table (sessions live in memory). */
  clear(): void {
    this.table.clear();
  }

  counters(): SessionCounters {
    return { total: this.table.size, createdLocally: this.createdLocally, receivedFromPeer: this.receivedFromPeer, sentToPeer: this.sentToPeer };
  }

  private put(s: WireSession): void {
    if (this.table.size >= MAX_SESSIONS && !this.table.has(s.id)) {
      const oldest = this.table.keys().next().value;
      if (oldest !== undefined) this.table.delete(oldest);
    }
    this.table.set(s.id, s);
  }
}

/** Turns a rate (sessions/s) into whole sessions per tick, carrying the fraction so low rates still produce sessions. */
export class RateAccumulator {
  private carry = 0;
  constructor(public rate: number) {}
  take(elapsedMs: number): number {
    this.carry += (this.rate * elapsedMs) / 1000;
    const n = Math.floor(this.carry);
    this.carry -= n;
    return n;
  }
}
