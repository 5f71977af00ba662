import type { DeviceKey, Pair } from '../model/pair';
import { vrrpBinding } from '../render/sections';

/**
 * What a commissioned pair must show afterwards, derived from the pair file alone, so that the
 * push (issue 5), a bundle's verify.json and the monitor all judge "healthy" the same way.
 */
export interface ExpectedDevice {
  role?: 'primary' | 'secondary';
  /** Null where either is acceptable (auto roles: the election decides). */
  runningStatus: 'Active' | 'Standby' | null;
  /** Each group with the VRRP active/standby group the device binds it to (as rendered) and its state. */
  vrrp: { interface: string; vrid: number; family: VrrpFamily; group: 'active' | 'standby'; state: 'Master' | 'Backup' | null }[];
}

export type VrrpFamily = 'ipv4' | 'ipv6';

/**
 * A group's address family: as the parser read it (`display vrrp ipv6 …`), else from its address.
 * IPv4 and IPv6 groups number their VRIDs apart, so a group is known by family, interface and VRID.
 */
export function vrrpFamily(g: { family?: string; virtualIp?: string }): VrrpFamily {
  if (g.family === 'ipv4' || g.family === 'ipv6') return g.family;
  return g.virtualIp?.includes(':') ? 'ipv6' : 'ipv4';
}

export const sameVrrpGroup = (x: { interface: string; vrid: number; family?: string; virtualIp?: string }, y: { interface: string; vrid: number; family?: string; virtualIp?: string }): boolean =>
  x.interface === y.interface && x.vrid === y.vrid && vrrpFamily(x) === vrrpFamily(y);

/** The families the pair file has VRRP groups in: the displays verification must read. */
export function vrrpFamilies(pair: Pair): Record<VrrpFamily, boolean> {
  return { ipv4: pair.vrrp.some((g) => vrrpFamily(g) === 'ipv4'), ipv6: pair.vrrp.some((g) => vrrpFamily(g) === 'ipv6') };
}

export interface ExpectedState {
  mode: Pair['mode'];
  controlChannel: 'Connected';
  dataChannel: 'Up';
  consistency: 'Consistent' | null;
  /** Exactly one Active in active/standby and mirroring; both in dual-active. */
  activeCount: 1 | 2;
  devices: Record<DeviceKey, ExpectedDevice>;
}

export function expectedState(pair: Pair): ExpectedState {
  const dual = pair.mode === 'dual-active';
  const status = (k: DeviceKey): ExpectedDevice['runningStatus'] => {
    if (dual) return 'Active';
    if (pair.roles === 'auto') return null;
    return pair.devices[k].role === 'primary' ? 'Active' : 'Standby';
  };
  // Seed, "VRRP master election in the hot backup system": a device masters a group while the VRRP
  // active/standby group it binds the group to is master. Dual-active: each device's active group
  // (its own traffic) is master, its standby group waits for a takeover. Active/standby: the
  // Active device's binding (active on the primary, standby on the secondary) is master.
  // An IPv6 group lists each of its addresses: one expectation per group.
  const groups = pair.vrrp.filter((g, i) => pair.vrrp.findIndex((h) => sameVrrpGroup(h, g)) === i);
  const vrrpFor = (k: DeviceKey): ExpectedDevice['vrrp'] =>
    groups.map((g) => {
      const bound = vrrpBinding(pair, k, g.group);
      const st = status(k);
      let state: 'Master' | 'Backup' | null;
      if (dual) state = bound === 'active' ? 'Master' : 'Backup';
      else state = st === null ? null : st === 'Active' ? 'Master' : 'Backup';
      return { interface: g.interface, vrid: g.vrid, family: vrrpFamily(g), group: bound, state };
    });
  const device = (k: DeviceKey): ExpectedDevice => {
    const d: ExpectedDevice = { runningStatus: status(k), vrrp: vrrpFor(k) };
    if (pair.roles === 'manual' && pair.devices[k].role) d.role = pair.devices[k].role;
    return d;
  };
  return {
    mode: pair.mode,
    controlChannel: 'Connected',
    dataChannel: 'Up',
    consistency: pair.consistencyCheck.enabled ? 'Consistent' : null,
    activeCount: dual ? 2 : 1,
    devices: { a: device('a'), b: device('b') },
  };
}
