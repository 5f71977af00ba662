import type { RbmConfig } from './seam';

/**
 * The device's configuration as structured data. Running and saved (startup) configurations are
 * two values of this type; `structuredClone` snapshots them (commit-delay rollback, save, power
 * cycle), so everything here is plain data — arrays and objects, no classes or Maps.
 */
export interface IfConfig {
  name: string;
  shutdown: boolean;
  description?: string;
  /** `port link-aggregation group N`: member of Route-AggregationN. */
  aggregateGroup?: number;
  /** Primary IPv4 address with its dotted mask, as `ip address A.B.C.D MASK` sets it. */
  ipv4?: { ip: string; mask: string };
  /** Global IPv6 addresses as `ip/prefix`. */
  ipv6: string[];
  /** Manually configured link-local addresses (no prefix). */
  ipv6LinkLocal: string[];
  vrrp: VrrpEntry[];
  /** `vrrp ipv6 vrid …` groups. */
  vrrp6: VrrpEntry[];
  floatingIps: { ip: string; mask: string }[];
  floatingIpv6: { ip: string; prefix: number }[];
}

export interface VrrpEntry {
  vrid: number;
  ip: string;
  /** Typed with `link-local` (IPv6): printed back that way. */
  linkLocal?: boolean;
  group?: 'active' | 'standby';
}

export interface LocalUser {
  name: string;
  /** `$h$6$salt$digest` — the form `display current-configuration` prints after `password hash`. */
  passwordHash?: string;
  serviceTypes: string[];
  roles: string[];
}

export interface StaticRoute {
  dest: string;
  prefix: number;
  nextHop: string;
}

/** RBM view contents plus whether the view exists at all (`remote-backup group`). */
export type RbmSection = RbmConfig;

/** `object-group ip address NAME`: the one security object the lab models, so that active/standby configuration backup has something to carry. */
export interface ObjectGroup {
  name: string;
  entries: { seq: number; ip: string; mask?: string }[];
}

export interface RunningConfig {
  sysname: string;
  objectGroups: ObjectGroup[];
  interfaces: IfConfig[];
  tracks: { id: number; interface: string }[];
  users: LocalUser[];
  loghosts: { ip: string; port: number }[];
  routes: StaticRoute[];
  sshServer: boolean;
  rbm?: RbmSection;
}

/**
 * Defaults of the RBM view: a value equal to its default is not printed by
 * `display current-configuration` (Comware prints non-default settings only). Sources: comware-cli.md
 * the vendor CLI notes (port 60064, keepalive 1 s × 10 — [MEM]); the booleans start disabled so that the section
 * lists exactly the `… enable` lines that were configured; delay 60 s matches "Delay-time: 1 min".
 */
export function defaultRbm(): RbmConfig {
  return {
    mode: 'active-standby',
    port: 60064,
    keepaliveInterval: 1,
    keepaliveCount: 10,
    dataChannelLayer3: false,
    hotBackup: false,
    backupHttp: false,
    backupDns: false,
    backupAftPortBlock: false,
    backupLastHop: false,
    autoSync: false,
    autoSyncStaticRoutes: false,
    syncCheck: { enabled: false },
    switchback: false,
    delaySeconds: 60,
    tracks: [],
    monitorInterfaces: [],
    monitorVlans: [],
    adjustCost: {},
  };
}

export function newInterface(name: string): IfConfig {
  return { name, shutdown: false, ipv6: [], ipv6LinkLocal: [], vrrp: [], vrrp6: [], floatingIps: [], floatingIpv6: [] };
}

export function newConfig(sysname: string, interfaceNames: readonly string[]): RunningConfig {
  return { sysname, objectGroups: [], interfaces: interfaceNames.map(newInterface), tracks: [], users: [], loghosts: [], routes: [], sshServer: false };
}

/** Mask ↔ prefix length for IPv4 (`ip address 10.1.1.1 255.255.255.0` or `… 24`). */
export function maskToPrefix(mask: string): number | undefined {
  if (/^\d{1,2}$/.test(mask)) {
    const n = Number(mask);
    return n <= 32 ? n : undefined;
  }
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  const bits = parts.reduce((acc, p) => acc * 256 + p, 0);
  const inv = 0xffffffff - bits;
  // A valid mask is ones then zeros: its complement + 1 is a power of two.
  if ((inv & (inv + 1)) !== 0) return undefined;
  return 32 - Math.log2(inv + 1);
}

export function prefixToMask(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}
