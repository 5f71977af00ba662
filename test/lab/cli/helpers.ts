import { CliSession } from '../../../src/lab/cli/engine';
import { LabDevice, type LabDeviceOptions } from '../../../src/lab/device/device';
import type { RbmRuntime, RbmStatusView } from '../../../src/lab/device/seam';

export function device(o: Partial<LabDeviceOptions> = {}): LabDevice {
  return new LabDevice({ key: 'a', sysname: 'FW1', now: () => Date.UTC(2026, 10, 25, 14, 0, 0, 123), ...o });
}

/** Run lines in one CLI session; returns each line's output lines (as the prompt+echo transcript). */
export function run(d: LabDevice, lines: string[], s = new CliSession(d, { screenLength: 0 })): string[] {
  const out: string[] = [];
  for (const l of lines) {
    out.push(`${s.prompt()}${l}`);
    out.push(...(s.execute(l).lines ?? []));
  }
  return out;
}

/** Config lines of `display current-configuration`, trimmed. */
export function config(d: LabDevice): string[] {
  return d.currentConfig().map((l) => l.trim());
}

export function fakeRuntime(over: Partial<RbmRuntime> = {}): RbmRuntime & { calls: string[] } {
  const calls: string[] = [];
  const status: RbmStatusView = {
    local: {
      mode: 'active-standby',
      role: 'primary',
      runningStatus: 'Active',
      dataChannelInterface: 'GigabitEthernet1/0/3',
      dataChannelState: 'Up',
      localIp: '10.2.1.1',
      remoteIp: '10.2.1.2',
      port: 60064,
      controlChannel: 'Connected',
      keepaliveInterval: 1,
      keepaliveCount: 10,
      consistency: { intervalText: '1 hour', result: 'Consistent', time: new Date(Date.UTC(2026, 10, 25, 13, 0, 0)) },
      autoSync: true,
      hotBackup: true,
      delaySeconds: 60,
      uptimeSinceSwitchover: 1800,
    },
    switchovers: [{ time: new Date(Date.UTC(2026, 10, 25, 13, 30, 0)), from: 'Initial', to: 'Active', cause: 'Interface status changed' }],
  };
  status.peer = { ...status.local, role: 'secondary', runningStatus: 'Standby', localIp: '10.2.1.2', remoteIp: '10.2.1.1' };
  const ok = (name: string) => () => (calls.push(name), { ok: true as const });
  return {
    calls,
    status: () => status,
    syncCheck: () => ({ result: 'Inconsistent', time: new Date(Date.UTC(2026, 10, 25, 13, 0, 0)), differences: ['+ ip route-static 0.0.0.0 0 10.1.1.254'] }),
    runningStatus: () => 'Active',
    promptPrefix: () => 'RBM_P',
    vrrpState: (g) => (g === 'active' ? 'Master' : 'Backup'),
    sessions: () => ({ total: 120, createdLocally: 100, receivedFromPeer: 20, sentToPeer: 100 }),
    manualSyncCheck: ok('check'),
    manualSync: ok('sync'),
    switchover: ok('switchover'),
    peerActive: () => (calls.push('peer-active'), { ok: false, message: 'Error: This operation is supported only in dual-active mode.' }),
    peerStandby: ok('peer-standby'),
    resetElection: ok('reset'),
    ...over,
  };
}
