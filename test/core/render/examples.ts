import { Pair, type PairInput } from '../../../src/core/model/pair';

/**
 * One pair per mode and collaboration (issue 2): the golden renders are made from these.
 * Built here rather than read from resources/examples so the goldens do not move when the
 * shipped examples are edited for documentation.
 */
const dev = (sysname: string, localIp: string, extra: Partial<PairInput['devices']['a']> = {}): PairInput['devices']['a'] => ({
  sysname,
  connect: `ssh://admin@192.0.2.${sysname === 'FW1' ? 1 : 2}:22`,
  controlChannel: { localIp },
  dataChannel: { interface: 'GigabitEthernet1/0/3', address: `${localIp}/24` },
  ...extra,
});

const inputs: Record<string, PairInput> = {
  'as-vrrp': {
    name: 'as-vrrp',
    mode: 'active-standby',
    vrrp: [
      { interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' },
      { interface: 'GigabitEthernet1/0/2', vrid: 2, virtualIp: '10.3.1.3', group: 'active' },
    ],
    fallback: { enabled: true, delaySeconds: 120 },
    devices: {
      a: dev('FW1', '10.2.1.1', {
        role: 'primary',
        interfaces: [
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24', description: 'downlink' },
          { name: 'GigabitEthernet1/0/2', address: '10.3.1.1/24', description: 'uplink' },
        ],
      }),
      b: dev('FW2', '10.2.1.2', {
        role: 'secondary',
        interfaces: [
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.2/24', description: 'downlink' },
          { name: 'GigabitEthernet1/0/2', address: '10.3.1.2/24', description: 'uplink' },
        ],
      }),
    },
  },
  'da-vrrp': {
    name: 'da-vrrp',
    mode: 'dual-active',
    backup: { sessions: true, http: true, dns: true },
    consistencyCheck: { enabled: true, schedule: { daily: '02:30' } },
    vrrp: [
      { interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' },
      { interface: 'GigabitEthernet1/0/1', vrid: 2, virtualIp: '10.1.1.4', group: 'standby' },
    ],
    devices: {
      a: dev('FW1', '10.2.1.1', { role: 'primary', interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24' }] }),
      b: dev('FW2', '10.2.1.2', { role: 'secondary', interfaces: [{ name: 'GigabitEthernet1/0/1', address: '10.1.1.2/24' }] }),
    },
  },
  'mirror-track': {
    name: 'mirror-track',
    mode: 'mirroring',
    roles: 'auto',
    configSync: { auto: true, staticRoutes: true },
    consistencyCheck: { enabled: true, schedule: { weekly: { day: 'sun', at: '03:00' } } },
    track: [
      { id: 1, interface: 'GigabitEthernet1/0/1' },
      { id: 2, interface: 'GigabitEthernet1/0/2' },
    ],
    loghost: { address: '192.0.2.50' },
    devices: {
      a: dev('FW1', '10.2.1.1', {
        managementInterface: 'GigabitEthernet1/0/0',
        interfaces: [
          { name: 'GigabitEthernet1/0/0', address: '192.0.2.11/24' },
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24', ipv6Address: '2001:db8:1::1/64', linkLocal: 'fe80::1' },
          { name: 'GigabitEthernet1/0/2', address: '10.3.1.1/24' },
        ],
      }),
      b: dev('FW2', '10.2.1.2', {
        managementInterface: 'GigabitEthernet1/0/0',
        interfaces: [
          { name: 'GigabitEthernet1/0/0', address: '192.0.2.12/24' },
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24', ipv6Address: '2001:db8:1::1/64', linkLocal: 'fe80::1' },
          { name: 'GigabitEthernet1/0/2', address: '10.3.1.1/24' },
        ],
      }),
    },
  },
  'as-floating-ip': {
    name: 'as-floating-ip',
    mode: 'active-standby',
    controlChannel: { port: 60100, keepalive: { intervalSeconds: 2, count: 5 } },
    dataChannel: { transport: 'l3' },
    configSync: { auto: true, staticRoutes: true },
    consistencyCheck: { enabled: false },
    track: [{ id: 10, interface: 'GigabitEthernet1/0/1' }],
    floatingIps: [
      { interface: 'GigabitEthernet1/0/1', address: '10.1.1.1/24' },
      { interface: 'GigabitEthernet1/0/1', address: '2001:db8:1::1/64' },
    ],
    devices: {
      a: dev('FW1', '10.2.1.1', { role: 'primary' }),
      b: dev('FW2', '10.2.1.2', { role: 'secondary' }),
    },
  },
  'as-ospf-cost': {
    name: 'as-ospf-cost',
    mode: 'active-standby',
    backup: { sessions: false },
    routing: { ospf: { absolute: 65500 }, bgp: { increment: 100 } },
    track: [{ id: 1, interface: 'GigabitEthernet1/0/1' }, { id: 3 }],
    monitor: { interfaces: ['GigabitEthernet1/0/5', 'GigabitEthernet1/0/6'] },
    devices: {
      a: dev('FW1', '2001:db8:2::1', {
        role: 'primary',
        dataChannel: { interface: 'GigabitEthernet1/0/3', ipv6Address: '2001:db8:2::1/64' },
      }),
      b: dev('FW2', '2001:db8:2::2', {
        role: 'secondary',
        dataChannel: { interface: 'GigabitEthernet1/0/3', ipv6Address: '2001:db8:2::2/64' },
      }),
    },
  },
};

export const EXAMPLES: Record<string, Pair> = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Pair.parse(v)]));
export const EXAMPLE_INPUTS = inputs;
