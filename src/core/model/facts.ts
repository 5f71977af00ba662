/**
 * What discovery learns about a device (src/core/parse + discover), and what the rules that need
 * facts (pair.same-hardware, pair.same-software, mirroring.initial-state, preflight) read.
 * Every field is optional: a parser that cannot read a value leaves it out and adds a warning.
 */
import type { Message } from '../base/message';

export interface InterfaceFact {
  name: string; // full name (GigabitEthernet1/0/1), expanded from display abbreviations
  address?: string; // primary IPv4 as CIDR when known, else the bare IP
  ipv6Addresses?: string[];
  link?: 'up' | 'down' | 'adm' | 'stby';
  protocol?: string;
  aggregateMember?: string;
  description?: string;
}

export interface RbmFact {
  configured: boolean;
  mode?: 'active-standby' | 'dual-active' | 'mirroring';
  role?: 'primary' | 'secondary';
  /** "Device running management role" (newer releases): the role in effect, which may differ from the configured one. */
  runningRole?: 'primary' | 'secondary';
  runningStatus?: 'Initial' | 'Active' | 'Standby';
  controlChannel?: 'Connected' | 'Disconnected';
  localIp?: string;
  remoteIp?: string;
  port?: number;
  keepaliveInterval?: number;
  keepaliveCount?: number;
  dataChannelInterface?: string;
  dataChannelState?: 'Up' | 'Down';
  consistency?: 'Not Performed' | 'Consistent' | 'Inconsistent';
  /** As printed ("1 hour"): the schedule syntax differs by release. */
  consistencyInterval?: string;
  autoSync?: boolean;
  hotBackup?: boolean;
  /** Switch-back delay ("Delay-time: 1 min") in seconds. */
  delaySeconds?: number;
  uptimeSinceSwitchoverSeconds?: number;
  peer?: Omit<RbmFact, 'peer' | 'configured' | 'switchovers'>;
  switchovers?: { time: string; from: string; to: string; cause: string }[];
}

export interface VrrpFact {
  interface: string;
  vrid: number;
  state: 'Master' | 'Backup' | 'Initialize' | 'Inactive' | string;
  virtualIp?: string;
  priority?: number;
  /** Every virtual IP of the group (virtualIp is the first). */
  virtualIps?: string[];
  masterIp?: string;
  /** RBM binding of the group (`vrrp vrid N virtual-ip IP active|standby`). */
  rbmGroup?: 'active' | 'standby';
}

export interface TrackFact {
  id: number;
  state: 'Positive' | 'Negative' | 'NotReady' | string;
  interface?: string;
}

export interface DeviceFacts {
  sysname?: string;
  promptPrefix?: '' | 'RBM_P' | 'RBM_S';
  vendor?: string; // "H3C"
  model?: string; // "SecPath F1000-AK1xx"
  softwareVersion?: string; // "7.1.064"
  release?: string; // "ESS 1171P23"
  serialNumber?: string;
  mac?: string;
  /** Time since boot (display version), to tell two devices apart when serial and MAC are unreadable. */
  uptimeSeconds?: number;
  /** Device clock as ISO-8601, for the clock-skew check. */
  clock?: string;
  interfaces: InterfaceFact[];
  rbm?: RbmFact;
  vrrp: VrrpFact[];
  tracks: TrackFact[];
  /** Unknown lines and values that could not be read; shown, never fatal. */
  warnings: string[];
  /**
   * `warnings` as core messages (`discover.warning.…`), index for index, for the reader's language;
   * null where a warning is only English (a parser's note on a line it could not read). Absent when
   * none is coded.
   */
  warningsSaid?: (Message | null)[];
}

export type PairFacts = { a?: DeviceFacts; b?: DeviceFacts };
