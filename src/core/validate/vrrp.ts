import { isLinkLocalV6, parseCidr, parseIp, sameSubnet } from '../model/ip';
import { DEVICE_KEYS, type VrrpGroup } from '../model/pair';
import type { DiagnosticParams, Finding, Rule } from './diagnostic';
import { sameInterface } from './ifname';

/** Restrictions: RBM works with VRRP standard mode only. */
const standardMode: Rule = {
  id: 'vrrp.standard-mode',
  summary: 'VRRP groups use standard mode, not load sharing.',
  severity: 'error',
  reason: 'You can use hot backup only with VRRP standard mode.',
  check: ({ pair }) =>
    pair.vrrp.flatMap((g, i) =>
      g.mode === 'load-sharing' ? [{ path: `vrrp[${i}].mode`, key: 'load-sharing', params: { vrid: String(g.vrid), interface: g.interface }, message: `VRRP group ${g.vrid} on ${g.interface} uses load-sharing mode`, fix: 'set mode: standard (or leave it out); share load with dual-active mode instead' }] : [],
    ),
};

/**
 * VRRP active/standby groups, written from one device's side (render: vrrpBinding). Active/standby:
 * the device that forwards (the primary) masters every group through the VRRP active group and the
 * other device waits on the VRRP standby group, so every group is written `active`. Dual-active:
 * each device is master somewhere, so at least one `active` and one `standby` group (device a's view).
 */
const groupsPerMode: Rule = {
  id: 'vrrp.groups-per-mode',
  summary: 'Active/standby: every group written active (the secondary binds the standby group); dual-active: at least one active and one standby.',
  severity: 'error',
  reason: 'Device B sets its role to master in the VRRP standby group and then becomes the master in VRRP group 1 and VRRP group 2.',
  check: ({ pair }) => {
    if (pair.vrrp.length === 0) return [];
    if (pair.mode === 'active-standby')
      return pair.vrrp.flatMap((g, i) =>
        g.group === 'active'
          ? []
          : [
              {
                path: `vrrp[${i}].group`,
                key: 'standby-in-active-standby',
                params: { vrid: String(g.vrid), interface: g.interface },
                message: `in active-standby mode the groups are written from the forwarding device's side (bound to the VRRP active group), but VRRP group ${g.vrid} on ${g.interface} is standby`,
                fix: 'set group: active (the other device is bound to the VRRP standby group automatically)',
              },
            ],
      );
    if (pair.mode === 'dual-active') {
      const missing = (['active', 'standby'] as const).filter((want) => !pair.vrrp.some((g) => g.group === want));
      return missing.map((want) => ({
        path: 'vrrp',
        key: want === 'active' ? 'dual-active-no-active' : 'dual-active-no-standby',
        params: { device: want === 'active' ? 'a' : 'b' },
        message: `in dual-active mode each device must be master somewhere, but no VRRP group is ${want} on device a`,
        fix: `set group: ${want} on the groups device ${want === 'active' ? 'a' : 'b'} should forward`,
      }));
    }
    return [];
  },
};

const isV6 = (g: { virtualIp: string }) => g.virtualIp.includes(':');
const sameGroup = (x: VrrpGroup, y: VrrpGroup) => x.vrid === y.vrid && isV6(x) === isV6(y) && sameInterface(x.interface, y.interface);

/**
 * House rule: an (interface, vrid) pair names one IPv4 group, listed once (a second line would
 * replace its address). An IPv6 group lists each of its addresses once, all bound the same way.
 */
const uniqueVrid: Rule = {
  id: 'vrrp.unique-vrid',
  summary: 'Each IPv4 (interface, vrid) appears once; an IPv6 group lists each address once, with one binding.',
  severity: 'error',
  check: ({ pair }) =>
    pair.vrrp.flatMap((g, i) => {
      const first = pair.vrrp.findIndex((h) => sameGroup(h, g));
      if (first === i) return [];
      if (!isV6(g)) return [{ path: `vrrp[${i}].vrid`, key: 'twice', params: { vrid: String(g.vrid), interface: g.interface }, message: `VRRP group ${g.vrid} on ${g.interface} is listed twice`, fix: 'use another vrid or remove the duplicate' }];
      if (pair.vrrp.findIndex((h) => sameGroup(h, g) && parseIp(h.virtualIp)?.ip === parseIp(g.virtualIp)?.ip) < i)
        return [{ path: `vrrp[${i}].virtualIp`, key: 'ipv6-address-twice', params: { address: g.virtualIp, vrid: String(g.vrid), interface: g.interface }, message: `${g.virtualIp} is listed twice for IPv6 VRRP group ${g.vrid} on ${g.interface}`, fix: 'remove the duplicate' }];
      const head = pair.vrrp[first] as VrrpGroup;
      if (head.group !== g.group)
        return [{ path: `vrrp[${i}].group`, key: 'ipv6-binding', params: { vrid: String(g.vrid), interface: g.interface, first: `vrrp[${first}]`, firstGroup: head.group, group: g.group }, message: `IPv6 VRRP group ${g.vrid} on ${g.interface} is bound ${head.group} by vrrp[${first}] but ${g.group} here`, fix: `set group: ${head.group} on every address of the group` }];
      return [];
    }),
};

/**
 * VRRP configuration guide (the vendor CLI notes): the first virtual address of an IPv6 group must be
 * link-local (`vrrp ipv6 vrid N virtual-ip FE80::1 link-local`), and it is the last one removed.
 * Hosts take it as their default router, so it is the file's to choose, not the tool's.
 */
const ipv6LinkLocalFirst: Rule = {
  id: 'vrrp.ipv6-link-local-first',
  summary: 'An IPv6 VRRP group lists its link-local virtual address first.',
  severity: 'error',
  check: ({ pair }) =>
    pair.vrrp.flatMap((g, i) => {
      if (!isV6(g) || pair.vrrp.findIndex((h) => sameGroup(h, g)) !== i || isLinkLocalV6(g.virtualIp)) return [];
      const later = pair.vrrp.findIndex((h, j) => j > i && sameGroup(h, g) && isLinkLocalV6(h.virtualIp));
      return [
        {
          path: `vrrp[${later >= 0 ? later : i}].virtualIp`,
          key: later >= 0 ? 'not-first' : 'missing',
          params: (later >= 0
            ? { vrid: String(g.vrid), interface: g.interface, address: g.virtualIp, linkLocal: pair.vrrp[later]!.virtualIp, later: `vrrp[${later}]`, first: `vrrp[${i}]` }
            : { vrid: String(g.vrid), interface: g.interface, suggestion: `{ interface: ${g.interface}, vrid: ${g.vrid}, virtualIp: FE80::${g.vrid.toString(16)}, group: ${g.group} }`, first: `vrrp[${i}]` }) as DiagnosticParams,
          message:
            later >= 0
              ? `IPv6 VRRP group ${g.vrid} on ${g.interface} lists ${g.virtualIp} before its link-local address ${pair.vrrp[later]!.virtualIp}; the device takes the link-local one first`
              : `IPv6 VRRP group ${g.vrid} on ${g.interface} has no link-local virtual address; its first virtual address must be link-local`,
          fix:
            later >= 0
              ? `move vrrp[${later}] before vrrp[${i}]`
              : `add { interface: ${g.interface}, vrid: ${g.vrid}, virtualIp: FE80::${g.vrid.toString(16)}, group: ${g.group} } before vrrp[${i}] (any free FE80:: address)`,
        },
      ];
    }),
};

/** House rule: a virtual IP outside the interface's subnet gets no ARP answers on that segment. */
const virtualIpSubnet: Rule = {
  id: 'vrrp.subnet',
  summary: 'A virtual IP lies in its interface\'s subnet.',
  severity: 'warning',
  check: ({ pair }) => {
    const out: Finding[] = [];
    pair.vrrp.forEach((g, i) => {
      for (const k of DEVICE_KEYS) {
        const itf = pair.devices[k].interfaces.find((x) => sameInterface(x.name, g.interface));
        const nets = [itf?.address, itf?.ipv6Address].flatMap((a) => (a === undefined ? [] : [parseCidr(a)])).filter((c) => c !== null);
        // A link-local virtual address lies on the link, not in the interface's global subnet.
        if (isLinkLocalV6(g.virtualIp)) break;
        const family = nets.filter((c) => c.family === (g.virtualIp.includes(':') ? 'ipv6' : 'ipv4'));
        if (family.length === 0 || family.some((c) => sameSubnet(c, g.virtualIp))) continue;
        out.push({ path: `vrrp[${i}].virtualIp`, key: 'outside', params: { address: g.virtualIp, interface: g.interface, device: k, subnets: family.map((c) => `${c.ip}/${c.prefix}`).join(', '), subnet: `${family[0]!.ip}/${family[0]!.prefix}` }, message: `virtual IP ${g.virtualIp} is not in the subnet of ${g.interface} on device ${k} (${family.map((c) => `${c.ip}/${c.prefix}`).join(', ')})`, fix: `pick a virtual IP inside ${family[0]!.ip}/${family[0]!.prefix}` });
        break;
      }
    });
    return out;
  },
};

export const vrrpRules: Rule[] = [standardMode, groupsPerMode, uniqueVrid, ipv6LinkLocalFirst, virtualIpSubnet];
