import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../src/core/monitor/node/store';
import type { MonitorEvent } from '../../../src/core/monitor/types';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);

const event = (i: number, pair: string): MonitorEvent => ({
  id: `${pair}-${String(i).padStart(6, '0')}`,
  rev: 0,
  pair,
  time: T0 + i * MINUTE,
  kind: 'device-unreachable',
  device: 'a',
  error: `poll ${i}`,
});

/** 90 days of one event a minute for two pairs: 259,200 rows, the most a default retention keeps. */
function bigStore(): EventStore {
  const s = new EventStore(':memory:', { retentionDays: 0 });
  const days = 90;
  for (let d = 0; d < days; d++) s.record(Array.from({ length: 1440 }, (_, m) => d * 1440 + m).flatMap((i) => [event(i, 'p1'), event(i, 'p2')]));
  return s;
}

describe('EventStore: history by time range', () => {
  const s = bigStore();

  it('returns only the range asked for, oldest first', () => {
    const since = T0 + 1000 * MINUTE;
    const until = T0 + 1010 * MINUTE;
    const got = s.history({ pair: 'p1', since, until });
    expect(got.map((e) => e.time)).toEqual(Array.from({ length: 10 }, (_, i) => since + i * MINUTE));
    expect(got.every((e) => e.pair === 'p1')).toBe(true);
  });

  it('with newest and a limit: the most recent N of the range, still oldest first', () => {
    const got = s.history({ pair: 'p2', since: T0, limit: 5, newest: true });
    const last = 90 * 1440 - 1;
    expect(got.map((e) => e.id)).toEqual([last - 4, last - 3, last - 2, last - 1, last].map((i) => event(i, 'p2').id));
    // Without newest, the limit keeps the start of the range.
    expect(s.history({ pair: 'p2', since: T0 + MINUTE, limit: 2 }).map((e) => e.time)).toEqual([T0 + MINUTE, T0 + 2 * MINUTE]);
    expect(s.history({ pair: 'p2', since: T0, until: T0 + 3 * MINUTE, limit: 50, newest: true })).toHaveLength(3);
  });

  it('reads the newest rows by walking the index, not by loading the 90 days', () => {
    const plan = (s.db.prepare(`EXPLAIN QUERY PLAN SELECT data FROM (SELECT data, time, id FROM events WHERE pair = ? AND time >= ? ORDER BY time DESC, id DESC LIMIT 200) ORDER BY time, id`).all('p1', T0) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/USING INDEX events_pair_time/);
    const t = performance.now();
    for (let i = 0; i < 20; i++) s.history({ pair: 'p1', since: T0, limit: 200, newest: true });
    // 200 rows out of the pair's 129,600: under a millisecond measured, where reading all and slicing took 0.8 s.
    expect((performance.now() - t) / 20).toBeLessThan(50);
  });
});
