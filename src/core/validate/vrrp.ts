import { parseCidr, sameSubnet } from '../model/ip';
import { DEVICE_KEYS } from '../model/pair';
import type { Finding, Rule } from './diagnostic';
import { sameInterface } from './ifname';

/** Restrictions: RBM works with VRRP standard mode only. */
const standardMode: Rule = {
  id: 'vrrp.standard-mode',
  summary: 'VRRP groups use standard mode, not load sharing.',
  severity: 'error',
  reason: 'You can use hot backup only with VRRP standard mode.',
  check: ({ pair }) =>
    pair.vrrp.flatMap((g, i) =>
      g.mode === 'load-sharing' ? [{ path: `vrrp[${i}].mode`, message: `VRRP group ${g.vrid} on ${g.interface} uses load-sharing mode`, fix: 'set mode: standard (or leave it out); share load with dual-active mode instead' }] : [],
    ),
};

/**
 * VRRP active/standby groups. Groups are written from device A's side; B renders the inverse.
 * Active/standby: A is master everywhere, so every group is `active`. Dual-active: each device is
 * master somewhere, so at least one `active` and one `standby` group.
 */
const groupsPerMode: Rule = {
  id: 'vrrp.groups-per-mode',
  summary: 'Active/standby: every group active on device a; dual-active: at least one active and one standby.',
  severity: 'error',
  reason: 'The hot backup system is associated with VRRP by VRRP active and standby groups.',
  check: ({ pair }) => {
    if (pair.vrrp.length === 0) return [];
    if (pair.mode === 'active-standby')
      return pair.vrrp.flatMap((g, i) =>
        g.group === 'active' ? [] : [{ path: `vrrp[${i}].group`, message: `in active-standby mode device a is master in every group, but VRRP group ${g.vrid} on ${g.interface} is standby`, fix: 'set group: active (device b gets the standby binding automatically)' }],
      );
    if (pair.mode === 'dual-active') {
      const missing = (['active', 'standby'] as const).filter((want) => !pair.vrrp.some((g) => g.group === want));
      return missing.map((want) => ({
        path: 'vrrp',
        message: `in dual-active mode each device must be master somewhere, but no VRRP group is ${want} on device a`,
        fix: `set group: ${want} on the groups device ${want === 'active' ? 'a' : 'b'} should forward`,
      }));
    }
    return [];
  },
};

/** House rule: a (interface, vrid) pair names one VRRP group; a duplicate would overwrite the first. */
const uniqueVrid: Rule = {
  id: 'vrrp.unique-vrid',
  summary: 'Each (interface, vrid) appears once.',
  severity: 'error',
  check: ({ pair }) =>
    pair.vrrp.flatMap((g, i) =>
      pair.vrrp.findIndex((h) => h.vrid === g.vrid && sameInterface(h.interface, g.interface)) < i
        ? [{ path: `vrrp[${i}].vrid`, message: `VRRP group ${g.vrid} on ${g.interface} is listed twice`, fix: 'use another vrid or remove the duplicate' }]
        : [],
    ),
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
        const family = nets.filter((c) => c.family === (g.virtualIp.includes(':') ? 'ipv6' : 'ipv4'));
        if (family.length === 0 || family.some((c) => sameSubnet(c, g.virtualIp))) continue;
        out.push({ path: `vrrp[${i}].virtualIp`, message: `virtual IP ${g.virtualIp} is not in the subnet of ${g.interface} on device ${k} (${family.map((c) => `${c.ip}/${c.prefix}`).join(', ')})`, fix: `pick a virtual IP inside ${family[0]!.ip}/${family[0]!.prefix}` });
        break;
      }
    });
    return out;
  },
};

export const vrrpRules: Rule[] = [standardMode, groupsPerMode, uniqueVrid, virtualIpSubnet];
