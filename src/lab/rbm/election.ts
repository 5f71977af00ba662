import { compareIp } from '../../core/model/ip';
import type { RbmMode, RbmRole, RunningStatus } from '../device/seam';
import type { PeerState } from './messages';

export interface Candidate {
  ip: string;
  status: RunningStatus;
  healthy: boolean;
  configuredRole: RbmRole | 'auto' | undefined;
}

/**
 * Whether `me` wins an active/standby election against `peer`. Antisymmetric, so both devices,
 * deciding independently from the same hello messages, agree: the healthier device wins; then a
 * manual primary; then (auto roles) the higher control-channel IP, the same tie-break the seed uses
 * for the TCP server.
 */
export function winsElection(me: Candidate, peer: Candidate): boolean {
  if (me.healthy !== peer.healthy) return me.healthy;
  const rank = (c: Candidate): number => (c.configuredRole === 'primary' ? 1 : 0);
  if (rank(me) !== rank(peer)) return rank(me) > rank(peer);
  return compareIp(me.ip, peer.ip) > 0;
}

/**
 * The running status a device takes when the control channel comes up and the peer's hello
 * arrives. Active/standby and mirroring: an Active device keeps its state against an Initial or
 * Standby peer (no needless switchover when a failed device returns; fallback is separate); two
 * Active devices (a healed split) or two undecided ones elect. Dual-active: every healthy device
 * not held in Standby by peer-active/peer-standby is Active.
 */
export function statusOnJoin(mode: RbmMode, me: Candidate, peer: Candidate, forcedStandby: boolean): 'Active' | 'Standby' {
  if (mode === 'dual-active') return me.healthy && !forcedStandby ? 'Active' : 'Standby';
  if (me.status === 'Active' && peer.status !== 'Active') return 'Active';
  if (peer.status === 'Active' && me.status !== 'Active') return 'Standby';
  return winsElection(me, peer) ? 'Active' : 'Standby';
}

/** Seed: the device with the higher IP is the TCP server. Addresses compareIp cannot order (a v4/v6 mix the CLI let through) fall back to text order, so the two sides still agree on who listens. */
export function isServerSide(localIp: string, remoteIp: string): boolean {
  try {
    return compareIp(localIp, remoteIp) > 0;
  } catch {
    return localIp > remoteIp;
  }
}

export function candidateOf(p: PeerState): Candidate {
  return { ip: p.ip, status: p.status, healthy: p.healthy, configuredRole: p.configuredRole };
}

/** The management role in effect: as configured, or with `device-role auto` the one that follows the running status (Active = primary). */
export function effectiveRole(configured: RbmRole | 'auto' | undefined, running: boolean, state: RunningStatus): RbmRole | undefined {
  if (!running) return undefined;
  if (configured === 'primary' || configured === 'secondary') return configured;
  if (configured === 'auto') return state === 'Active' ? 'primary' : state === 'Standby' ? 'secondary' : undefined;
  return undefined;
}
