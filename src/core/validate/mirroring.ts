import { parseCidr, parseIp } from '../model/ip';
import { DEVICE_KEYS, type DeviceInterface, type DeviceKey, type Pair } from '../model/pair';
import { controlFamily } from './channel';
import type { Finding, Rule } from './diagnostic';
import { interfaceKey, sameInterface } from './ifname';

const mirroring = (pair: Pair): boolean => pair.mode === 'mirroring';

/**
 * Interfaces whose addresses are mirrored: everything in a device's list except the management
 * interface and the RBM channel interfaces (the data channel, and the interface holding the
 * control channel's local IP), which by nature differ between the devices.
 */
export function mirroredInterfaces(pair: Pair, k: DeviceKey): Map<string, { index: number; itf: DeviceInterface }> {
  const excluded = (itf: DeviceInterface): boolean => {
    for (const d of DEVICE_KEYS) {
      const dev = pair.devices[d];
      if (sameInterface(itf.name, dev.managementInterface) || sameInterface(itf.name, dev.dataChannel.interface)) return true;
    }
    const local = parseIp(pair.devices[k].controlChannel.localIp)?.ip;
    return [itf.address, itf.ipv6Address].some((a) => a !== undefined && parseCidr(a)?.ip === local);
  };
  const out = new Map<string, { index: number; itf: DeviceInterface }>();
  pair.devices[k].interfaces.forEach((itf, index) => {
    if (!excluded(itf)) out.set(interfaceKey(itf.name), { index, itf });
  });
  return out;
}

const canonCidr = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const c = parseCidr(text);
  return c ? `${c.ip}/${c.prefix}` : text;
};

/** Mirroring restrictions: the mode is entered only on top of a control channel and a management role. */
const requiresChannelAndRole: Rule = {
  id: 'mirroring.requires-channel-and-role',
  summary: 'Mirroring mode needs a working control channel and a management role.',
  severity: 'error',
  reason: 'If no control channel or device management role is configured, you cannot configure RBM to operate in mirroring mode.',
  check: ({ pair }) => {
    if (!mirroring(pair)) return [];
    const out: Finding[] = [];
    const a = parseIp(pair.devices.a.controlChannel.localIp)?.ip;
    if (controlFamily(pair) === null || a === parseIp(pair.devices.b.controlChannel.localIp)?.ip)
      out.push({
        path: 'devices.b.controlChannel.localIp',
        key: 'no-channel',
        message: 'mirroring mode needs an established control channel, but the two local IPs cannot form one',
        fix: 'give the devices distinct control-channel addresses of one family',
      });
    if (pair.roles === 'manual')
      for (const k of DEVICE_KEYS)
        if (pair.devices[k].role === undefined)
          out.push({ path: `devices.${k}.role`, key: 'no-role', params: { device: k }, message: `device ${k} would have no management role when mirroring is enabled`, fix: 'set roles: auto so that both devices get the automatic role' });
    return out;
  },
};

/** Mirroring mode: switchover is driven by Track alone, so at least one track entry is needed. */
const requiresTrack: Rule = {
  id: 'mirroring.requires-track',
  summary: 'Mirroring mode needs at least one track entry.',
  severity: 'error',
  reason: 'This networking environment requires associating hot backup with Track.',
  check: ({ pair }) =>
    mirroring(pair) && pair.track.length === 0
      ? [{ path: 'track', key: 'none', message: 'mirroring mode has no track entry, so no active/standby switchover can happen', fix: 'add track entries that watch the uplink and downlink interfaces, e.g. track: [{ id: 1, interface: GigabitEthernet1/0/2 }]' }]
      : [],
};

/** Mirroring restrictions: no VRRP and no virtual (floating) addresses, neither in the file nor already on a device. */
const noVrrpOrVip: Rule = {
  id: 'mirroring.no-vrrp-or-vip',
  summary: 'Mirroring mode has no VRRP groups or floating IPs (in the file or on the devices).',
  severity: 'error',
  reason: 'In mirroring mode, hot backup cannot collaborate with VRRP or virtual addresses.',
  check: ({ pair, facts }) => {
    if (!mirroring(pair)) return [];
    const out: Finding[] = [];
    if (pair.vrrp.length > 0) out.push({ path: 'vrrp', key: 'vrrp', message: 'mirroring mode cannot be combined with VRRP groups', fix: 'remove the vrrp list (both devices answer on the same interface addresses instead)' });
    if (pair.floatingIps.length > 0) out.push({ path: 'floatingIps', key: 'floating-ips', message: 'mirroring mode cannot be combined with floating (virtual) IPs', fix: 'remove floatingIps; in mirroring mode the interface addresses themselves are shared' });
    for (const k of DEVICE_KEYS) {
      const groups = facts[k]?.vrrp ?? [];
      if (groups.length > 0)
        out.push({
          path: `devices.${k}`,
          key: 'device-vrrp',
          params: { device: k, groups: groups.map((g) => `${g.interface} vrid ${g.vrid}`).join(', ') },
          message: `device ${k} already has VRRP configured (${groups.map((g) => `${g.interface} vrid ${g.vrid}`).join(', ')}); mirroring mode cannot be enabled`,
          fix: `remove the VRRP groups from device ${k} before enabling mirroring mode`,
        });
    }
    return out;
  },
};

/** Mirroring restrictions: the standby does not speak routing protocols, so no routing-cost collaboration. */
const staticRoutingOnly: Rule = {
  id: 'mirroring.static-routing-only',
  summary: 'Mirroring mode has no routing-protocol cost adjustment.',
  severity: 'error',
  reason: 'Only static routes are supported between the device and upstream/downstream devices.',
  check: ({ pair }) =>
    mirroring(pair)
      ? (['ospf', 'isis', 'bgp', 'ospfv3'] as const)
          .filter((p) => pair.routing[p] !== undefined)
          .map((p) => ({ path: `routing.${p}`, key: 'dynamic', params: { protocol: p }, message: `mirroring mode supports only static routing, but ${p} cost adjustment is set`, fix: `remove routing.${p} and use static routes towards the neighbours` }))
      : [],
};

/** Mirroring restrictions: same-numbered interfaces (other than management and channel ones) carry the same addresses. */
const sameIps: Rule = {
  id: 'mirroring.same-ips',
  summary: 'In mirroring mode, same-numbered interfaces carry the same addresses (management and channel interfaces aside).',
  severity: 'error',
  reason:
    'For hot backup in mirroring mode, interfaces with the same number on both devices use the same IP address, except for the mirroring mode management interface and RBM channel interface.',
  check: ({ pair }) => {
    if (!mirroring(pair)) return [];
    const a = mirroredInterfaces(pair, 'a');
    const b = mirroredInterfaces(pair, 'b');
    const out: Finding[] = [...onlyOnOneSide(a, b, 'a', 'b'), ...onlyOnOneSide(b, a, 'b', 'a')];
    for (const [key, { itf: ia }] of a) {
      const other = b.get(key);
      if (!other) continue;
      for (const field of ['address', 'ipv6Address'] as const) {
        const x = canonCidr(ia[field]);
        const y = canonCidr(other.itf[field]);
        if (x === y) continue;
        out.push({
          path: `devices.b.interfaces[${other.index}].${field}`,
          key: x === undefined ? 'differ-remove' : y === undefined ? 'differ-missing' : 'differ',
          params: { name: ia.name, a: x ?? '', b: y ?? '', field, value: ia[field] ?? '', bName: other.itf.name },
          message: `${ia.name} has ${x ?? 'no address'} on device a but ${y ?? 'no address'} on device b; mirroring mode needs the same address on both`,
          fix: x === undefined ? `remove ${field} from ${other.itf.name} on device b` : `set ${field}: ${ia[field]} on ${other.itf.name} of device b`,
        });
      }
    }
    return out;
  },
};

/**
 * An addressed interface listed on one device only: the rule cannot compare it, and the render
 * leaves the other device's side unconfigured. Only a warning, because configuration backup in
 * mirroring mode may carry the address across; the fix is to write it on both.
 */
function onlyOnOneSide(
  mine: Map<string, { index: number; itf: DeviceInterface }>,
  theirs: Map<string, { index: number; itf: DeviceInterface }>,
  me: DeviceKey,
  them: DeviceKey,
): Finding[] {
  const out: Finding[] = [];
  for (const [key, { index, itf }] of mine) {
    if (theirs.has(key) || (itf.address === undefined && itf.ipv6Address === undefined)) continue;
    const addresses = [itf.address, itf.ipv6Address].filter((x) => x !== undefined).join(' and ');
    out.push({
      path: `devices.${me}.interfaces[${index}]`,
      severity: 'warning',
      key: 'one-side',
      params: { name: itf.name, addresses: [itf.address, itf.ipv6Address].filter((x) => x !== undefined), device: me, peer: them, entry: `{ name: ${itf.name}${itf.address ? `, address: ${itf.address}` : ''}${itf.ipv6Address ? `, ipv6Address: ${itf.ipv6Address}` : ''} }` },
      message: `${itf.name} carries ${addresses} on device ${me} but is not listed on device ${them}, so mirroring mode's equal addresses cannot be checked and device ${them} is not configured with them`,
      fix: `add { name: ${itf.name}${itf.address ? `, address: ${itf.address}` : ''}${itf.ipv6Address ? `, ipv6Address: ${itf.ipv6Address}` : ''} } to devices.${them}.interfaces`,
    });
  }
  return out;
}

/** Mirroring restrictions, IPv6: link-local addresses are written by hand and equal on both devices. */
const ipv6LinkLocal: Rule = {
  id: 'mirroring.ipv6-link-local',
  summary: 'In mirroring mode, IPv6 interfaces have the same manual link-local address on both devices.',
  severity: 'error',
  reason: 'Manually configure the IPv6 link-local address and do not use automatically generated address to avoid inconsistencies.',
  check: ({ pair }) => {
    if (!mirroring(pair)) return [];
    const out: Finding[] = [];
    const b = mirroredInterfaces(pair, 'b');
    for (const k of DEVICE_KEYS)
      for (const { index, itf } of mirroredInterfaces(pair, k).values())
        if (itf.ipv6Address !== undefined && itf.linkLocal === undefined)
          out.push({
            path: `devices.${k}.interfaces[${index}].linkLocal`,
            key: 'missing',
            params: { name: itf.name },
            message: `${itf.name} has an IPv6 address but no manual link-local address; the automatic one differs between the devices`,
            fix: `set linkLocal (e.g. fe80::1) on ${itf.name}, the same on both devices`,
          });
    for (const [key, { itf: ia }] of mirroredInterfaces(pair, 'a')) {
      const ob = b.get(key);
      const x = ia.linkLocal === undefined ? undefined : parseIp(ia.linkLocal)?.ip;
      const y = ob?.itf.linkLocal === undefined ? undefined : parseIp(ob.itf.linkLocal)?.ip;
      if (ob && x !== undefined && y !== undefined && x !== y)
        out.push({
          path: `devices.b.interfaces[${ob.index}].linkLocal`,
          key: 'differ',
          params: { name: ia.name, a: x, b: y, value: ia.linkLocal ?? x },
          message: `${ia.name} has link-local ${x} on device a but ${y} on device b`,
          fix: `set linkLocal: ${ia.linkLocal} on device b`,
        });
    }
    return out;
  },
};

/** Mirroring restrictions: a device already running another hot backup mode must be reset first (needs discovery facts). */
const initialState: Rule = {
  id: 'mirroring.initial-state',
  summary: 'Devices already running another hot-backup mode are reset before mirroring (needs discovery).',
  severity: 'error',
  reason: 'Create a mirroring mode hot backup system by using two devices in their initial state (without hot backup mode configured).',
  check: ({ pair, facts }) => {
    if (!mirroring(pair)) return [];
    const out: Finding[] = [];
    for (const k of DEVICE_KEYS) {
      const rbm = facts[k]?.rbm;
      if (!rbm?.configured || rbm.mode === 'mirroring') continue;
      out.push(
        rbm.mode === undefined
          ? { path: `devices.${k}`, severity: 'warning', key: 'unknown-mode', params: { device: k }, message: `device ${k} has hot backup configured in a mode that could not be read`, fix: `check the mode on device ${k}; if it is not mirroring, reset it to its initial state first` }
          : { path: `devices.${k}`, key: 'other-mode', params: { device: k, mode: rbm.mode }, message: `device ${k} runs hot backup in ${rbm.mode} mode; switching it directly to mirroring risks service exceptions`, fix: `remove the hot backup configuration from device ${k} (reset it to its initial state), then apply this pair` },
      );
    }
    return out;
  },
};

export const mirroringRules: Rule[] = [requiresChannelAndRole, requiresTrack, noVrrpOrVip, staticRoutingOnly, sameIps, ipv6LinkLocal, initialState];
