import type { RbmMode, RbmRole, RbmStatusBlock, RunningStatus } from '../device/seam';

/**
 * The lab's RBM wire protocol: one JSON object per line over the control-channel TCP connection
 * (and, for sessions, over the separate data-channel connection). Real devices use a binary
 * protocol we cannot see; only the observable behaviour (who connects, keepalive timing, what is
 * synchronised) has to match.
 */
export interface PeerState {
  ip: string;
  sysname: string;
  configuredRole: RbmRole | 'auto' | undefined;
  mode: RbmMode;
  status: RunningStatus;
  healthy: boolean;
  /** Set when this device holds Standby because of peer-active/peer-standby in dual-active mode. */
  forcedStandby: boolean;
  block: WireStatusBlock;
}

/** RbmStatusBlock with its Date as ISO text, as it travels. */
export type WireStatusBlock = Omit<RbmStatusBlock, 'consistency'> & {
  consistency: { intervalText: string; result: RbmStatusBlock['consistency']['result']; time?: string };
};

export interface WireSession {
  id: string;
  proto: 'tcp' | 'udp';
  src: string;
  dst: string;
  created: number;
}

export type CheckResult = 'Consistent' | 'Inconsistent';

export type ControlMessage =
  | { t: 'ka'; n: number }
  | { t: 'ka-ack'; n: number }
  | { t: 'hello'; state: PeerState }
  | { t: 'state'; state: PeerState }
  /** Step 1 of the seed's sequence: the active device asks the standby to take over. */
  | { t: 'switchover-request'; id: number; cause: string; manual: boolean }
  /** Step 3: the standby answers after it has become active (or refuses, being unhealthy itself). */
  | { t: 'switchover-ack'; id: number; accepted: boolean }
  /** A manual switchover typed on the standby: the active device runs the sequence. */
  | { t: 'switchover-ask' }
  /** Dual-active peer-active / peer-standby: the status the receiver must take. */
  | { t: 'peer-set'; status: 'Active' | 'Standby' }
  | { t: 'reset-election' }
  | { t: 'config-sync'; kind: 'bulk' | 'incremental'; lines: string[] }
  | { t: 'check-run' }
  | { t: 'check-request'; id: number }
  | { t: 'check-response'; id: number; lines: string[] }
  | { t: 'check-result'; result: CheckResult; differences: string[]; time: string };

export type DataMessage = { t: 'ka'; n: number } | { t: 'ka-ack'; n: number } | { t: 'sessions'; bulk: boolean; items: WireSession[] };

export type AnyMessage = { t: string };
