import type { LabDeviceApi, RbmConfig } from '../device/seam';

/** Switchover causes as `display remote-backup-group status` prints them in its records. */
export const CAUSE = {
  peerLost: 'Peer lost',
  interface: 'Interface status changed',
  track: 'Track status changed',
  manual: 'Manual switchover',
  fallback: 'Fallback after recovery',
  election: 'Election',
  peerCommand: 'Peer state set manually',
} as const;

export interface Health {
  healthy: boolean;
  /** Why the device is unhealthy (the first failure found), for the switchover record. */
  cause?: string;
  detail?: string;
}

/**
 * A device is fit to be Active while every monitored interface is up and no associated track entry
 * is Negative (NotReady does not count as a failure: the tracked object is simply not known yet).
 * Monitored VLANs would need VLAN membership, which the device seam does not expose; see the
 * lab's known gaps.
 */
export function evaluateHealth(device: LabDeviceApi, cfg: RbmConfig): Health {
  for (const name of cfg.monitorInterfaces) {
    if (!device.interfaceUp(name)) return { healthy: false, cause: CAUSE.interface, detail: name };
  }
  for (const id of cfg.tracks) {
    if (device.trackState(id) === 'Negative') return { healthy: false, cause: CAUSE.track, detail: `track ${id}` };
  }
  return { healthy: true };
}
