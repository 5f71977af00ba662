import type { LabDeviceApi, RbmConfig, RbmRole, RbmStatusBlock, RunningStatus, SyncCheckView } from '../device/seam';
import { intervalText } from './consistency';
import type { PeerState, WireStatusBlock } from './messages';

export interface LocalFacts {
  role: RbmRole | undefined;
  status: RunningStatus;
  controlUp: boolean;
  dataUp: boolean;
  check: SyncCheckView;
  uptimeSinceSwitchover: number;
}

/** The `display remote-backup-group status` block of this device, as it travels to the peer. */
export function toWire(cfg: RbmConfig | undefined, f: LocalFacts): WireStatusBlock {
  return {
    mode: cfg?.mode ?? 'active-standby',
    role: f.role,
    runningStatus: f.status,
    dataChannelInterface: cfg?.dataChannelInterface,
    dataChannelState: cfg?.dataChannelInterface ? (f.dataUp ? 'Up' : 'Down') : undefined,
    localIp: cfg?.localIp,
    remoteIp: cfg?.remoteIp,
    port: cfg?.port ?? 60064,
    controlChannel: f.controlUp ? 'Connected' : 'Disconnected',
    keepaliveInterval: cfg?.keepaliveInterval ?? 1,
    keepaliveCount: cfg?.keepaliveCount ?? 10,
    consistency: { intervalText: intervalText(cfg), result: f.check.result, time: f.check.time?.toISOString() },
    autoSync: cfg?.autoSync ?? false,
    hotBackup: cfg?.hotBackup ?? false,
    delaySeconds: cfg?.delaySeconds ?? 0,
    uptimeSinceSwitchover: f.uptimeSinceSwitchover,
  };
}

export function fromWire(b: WireStatusBlock): RbmStatusBlock {
  return { ...b, consistency: { ...b.consistency, time: b.consistency.time ? new Date(b.consistency.time) : undefined } };
}

export function localBlock(s: PeerState): RbmStatusBlock {
  return fromWire(s.block);
}

/** The peer block as last heard; while the channel is down the peer's view of it is stale, so the channel shows Disconnected. */
export function peerBlock(p: PeerState, connected: boolean): RbmStatusBlock {
  const b = fromWire(p.block);
  return connected ? b : { ...b, controlChannel: 'Disconnected' };
}

/** What this device tells its peer about itself (hello and state messages). */
export function peerState(device: LabDeviceApi, cfg: RbmConfig | undefined, f: LocalFacts & { healthy: boolean; forcedStandby: boolean }): PeerState {
  return {
    ip: cfg?.localIp ?? '',
    sysname: device.sysname(),
    configuredRole: cfg?.role,
    mode: cfg?.mode ?? 'active-standby',
    status: f.status,
    healthy: f.healthy,
    forcedStandby: f.forcedStandby,
    block: toWire(cfg, f),
  };
}
