import type { DeviceFacts } from '../../../src/core/model/facts';
import type { PairInput } from '../../../src/core/model/pair';

/** Active/standby + VRRP, like resources/examples/lab.yaml: valid, so each case breaks one thing. */
export function asPair(): PairInput {
  return {
    name: 'as',
    mode: 'active-standby',
    roles: 'manual',
    controlChannel: { port: 60064, keepalive: { intervalSeconds: 1, count: 3 } },
    fallback: { enabled: true, delaySeconds: 5 },
    track: [{ id: 1, interface: 'GigabitEthernet1/0/2' }],
    vrrp: [{ interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' }],
    devices: {
      a: {
        sysname: 'FW1',
        role: 'primary',
        connect: 'ssh://admin@127.0.0.1:2201',
        controlChannel: { localIp: '10.2.1.1' },
        dataChannel: { interface: 'GigabitEthernet1/0/3', address: '10.2.1.1/24' },
        interfaces: [
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.1/24' },
          { name: 'GigabitEthernet1/0/2', address: '10.1.2.1/24' },
        ],
      },
      b: {
        sysname: 'FW2',
        role: 'secondary',
        connect: 'ssh://admin@127.0.0.1:2202',
        controlChannel: { localIp: '10.2.1.2' },
        dataChannel: { interface: 'GigabitEthernet1/0/3', address: '10.2.1.2/24' },
        interfaces: [
          { name: 'GigabitEthernet1/0/1', address: '10.1.1.2/24' },
          { name: 'GigabitEthernet1/0/2', address: '10.1.2.2/24' },
        ],
      },
    },
  };
}

/** Mirroring + track with shared addresses (IPv4, IPv6, manual link-local) and a management interface. */
export function mirrorPair(): PairInput {
  const shared = () => [
    { name: 'GigabitEthernet1/0/1', address: '192.168.20.1/24', ipv6Address: '2001:db8:20::1/64', linkLocal: 'fe80::1' },
    { name: 'GigabitEthernet1/0/2', address: '198.51.100.1/29' },
  ];
  return {
    name: 'mirror',
    mode: 'mirroring',
    roles: 'auto',
    configSync: { auto: true, staticRoutes: true },
    track: [{ id: 1, interface: 'GigabitEthernet1/0/1' }],
    devices: {
      a: {
        sysname: 'E1',
        connect: 'ssh://admin@192.0.2.31:22',
        controlChannel: { localIp: '10.255.2.1' },
        dataChannel: { interface: 'GigabitEthernet1/0/3', address: '10.255.2.1/30' },
        managementInterface: 'GigabitEthernet1/0/0',
        interfaces: [{ name: 'GigabitEthernet1/0/0', address: '192.0.2.31/24' }, ...shared()],
      },
      b: {
        sysname: 'E2',
        connect: 'ssh://admin@192.0.2.32:22',
        controlChannel: { localIp: '10.255.2.2' },
        dataChannel: { interface: 'GigabitEthernet1/0/3', address: '10.255.2.2/30' },
        managementInterface: 'GigabitEthernet1/0/0',
        interfaces: [{ name: 'GigabitEthernet1/0/0', address: '192.0.2.32/24' }, ...shared()],
      },
    },
  };
}

/** Dual-active + VRRP, one group each way, HTTP/DNS backup on. */
export function dualPair(): PairInput {
  const p = asPair();
  p.mode = 'dual-active';
  p.backup = { http: true, dns: true };
  p.vrrp = [
    { interface: 'GigabitEthernet1/0/1', vrid: 1, virtualIp: '10.1.1.3', group: 'active' },
    { interface: 'GigabitEthernet1/0/1', vrid: 2, virtualIp: '10.1.1.4', group: 'standby' },
  ];
  return p;
}

export function deviceFacts(partial: Partial<DeviceFacts> = {}): DeviceFacts {
  return { interfaces: [], vrrp: [], tracks: [], warnings: [], ...partial };
}
