import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyObservation, initialState } from '../../../src/core/monitor/reducer';
import type { MonitorEvent, Observation, RunningStatus } from '../../../src/core/monitor/types';
import { config, log, poll, recordTime, T0 } from './fixtures';

/**
 * Random histories of switchovers on one device, each seen by polls, by log lines or by both,
 * with random poll latencies and log delays (so logs overtake each other and polls), fed in
 * arrival order: every switchover must come out as exactly one event with the right sources.
 */
const INTERVAL = 5_000;
const WINDOW = 2 * INTERVAL + 5_000;

type Seen = 'poll' | 'log' | 'both';
interface Case {
  gaps: number[];
  seen: Seen[];
  logDelays: number[];
  pollLatency: number[];
  tieBreak: number[];
  logDeviceTime: boolean;
  /** Per switchover: a second copy of its log line this much later (a device or relay repeating itself); -1 none. */
  repeats?: number[];
}

function scenario(c: Case): Observation[] {
  let t = T0 + 2_000;
  let state: RunningStatus = 'Standby';
  const sw: { t: number; from: RunningStatus; to: RunningStatus; seen: Seen }[] = [];
  c.gaps.forEach((gap, i) => {
    t += gap;
    const to: RunningStatus = state === 'Standby' ? 'Active' : 'Standby';
    sw.push({ t, from: state, to, seen: c.seen[i]! });
    state = to;
  });
  const arrivals: { at: number; tie: number; obs: Observation }[] = [];
  sw.forEach((s, i) => {
    if (s.seen === 'poll') return;
    const at = s.t + c.logDelays[i]!;
    const stamp = new Date(s.t);
    const deviceTime = c.logDeviceTime ? `Nov ${stamp.getUTCDate()} ${recordTime(s.t).slice(11)}:${String(stamp.getUTCMilliseconds()).padStart(3, '0')} 2026` : undefined;
    arrivals.push({ at, tie: c.tieBreak[i % c.tieBreak.length]!, obs: log('b', at, { type: 'switchover', from: s.from, to: s.to, cause: `cause ${i}` }, deviceTime) });
    const rep = c.repeats?.[i] ?? -1;
    if (rep >= 0) arrivals.push({ at: at + rep, tie: 0, obs: log('b', at + rep, { type: 'switchover', from: s.from, to: s.to, cause: `cause ${i}` }, deviceTime) });
  });
  const end = t + 3 * INTERVAL;
  for (let k = 0, p = T0; p <= end; k++, p += INTERVAL) {
    const records = sw.filter((s) => s.seen !== 'log' && s.t <= p).map((s, i) => ({ time: recordTime(s.t), from: s.from, to: s.to, cause: `cause ${sw.indexOf(s)}`, i }));
    const at = p + c.pollLatency[k % c.pollLatency.length]!;
    arrivals.push({ at, tie: c.tieBreak[k % c.tieBreak.length]!, obs: poll('b', at, { runningStatus: 'Standby', switchovers: records.map(({ i: _i, ...r }) => r) }) });
  }
  arrivals.sort((x, y) => x.at - y.at || x.tie - y.tie);
  return arrivals.map((a) => a.obs);
}

function replay(obs: Observation[]): MonitorEvent[] {
  let state = initialState(config({ correlationWindowMs: WINDOW }), [{ name: 'p1' }]);
  const latest = new Map<string, MonitorEvent>();
  for (const o of obs) {
    const r = applyObservation(state, o);
    state = r.state;
    for (const e of r.events) latest.set(e.id, e);
  }
  return [...latest.values()].filter((e) => e.kind === 'switchover').sort((a, b) => a.time - b.time);
}

const caseArb = (minGap: number, logDeviceTime: boolean) =>
  fc.integer({ min: 1, max: 8 }).chain((n) =>
    fc.record({
      gaps: fc.array(fc.integer({ min: minGap, max: 60_000 }), { minLength: n, maxLength: n }),
      seen: fc.array(fc.constantFrom<Seen>('poll', 'log', 'both'), { minLength: n, maxLength: n }),
      logDelays: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: n, maxLength: n }),
      pollLatency: fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 5 }),
      tieBreak: fc.array(fc.integer(), { minLength: 1, maxLength: 5 }),
      logDeviceTime: fc.constant(logDeviceTime),
      repeats: fc.array(fc.integer({ min: -1, max: 1_000 }), { minLength: n, maxLength: n }),
    }),
  );

function check(c: Case): void {
  const events = replay(scenario(c));
  expect(events).toHaveLength(c.gaps.length);
  // A poll-only event is stamped with the poll's time, so identify each by its cause label.
  const seen = events.map((e) => {
    if (e.kind !== 'switchover') throw new Error('not a switchover');
    const i = Number(/^cause (\d+)$/.exec(e.cause)?.[1]);
    expect(e.seenBy).toBe(c.seen[i]);
    expect(e.to).toBe(i % 2 === 0 ? 'Active' : 'Standby');
    return i;
  });
  expect(seen.sort((a, b) => a - b)).toEqual(c.gaps.map((_, i) => i));
}

describe('poll and log reports of one switchover merge into one event', () => {
  it('whatever the order and delays, when both sources carry the device time', () => {
    fc.assert(fc.property(caseArb(1_500, true), check), { numRuns: 300 });
  });

  it('by the time window alone when log lines carry no device time (switchovers further apart)', () => {
    fc.assert(fc.property(caseArb(11_000, false), check), { numRuns: 300 });
  });

  it('is not vacuous: without correlation the same scenario would double-count', () => {
    // without device times: matching device times merge whatever the window (a returning device's late poll)
    const c: Case = { gaps: [10_000], seen: ['both'], logDelays: [100], pollLatency: [200], tieBreak: [0], logDeviceTime: false };
    let state = initialState(config({ correlationWindowMs: 0 }), [{ name: 'p1' }]);
    let n = 0;
    for (const o of scenario(c)) {
      const r = applyObservation(state, o);
      state = r.state;
      n += r.events.filter((e) => e.kind === 'switchover' && e.rev === 0).length;
    }
    expect(n).toBe(2);
  });
});
