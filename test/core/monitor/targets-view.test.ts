import { describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../../src/core/monitor/duration';
import { parseSessionStatistics } from '../../../src/core/monitor/session-stats';
import { applyObservation, initialState } from '../../../src/core/monitor/reducer';
import { parseCsv, targetsFromInventory, targetsFromPairText } from '../../../src/core/monitor/targets';
import { pairRow, screen } from '../../../src/core/monitor/view';
import { config, log, poll, T0 } from './fixtures';

const dev = (k: 'a' | 'b', n: number, port: number) => ({
  [`devices.${k}.sysname`]: `S${n}${k.toUpperCase()}`,
  [`devices.${k}.connect`]: `ssh://admin@127.0.0.1:${port}`,
  [`devices.${k}.controlChannel.localIp`]: `10.2.${n}.${k === 'a' ? 1 : 2}`,
  [`devices.${k}.dataChannel.interface`]: 'GigabitEthernet1/0/3',
});

function csv(rows: Record<string, string>[]): string {
  const cols = Object.keys(rows[0]!);
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}

describe('monitor targets', () => {
  it('reads an inventory CSV into one target per row, connect URLs parsed', () => {
    const text = csv([1, 2].map((n) => ({ name: `site-${n}`, ...dev('a', n, 2200 + n), ...dev('b', n, 2300 + n) })));
    const r = targetsFromInventory(text, 'inv.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.targets.map((t) => [t.name, t.devices.a.sysname, t.devices.b.connect])).toEqual([
      ['site-1', 'S1A', { kind: 'ssh', host: '127.0.0.1', port: 2301, username: 'admin' }],
      ['site-2', 'S2A', { kind: 'ssh', host: '127.0.0.1', port: 2302, username: 'admin' }],
    ]);
  });

  it('reports bad rows and duplicate pair names', () => {
    const rows = [1, 1].map((n) => ({ name: 'same', ...dev('a', n, 2200), ...dev('b', n, 2300) }));
    const r = targetsFromInventory(csv(rows), 'inv.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/"same" appears twice/);
    const bad = targetsFromPairText('name: x\n', 'p.yaml');
    expect(bad.ok).toBe(false);
  });

  it('parses quoted CSV cells', () => {
    expect(parseCsv('a,b\n"x, ""y""",2\n')).toEqual([{ a: 'x, "y"', b: '2' }]);
  });

  it('reads session statistics, summing slots, and gives nothing for other output', () => {
    const slot = (n: number) => `Slot ${n}:\nCurrent sessions: ${n * 10}\n          TCP sessions:        ${n * 10}\nSessions created locally:      ${n}\nSessions received from peer:   ${n * 2}\nSessions sent to peer:         ${n * 3}\n`;
    expect(parseSessionStatistics(slot(1) + slot(2))).toEqual({ total: 30, createdLocally: 3, receivedFromPeer: 6, sentToPeer: 9 });
    expect(parseSessionStatistics("% Unrecognized command found at '^' position.")).toBeUndefined();
  });

  it('reads durations', () => {
    expect(['500ms', '5s', '2m', '24h', '7d', '3', 'soon'].map(parseDurationMs)).toEqual([500, 5000, 120000, 86400000, 604800000, 3000, NaN]);
  });
});

describe('live view text', () => {
  it('shows one row per pair with each side and the last switchover, events beneath', () => {
    let s = initialState(config(), [{ name: 'p1' }]);
    const events = [];
    for (const o of [
      poll('a', T0),
      poll('b', T0, { role: 'secondary', runningStatus: 'Standby' }),
      { kind: 'poll-failed' as const, pair: 'p1', device: 'a' as const, time: T0 + 1000, error: 'timeout' },
      log('b', T0 + 2000, { type: 'switchover', from: 'Standby', to: 'Active', cause: 'Peer lost' }),
    ]) {
      const r = applyObservation(s, o);
      s = r.state;
      events.push(...r.events);
    }
    const h = s.pairs.p1!.health;
    expect(pairRow(h, false, T0 + 62_000)).toBe('DEGRADED p1               FW1 UNREACHABLE | FW2(S) Active ctl up | last switchover 60s ago (Peer lost)');
    const text = screen([h], events, { colour: false, now: T0 + 62_000, rows: 10, title: 'T' });
    expect(text.split('\n')[0]).toBe('T');
    expect(text).toContain('2026-11-25 14:00:02Z p1 B switchover Standby → Active, cause: Peer lost [log]');
    expect(screen([h], events, { colour: true, now: T0, rows: 10, title: 'T' })).toContain('\x1b[31m');
  });
});
