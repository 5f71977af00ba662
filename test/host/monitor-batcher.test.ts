import { describe, expect, it, vi } from 'vitest';
import { MonitorBatchSchema, type HostEvent, type MonitorEvent } from '../../src/contract/index';
import { MonitorBatcher } from '../../src/host/monitor/batcher';
import { SampleRing, sampleOf } from '../../src/host/monitor/samples';
import { emptyPair } from '../../src/core/monitor/health';

const ev = (i: number, rev = 0): MonitorEvent => ({ id: `r-${i}`, rev, pair: 'p', time: 1000 + i, kind: 'channel-down', device: 'a', channel: 'control', seenBy: 'log' });

describe('monitor batcher', () => {
  it('pushes a burst of 5,000 events as one message, with revisions folded into their event', () => {
    vi.useFakeTimers();
    try {
      const sent: HostEvent[] = [];
      const status = { pair: 'p', source: 'lab' as const, mode: 'active-standby', verdict: 'unknown' as const, health: emptyPair('p'), ops: [], intervalSeconds: 5 };
      const b = new MonitorBatcher((e) => sent.push(e), () => ({ status }), () => ({ warnings: [] }), 250);
      for (let i = 0; i < 5000; i++) b.addEvents([ev(i)]);
      b.addEvents([ev(7, 1)]);
      expect(sent).toHaveLength(0); // nothing before the flush interval
      vi.advanceTimersByTime(250);
      expect(sent).toHaveLength(1);
      const batch = MonitorBatchSchema.parse(sent[0]!.payload);
      expect(batch.events).toHaveLength(5000);
      expect(batch.events.find((e) => e.id === 'r-7')!.rev).toBe(1);
      expect(batch.pairs.map((p) => p.pair)).toEqual(['p']);
      vi.advanceTimersByTime(1000);
      expect(sent).toHaveLength(1); // quiet: no empty pushes
      b.pairStopped('p');
      vi.advanceTimersByTime(250);
      expect(MonitorBatchSchema.parse(sent[1]!.payload)).toMatchObject({ stopped: ['p'], pairs: [] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps chart points bounded and skips repeats within an interval', () => {
    const ring = new SampleRing(3);
    const h = emptyPair('p');
    h.devices.a.reachable = true;
    h.devices.a.controlChannel = 'Connected';
    expect(ring.push(sampleOf(h, 0), 1000)).toBe(true);
    expect(ring.push(sampleOf(h, 500), 1000)).toBe(false); // same state, too soon
    h.devices.a.controlChannel = 'Disconnected';
    expect(ring.push(sampleOf(h, 600), 1000)).toBe(true);
    h.devices.a.reachable = false;
    expect(ring.push(sampleOf(h, 700), 1000)).toBe(true);
    expect(ring.push(sampleOf(h, 5000), 1000)).toBe(true);
    expect(ring.all().map((s) => [s.t, s.a])).toEqual([[600, 0], [700, null], [5000, null]]);
  });
});
