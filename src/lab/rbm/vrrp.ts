import type { LabDeviceApi, RbmMode, RbmRole, RunningStatus } from '../device/seam';

export type VrrpState = 'Master' | 'Backup' | 'Initialize';

/**
 * RBM-bound VRRP (seed, "VRRP master election in the hot backup system"): RBM, not VRRP priority,
 * decides mastership. Each device has a VRRP active group and a VRRP standby group; a bound VRRP
 * group is master while the one it is bound to is.
 *  - Active/standby: Device A (the primary) masters through its active group, Device B (the
 *    secondary) through its standby group; a switchover moves B's standby group to master (step 2)
 *    and A's active group to backup (step 4). Only those two move, so a group bound to the other
 *    one stays Backup even on the Active device: the lab's reading, which makes a secondary bound
 *    `active` (or a primary bound `standby`) leave its virtual IP unanswered after a takeover.
 *    With automatic roles the role follows the running status, so either group follows it.
 *  - Dual-active: `active` groups are Master while the device is Active; `standby` groups only while
 *    the device is Active and its peer is not (it then carries the peer's traffic).
 */
export function vrrpStateFor(
  group: 'active' | 'standby',
  ctx: { powered: boolean; mode: RbmMode | undefined; local: RunningStatus; peerActive: boolean; role: RbmRole | 'auto' | undefined },
): VrrpState {
  if (!ctx.powered || ctx.mode === undefined || ctx.local === 'Initial') return 'Initialize';
  if (ctx.local !== 'Active') return 'Backup';
  if (ctx.mode === 'dual-active') return group === 'standby' && ctx.peerActive ? 'Backup' : 'Master';
  const own = ctx.role === 'primary' ? 'active' : ctx.role === 'secondary' ? 'standby' : group;
  return group === own ? 'Master' : 'Backup';
}

/** Logs a VRRP state-change line for each RBM-bound group whose state differs between two snapshots. */
export function logVrrpChanges(device: LabDeviceApi, before: Map<string, VrrpState>, after: Map<string, VrrpState>, reason: string): void {
  const logged = new Set<string>();
  for (const g of device.vrrpGroups()) {
    if (!g.group) continue;
    const k = groupKey(g);
    // One entry per virtual address: a group with several logs once.
    if (logged.has(k)) continue;
    logged.add(k);
    const a = before.get(k);
    const b = after.get(k);
    if (a === undefined || b === undefined || a === b) continue;
    const v6 = g.virtualIp.includes(':');
    device.log(
      v6 ? 'VRRP6' : 'VRRP4',
      6,
      'VRRP_STATUS_CHANGE',
      `The status of ${v6 ? 'IPv6' : 'IPv4'} virtual router ${g.vrid} (configured on ${g.interface}) changed from ${a} to ${b}: ${reason}.`,
    );
  }
}

/** IPv4 and IPv6 groups number their VRIDs apart: the family is part of the key. */
export function groupKey(g: { interface: string; vrid: number; virtualIp: string }): string {
  return `${g.virtualIp.includes(':') ? 'v6' : 'v4'}#${g.interface}#${g.vrid}`;
}

/** Runs a state change and logs the VRRP groups it moved. */
export function withVrrpLog(device: LabDeviceApi, stateOf: (g: 'active' | 'standby') => VrrpState, reason: string, change: () => void): void {
  const snap = (): Map<string, VrrpState> => {
    const m = new Map<string, VrrpState>();
    for (const g of device.vrrpGroups()) if (g.group) m.set(groupKey(g), stateOf(g.group));
    return m;
  };
  const before = snap();
  change();
  logVrrpChanges(device, before, snap(), reason);
}
