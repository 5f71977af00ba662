import { parseCidr, prefixToMask } from '../core/model/ip';
import type { Pair } from '../core/model/pair';

/** What one lab device comes up with: a sysname and addressed interfaces (and, in a many-pair lab, its RBM view). */
export interface DeviceBlueprint {
  key: string;
  sysname: string;
  interfaces: { name: string; address?: string; ipv6Address?: string; linkLocal?: string; description?: string }[];
  /** The control-channel IP the device is meant to use (for the lab's description). */
  controlIp?: string;
  extraLines: string[];
}

/** The physical ports every lab device has (a SecPath box: management port + 8 GE). */
export const BASE_INTERFACES = ['M-GigabitEthernet0/0/0', ...Array.from({ length: 8 }, (_, i) => `GigabitEthernet1/0/${i}`)];

/** Without --pair: FW1 and FW2, channel link and two service links addressed, no RBM — ready to be commissioned. */
export function defaultBlueprints(keys: [string, string] = ['a', 'b'], names: [string, string] = ['FW1', 'FW2']): [DeviceBlueprint, DeviceBlueprint] {
  const mk = (i: 1 | 2): DeviceBlueprint => ({
    key: keys[i - 1] as string,
    sysname: names[i - 1] as string,
    controlIp: `10.2.1.${i}`,
    interfaces: [
      { name: 'GigabitEthernet1/0/1', address: `10.1.1.${i}/24`, description: 'downlink' },
      { name: 'GigabitEthernet1/0/2', address: `10.1.2.${i}/24`, description: 'uplink' },
      { name: 'GigabitEthernet1/0/3', address: `10.2.1.${i}/24`, description: 'RBM channel link' },
    ],
    extraLines: [],
  });
  return [mk(1), mk(2)];
}

/** With --pair: sysnames and interfaces from the pair file, still without hot backup. */
export function pairBlueprints(pair: Pair): [DeviceBlueprint, DeviceBlueprint] {
  const mk = (k: 'a' | 'b'): DeviceBlueprint => {
    const d = pair.devices[k];
    const ifs = new Map<string, DeviceBlueprint['interfaces'][number]>();
    for (const i of d.interfaces) ifs.set(i.name, { name: i.name, address: i.address, ipv6Address: i.ipv6Address, linkLocal: i.linkLocal, description: i.description });
    const dc = d.dataChannel;
    const prev = ifs.get(dc.interface);
    ifs.set(dc.interface, { ...prev, name: dc.interface, address: dc.address ?? prev?.address, ipv6Address: dc.ipv6Address ?? prev?.ipv6Address });
    // The control-channel IP must live on some interface, or the peer could never reach it.
    const owned = [...ifs.values()].some((i) => i.address?.split('/')[0] === d.controlChannel.localIp || i.ipv6Address?.split('/')[0] === d.controlChannel.localIp);
    const chan = ifs.get(dc.interface);
    if (!owned && chan && !chan.address && !d.controlChannel.localIp.includes(':')) chan.address = `${d.controlChannel.localIp}/24`;
    return { key: k, sysname: d.sysname, controlIp: d.controlChannel.localIp, interfaces: [...ifs.values()], extraLines: [] };
  };
  return [mk('a'), mk('b')];
}

/** A many-pair lab: pair N is FW1/FW2 prefixed `P<N>-`, with RBM already configured on its own port so the channels run. */
export function manyPairBlueprints(n: number, port: number, keepalive: { interval: number; count: number }): [DeviceBlueprint, DeviceBlueprint] {
  const [a, b] = defaultBlueprints([`p${n}a`, `p${n}b`], [`P${n}-FW1`, `P${n}-FW2`]);
  const rbm = (role: string, local: string, remote: string): string[] => [
    'remote-backup group',
    ` device-role ${role}`,
    ` local-ip ${local}`,
    ` remote-ip ${remote} port ${port}`,
    ' data-channel interface GigabitEthernet1/0/3',
    ` keepalive interval ${keepalive.interval}`,
    ` keepalive count ${keepalive.count}`,
    ' hot-backup enable',
    ' configuration auto-sync enable',
  ];
  a.extraLines = rbm('primary', '10.2.1.1', '10.2.1.2');
  b.extraLines = rbm('secondary', '10.2.1.2', '10.2.1.1');
  return [a, b];
}

/** The blueprint as configuration-file lines (system view, sub-view lines indented by one space). */
export function blueprintLines(bp: DeviceBlueprint): string[] {
  const out: string[] = [];
  for (const i of bp.interfaces) {
    const body: string[] = [];
    if (i.description) body.push(` description ${i.description}`);
    const v4 = i.address ? parseCidr(i.address) : null;
    if (v4?.family === 'ipv4') body.push(` ip address ${v4.ip} ${prefixToMask(v4.prefix)}`);
    if (i.linkLocal) body.push(` ipv6 address ${i.linkLocal} link-local`);
    if (i.ipv6Address) body.push(` ipv6 address ${i.ipv6Address}`);
    if (body.length) out.push(`interface ${i.name}`, ...body, '#');
  }
  return [...out, ...bp.extraLines];
}
