import { describe, expect, it } from 'vitest';
import { applyObservation, initialState, type MonitorState } from '../../../src/core/monitor/reducer';
import type { MonitorEvent, Observation } from '../../../src/core/monitor/types';
import { config, log, poll, recordTime, T0 } from './fixtures';

function run(obs: Observation[], state: MonitorState = initialState(config(), [{ name: 'p1' }])) {
  const events: MonitorEvent[] = [];
  for (const o of obs) {
    const r = applyObservation(state, o);
    state = r.state;
    events.push(...r.events);
  }
  /** Latest revision of each event, in first-emission order. */
  const latest = new Map<string, MonitorEvent>();
  for (const e of events) latest.set(e.id, e);
  return { state, events, latest: [...latest.values()] };
}

const peerLost = { time: recordTime(T0 + 3_000), from: 'Standby', to: 'Active', cause: 'Peer lost' };

describe('applyObservation', () => {
  it('takes the first poll as the baseline: health filled, no events', () => {
    const r = run([poll('a', T0), poll('b', T0, { role: 'secondary', runningStatus: 'Standby' })]);
    expect(r.events).toEqual([]);
    const h = r.state.pairs.p1!.health;
    expect(h.devices.a).toMatchObject({ sysname: 'FW1', reachable: true, role: 'primary', runningStatus: 'Active', controlChannel: 'Connected', keepalive: { interval: 1, count: 3 } });
    expect(h.devices.b.runningStatus).toBe('Standby');
  });

  it('never mutates the state it is given', () => {
    const s0 = initialState(config(), [{ name: 'p1' }]);
    const before = JSON.stringify(s0);
    applyObservation(s0, poll('a', T0));
    expect(JSON.stringify(s0)).toBe(before);
  });

  it('power-off of the active: unreachable A, channel down and a peer-lost switchover on B, merged from poll and log', () => {
    const r = run([
      poll('a', T0),
      poll('b', T0, { role: 'secondary', runningStatus: 'Standby' }),
      log('b', T0 + 3_100, { type: 'channel', channel: 'control', status: 'Disconnected' }),
      log('b', T0 + 3_120, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, 'Nov 25 14:00:03:050 2026'),
      { kind: 'poll-failed', pair: 'p1', device: 'a', time: T0 + 5_000, error: 'connection reset' },
      poll('b', T0 + 5_000, { role: 'secondary', runningStatus: 'Active', controlChannel: 'Disconnected', switchovers: [peerLost] }),
    ]);
    const kinds = r.latest.map((e) => e.kind);
    expect(kinds).toEqual(['channel-down', 'switchover', 'alert', 'device-unreachable']);
    expect(r.latest[2]).toMatchObject({ rule: 'unexpected-switchover', device: 'b' });
    const sw = r.latest[1]!;
    expect(sw).toMatchObject({ kind: 'switchover', device: 'b', from: 'Standby', to: 'Active', cause: 'Peer lost', seenBy: 'both', rev: 1 });
    expect(r.latest[0]).toMatchObject({ seenBy: 'both', device: 'b', channel: 'control' });
    const h = r.state.pairs.p1!.health;
    expect(h.devices.a.reachable).toBe(false);
    expect(h.lastSwitchover).toMatchObject({ device: 'b', cause: 'Peer lost' });
    expect(h.channelDownSince).toBe(T0 + 3_100);
  });

  it('a poll alone reports the switchover with the cause from the records', () => {
    const r = run([poll('b', T0, { runningStatus: 'Standby' }), poll('b', T0 + 5_000, { switchovers: [peerLost] })]);
    expect(r.latest.filter((e) => e.kind !== 'alert')).toEqual([expect.objectContaining({ kind: 'switchover', cause: 'Peer lost', seenBy: 'poll', deviceTime: peerLost.time })]);
  });

  it('without switchover records a status change still counts, with cause unknown; a later log supplies it', () => {
    const r = run([
      poll('b', T0, { runningStatus: 'Standby', switchovers: undefined }),
      poll('b', T0 + 5_000, { runningStatus: 'Active', switchovers: undefined }),
      log('b', T0 + 5_200, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Track status changed' }),
    ]);
    const sw = r.latest.filter((e) => e.kind === 'switchover');
    expect(sw).toHaveLength(1);
    expect(sw[0]).toMatchObject({ cause: 'Track status changed', seenBy: 'both', time: T0 + 5_000 });
  });

  it('a status change that no new switchover record explains is still reported', () => {
    const r = run([poll('b', T0, { runningStatus: 'Standby', switchovers: [] }), poll('b', T0 + 5_000, { runningStatus: 'Active', switchovers: [] })]);
    expect(r.latest.filter((e) => e.kind === 'switchover')).toEqual([expect.objectContaining({ from: 'Standby', to: 'Active', cause: 'unknown', seenBy: 'poll' })]);
  });

  it('does not call a reboot a switchover when the device comes back', () => {
    const r = run([
      poll('a', T0, { switchovers: undefined }),
      { kind: 'poll-failed', pair: 'p1', device: 'a', time: T0 + 5_000, error: 'timeout' },
      { kind: 'poll-failed', pair: 'p1', device: 'a', time: T0 + 10_000, error: 'timeout' },
      poll('a', T0 + 60_000, { runningStatus: 'Standby', switchovers: undefined }),
    ]);
    expect(r.latest.map((e) => e.kind)).toEqual(['device-unreachable', 'device-back']);
    expect(r.latest[1]).toMatchObject({ downForMs: 55_000 });
  });

  it('a log line repeated (same stamp) is one event, even after a later change was seen', () => {
    const stamp = 'Nov 25 14:00:01:000 2026';
    const r = run([
      log('b', T0 + 1_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, stamp),
      log('b', T0 + 3_000, { type: 'switchover', from: 'Active', to: 'Standby', cause: 'Fallback after recovery' }, 'Nov 25 14:00:03:000 2026'),
      log('b', T0 + 3_500, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }, stamp),
      log('b', T0 + 4_000, { type: 'vrrp', vrid: 1, from: 'Backup', to: 'Master' }),
      log('b', T0 + 4_100, { type: 'vrrp', vrid: 1, from: 'Backup', to: 'Master' }),
    ]);
    expect(r.latest.filter((e) => e.kind === 'switchover').map((e) => e.kind === 'switchover' && e.to)).toEqual(['Active', 'Standby']);
    expect(r.latest.filter((e) => e.kind === 'vrrp')).toHaveLength(1);
  });

  it('a device back from power-off: its election logged at once and the record polled after the backoff are one event', () => {
    // Seen on the lab: the log came at boot, the first poll 7 s later (window 7 s at a 1 s interval).
    const boot = T0 + 30_000;
    const election = { time: recordTime(boot), from: 'Initial', to: 'Standby', cause: 'Election' };
    const r = run([
      poll('a', T0, { switchovers: [] }),
      { kind: 'poll-failed', pair: 'p1', device: 'a', time: T0 + 5_000, error: 'the session is closed' },
      log('a', boot + 200, { type: 'switchover', from: 'Initial', to: 'Standby', cause: 'Election' }, 'Nov 25 14:00:30:150 2026'),
      poll('a', boot + 200 + 3 * 15_000, { runningStatus: 'Standby', switchovers: [election] }),
    ]);
    const sw = r.latest.filter((e) => e.kind === 'switchover');
    expect(sw).toEqual([expect.objectContaining({ device: 'a', to: 'Standby', cause: 'Election', seenBy: 'both', time: boot + 200 })]);
  });

  it('a late poll record with a different device time is still its own switchover', () => {
    const r = run([
      poll('a', T0, { switchovers: [] }),
      log('a', T0 + 1_000, { type: 'switchover', from: 'Initial', to: 'Standby', cause: 'Election' }, 'Nov 25 14:00:01:000 2026'),
      poll('a', T0 + 60_000, { runningStatus: 'Standby', switchovers: [{ time: recordTime(T0 + 50_000), from: 'Initial', to: 'Standby', cause: 'Election' }] }),
    ]);
    expect(r.latest.filter((e) => e.kind === 'switchover')).toHaveLength(2);
  });

  it('two switchovers to the same state far apart stay two events', () => {
    const r = run([
      log('b', T0, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }),
      log('b', T0 + 60_000, { type: 'switchover', from: 'Active', to: 'Standby', cause: 'Switchback' }),
      log('b', T0 + 120_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }),
    ]);
    expect(r.latest.filter((e) => e.kind === 'switchover')).toHaveLength(3);
  });

  it('records consistency results from polls and logs as one event', () => {
    const r = run([
      poll('a', T0),
      log('a', T0 + 1_000, { type: 'consistency', result: 'Inconsistent', detail: 'acl 3000' }),
      poll('a', T0 + 5_000, { consistency: 'Inconsistent' }),
    ]);
    const cons = r.latest.filter((e) => e.kind === 'consistency');
    expect(cons).toEqual([expect.objectContaining({ result: 'Inconsistent', seenBy: 'both', detail: 'acl 3000' })]);
    expect(r.latest.filter((e) => e.kind === 'alert')).toEqual([expect.objectContaining({ rule: 'inconsistent-config' })]);
  });
});

describe('alert rules', () => {
  it('channel down longer than N s fires once per outage, on a tick', () => {
    const cfg = config({ alerts: { ...config().alerts, channelDownSeconds: 10 } });
    const r = run(
      [
        poll('a', T0),
        poll('a', T0 + 5_000, { controlChannel: 'Disconnected' }),
        { kind: 'tick', time: T0 + 10_000 },
        { kind: 'tick', time: T0 + 15_001 },
        { kind: 'tick', time: T0 + 20_000 },
        poll('a', T0 + 25_000),
        poll('a', T0 + 30_000, { controlChannel: 'Disconnected' }),
        { kind: 'tick', time: T0 + 41_000 },
      ],
      initialState(cfg, [{ name: 'p1' }]),
    );
    const alerts = r.events.filter((e) => e.kind === 'alert');
    expect(alerts.map((a) => [a.kind === 'alert' && a.rule, a.time])).toEqual([
      ['channel-down', T0 + 15_001],
      ['channel-down', T0 + 41_000],
    ]);
  });

  it('a manual switchover is expected; peer lost is not', () => {
    const r = run([
      log('b', T0, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Manual switchover' }),
      log('a', T0 + 60_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }),
      log('a', T0 + 120_000, { type: 'switchover', from: 'Initial', to: 'Active', cause: 'Peer lost' }),
    ]);
    const alerts = r.events.filter((e) => e.kind === 'alert');
    expect(alerts).toEqual([expect.objectContaining({ rule: 'unexpected-switchover', device: 'a', cause: 'Peer lost' })]);
  });

  it('flapping: more than K takeovers in M minutes fires once, re-arms when calm', () => {
    const cfg = config({ alerts: { ...config().alerts, flapCount: 2, flapMinutes: 5, expectedCauses: ['manual'] } });
    const obs: Observation[] = [];
    for (let i = 0; i < 4; i++) obs.push(log(i % 2 ? 'a' : 'b', T0 + i * 30_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Manual' }));
    obs.push({ kind: 'tick', time: T0 + 20 * 60_000 });
    for (let i = 0; i < 3; i++) obs.push(log('a', T0 + 21 * 60_000 + i * 30_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Manual' }));
    const r = run(obs, initialState(cfg, [{ name: 'p1' }]));
    const flaps = r.events.filter((e) => e.kind === 'alert' && e.rule === 'flapping');
    expect(flaps.map((e) => e.time)).toEqual([T0 + 60_000, T0 + 22 * 60_000]);
  });

  it('while a pair flaps, the flapping alert stands for its unexpected switchovers', () => {
    const cfg = config({ alerts: { ...config().alerts, flapCount: 3, flapMinutes: 10 } });
    const obs: Observation[] = [];
    for (let i = 0; i < 8; i++) obs.push(log('b', T0 + i * 2_000, { type: 'switchover', from: i % 2 ? 'Active' : 'Standby', to: i % 2 ? 'Standby' : 'Active', cause: i % 2 ? 'Election' : 'Peer lost' }, `Nov 25 14:00:${String(i * 2).padStart(2, '0')}:000 2026`));
    const r = run(obs, initialState(cfg, [{ name: 'p1' }]));
    const alerts = r.events.filter((e) => e.kind === 'alert').map((e) => e.kind === 'alert' && e.rule);
    expect(alerts).toEqual(['unexpected-switchover', 'unexpected-switchover', 'unexpected-switchover', 'flapping']);
  });

  it('a revision never raises an alert twice', () => {
    const r = run([
      poll('b', T0, { runningStatus: 'Standby' }),
      log('b', T0 + 1_000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }),
      poll('b', T0 + 5_000, { switchovers: [{ ...peerLost, time: recordTime(T0 + 1_000) }] }),
    ]);
    expect(r.events.filter((e) => e.kind === 'alert')).toHaveLength(1);
    expect(r.events.filter((e) => e.kind === 'switchover').map((e) => e.rev)).toEqual([0, 1]);
  });
});
