import { DEVICE_KEYS, type Pair } from '../model/pair';
import type { Finding, Rule } from './diagnostic';
import { sameInterface } from './ifname';

const monitored = (pair: Pair): string[] => pair.monitor.interfaces ?? [];

/** Restrictions: interface monitoring and VLAN monitoring are alternatives. */
const exclusive: Rule = {
  id: 'monitor.exclusive',
  summary: 'Monitor interfaces or VLANs, not both.',
  severity: 'error',
  reason:
    'You can configure the hot backup system to monitor track entries, VLANs, or interfaces, but you cannot configure VLAN monitoring in combination with interface monitoring.',
  check: ({ pair }) =>
    monitored(pair).length > 0 && (pair.monitor.vlans ?? []).length > 0
      ? [{ path: 'monitor', key: 'both', message: 'both interfaces and VLANs are monitored', fix: 'keep either monitor.interfaces or monitor.vlans, not both' }]
      : [],
};

/** Table-4, VLAN: all access ports sit in VLAN 1 by default, so an unused port going down would stop traffic. */
const noVlan1: Rule = {
  id: 'monitor.no-vlan1',
  summary: 'VLAN 1 is not monitored.',
  severity: 'error',
  reason: 'You cannot configure the hot backup system to monitor VLAN 1.',
  check: ({ pair }) =>
    (pair.monitor.vlans ?? []).flatMap((v, i) =>
      v === 1 ? [{ path: `monitor.vlans[${i}]`, key: 'vlan1', message: 'VLAN 1 cannot be monitored: every unused access port is in it', fix: 'move the service ports to another VLAN and monitor that VLAN instead' }] : [],
    ),
};

/** Table-4, Interface: member ports of an aggregate cannot be monitored (known from the file or from discovery). */
const noAggregateMember: Rule = {
  id: 'monitor.no-aggregate-member',
  summary: 'Aggregation member ports are not monitored (per the file or discovery).',
  severity: 'error',
  reason: 'You cannot configure the hot backup system to monitor aggregation member ports.',
  check: ({ pair, facts }) => {
    const out: Finding[] = [];
    monitored(pair).forEach((name, i) => {
      for (const k of DEVICE_KEYS) {
        const agg =
          pair.devices[k].interfaces.find((x) => sameInterface(x.name, name))?.aggregateMember ??
          facts[k]?.interfaces.find((x) => sameInterface(x.name, name))?.aggregateMember;
        if (agg === undefined) continue;
        out.push({ path: `monitor.interfaces[${i}]`, key: 'member', params: { name, aggregate: agg, device: k }, message: `${name} is a member of ${agg} on device ${k}`, fix: `monitor ${agg} instead of its member port ${name}` });
        break;
      }
    });
    return out;
  },
};

/** Restrictions: a track entry must not watch an interface that is also monitored directly. */
const trackOverlap: Rule = {
  id: 'monitor.track-overlap',
  summary: 'Track entries do not watch monitored interfaces.',
  severity: 'error',
  reason:
    'When you configure the hot backup system to monitor both track entries and interfaces, make sure the track entries are not associated with the monitored interfaces.',
  check: ({ pair, facts }) => {
    const mon = monitored(pair);
    const out: Finding[] = [];
    pair.track.forEach((t, i) => {
      // A track entry without an interface in the file may already exist on a device: use what discovery saw.
      const watched = t.interface ?? DEVICE_KEYS.map((k) => facts[k]?.tracks.find((f) => f.id === t.id)?.interface).find((x) => x !== undefined);
      const hit = mon.find((m) => sameInterface(m, watched));
      if (hit !== undefined)
        out.push({
          path: t.interface !== undefined ? `track[${i}].interface` : `track[${i}]`,
          key: 'overlap',
          params: { track: String(t.id), name: hit },
          message: `track ${t.id} watches ${hit}, which is also in monitor.interfaces`,
          fix: `either remove ${hit} from monitor.interfaces or point track ${t.id} at another interface`,
        });
    });
    return out;
  },
};

/** Restrictions: interface monitoring and VRRP association use disjoint interfaces. */
const vrrpOverlap: Rule = {
  id: 'monitor.vrrp-overlap',
  summary: 'VRRP interfaces are not monitored.',
  severity: 'error',
  reason: 'When you configure both interface monitoring and VRRP association, make sure the interfaces used by the features do not overlap.',
  check: ({ pair }) => {
    const mon = monitored(pair);
    return pair.vrrp.flatMap((g, i) => {
      const hit = mon.find((m) => sameInterface(m, g.interface));
      return hit === undefined
        ? []
        : [{ path: `vrrp[${i}].interface`, key: 'overlap', params: { interface: g.interface, vrid: String(g.vrid), name: hit }, message: `${g.interface} carries VRRP group ${g.vrid} and is also monitored`, fix: `remove ${hit} from monitor.interfaces (RBM already follows the VRRP interface)` }];
    });
  },
};

/** House rule: one track entry per id; the device keeps one, so a duplicate silently replaces the other. */
const trackUniqueId: Rule = {
  id: 'track.unique-id',
  summary: 'Each track id appears once.',
  severity: 'error',
  check: ({ pair }) =>
    pair.track.flatMap((t, i) =>
      pair.track.findIndex((u) => u.id === t.id) < i ? [{ path: `track[${i}].id`, key: 'twice', params: { track: String(t.id) }, message: `track ${t.id} is listed twice`, fix: `give the second entry another id, or remove it` }] : [],
    ),
};

export const monitorRules: Rule[] = [exclusive, noVlan1, noAggregateMember, trackOverlap, vrrpOverlap, trackUniqueId];
