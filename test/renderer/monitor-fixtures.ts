import type { MonitorEvent, PairStatus } from '../../src/contract/index';

const device = (key: 'a' | 'b', over: Record<string, unknown> = {}) => ({
  key,
  sysname: key === 'a' ? 'FW1' : 'FW2',
  reachable: true,
  lastSeen: 1_700_000_000_000,
  role: key === 'a' ? ('primary' as const) : ('secondary' as const),
  runningStatus: key === 'a' ? ('Active' as const) : ('Standby' as const),
  controlChannel: 'Connected' as const,
  dataChannelInterface: 'GigabitEthernet1/0/3',
  dataChannelState: 'Up' as const,
  keepalive: { interval: 1, count: 3 },
  consistency: { result: 'Consistent' as const, time: 1_700_000_000_000 },
  sessions: { total: 42, sentToPeer: 40 },
  vrrp: [],
  tracks: [],
  switchoverCount: 0,
  ...over,
});

export function pairStatus(over: { a?: Record<string, unknown>; b?: Record<string, unknown>; ops?: PairStatus['ops']; mode?: string } = {}): PairStatus {
  return {
    pair: 'lab',
    source: 'lab',
    mode: over.mode ?? 'active-standby',
    verdict: 'healthy',
    health: { pair: 'lab', devices: { a: device('a', over.a), b: device('b', over.b) } } as PairStatus['health'],
    ops: over.ops ?? ['check', 'sync', 'switchover', 'reset'],
    intervalSeconds: 5,
  };
}

/** n events of the lab pair, one a second, cycling through the kinds a real run produces. */
export function manyEvents(n: number, start = 1_700_000_000_000, cause = 'Peer lost'): MonitorEvent[] {
  const out: MonitorEvent[] = [];
  for (let i = 0; i < n; i++) {
    const base = { id: `run-${String(i).padStart(6, '0')}`, rev: 0, pair: 'lab', time: start + i * 1000 };
    const k = i % 4;
    if (k === 0) out.push({ ...base, kind: 'switchover', device: 'b', from: 'Standby', to: 'Active', cause, seenBy: 'both' });
    else if (k === 1) out.push({ ...base, kind: 'channel-down', device: 'b', channel: 'control', seenBy: 'log' });
    else if (k === 2) out.push({ ...base, kind: 'channel-up', device: 'b', channel: 'control', seenBy: 'poll' });
    else out.push({ ...base, kind: 'device-unreachable', device: 'a', error: 'connect timeout' });
  }
  return out;
}
