import { z } from 'zod';
import { parseCidr, parseIp } from './ip';
import { parseConnectUrl } from './connect';

/**
 * The pair file: one YAML/JSON document describing one hot-backup pair. Structure and field
 * formats are checked here (zod); rules that relate fields to each other or to the vendor's
 * restrictions live in ../validate so they can all be reported at once, with the seed's reason.
 */

const ifNameRe = /^[A-Za-z][A-Za-z-]*\d+(?:\/\d+)*(?:\.\d+)?$/;
export const InterfaceName = z
  .string()
  .regex(ifNameRe, { message: 'expected an interface name such as GigabitEthernet1/0/1 or Route-Aggregation1' });

export const IpAddress = z.string().refine((s) => parseIp(s) !== null, { message: 'expected an IPv4 or IPv6 address without a prefix, e.g. 10.2.1.1' });
export const CidrAddress = z
  .string()
  .refine((s) => parseCidr(s) !== null, { message: 'expected an address with its prefix length, e.g. 10.1.1.1/24 or 2001:db8::1/64' });
export const ConnectUrl = z.string().superRefine((s, ctx) => {
  const r = parseConnectUrl(s);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name such as HOTPAIR_A_PASSWORD' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time of day as HH:MM (24 h), e.g. 02:30' });
const duration = z.string().regex(/^\d+\s*(s|m|h|d)$/, { message: 'expected a duration such as 30m, 1h or 1d' });

export const Mode = z.enum(['active-standby', 'dual-active', 'mirroring']);
export const Roles = z.enum(['manual', 'auto']);
export const DeviceRole = z.enum(['primary', 'secondary']);
export const WeekDay = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const ConsistencySchedule = z.union([
  z.strictObject({ every: duration }),
  z.strictObject({ daily: hhmm }),
  z.strictObject({ weekly: z.strictObject({ day: WeekDay, at: hhmm }) }),
]);

export const DeviceInterface = z.strictObject({
  name: InterfaceName,
  address: CidrAddress.optional(),
  ipv6Address: CidrAddress.optional(),
  /** Manual IPv6 link-local address (required for IPv6 in mirroring mode). */
  linkLocal: IpAddress.optional(),
  /** The aggregate interface this port is a member of, e.g. Route-Aggregation1. */
  aggregateMember: InterfaceName.optional(),
  description: z.string().max(255).optional(),
});

export const Device = z.strictObject({
  sysname: z.string().min(1).max(64).regex(/^[^\s<>\[\]?]+$/, { message: 'a sysname has no spaces, brackets, < > or ?' }),
  role: DeviceRole.optional(),
  connect: ConnectUrl,
  /** Where the password comes from when not prompted: an environment variable named here. */
  passwordEnv: EnvName.optional(),
  identityFile: z.string().min(1).optional(),
  controlChannel: z.strictObject({ localIp: IpAddress }),
  dataChannel: z.strictObject({
    interface: InterfaceName,
    address: CidrAddress.optional(),
    ipv6Address: CidrAddress.optional(),
  }),
  managementInterface: InterfaceName.optional(),
  interfaces: z.array(DeviceInterface).default([]),
});

export const TrackEntry = z.strictObject({ id: z.number().int().min(1).max(1024), interface: InterfaceName.optional() });
export const VrrpGroup = z.strictObject({
  interface: InterfaceName,
  vrid: z.number().int().min(1).max(255),
  virtualIp: IpAddress,
  group: z.enum(['active', 'standby']),
  mode: z.enum(['standard', 'load-sharing']).default('standard'),
});
export const FloatingIp = z.strictObject({ interface: InterfaceName, address: CidrAddress });
const Cost = z.union([
  z.strictObject({ absolute: z.number().int().min(1).max(65535) }),
  z.strictObject({ increment: z.number().int().min(1).max(65535) }),
]);
export const Routing = z.strictObject({ ospf: Cost.optional(), isis: Cost.optional(), bgp: Cost.optional(), ospfv3: Cost.optional() });
export const Monitor = z.strictObject({
  interfaces: z.array(InterfaceName).optional(),
  vlans: z.array(z.number().int().min(1).max(4094)).optional(),
});

export const Pair = z.strictObject({
  name: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'letters, digits, . _ - only (it names files and journal entries)' }),
  platform: z.string().default('comware7'),
  mode: Mode.default('active-standby'),
  roles: Roles.default('manual'),
  controlChannel: z
    .strictObject({
      port: z.number().int().default(60064),
      keepalive: z.strictObject({ intervalSeconds: z.number().int().default(1), count: z.number().int().default(10) }).prefault({}),
    })
    .prefault({}),
  dataChannel: z.strictObject({ transport: z.enum(['l2', 'l3']).default('l2') }).prefault({}),
  fallback: z.strictObject({ enabled: z.boolean().default(false), delaySeconds: z.number().int().default(60) }).prefault({}),
  backup: z
    .strictObject({
      sessions: z.boolean().default(true),
      http: z.boolean().default(false),
      dns: z.boolean().default(false),
      aftPortBlocks: z.boolean().default(false),
      lastHops: z.boolean().default(false),
    })
    .prefault({}),
  configSync: z.strictObject({ auto: z.boolean().default(true), staticRoutes: z.boolean().default(false) }).prefault({}),
  consistencyCheck: z
    .strictObject({ enabled: z.boolean().default(true), schedule: ConsistencySchedule.default({ every: '1h' }) })
    .prefault({}),
  track: z.array(TrackEntry).default([]),
  vrrp: z.array(VrrpGroup).default([]),
  floatingIps: z.array(FloatingIp).default([]),
  routing: Routing.default({}),
  monitor: Monitor.default({}),
  /** Optional: point the devices' loghost at a HotPair monitor during commissioning. */
  loghost: z.strictObject({ address: IpAddress, port: z.number().int().min(1).max(65535).default(514) }).optional(),
  devices: z.strictObject({ a: Device, b: Device }),
});

export type PairInput = z.input<typeof Pair>;
export type Pair = z.output<typeof Pair>;
export type Device = z.output<typeof Device>;
export type DeviceInterface = z.output<typeof DeviceInterface>;
export type VrrpGroup = z.output<typeof VrrpGroup>;
export type TrackEntry = z.output<typeof TrackEntry>;
export type FloatingIp = z.output<typeof FloatingIp>;
export type ConsistencySchedule = z.output<typeof ConsistencySchedule>;
export type Mode = z.output<typeof Mode>;
export type DeviceKey = 'a' | 'b';
export const DEVICE_KEYS: readonly DeviceKey[] = ['a', 'b'];

export const other = (k: DeviceKey): DeviceKey => (k === 'a' ? 'b' : 'a');

/** Each device's peer IP is the other's local IP, so the two can never disagree. */
export function peerIp(pair: Pair, k: DeviceKey): string {
  return pair.devices[other(k)].controlChannel.localIp;
}

export function parseDurationSeconds(text: string): number {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return n * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
