import type { LabDevice } from '../../device/device';
import { dateTime } from '../../device/clock';
import type { RbmMode, RbmStatusBlock, RbmStatusView } from '../../device/seam';
import type { CommandSpec } from '../types';

/** `display remote-backup-group status` / `sync-check` in the layout the vendor CLI notes show. */
const MODE_TEXT: Record<RbmMode, string> = { 'active-standby': 'Active/standby', 'dual-active': 'Dual-active', mirroring: 'Mirroring' };
export const NOT_CONFIGURED = 'Remote backup group is not configured.';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function delayText(s: number): string {
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}

function uptimeText(sec: number): string {
  const m = Math.floor(sec / 60);
  return `${Math.floor(m / 1440)} days, ${Math.floor((m % 1440) / 60)} hours, ${m % 60} minutes`;
}

function block(b: RbmStatusBlock): string[] {
  const out = [
    `  Backup mode: ${MODE_TEXT[b.mode]}`,
    `  Device management role: ${b.role ? cap(b.role) : 'None'}`,
    // Current releases also print the role the device runs with; the lab's elected role is both.
    `  Device running management role: ${b.role ? cap(b.role) : 'None'}`,
    `  Device running status: ${b.runningStatus}`,
  ];
  if (b.dataChannelInterface) out.push(`  Data channel interface: ${b.dataChannelInterface}`, `  Data channel interface current state: ${b.dataChannelState ?? 'Down'}`);
  out.push(
    `  Local IP: ${b.localIp ?? '--'}`,
    `  Remote IP: ${b.remoteIp ?? '--'}   Destination port: ${b.port}`,
    `  Control channel status: ${b.controlChannel}`,
    `  Keepalive interval: ${b.keepaliveInterval}s`,
    `  Keepalive count: ${b.keepaliveCount}`,
    `  Configuration consistency check interval: ${b.consistency.intervalText}`,
    `  Configuration consistency check result: ${b.consistency.result}`,
    `  Configuration backup status: ${b.autoSync ? 'Auto sync enabled' : 'Auto sync disabled'}`,
    `  Session backup status: ${b.hotBackup ? 'Hot backup enabled' : 'Hot backup disabled'}`,
    `  Delay-time: ${delayText(b.delaySeconds)}`,
    `  Uptime since last switchover: ${uptimeText(b.uptimeSinceSwitchover)}`,
  );
  return out;
}

/** Without a runtime the configuration alone describes the local side: Initial, not connected. */
function fromConfig(d: LabDevice): RbmStatusView | undefined {
  const r = d.running.rbm;
  if (!r) return undefined;
  const s = r.syncCheck.schedule;
  const intervalText = !s || 'intervalHours' in s ? `${s?.intervalHours ?? 1} hour` : 'daily' in s ? `daily ${s.daily}` : `weekly ${s.weekly.day} ${s.weekly.at}`;
  return {
    local: {
      mode: r.mode,
      ...(r.role && r.role !== 'auto' ? { role: r.role } : {}),
      runningStatus: 'Initial',
      ...(r.dataChannelInterface ? { dataChannelInterface: r.dataChannelInterface, dataChannelState: d.interfaceUp(r.dataChannelInterface) ? 'Up' : 'Down' } : {}),
      ...(r.localIp ? { localIp: r.localIp } : {}),
      ...(r.remoteIp ? { remoteIp: r.remoteIp } : {}),
      port: r.port,
      controlChannel: 'Disconnected',
      keepaliveInterval: r.keepaliveInterval,
      keepaliveCount: r.keepaliveCount,
      consistency: { intervalText, result: 'Not Performed' },
      autoSync: r.autoSync,
      hotBackup: r.hotBackup,
      delaySeconds: r.delaySeconds,
      uptimeSinceSwitchover: 0,
    },
    switchovers: [],
  };
}

export function rbmStatus(d: LabDevice): string[] {
  const v = d.running.rbm ? (d.runtime?.status() ?? fromConfig(d)) : undefined;
  if (!v) return [NOT_CONFIGURED];
  const out = ['Local remote backup group information:', ...block(v.local)];
  if (v.peer) out.push('Peer remote backup group information:', ...block(v.peer));
  out.push('Switchover records:', '  Time                     Status change        Cause');
  for (const s of v.switchovers) out.push(`  ${dateTime(s.time).padEnd(25)}${`${s.from} to ${s.to}`.padEnd(21)}${s.cause}`);
  return out;
}

export function syncCheck(d: LabDevice): string[] {
  if (!d.running.rbm) return [NOT_CONFIGURED];
  const v = d.runtime?.syncCheck() ?? { result: 'Not Performed' as const, differences: [] };
  const out = [`Configuration consistency check result: ${v.result}`];
  if (v.time) out.push(`Check time: ${dateTime(v.time)}`);
  if (v.differences.length) out.push('Inconsistent configuration:', ...v.differences.map((l) => `  ${l}`));
  return out;
}

export const RBM_DISPLAYS: CommandSpec[] = [
  { syntax: 'display remote-backup-group status', views: 'any', run: (ctx) => rbmStatus(ctx.device) },
  { syntax: 'display remote-backup-group sync-check', views: 'any', run: (ctx) => syncCheck(ctx.device) },
];
