import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorEvent } from '../../../src/core/monitor/types';
import { labPair, type LabMonitor, startLabMonitor } from './helpers/lab-monitor';

/**
 * The monitor against the lab pair over real SSH and real syslog: keepalive 1 s × 3, switchback
 * after 5 s, track 1 on GE1/0/2, RBM also monitoring GE1/0/4. Each fault must leave exactly one
 * switchover event per device change, with the device's cause, seen by both poll and log.
 */
type Sw = Extract<MonitorEvent, { kind: 'switchover' }>;

describe('monitor on the lab pair', () => {
  let m: LabMonitor;
  let mark = 0;
  const switchovers = (): Sw[] => m.events().filter((e): e is Sw => e.kind === 'switchover' && e.time >= mark);
  const since = () => m.events().filter((e) => e.time >= mark);
  const settle = async (what: string) => {
    // Both devices answering, channel up on both sides, A active: the starting point of each case.
    await m.waitFor(
      what,
      () => {
        const h = m.runtime.service.pairHealth('lab');
        return h && h.devices.a.reachable && h.devices.b.reachable && h.devices.a.runningStatus === 'Active' && h.devices.b.runningStatus === 'Standby' && h.devices.a.controlChannel === 'Connected' && h.devices.b.controlChannel === 'Connected';
      },
      30_000,
    );
    // Let the last poll and log lines of the previous case land before marking.
    await new Promise((r) => setTimeout(r, 2_500));
    mark = Date.now();
  };

  beforeAll(async () => {
    const pair = labPair((p) => {
      (p.monitor as Record<string, unknown>) = { interfaces: ['GigabitEthernet1/0/4'] };
    });
    m = await startLabMonitor({ net: 83, pair, intervalMs: 1000 });
    await settle('the commissioned pair to come up');
  }, 60_000);

  it('reads the health of both sides: roles, keepalive, data channel, VRRP, tracks, session counters', async () => {
    const h = await m.waitFor('session counters', () => {
      const x = m.runtime.service.pairHealth('lab');
      return x?.devices.a.sessions && x.devices.b.sessions ? x : undefined;
    }, 15_000);
    expect(h.devices.a).toMatchObject({ sysname: 'FW1', role: 'primary', keepalive: { interval: 1, count: 3 }, dataChannelState: 'Up' });
    expect(h.devices.b).toMatchObject({ sysname: 'FW2', role: 'secondary', runningStatus: 'Standby' });
    expect(h.devices.a.vrrp).toEqual([expect.objectContaining({ vrid: 1, state: 'Master' })]);
    expect(h.devices.a.tracks).toEqual([expect.objectContaining({ id: 1, state: 'Positive' })]);
    expect(h.devices.a.sessions?.total).toBeGreaterThanOrEqual(0);
    const text = await (await fetch(m.receivers.metrics!.url)).text();
    expect(text).toMatch(/hotpair_sessions\{pair="lab",device="a",kind="total"\} \d+/);
  }, 30_000);

  afterAll(async () => {
    await m?.stop();
  });

  it('power-off of the active: one peer-lost switchover on the survivor, channel down, unreachable; back: channel up and switchback after the delay', async () => {
    await m.lab.inject('a', 'power-off');
    const takeover = await m.waitFor('B to take over', () => switchovers().find((e) => e.device === 'b' && e.to === 'Active'), 15_000);
    expect(takeover.cause).toBe('Peer lost');
    await m.waitFor('the poll to confirm the log', () => switchovers().find((e) => e.id === takeover.id && e.seenBy === 'both'), 10_000);
    await m.waitFor('A unreachable', () => since().find((e) => e.kind === 'device-unreachable' && e.device === 'a'), 15_000);
    expect(since().filter((e) => e.kind === 'channel-down' && e.device === 'b' && e.channel === 'control')).toHaveLength(1);

    await m.lab.inject('a', 'power-on');
    await m.waitFor('A back', () => since().find((e) => e.kind === 'device-back' && e.device === 'a'), 30_000);
    await m.waitFor('channel up', () => since().find((e) => e.kind === 'channel-up' && e.channel === 'control'), 30_000);
    const back = await m.waitFor('switchback to A', () => switchovers().find((e) => e.device === 'a' && e.to === 'Active'), 30_000);
    expect(back.cause).toBe('Fallback after recovery');
    const bDown = await m.waitFor('B to stand by', () => switchovers().find((e) => e.device === 'b' && e.from === 'Active' && e.to === 'Standby'), 10_000);
    expect(bDown.cause).toBe('Fallback after recovery');
    // One event per change: B took over once, and went back once.
    expect(switchovers().filter((e) => e.device === 'b' && e.to === 'Active')).toHaveLength(1);
    expect(switchovers().filter((e) => e.device === 'b' && e.to === 'Standby')).toHaveLength(1);
    const alerts = since().filter((e) => e.kind === 'alert');
    expect(alerts.some((a) => a.kind === 'alert' && a.rule === 'unexpected-switchover' && a.device === 'b')).toBe(true);
    await settle('recovery after power cycle');
  }, 120_000);

  for (const [name, fault, heal, cause] of [
    ['track negative', ['track-negative', '1'], ['track-positive', '1'], 'Track status changed'],
    ['interface down', ['link-down', 'GigabitEthernet1/0/4'], ['link-up', 'GigabitEthernet1/0/4'], 'Interface status changed'],
  ] as const) {
    it(`${name} on the active → one switchover each side with cause "${cause}", seen by poll and log`, async () => {
      await m.lab.inject('a', fault[0], fault[1]);
      const a = await m.waitFor('A to stand by', () => switchovers().find((e) => e.device === 'a' && e.to === 'Standby'), 15_000);
      const b = await m.waitFor('B to take over', () => switchovers().find((e) => e.device === 'b' && e.to === 'Active'), 15_000);
      expect([a.cause, b.cause]).toEqual([cause, cause]);
      await m.waitFor('both sources on both events', () => switchovers().filter((e) => e.seenBy === 'both').length >= 2 && true, 10_000);
      expect(switchovers()).toHaveLength(2);
      await m.lab.inject('a', heal[0], heal[1]);
      await settle(`switchback after ${name}`);
    }, 90_000);
  }

  it('manual switchover → recorded with its cause, no alert for it', async () => {
    const out = m.lab.member('a').device.runtime?.switchover();
    expect(out?.ok).toBe(true);
    const b = await m.waitFor('B to take over', () => switchovers().find((e) => e.device === 'b' && e.to === 'Active'), 15_000);
    expect(b.cause).toBe('Manual switchover');
    await m.waitFor('poll confirmation', () => switchovers().find((e) => e.id === b.id && e.seenBy === 'both'), 10_000);
    expect(since().filter((e) => e.kind === 'alert' && e.rule === 'unexpected-switchover')).toEqual([]);
    expect(switchovers().filter((e) => e.device === 'b' && e.to === 'Active')).toHaveLength(1);
  }, 60_000);

  it('over the whole run, no change was recorded twice', () => {
    const all = m.events();
    const key = (e: MonitorEvent) =>
      e.kind === 'switchover' ? `sw ${e.device} ${e.from}>${e.to} ${e.deviceTime}` : e.kind === 'vrrp' ? `vrrp ${e.device} ${e.vrid} ${e.from}>${e.to} ${Math.round(e.time / 1000)}` : undefined;
    const keys = all.map(key).filter((k): k is string => k !== undefined);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    // Every switchover of the run was seen by both sources except those while a device was away.
    const sw = all.filter((e): e is Sw => e.kind === 'switchover');
    expect(sw.filter((e) => e.seenBy === 'both').length).toBeGreaterThanOrEqual(sw.length - 3);
  });
});
