import fc from 'fast-check';
import { Pair, type PairInput } from '../../../src/core/model/pair';
import { hasErrors, validatePair } from '../../../src/core/validate/index';

const ifName = (n: number) => `GigabitEthernet1/0/${n}`;

/** Valid-ish pairs: mostly what the rules accept, with enough variety to hit each branch of render. */
export const pairInput: fc.Arbitrary<PairInput> = fc
  .record({
    v6: fc.boolean(),
    mode: fc.constantFrom('active-standby', 'dual-active', 'mirroring'),
    autoRoles: fc.boolean(),
    swapRoles: fc.boolean(),
    net: fc.integer({ min: 1, max: 250 }),
    port: fc.integer({ min: 1024, max: 65535 }),
    interval: fc.integer({ min: 1, max: 10 }),
    count: fc.integer({ min: 3, max: 20 }),
    l3: fc.boolean(),
    services: fc.uniqueArray(fc.integer({ min: 10, max: 40 }), { maxLength: 3 }),
    descriptions: fc.array(fc.option(fc.string({ unit: fc.constantFrom('a', 'Z', '-', ' ', '9', '#', '/'), minLength: 1, maxLength: 80 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    trackIds: fc.uniqueArray(fc.integer({ min: 1, max: 1024 }), { maxLength: 3 }),
    trackBound: fc.boolean(),
    vrrpGroups: fc.array(fc.constantFrom('active', 'standby'), { maxLength: 2 }),
    floating: fc.boolean(),
    routing: fc.option(fc.record({ ospf: fc.option(fc.record({ absolute: fc.integer({ min: 1, max: 65535 }) }), { nil: undefined }), bgp: fc.option(fc.record({ increment: fc.integer({ min: 1, max: 65535 }) }), { nil: undefined }) }), { nil: undefined }),
    monitor: fc.constantFrom<PairInput['monitor']>({}, { vlans: [10, 20] }, { interfaces: [ifName(41), ifName(42)] }),
    schedule: fc.constantFrom<NonNullable<PairInput['consistencyCheck']>>({ enabled: false }, { schedule: { every: '1h' } }, { schedule: { every: '24h' } }, { schedule: { every: '90m' } }, { schedule: { daily: '02:30' } }, { schedule: { weekly: { day: 'wed', at: '23:59' } } }),
    fallback: fc.record({ enabled: fc.boolean(), delaySeconds: fc.integer({ min: 1, max: 3600 }) }),
    backup: fc.record({ sessions: fc.boolean(), http: fc.boolean(), dns: fc.boolean(), aftPortBlocks: fc.boolean(), lastHops: fc.boolean() }),
    configSync: fc.record({ auto: fc.boolean(), staticRoutes: fc.boolean() }),
    loghost: fc.boolean(),
  })
  .map((g): PairInput => {
    const mirroring = g.mode === 'mirroring';
    const auto = mirroring || (g.autoRoles && g.mode === 'active-standby');
    const cc = (k: 1 | 2) => (g.v6 ? `2001:db8:${g.net}::${k}` : `10.${g.net}.0.${k}`);
    const svc = (i: number, k: 1 | 2) => (g.v6 ? `2001:db8:${g.net}:${i}::${mirroring ? 1 : k}/64` : `172.${g.net}.${i}.${mirroring ? 1 : k}/24`);
    const device = (k: 1 | 2): PairInput['devices']['a'] => ({
      sysname: `FW${k}`,
      connect: `ssh://admin@192.0.2.${k}:22`,
      ...(auto ? {} : { role: (k === 1) !== g.swapRoles ? 'primary' : 'secondary' }),
      controlChannel: { localIp: cc(k) },
      dataChannel: g.v6 ? { interface: ifName(3), ipv6Address: `${cc(k)}/64` } : { interface: ifName(3), address: `${cc(k)}/24` },
      ...(mirroring ? { managementInterface: ifName(0) } : {}),
      interfaces: [
        ...(mirroring ? [{ name: ifName(0), address: `192.0.2.${10 + k}/24` }] : []),
        ...g.services.map((n, i) => ({
          name: ifName(n),
          ...(g.v6 ? { ipv6Address: svc(i, k), ...(mirroring ? { linkLocal: `fe80::${i + 1}` } : {}) } : { address: svc(i, k) }),
          ...(g.descriptions[i] !== undefined ? { description: g.descriptions[i] } : {}),
        })),
      ],
    });
    const first = g.services[0];
    return {
      name: 'prop',
      mode: g.mode,
      roles: auto ? 'auto' : 'manual',
      controlChannel: { port: g.port, keepalive: { intervalSeconds: g.interval, count: g.count } },
      dataChannel: { transport: g.l3 ? 'l3' : 'l2' },
      fallback: g.fallback,
      backup: g.backup,
      configSync: g.configSync,
      consistencyCheck: g.schedule,
      track: g.trackIds.map((id, i) => (g.trackBound && g.services[i] !== undefined ? { id, interface: ifName(g.services[i]) } : { id })),
      vrrp: first === undefined || mirroring ? [] : g.vrrpGroups.map((group, i) => ({ interface: ifName(first), vrid: i + 1, virtualIp: g.v6 ? `2001:db8:${g.net}:0::${10 + i}` : `172.${g.net}.0.${10 + i}`, group })),
      floatingIps: g.floating && first !== undefined && !mirroring ? [{ interface: ifName(first), address: g.v6 ? `2001:db8:${g.net}:0::99/64` : `172.${g.net}.0.99/24` }] : [],
      routing: mirroring || !g.routing ? {} : Object.fromEntries(Object.entries(g.routing).filter(([, v]) => v !== undefined)),
      monitor: g.monitor,
      ...(g.loghost ? { loghost: { address: '192.0.2.50' } } : {}),
      devices: { a: device(1), b: device(2) },
    };
  });

/** The parsed pair when the rules accept it (no errors), else undefined. */
export function acceptedPair(input: PairInput): Pair | undefined {
  const parsed = Pair.safeParse(input);
  return parsed.success && !hasErrors(validatePair(parsed.data)) ? parsed.data : undefined;
}
