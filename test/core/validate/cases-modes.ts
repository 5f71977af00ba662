import type { PairInput } from '../../../src/core/model/pair';
import type { Severity } from '../../../src/core/validate/index';
import type { PairFacts } from '../../../src/core/model/facts';
import type { RuleCase } from './cases-core';
import { asPair, deviceFacts, dualPair, mirrorPair } from './fixtures';

const fire = (rule: string, name: string, base: () => PairInput, edit: ((p: PairInput) => void) | undefined, path: string, severity: Severity = 'error', facts?: PairFacts): RuleCase => ({
  rule, name, base, edit, path, severity, fires: true, ...(facts ? { facts } : {}),
});
const pass = (rule: string, name: string, base: () => PairInput, edit?: (p: PairInput) => void, facts?: PairFacts): RuleCase => ({
  rule, name, base, edit, fires: false, ...(facts ? { facts } : {}),
});
const GE = (n: number) => `GigabitEthernet1/0/${n}`;
const v6 = (vrid: number, virtualIp: string, group: 'active' | 'standby' = 'active') => ({ interface: GE(1), vrid, virtualIp, group });

export const mirroringCases: RuleCase[] = [
  fire('mirroring.requires-channel-and-role', 'mirroring over an impossible channel', mirrorPair, (p) => { p.devices.b.controlChannel.localIp = '10.255.2.1'; }, 'devices.b.controlChannel.localIp'),
  fire('mirroring.requires-channel-and-role', 'mirroring with manual roles left out', mirrorPair, (p) => { p.roles = 'manual'; }, 'devices.a.role'),
  pass('mirroring.requires-channel-and-role', 'mirroring with a channel and auto roles', mirrorPair),
  pass('mirroring.requires-channel-and-role', 'equal local IPs outside mirroring', asPair, (p) => { p.devices.b.controlChannel.localIp = '10.2.1.1'; }),

  fire('mirroring.requires-track', 'mirroring without track', mirrorPair, (p) => { p.track = []; }, 'track'),
  pass('mirroring.requires-track', 'mirroring with track 1', mirrorPair),

  fire('mirroring.no-vrrp-or-vip', 'mirroring with VRRP', mirrorPair, (p) => { p.vrrp = [{ interface: GE(1), vrid: 1, virtualIp: '192.168.20.254', group: 'active' }]; }, 'vrrp'),
  fire('mirroring.no-vrrp-or-vip', 'mirroring with a floating IP', mirrorPair, (p) => { p.floatingIps = [{ interface: GE(1), address: '192.168.20.254/24' }]; }, 'floatingIps'),
  fire('mirroring.no-vrrp-or-vip', 'VRRP already on device b', mirrorPair, undefined, 'devices.b', 'error', { b: deviceFacts({ vrrp: [{ interface: GE(1), vrid: 1, state: 'Master' }] }) }),
  pass('mirroring.no-vrrp-or-vip', 'mirroring without VRRP', mirrorPair, undefined, { a: deviceFacts(), b: deviceFacts() }),
  pass('mirroring.no-vrrp-or-vip', 'VRRP outside mirroring', asPair),

  fire('mirroring.static-routing-only', 'mirroring with OSPF cost', mirrorPair, (p) => { p.routing = { ospf: { absolute: 100 } }; }, 'routing.ospf'),
  pass('mirroring.static-routing-only', 'OSPF cost in active/standby', asPair, (p) => { p.routing = { ospf: { increment: 100 } }; }),

  fire('mirroring.same-ips', 'GE1/0/2 differs', mirrorPair, (p) => { p.devices.b.interfaces![2]!.address = '198.51.100.2/29'; }, 'devices.b.interfaces[2].address'),
  fire('mirroring.same-ips', 'IPv6 only on device a', mirrorPair, (p) => { delete p.devices.b.interfaces![1]!.ipv6Address; }, 'devices.b.interfaces[1].ipv6Address'),
  fire('mirroring.same-ips', 'short and long names are one interface', mirrorPair, (p) => { p.devices.b.interfaces![2] = { name: 'GE1/0/2', address: '198.51.100.9/29' }; }, 'devices.b.interfaces[2].address'),
  pass('mirroring.same-ips', 'management interfaces differ, the rest is shared', mirrorPair),
  pass('mirroring.same-ips', 'the interface holding the control channel IP differs', mirrorPair, (p) => {
    p.devices.a.interfaces!.push({ name: GE(5), address: '10.255.2.1/30' });
    p.devices.b.interfaces!.push({ name: GE(5), address: '10.255.2.2/30' });
  }),
  fire('mirroring.same-ips', 'an addressed interface listed on device a only', mirrorPair, (p) => { p.devices.a.interfaces!.push({ name: GE(6), address: '192.168.60.1/24' }); }, 'devices.a.interfaces[3]', 'warning'),
  fire('mirroring.same-ips', 'an IPv6-addressed interface listed on device b only', mirrorPair, (p) => { p.devices.b.interfaces!.push({ name: GE(6), ipv6Address: '2001:db8:60::1/64', linkLocal: 'fe80::60' }); }, 'devices.b.interfaces[3]', 'warning'),
  pass('mirroring.same-ips', 'an interface without addresses listed on one device only', mirrorPair, (p) => { p.devices.a.interfaces!.push({ name: GE(6), description: 'spare' }); }),
  pass('mirroring.same-ips', 'differing addresses outside mirroring', asPair),

  fire('mirroring.ipv6-link-local', 'IPv6 without manual link-local', mirrorPair, (p) => { delete p.devices.a.interfaces![1]!.linkLocal; }, 'devices.a.interfaces[1].linkLocal'),
  fire('mirroring.ipv6-link-local', 'different link-local addresses', mirrorPair, (p) => { p.devices.b.interfaces![1]!.linkLocal = 'fe80::2'; }, 'devices.b.interfaces[1].linkLocal'),
  pass('mirroring.ipv6-link-local', 'same manual link-local', mirrorPair),

  fire('mirroring.initial-state', 'device a runs active/standby', mirrorPair, undefined, 'devices.a', 'error', { a: deviceFacts({ rbm: { configured: true, mode: 'active-standby' } }) }),
  fire('mirroring.initial-state', 'device b runs an unreadable mode', mirrorPair, undefined, 'devices.b', 'warning', { b: deviceFacts({ rbm: { configured: true } }) }),
  pass('mirroring.initial-state', 'both devices in their initial state', mirrorPair, undefined, { a: deviceFacts({ rbm: { configured: false } }), b: deviceFacts() }),
  pass('mirroring.initial-state', 'already mirroring (re-apply)', mirrorPair, undefined, { a: deviceFacts({ rbm: { configured: true, mode: 'mirroring' } }) }),
  pass('mirroring.initial-state', 'another mode outside mirroring', asPair, undefined, { a: deviceFacts({ rbm: { configured: true, mode: 'dual-active' } }) }),
];

export const collaborationCases: RuleCase[] = [
  fire('vip.requires-track', 'floating IP without track', asPair, (p) => { p.vrrp = []; p.track = []; p.floatingIps = [{ interface: GE(1), address: '10.1.1.3/24' }]; }, 'track'),
  pass('vip.requires-track', 'floating IP with track', asPair, (p) => { p.vrrp = []; p.floatingIps = [{ interface: GE(1), address: '10.1.1.3/24' }]; }),

  fire('routing.requires-track', 'BGP cost without track', asPair, (p) => { p.track = []; p.routing = { bgp: { absolute: 500 } }; }, 'track'),
  pass('routing.requires-track', 'BGP cost with track', asPair, (p) => { p.routing = { bgp: { absolute: 500 } }; }),
  pass('routing.requires-track', 'no routing, no track', asPair, (p) => { p.track = []; }),

  fire('static-routes.scope', 'static-route sync in plain active/standby', asPair, (p) => { p.configSync = { staticRoutes: true }; }, 'configSync.staticRoutes'),
  pass('static-routes.scope', 'static-route sync with floating IPs', asPair, (p) => { p.vrrp = []; p.configSync = { staticRoutes: true }; p.floatingIps = [{ interface: GE(1), address: '10.1.1.3/24' }]; }),
  pass('static-routes.scope', 'static-route sync in mirroring', mirrorPair),

  fire('backup.http-dns-asymmetric', 'dual-active without DNS backup', dualPair, (p) => { p.backup = { http: true, dns: false }; }, 'backup.dns', 'warning'),
  fire('backup.http-dns-asymmetric', 'active/standby with HTTP backup', asPair, (p) => { p.backup = { http: true }; }, 'backup.http', 'info'),
  pass('backup.http-dns-asymmetric', 'dual-active with both', dualPair),
  pass('backup.http-dns-asymmetric', 'active/standby with neither', asPair),

  fire('fallback.delay-range', 'delay 0 s', asPair, (p) => { p.fallback = { enabled: true, delaySeconds: 0 }; }, 'fallback.delaySeconds'),
  fire('fallback.delay-range', 'delay 3601 s', asPair, (p) => { p.fallback = { enabled: true, delaySeconds: 3601 }; }, 'fallback.delaySeconds'),
  pass('fallback.delay-range', 'delay 3600 s', asPair, (p) => { p.fallback = { enabled: true, delaySeconds: 3600 }; }),

  fire('consistency.schedule', 'every 90m is not whole hours', asPair, (p) => { p.consistencyCheck = { schedule: { every: '90m' } }; }, 'consistencyCheck.schedule.every'),
  fire('consistency.schedule', 'every 8d is beyond 168 h', asPair, (p) => { p.consistencyCheck = { schedule: { every: '8d' } }; }, 'consistencyCheck.schedule.every'),
  pass('consistency.schedule', 'every 120m is 2 h', asPair, (p) => { p.consistencyCheck = { schedule: { every: '120m' } }; }),
  pass('consistency.schedule', 'daily at 02:30', asPair, (p) => { p.consistencyCheck = { schedule: { daily: '02:30' } }; }),
  pass('consistency.schedule', 'weekly on sunday 03:00', asPair, (p) => { p.consistencyCheck = { schedule: { weekly: { day: 'sun', at: '03:00' } } }; }),
];

export const monitorCases: RuleCase[] = [
  fire('monitor.exclusive', 'interfaces and VLANs', asPair, (p) => { p.monitor = { interfaces: [GE(4)], vlans: [10] }; }, 'monitor'),
  pass('monitor.exclusive', 'VLANs only', asPair, (p) => { p.monitor = { vlans: [10], interfaces: [] }; }),

  fire('monitor.no-vlan1', 'VLAN 1', asPair, (p) => { p.monitor = { vlans: [10, 1] }; }, 'monitor.vlans[1]'),
  pass('monitor.no-vlan1', 'VLAN 10', asPair, (p) => { p.monitor = { vlans: [10] }; }),

  fire('monitor.no-aggregate-member', 'member port per the file', asPair, (p) => { p.devices.b.interfaces!.push({ name: GE(4), aggregateMember: 'Route-Aggregation1' }); p.monitor = { interfaces: [GE(4)] }; }, 'monitor.interfaces[0]'),
  fire('monitor.no-aggregate-member', 'member port per discovery (short name)', asPair, (p) => { p.monitor = { interfaces: ['GE1/0/4'] }; }, 'monitor.interfaces[0]', 'error', { a: deviceFacts({ interfaces: [{ name: GE(4), aggregateMember: 'Bridge-Aggregation2' }] }) }),
  pass('monitor.no-aggregate-member', 'the aggregate itself', asPair, (p) => { p.devices.a.interfaces!.push({ name: GE(4), aggregateMember: 'Route-Aggregation1' }); p.monitor = { interfaces: ['Route-Aggregation1'] }; }),

  fire('monitor.track-overlap', 'track 1 watches a monitored interface', asPair, (p) => { p.monitor = { interfaces: [GE(2)] }; }, 'track[0].interface'),
  fire('monitor.track-overlap', 'track 5 on the device watches it', asPair, (p) => { p.track = [{ id: 5 }]; p.monitor = { interfaces: [GE(4)] }; }, 'track[0]', 'error', { b: deviceFacts({ tracks: [{ id: 5, state: 'Positive', interface: GE(4) }] }) }),
  pass('monitor.track-overlap', 'disjoint track and monitor', asPair, (p) => { p.monitor = { interfaces: [GE(4)] }; }),

  fire('monitor.vrrp-overlap', 'VRRP interface monitored', asPair, (p) => { p.monitor = { interfaces: ['gigabitethernet1/0/1'] }; }, 'vrrp[0].interface'),
  pass('monitor.vrrp-overlap', 'VRRP on another interface', asPair, (p) => { p.monitor = { interfaces: [GE(4)] }; }),

  fire('track.unique-id', 'track 1 twice', asPair, (p) => { p.track = [{ id: 1, interface: GE(2) }, { id: 1, interface: GE(1) }]; }, 'track[1].id'),
  pass('track.unique-id', 'tracks 1 and 2', asPair, (p) => { p.track = [{ id: 1, interface: GE(2) }, { id: 2, interface: GE(1) }]; }),

  fire('vrrp.standard-mode', 'load-sharing', asPair, (p) => { p.vrrp![0]!.mode = 'load-sharing'; }, 'vrrp[0].mode'),
  pass('vrrp.standard-mode', 'standard (default)', asPair),

  fire('vrrp.groups-per-mode', 'standby group in active/standby', asPair, (p) => { p.vrrp![0]!.group = 'standby'; }, 'vrrp[0].group'),
  fire('vrrp.groups-per-mode', 'dual-active with active groups only', dualPair, (p) => { p.vrrp![1]!.group = 'active'; }, 'vrrp'),
  pass('vrrp.groups-per-mode', 'dual-active with one group each way', dualPair),
  pass('vrrp.groups-per-mode', 'active/standby, all active', asPair),

  fire('vrrp.unique-vrid', 'vrid 1 twice on GE1/0/1', asPair, (p) => { p.vrrp!.push({ interface: 'GE1/0/1', vrid: 1, virtualIp: '10.1.1.4', group: 'active' }); }, 'vrrp[1].vrid'),
  pass('vrrp.unique-vrid', 'vrid 1 on two interfaces', asPair, (p) => { p.vrrp!.push({ interface: GE(2), vrid: 1, virtualIp: '10.1.2.3', group: 'active' }); }),
  pass('vrrp.unique-vrid', 'an IPv6 group with its link-local and a global address; IPv4 vrid 1 beside IPv6 vrid 1', asPair, (p) => { p.vrrp!.push(v6(1, 'fe80::1'), v6(1, '2001:db8:1::3')); }),
  fire('vrrp.unique-vrid', 'an IPv6 address listed twice', asPair, (p) => { p.vrrp!.push(v6(1, 'fe80::1'), v6(1, 'FE80::1')); }, 'vrrp[2].virtualIp'),
  fire('vrrp.unique-vrid', 'an IPv6 group bound two ways', dualPair, (p) => { p.vrrp!.push(v6(5, 'fe80::5'), v6(5, '2001:db8:1::5', 'standby')); }, 'vrrp[3].group'),

  fire('vrrp.ipv6-link-local-first', 'an IPv6 group with a global address only', asPair, (p) => { p.vrrp = [v6(3, '2001:db8:1::3')]; }, 'vrrp[0].virtualIp'),
  fire('vrrp.ipv6-link-local-first', 'the link-local address listed after the global one', asPair, (p) => { p.vrrp = [v6(3, '2001:db8:1::3'), v6(3, 'fe80::3')]; }, 'vrrp[1].virtualIp'),
  pass('vrrp.ipv6-link-local-first', 'link-local first, then global', asPair, (p) => { p.vrrp = [v6(3, 'fe80::3'), v6(3, '2001:db8:1::3')]; }),
  pass('vrrp.ipv6-link-local-first', 'IPv4 groups only', asPair),

  fire('vrrp.subnet', 'virtual IP outside the interface subnet', asPair, (p) => { p.vrrp![0]!.virtualIp = '10.9.9.9'; }, 'vrrp[0].virtualIp', 'warning'),
  pass('vrrp.subnet', 'virtual IP inside', asPair),
  pass('vrrp.subnet', 'a link-local virtual IP beside a global IPv6 subnet', asPair, (p) => { p.devices.a.interfaces![0]!.ipv6Address = '2001:db8:1::1/64'; p.vrrp = [v6(3, 'fe80::3')]; }),

  fire('interface.known', 'VRRP on an unlisted interface', asPair, (p) => { p.vrrp![0]!.interface = GE(9); }, 'vrrp[0].interface'),
  fire('interface.known', 'monitored interface unlisted', asPair, (p) => { p.monitor = { interfaces: [GE(8)] }; }, 'monitor.interfaces[0]', 'warning'),
  pass('interface.known', 'no interface list given', asPair, (p) => { p.devices.a.interfaces = []; p.devices.b.interfaces = []; p.vrrp![0]!.interface = GE(9); }),

  fire('interface.unique', 'GE1/0/1 listed twice', asPair, (p) => { p.devices.a.interfaces!.push({ name: 'GE1/0/1' }); }, 'devices.a.interfaces[2].name'),
  pass('interface.unique', 'each once', asPair),

  fire('interface.link-local-address', 'global address as link-local', mirrorPair, (p) => { p.devices.a.interfaces![1]!.linkLocal = '2001:db8::1'; }, 'devices.a.interfaces[1].linkLocal'),
  pass('interface.link-local-address', 'fe80::1', mirrorPair),

  fire('interface.address-family', 'IPv6 in address', asPair, (p) => { p.devices.a.interfaces![0]!.address = '2001:db8::1/64'; }, 'devices.a.interfaces[0].address'),
  fire('interface.address-family', 'IPv4 in the data channel ipv6Address', asPair, (p) => { p.devices.b.dataChannel.ipv6Address = '10.9.9.9/24'; }, 'devices.b.dataChannel.ipv6Address'),
  pass('interface.address-family', 'each family in its field', mirrorPair),
];
