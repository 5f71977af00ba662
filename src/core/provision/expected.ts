import type { DeviceKey, Pair } from '../model/pair';

/**
 * What a commissioned pair must show afterwards, derived from the pair file alone, so that the
 * push (issue 5), a bundle's verify.json and the monitor all judge "healthy" the same way.
 */
export interface ExpectedDevice {
  role?: 'primary' | 'secondary';
  /** Null where either is acceptable (auto roles: the election decides). */
  runningStatus: 'Active' | 'Standby' | null;
  vrrp: { interface: string; vrid: number; state: 'Master' | 'Backup' | null }[];
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
  const vrrpFor = (k: DeviceKey): ExpectedDevice['vrrp'] =>
    pair.vrrp.map((g) => {
      // pair.vrrp is written from device A's side; in dual-active B holds the inverse binding.
      const bound = k === 'a' || !dual ? g.group : g.group === 'active' ? 'standby' : 'active';
      const st = status(k);
      let state: 'Master' | 'Backup' | null;
      if (dual) state = bound === 'active' ? 'Master' : 'Backup';
      else state = st === null ? null : st === 'Active' ? 'Master' : 'Backup';
      return { interface: g.interface, vrid: g.vrid, state };
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
