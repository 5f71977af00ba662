import { isLinkLocalV6, parseCidr } from '../model/ip';
import { DEVICE_KEYS, type Pair } from '../model/pair';
import type { Finding, Rule } from './diagnostic';
import { interfaceKey, sameInterface } from './ifname';

/** Every pair-level reference to a device interface, with its path and whether the interface must carry an address. */
function references(pair: Pair): { path: string; name: string; severity: 'error' | 'warning' }[] {
  return [
    ...pair.vrrp.map((g, i) => ({ path: `vrrp[${i}].interface`, name: g.interface, severity: 'error' as const })),
    ...pair.floatingIps.map((f, i) => ({ path: `floatingIps[${i}].interface`, name: f.interface, severity: 'error' as const })),
    ...pair.track.flatMap((t, i) => (t.interface === undefined ? [] : [{ path: `track[${i}].interface`, name: t.interface, severity: 'warning' as const }])),
    ...(pair.monitor.interfaces ?? []).map((n, i) => ({ path: `monitor.interfaces[${i}]`, name: n, severity: 'warning' as const })),
  ];
}

/**
 * House rule: when a device lists its interfaces, what VRRP and floating IPs are bound to must be
 * among them (they need an address there); track/monitor references only warn, since a watched
 * port may carry no address and so be left out of the list.
 */
const known: Rule = {
  id: 'interface.known',
  summary: 'Interfaces used by VRRP, floating IPs, track and monitor are in the devices\' interface lists (when given).',
  severity: 'error',
  check: ({ pair }) => {
    const out: Finding[] = [];
    for (const ref of references(pair))
      for (const k of DEVICE_KEYS) {
        const dev = pair.devices[k];
        if (dev.interfaces.length === 0) continue;
        const listed = dev.interfaces.some((x) => sameInterface(x.name, ref.name)) || sameInterface(ref.name, dev.dataChannel.interface) || sameInterface(ref.name, dev.managementInterface);
        if (listed) continue;
        out.push({ path: ref.path, severity: ref.severity, key: 'not-listed', params: { name: ref.name, device: k }, message: `${ref.name} is not among devices.${k}.interfaces`, fix: `add ${ref.name} to devices.${k}.interfaces, or correct the name` });
        break;
      }
    return out;
  },
};

/** House rule: a device lists each interface once, or the two entries' addresses would fight. */
const unique: Rule = {
  id: 'interface.unique',
  summary: 'A device lists each interface once.',
  severity: 'error',
  check: ({ pair }) =>
    DEVICE_KEYS.flatMap((k) =>
      pair.devices[k].interfaces.flatMap((itf, i, all) =>
        all.findIndex((x) => interfaceKey(x.name) === interfaceKey(itf.name)) < i
          ? [{ path: `devices.${k}.interfaces[${i}].name`, key: 'twice', params: { name: itf.name, device: k }, message: `${itf.name} is listed twice on device ${k}`, fix: 'merge the two entries into one' }]
          : [],
      ),
    ),
};

/** House rule: `linkLocal` holds a manual link-local address, which lives in fe80::/10. */
const linkLocalAddress: Rule = {
  id: 'interface.link-local-address',
  summary: 'linkLocal holds an fe80::/10 address.',
  severity: 'error',
  reason: 'Manually configure the IPv6 link-local address and do not use automatically generated address to avoid inconsistencies.',
  check: ({ pair }) =>
    DEVICE_KEYS.flatMap((k) =>
      pair.devices[k].interfaces.flatMap((itf, i) =>
        itf.linkLocal !== undefined && !isLinkLocalV6(itf.linkLocal)
          ? [{ path: `devices.${k}.interfaces[${i}].linkLocal`, key: 'not-link-local', params: { address: itf.linkLocal }, message: `${itf.linkLocal} is not an IPv6 link-local address`, fix: 'use an address in fe80::/10, e.g. fe80::1' }]
          : [],
      ),
    ),
};

/** House rule: `address` is the IPv4 address and `ipv6Address` the IPv6 one, so renderers emit the right command. */
const addressFamily: Rule = {
  id: 'interface.address-family',
  summary: 'address holds IPv4, ipv6Address holds IPv6.',
  severity: 'error',
  check: ({ pair }) => {
    const out: Finding[] = [];
    const checkOne = (path: string, field: 'address' | 'ipv6Address', value: string | undefined) => {
      const c = value === undefined ? null : parseCidr(value);
      const want = field === 'address' ? 'ipv4' : 'ipv6';
      if (c && c.family !== want)
        out.push({ path: `${path}.${field}`, key: 'wrong-field', params: { value: value ?? '', family: c.family, field, want, other: field === 'address' ? 'ipv6Address' : 'address' }, message: `${value} is ${c.family}, but ${field} holds ${want}`, fix: `move it to ${field === 'address' ? 'ipv6Address' : 'address'}` });
    };
    for (const k of DEVICE_KEYS) {
      const dev = pair.devices[k];
      for (const f of ['address', 'ipv6Address'] as const) checkOne(`devices.${k}.dataChannel`, f, dev.dataChannel[f]);
      dev.interfaces.forEach((itf, i) => {
        for (const f of ['address', 'ipv6Address'] as const) checkOne(`devices.${k}.interfaces[${i}]`, f, itf[f]);
      });
    }
    return out;
  },
};

export const interfaceRules: Rule[] = [known, unique, linkLocalAddress, addressFamily];
