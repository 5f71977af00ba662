/**
 * PairHealth: what the monitor currently believes about a pair, as the live view, the metrics
 * endpoint and the app show it. Built only by the reducer (reducer.ts); plain serialisable data.
 */
import type { DeviceKey } from '../model/pair';
import type { ChannelStatus, ConsistencyResult, RunningStatus, SessionCounters } from './types';

export interface DeviceHealth {
  key: DeviceKey;
  sysname?: string;
  /** undefined until the first poll answers or fails. */
  reachable?: boolean;
  lastSeen?: number;
  unreachableSince?: number;
  lastError?: string;
  role?: 'primary' | 'secondary';
  runningStatus?: RunningStatus;
  /** The control channel as this device sees it. */
  controlChannel?: ChannelStatus;
  dataChannelInterface?: string;
  dataChannelState?: 'Up' | 'Down';
  keepalive?: { interval: number; count: number };
  consistency?: { result: ConsistencyResult; time: number };
  sessions?: SessionCounters;
  vrrp: { interface: string; vrid: number; state: string }[];
  tracks: { id: number; state: string }[];
  switchoverCount: number;
  lastSwitchover?: number;
}

export interface PairHealth {
  pair: string;
  devices: Record<DeviceKey, DeviceHealth>;
  lastSwitchover?: { time: number; device: DeviceKey; from: RunningStatus; to: RunningStatus; cause: string };
  /** When a reachable side first reported the control channel down; cleared when all say up. */
  channelDownSince?: number;
}

export type Verdict = 'healthy' | 'degraded' | 'down' | 'unknown';

export function emptyDevice(key: DeviceKey): DeviceHealth {
  return { key, vrrp: [], tracks: [], switchoverCount: 0 };
}

export function emptyPair(pair: string): PairHealth {
  return { pair, devices: { a: emptyDevice('a'), b: emptyDevice('b') } };
}

/**
 * One word for the row: healthy needs both devices answering, the channel connected on both
 * sides and exactly one Active in active/standby (two in dual-active are fine, so "≥ 1").
 */
export function verdict(h: PairHealth): Verdict {
  const ds = [h.devices.a, h.devices.b];
  if (ds.every((d) => d.reachable === undefined)) return 'unknown';
  if (ds.every((d) => d.reachable === false)) return 'down';
  if (!ds.some((d) => d.runningStatus === 'Active' && d.reachable !== false)) return 'down';
  const allGood = ds.every(
    (d) => d.reachable === true && d.controlChannel === 'Connected' && d.dataChannelState !== 'Down' && d.consistency?.result !== 'Inconsistent',
  );
  return allGood ? 'healthy' : 'degraded';
}
