/**
 * The event history in SQLite. WAL + synchronous=FULL: every event is its own committed
 * transaction before `record` returns, so a `kill -9` (or a power cut) loses nothing recorded.
 * Events are upserted by id because a later report of the same change revises the event.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MonitorEvent, MonitorEventKind } from '../types';
import { migrate } from './migrations';

export interface HistoryQuery {
  pair?: string;
  /** Epoch ms; events at or after. */
  since?: number;
  /** Epoch ms; events before. */
  until?: number;
  kinds?: MonitorEventKind[];
  /** At most this many: the oldest of the range, or with `newest` the most recent (still returned oldest first). */
  limit?: number;
  newest?: boolean;
}

export interface StoreOptions {
  /** Events older than this many days are deleted on open and by prune(). 0 keeps everything. */
  retentionDays?: number;
}

export class EventStore {
  readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly retentionDays: number;

  constructor(
    readonly file: string,
    opts: StoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.upsert = this.db.prepare(
      `INSERT INTO events (id, rev, pair, device, kind, time, data) VALUES (@id, @rev, @pair, @device, @kind, @time, @data)
       ON CONFLICT(id) DO UPDATE SET rev = excluded.rev, time = excluded.time, data = excluded.data WHERE excluded.rev > events.rev`,
    );
    this.retentionDays = opts.retentionDays ?? 90;
    this.prune();
  }

  /** Writes the events of one observation in one transaction (new ones and revisions). */
  record(events: readonly MonitorEvent[]): void {
    if (events.length === 0) return;
    const tx = this.db.transaction((es: readonly MonitorEvent[]) => {
      for (const e of es)
        this.upsert.run({ id: e.id, rev: e.rev, pair: e.pair, device: 'device' in e ? (e.device ?? null) : null, kind: e.kind, time: e.time, data: JSON.stringify(e) });
    });
    tx(events);
  }

  history(q: HistoryQuery = {}): MonitorEvent[] {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    if (q.pair !== undefined) {
      where.push('pair = @pair');
      args.pair = q.pair;
    }
    if (q.since !== undefined) {
      where.push('time >= @since');
      args.since = q.since;
    }
    if (q.until !== undefined) {
      where.push('time < @until');
      args.until = q.until;
    }
    if (q.kinds && q.kinds.length > 0) {
      const names = q.kinds.map((k, i) => {
        args[`k${i}`] = k;
        return `@k${i}`;
      });
      where.push(`kind IN (${names.join(', ')})`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let sql = `SELECT data FROM events ${filter} ORDER BY time, id`;
    if (q.limit !== undefined) {
      args.limit = Math.max(0, Math.floor(q.limit));
      // The range and the cut are SQLite's work (an index walk from the chosen end), so a long
      // history is never read whole to keep its last rows.
      sql = q.newest
        ? `SELECT data FROM (SELECT data, time, id FROM events ${filter} ORDER BY time DESC, id DESC LIMIT @limit) ORDER BY time, id`
        : `${sql} LIMIT @limit`;
    }
    return (this.db.prepare(sql).all(args) as { data: string }[]).map((r) => JSON.parse(r.data) as MonitorEvent);
  }

  /** Notes that a monitor run started (history can then tell "quiet" from "not watched"). */
  recordRun(run: { id: string; started: number; host?: string; pairs: string[] }): void {
    this.db.prepare('INSERT OR REPLACE INTO runs (id, started, host, pairs) VALUES (?, ?, ?, ?)').run(run.id, run.started, run.host ?? null, JSON.stringify(run.pairs));
  }

  runs(since = 0): { id: string; started: number; host?: string; pairs: string[] }[] {
    const rows = this.db.prepare('SELECT id, started, host, pairs FROM runs WHERE started >= ? ORDER BY started').all(since) as {
      id: string;
      started: number;
      host: string | null;
      pairs: string;
    }[];
    return rows.map((r) => ({ id: r.id, started: r.started, ...(r.host ? { host: r.host } : {}), pairs: JSON.parse(r.pairs) as string[] }));
  }

  pairs(): string[] {
    return (this.db.prepare('SELECT DISTINCT pair FROM events ORDER BY pair').all() as { pair: string }[]).map((r) => r.pair);
  }

  /** Deletes events older than the retention; returns how many went. */
  prune(now = Date.now()): number {
    if (this.retentionDays <= 0) return 0;
    return this.db.prepare('DELETE FROM events WHERE time < ?').run(now - this.retentionDays * 86_400_000).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
