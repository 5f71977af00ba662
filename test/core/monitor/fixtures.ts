import type { RbmFact } from '../../../src/core/model/facts';
import type { DeviceKey } from '../../../src/core/model/pair';
import { DEFAULT_ALERTS, type LogFact, type LogObservation, type MonitorConfig, type PollObservation } from '../../../src/core/monitor/types';

export const T0 = Date.UTC(2026, 10, 25, 14, 0, 0);

export const config = (over: Partial<MonitorConfig> = {}): MonitorConfig => ({
  runId: 'r1',
  correlationWindowMs: 15_000,
  alerts: { ...DEFAULT_ALERTS },
  ...over,
});

export function rbm(over: Partial<RbmFact> = {}): RbmFact {
  return {
    configured: true,
    mode: 'active-standby',
    role: 'primary',
    runningStatus: 'Active',
    controlChannel: 'Connected',
    dataChannelInterface: 'GigabitEthernet1/0/3',
    dataChannelState: 'Up',
    keepaliveInterval: 1,
    keepaliveCount: 3,
    consistency: 'Consistent',
    switchovers: [],
    ...over,
  };
}

export const poll = (device: DeviceKey, time: number, r: Partial<RbmFact> = {}, pair = 'p1'): PollObservation => ({
  kind: 'poll',
  pair,
  device,
  time,
  sysname: device === 'a' ? 'FW1' : 'FW2',
  rbm: rbm(r),
});

export const log = (device: DeviceKey, time: number, fact: LogFact, deviceTime?: string, pair = 'p1'): LogObservation => ({
  kind: 'log',
  pair,
  device,
  time,
  fact,
  raw: '',
  ...(deviceTime ? { deviceTime } : {}),
});

/** Device clock text as `display remote-backup-group status` prints switchover records. */
export function recordTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}
