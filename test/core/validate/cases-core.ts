import type { PairFacts } from '../../../src/core/model/facts';
import type { PairInput } from '../../../src/core/model/pair';
import type { Severity } from '../../../src/core/validate/index';
import { asPair, deviceFacts, dualPair, mirrorPair } from './fixtures';

/** One rule case: start from a valid pair, change one thing, and say whether `rule` must fire. */
export interface RuleCase {
  rule: string;
  name: string;
  base: () => PairInput;
  edit?: (p: PairInput) => void;
  facts?: PairFacts;
  fires: boolean;
  /** When firing: the path and severity of (one of) the findings. */
  path?: string;
  severity?: Severity;
}

const fire = (rule: string, name: string, base: () => PairInput, edit: ((p: PairInput) => void) | undefined, path: string, severity: Severity = 'error', facts?: PairFacts): RuleCase => ({
  rule, name, base, edit, path, severity, fires: true, ...(facts ? { facts } : {}),
});
const pass = (rule: string, name: string, base: () => PairInput, edit?: (p: PairInput) => void, facts?: PairFacts): RuleCase => ({
  rule, name, base, edit, fires: false, ...(facts ? { facts } : {}),
});

export const channelAndRoleCases: RuleCase[] = [
  fire('channel.local-ne-peer', 'both devices use one local IP', asPair, (p) => { p.devices.b.controlChannel.localIp = '10.2.1.1'; }, 'devices.b.controlChannel.localIp'),
  fire('channel.local-ne-peer', 'same IPv6 written two ways', asPair, (p) => { p.devices.a.controlChannel.localIp = '2001:db8::1'; p.devices.b.controlChannel.localIp = '2001:DB8:0::1'; }, 'devices.b.controlChannel.localIp'),
  pass('channel.local-ne-peer', 'distinct local IPs', asPair),

  fire('channel.single-family', 'IPv4 on a, IPv6 on b', asPair, (p) => { p.devices.b.controlChannel.localIp = '2001:db8::2'; }, 'devices.b.controlChannel.localIp'),
  pass('channel.single-family', 'IPv6 on both', asPair, (p) => { p.devices.a.controlChannel.localIp = '2001:db8::1'; p.devices.b.controlChannel.localIp = '2001:db8::2'; }),

  fire('channel.port-range', 'port 80 below the range', asPair, (p) => { p.controlChannel = { port: 80 }; }, 'controlChannel.port'),
  fire('channel.port-range', 'port 70000 above the range', asPair, (p) => { p.controlChannel = { port: 70000 }; }, 'controlChannel.port'),
  pass('channel.port-range', 'port 1024 at the lower bound', asPair, (p) => { p.controlChannel = { port: 1024 }; }),

  fire('keepalive.range', 'interval 11 s', asPair, (p) => { p.controlChannel = { keepalive: { intervalSeconds: 11, count: 3 } }; }, 'controlChannel.keepalive.intervalSeconds'),
  fire('keepalive.range', 'count 2', asPair, (p) => { p.controlChannel = { keepalive: { intervalSeconds: 1, count: 2 } }; }, 'controlChannel.keepalive.count'),
  pass('keepalive.range', 'interval 10 s x 20 at the upper bounds', asPair, (p) => { p.controlChannel = { keepalive: { intervalSeconds: 10, count: 20 } }; }),

  fire('datachannel.ip-distinct', 'both ends 10.2.1.1', asPair, (p) => { p.devices.b.dataChannel.address = '10.2.1.1/24'; }, 'devices.b.dataChannel.address'),
  fire('datachannel.ip-distinct', 'both ends share the IPv6 address', asPair, (p) => { p.devices.a.dataChannel.ipv6Address = '2001:db8::1/64'; p.devices.b.dataChannel.ipv6Address = '2001:db8::1/64'; }, 'devices.b.dataChannel.ipv6Address'),
  pass('datachannel.ip-distinct', 'distinct data-channel addresses', asPair),

  fire('datachannel.family', 'IPv4 control channel, IPv6-only data channel', asPair, (p) => { delete p.devices.a.dataChannel.address; p.devices.a.dataChannel.ipv6Address = '2001:db8::1/64'; }, 'devices.a.dataChannel'),
  fire('datachannel.family', 'Layer 3 data channel without an address', asPair, (p) => { p.dataChannel = { transport: 'l3' }; delete p.devices.b.dataChannel.address; }, 'devices.b.dataChannel', 'warning'),
  pass('datachannel.family', 'IPv4 and IPv6 data-channel addresses with an IPv4 control channel', asPair, (p) => { p.devices.a.dataChannel.ipv6Address = '2001:db8::1/64'; }),
  pass('datachannel.family', 'Layer 2 data channel without addresses', asPair, (p) => { delete p.devices.a.dataChannel.address; delete p.devices.b.dataChannel.address; }),

  fire('role.pair', 'two primaries', asPair, (p) => { p.devices.b.role = 'primary'; }, 'devices.b.role'),
  fire('role.pair', 'manual roles with b missing', asPair, (p) => { delete p.devices.b.role; }, 'devices.b.role'),
  fire('role.pair', 'auto roles with a role written', asPair, (p) => { p.roles = 'auto'; delete p.devices.b.role; }, 'devices.a.role'),
  pass('role.pair', 'primary and secondary', asPair),
  pass('role.pair', 'auto roles, none written', asPair, (p) => { p.roles = 'auto'; delete p.devices.a.role; delete p.devices.b.role; }),

  fire('role.manual-not-mirroring', 'mirroring with manual roles', mirrorPair, (p) => { p.roles = 'manual'; p.devices.a.role = 'primary'; p.devices.b.role = 'secondary'; }, 'roles'),
  pass('role.manual-not-mirroring', 'mirroring with auto roles', mirrorPair),
  pass('role.manual-not-mirroring', 'active/standby with manual roles', asPair),

  fire('role.auto-modes', 'dual-active with auto roles', dualPair, (p) => { p.roles = 'auto'; delete p.devices.a.role; delete p.devices.b.role; }, 'roles'),
  pass('role.auto-modes', 'active/standby with auto roles', asPair, (p) => { p.roles = 'auto'; delete p.devices.a.role; delete p.devices.b.role; }),

  fire('mgmt-if.mirroring-only', 'management interface in active/standby', asPair, (p) => { p.devices.a.managementInterface = 'GigabitEthernet1/0/0'; }, 'devices.a.managementInterface'),
  pass('mgmt-if.mirroring-only', 'management interface in mirroring', mirrorPair),

  fire('mgmt-if.mirroring-missing', 'mirroring without a management interface', mirrorPair, (p) => { delete p.devices.b.managementInterface; }, 'devices.b.managementInterface', 'warning'),
  pass('mgmt-if.mirroring-missing', 'mirroring with management interfaces', mirrorPair),
  pass('mgmt-if.mirroring-missing', 'active/standby needs none', asPair),

  fire('pair.sysname-distinct', 'both named fw1 (case aside)', asPair, (p) => { p.devices.b.sysname = 'fw1'; }, 'devices.b.sysname', 'warning'),
  pass('pair.sysname-distinct', 'FW1 and FW2', asPair),

  fire('pair.connect-distinct', 'one SSH endpoint for both', asPair, (p) => { p.devices.b.connect = 'ssh://other@127.0.0.1:2201'; }, 'devices.b.connect'),
  fire('pair.connect-distinct', 'one serial port for both', asPair, (p) => { p.devices.a.connect = 'serial:///dev/ttyUSB0?baud=9600'; p.devices.b.connect = 'serial:///dev/ttyUSB0'; }, 'devices.b.connect'),
  pass('pair.connect-distinct', 'two SSH ports', asPair),

  fire('pair.platform', 'pair for another platform', asPair, (p) => { p.platform = 'vrp8'; }, 'platform'),
  pass('pair.platform', 'comware7 pair, comware7 pack', asPair),
];

export const envCases: RuleCase[] = [
  fire('pair.same-hardware', 'different models', asPair, undefined, 'devices.b', 'error', { a: deviceFacts({ model: 'SecPath F1000-AK1110' }), b: deviceFacts({ model: 'SecPath F1000-AK1120' }) }),
  pass('pair.same-hardware', 'same model', asPair, undefined, { a: deviceFacts({ model: 'SecPath F1000-AK1110' }), b: deviceFacts({ model: 'secpath f1000-ak1110' }) }),
  pass('pair.same-hardware', 'only one device discovered', asPair, undefined, { a: deviceFacts({ model: 'SecPath F1000-AK1110' }) }),

  fire('pair.same-software', 'different releases', asPair, undefined, 'devices.b', 'error', { a: deviceFacts({ softwareVersion: '7.1.064', release: 'ESS 1171P23' }), b: deviceFacts({ softwareVersion: '7.1.064', release: 'ESS 1171P25' }) }),
  pass('pair.same-software', 'same release', asPair, undefined, { a: deviceFacts({ softwareVersion: '7.1.064', release: 'ESS 1171P23' }), b: deviceFacts({ softwareVersion: '7.1.064', release: 'ESS 1171P23' }) }),
  pass('pair.same-software', 'no facts', asPair),
];
