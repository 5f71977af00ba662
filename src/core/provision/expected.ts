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
  vrrp: { interface: string; vrid: number; group: 'active' | 'standby'; state: 'Master' | 'Backup' | null }[];
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
  const groups = pair.vrrp.filter((g, i) => pair.vrrp.findIndex((h) => h.interface === g.interface && h.vrid === g.vrid && h.virtualIp.includes(':') === g.virtualIp.includes(':')) === i);
  const vrrpFor = (k: DeviceKey): ExpectedDevice['vrrp'] =>
    groups.map((g) => {
      const bound = vrrpBinding(pair, k, g.group);
      const st = status(k);
      let state: 'Master' | 'Backup' | null;
      if (dual) state = bound === 'active' ? 'Master' : 'Backup';
      else state = st === null ? null : st === 'Active' ? 'Master' : 'Backup';
      return { interface: g.interface, vrid: g.vrid, group: bound, state };
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
