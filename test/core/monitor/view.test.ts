import { describe, expect, it } from 'vitest';
import { emptyPair } from '../../../src/core/monitor/health';
import { EVENT_KINDS, type MonitorEvent } from '../../../src/core/monitor/types';
import { channelText, clock, describe as line, deviceName, duration, EVENT_GROUPS, eventText, groupOf } from '../../../src/core/monitor/view';

const base = { id: 'e', rev: 0, pair: 'p1', time: Date.UTC(2026, 10, 25, 14, 0, 2) };
/** One event of every kind, as the reducer emits them. */
const EVERY: MonitorEvent[] = [
  { ...base, kind: 'switchover', device: 'b', from: 'Standby', to: 'Active', cause: 'Peer lost', seenBy: 'log' },
  { ...base, kind: 'channel-down', device: 'a', channel: 'control', seenBy: 'poll' },
  { ...base, kind: 'channel-up', device: 'a', channel: 'data', seenBy: 'both' },
  { ...base, kind: 'consistency', device: 'a', result: 'Inconsistent', detail: 'acl 3000 differs', seenBy: 'log' },
  { ...base, kind: 'config-sync', device: 'b', status: 'failed', detail: 'peer busy' },
  { ...base, kind: 'vrrp', device: 'a', vrid: 1, from: 'Backup', to: 'Master' },
  { ...base, kind: 'device-unreachable', device: 'a', error: 'connect timeout' },
  { ...base, kind: 'device-back', device: 'a', downForMs: 5 * 60_000 },
  { ...base, kind: 'alert', rule: 'unexpected-switchover', severity: 'critical', message: 'FW2 took over (Standby→Active), cause: Peer lost', device: 'b', cause: 'Peer lost' },
  { ...base, kind: 'drill', drill: 'switchover', outcome: 'passed', message: 'B took over', switchoverMs: 1200 },
];

describe('what a monitor event says', () => {
  it('covers every kind the monitor emits, each with a group a reader can filter by', () => {
    expect(EVERY.map((e) => e.kind).sort()).toEqual([...EVENT_KINDS].sort());
    const groups = new Set(EVENT_GROUPS.map((g) => g.id));
    for (const e of EVERY) expect(groups.has(groupOf(e))).toBe(true);
  });

  it('names a device by its sysname when the app knows it, by its key otherwise', () => {
    const h = emptyPair('p1');
    h.devices.b.sysname = 'FW2';
    expect(eventText(EVERY[0]!, (k) => deviceName(h, k))).toEqual({ title: 'FW2 switchover Standby → Active', cause: 'Peer lost', tone: 'warn', seenBy: 'log' });
    expect(deviceName(h, 'a')).toBe('A');
    expect(deviceName(undefined, 'b')).toBe('B');
  });

  it('gives the CLI and the app the same words: the CLI line is the parts joined', () => {
    for (const e of EVERY) {
      const t = eventText(e);
      expect(line(e).startsWith(t.title)).toBe(true);
      if (t.cause) expect(line(e)).toContain(`cause: ${t.cause}`);
      if (t.seenBy) expect(line(e).endsWith(`[${t.seenBy}]`)).toBe(true);
    }
    expect(line(EVERY[0]!)).toBe('B switchover Standby → Active, cause: Peer lost [log]');
    expect(line(EVERY[6]!)).toBe('A unreachable, cause: connect timeout');
    expect(line(EVERY[7]!)).toBe('A answering again after 5 min');
    // the alert's message already quotes its cause: said once
    expect(line(EVERY[8]!)).toBe('Alert unexpected-switchover: FW2 took over (Standby→Active), cause: Peer lost');
    expect(eventText(EVERY[1]!).tone).toBe('bad');
  });

  it('writes durations for a terminal column or for prose, in the largest sensible unit', () => {
    expect([59_000, 150_000, 3 * 3600_000, 3 * 86_400_000].map((ms) => duration(ms))).toEqual(['59s', '3m', '3h', '3d']);
    expect(duration(150_000, 'long')).toBe('3 min');
    expect(duration(-5)).toBe('0s');
  });

  it('stamps times in UTC for logs and in the reader\'s zone for the app', () => {
    expect(clock(base.time)).toBe('2026-11-25 14:00:02Z');
    const d = new Date(base.time);
    expect(clock(base.time, 'local')).toBe(`${d.getFullYear()}-11-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:02`);
  });

  it('says the control channel is unknown rather than up when the device is not answering', () => {
    const d = { ...emptyPair('p1').devices.a, controlChannel: 'Connected' as const };
    expect(channelText(d)).toBe('connected');
    expect(channelText({ ...d, reachable: false })).toBe('unknown (not answering)');
    expect(channelText({ ...d, controlChannel: 'Disconnected' })).toBe('DISCONNECTED');
  });
});
