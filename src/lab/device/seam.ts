/**
 * The seam between a simulated device (state + CLI + terminal sessions, src/lab/device and
 * src/lab/cli) and what runs around it (RBM between two devices over TCP, SSH server, PTY console,
 * syslog, fault injection: src/lab/rbm, src/lab/hosts, src/lab/lab.ts). Both sides code against
 * these types; change them only together.
 */
import type { Disposable } from '../../core/base/emitter';

export type RbmRole = 'primary' | 'secondary';
export type RbmMode = 'active-standby' | 'dual-active' | 'mirroring';
export type RunningStatus = 'Initial' | 'Active' | 'Standby';
export type ChannelStatus = 'Connected' | 'Disconnected';

/** RBM view configuration as currently in the device's running configuration. */
export interface RbmConfig {
  role?: RbmRole | 'auto';
  mode: RbmMode;
  localIp?: string;
  remoteIp?: string;
  port: number; // default 60064
  keepaliveInterval: number; // seconds, default 1
  keepaliveCount: number; // default 10
  dataChannelInterface?: string;
  dataChannelLayer3: boolean;
  managementInterface?: string;
  hotBackup: boolean; // session backup
  backupHttp: boolean;
  backupDns: boolean;
  backupAftPortBlock: boolean;
  backupLastHop: boolean;
  autoSync: boolean;
  autoSyncStaticRoutes: boolean;
  syncCheck: { enabled: boolean; schedule?: { intervalHours: number } | { daily: string } | { weekly: { day: string; at: string } } };
  switchback: boolean;
  delaySeconds: number;
  tracks: number[];
  monitorInterfaces: string[];
  monitorVlans: number[];
  adjustCost: Partial<Record<'ospf' | 'isis' | 'bgp' | 'ospfv3', { kind: 'absolute' | 'increment'; cost: number }>>;
}

export interface SwitchoverRecord {
  time: Date;
  from: RunningStatus;
  to: RunningStatus;
  /** As the device prints it, e.g. "Peer lost", "Interface status changed", "Track status changed", "Manual switchover". */
  cause: string;
}

export interface RbmStatusBlock {
  mode: RbmMode;
  role?: RbmRole;
  runningStatus: RunningStatus;
  dataChannelInterface?: string;
  dataChannelState?: 'Up' | 'Down';
  localIp?: string;
  remoteIp?: string;
  port: number;
  controlChannel: ChannelStatus;
  keepaliveInterval: number;
  keepaliveCount: number;
  consistency: { intervalText: string; result: 'Not Performed' | 'Consistent' | 'Inconsistent'; time?: Date };
  autoSync: boolean;
  hotBackup: boolean;
  delaySeconds: number;
  uptimeSinceSwitchover: number; // seconds
}

export interface RbmStatusView {
  local: RbmStatusBlock;
  /** Absent while the control channel has never connected. */
  peer?: RbmStatusBlock;
  switchovers: SwitchoverRecord[];
}

export interface SyncCheckView {
  result: 'Not Performed' | 'Consistent' | 'Inconsistent';
  time?: Date;
  /** Lines that differ: `+` only on the primary, `-` only on the secondary. */
  differences: string[];
}

export interface SessionCounters {
  total: number;
  createdLocally: number;
  receivedFromPeer: number;
  sentToPeer: number;
}

/** What a manual operation prints: an empty string for silent success, or an error line. */
export type ActionOutcome = { ok: true; message?: string } | { ok: false; message: string };

/** Provided by src/lab/rbm to a device; the CLI engine calls it for RBM displays and actions. */
export interface RbmRuntime {
  status(): RbmStatusView;
  syncCheck(): SyncCheckView;
  runningStatus(): RunningStatus;
  /** The prompt prefix: 'RBM_P' / 'RBM_S' once hot backup runs, '' otherwise. */
  promptPrefix(): '' | 'RBM_P' | 'RBM_S';
  /** Whether this device is VRRP master for a group bound with this keyword. */
  vrrpState(group: 'active' | 'standby'): 'Master' | 'Backup' | 'Initialize';
  sessions(): SessionCounters;
  manualSyncCheck(): ActionOutcome;
  manualSync(): ActionOutcome;
  switchover(): ActionOutcome;
  peerActive(): ActionOutcome;
  peerStandby(): ActionOutcome;
  resetElection(): ActionOutcome;
}

export interface InterfaceState {
  name: string; // full name, e.g. GigabitEthernet1/0/1
  adminUp: boolean;
  /** Physical link (fault injection link-down/link-up). */
  linkUp: boolean;
  address?: string; // CIDR
  ipv6Addresses: string[]; // CIDR, plus "fe80::1 link-local" entries as "fe80::1/10"
  description?: string;
  aggregateMember?: string;
}

export type DeviceEvent =
  | { kind: 'config'; lines: string[] } // running config changed (the commands applied)
  | { kind: 'interface'; name: string; up: boolean } // effective state (admin && link) changed
  | { kind: 'track'; id: number; state: 'Positive' | 'Negative' | 'NotReady' }
  | { kind: 'power'; on: boolean }
  | { kind: 'log'; line: string }; // a formatted log line as it goes to the log buffer

/** A simulated device as src/lab/rbm and the hosts see it (implemented in src/lab/device). */
export interface LabDeviceApi {
  readonly key: string; // 'a' / 'b' (or 'p7a' in a many-pair lab)
  sysname(): string;
  powered(): boolean;
  rbmConfig(): RbmConfig | undefined;
  interfaces(): InterfaceState[];
  interfaceUp(name: string): boolean;
  trackState(id: number): 'Positive' | 'Negative' | 'NotReady';
  /** The configuration lines the primary backs up to the secondary (depends on mode). */
  syncableConfig(): string[];
  /** Secondary side of configuration backup: replace the syncable part with the primary's. */
  applySyncedConfig(lines: string[]): void;
  vrrpGroups(): { interface: string; vrid: number; virtualIp: string; group?: 'active' | 'standby' }[];
  /** Write a log line: `RBM/6/RBM_CHANNEL`, text → log buffer, consoles with monitor on, loghost. */
  log(module: string, severity: number, mnemonic: string, text: string): void;
  loghosts(): { ip: string; port: number }[];
  on(listener: (e: DeviceEvent) => void): Disposable;
  attachRbm(runtime: RbmRuntime | undefined): void;
}

/** A byte-stream session to a device's CLI (console over PTY, or an SSH shell channel). */
export interface TerminalSession {
  write(data: string): void;
  onOutput(listener: (data: string) => void): Disposable;
  onClose(listener: () => void): Disposable;
  close(): void;
}
