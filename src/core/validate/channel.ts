import { familyOf, parseCidr, parseIp, type Family } from '../model/ip';
import { DEVICE_KEYS, other, type Pair } from '../model/pair';
import { type Finding, type Rule, inRange, rangeText } from './diagnostic';

/** The control channel's family when both ends agree on one; rules that depend on it skip otherwise. */
export function controlFamily(pair: Pair): Family | null {
  const a = familyOf(pair.devices.a.controlChannel.localIp);
  const b = familyOf(pair.devices.b.controlChannel.localIp);
  return a !== null && a === b ? a : null;
}

const canon = (ip: string): string | undefined => parseIp(ip)?.ip;

/** Table-1, Peer IP of Control Channel: the peer IP is the other device's local IP, so equal local IPs mean local = peer. */
const localNePeer: Rule = {
  id: 'channel.local-ne-peer',
  summary: 'The two control-channel local IPs differ (each is the other\'s peer IP).',
  severity: 'error',
  reason: 'The local IP address cannot be identical to the peer IP address.',
  check: ({ pair }) => {
    const a = canon(pair.devices.a.controlChannel.localIp);
    if (a === undefined || a !== canon(pair.devices.b.controlChannel.localIp)) return [];
    return [
      {
        path: 'devices.b.controlChannel.localIp',
        key: 'same-ip',
        params: { ip: pair.devices.b.controlChannel.localIp },
        message: `both devices use ${pair.devices.b.controlChannel.localIp} as control-channel local IP; each device's peer IP is the other's local IP, so local and peer would be identical`,
        fix: 'give device b its own control-channel address (e.g. the next address of the same subnet)',
      },
    ];
  },
};

/** Table-1, Local IP of Control Channel: one family for the whole channel. */
const singleFamily: Rule = {
  id: 'channel.single-family',
  summary: 'Both control-channel IPs are IPv4, or both IPv6.',
  severity: 'error',
  reason: 'You can enter an IPv4 or IPv6 address, but not both.',
  check: ({ pair }) => {
    const fa = familyOf(pair.devices.a.controlChannel.localIp);
    const fb = familyOf(pair.devices.b.controlChannel.localIp);
    if (fa === null || fb === null || fa === fb) return [];
    return [
      {
        path: 'devices.b.controlChannel.localIp',
        key: 'mixed',
        params: { a: fa, b: fb },
        message: `the control channel mixes families: device a uses ${fa}, device b uses ${fb}`,
        fix: `use ${fa} control-channel addresses on both devices (or ${fb} on both)`,
      },
    ];
  },
};

/** Table-1, Peer port: one port for both ends, so a single pair-level value inside the platform's range. */
const portRange: Rule = {
  id: 'channel.port-range',
  summary: 'The control-channel port is within the platform\'s range.',
  severity: 'error',
  reason: 'The hot backup member devices must have the same port number.',
  check: ({ pair, pack }) => {
    const port = pair.controlChannel.port;
    if (inRange(port, pack.limits.controlPort)) return [];
    return [
      {
        path: 'controlChannel.port',
        key: 'outside',
        params: { port: String(port), platform: pack.name, range: rangeText(pack.limits.controlPort) },
        message: `port ${port} is outside ${pack.name}'s range ${rangeText(pack.limits.controlPort)}`,
        fix: `use a port in ${rangeText(pack.limits.controlPort)}, or leave it out for the default 60064`,
      },
    ];
  },
};

/** Keepalive mechanism: interval and retry count set how fast a dead peer is noticed; the platform bounds both. */
const keepaliveRange: Rule = {
  id: 'keepalive.range',
  summary: 'Keepalive interval and retry count are within the platform\'s ranges.',
  severity: 'error',
  reason:
    'If a device has not received any responses from the peer when the maximum number of hot backup keepalive attempts is reached, the hot backup control channel is disconnected.',
  check: ({ pair, pack }) => {
    const { intervalSeconds, count } = pair.controlChannel.keepalive;
    const out: Finding[] = [];
    if (!inRange(intervalSeconds, pack.limits.keepaliveInterval))
      out.push({
        path: 'controlChannel.keepalive.intervalSeconds',
        key: 'interval',
        params: { value: String(intervalSeconds), range: rangeText(pack.limits.keepaliveInterval) },
        message: `keepalive interval ${intervalSeconds} s is outside ${rangeText(pack.limits.keepaliveInterval)} s`,
        fix: `use a whole number of seconds in ${rangeText(pack.limits.keepaliveInterval)} (default 1)`,
      });
    if (!inRange(count, pack.limits.keepaliveCount))
      out.push({
        path: 'controlChannel.keepalive.count',
        key: 'count',
        params: { value: String(count), range: rangeText(pack.limits.keepaliveCount) },
        message: `keepalive count ${count} is outside ${rangeText(pack.limits.keepaliveCount)}`,
        fix: `use a retry count in ${rangeText(pack.limits.keepaliveCount)} (default 10)`,
      });
    return out;
  },
};

const dataAddresses = (pair: Pair, k: 'a' | 'b'): { field: 'address' | 'ipv6Address'; ip: string }[] => {
  const dc = pair.devices[k].dataChannel;
  const out: { field: 'address' | 'ipv6Address'; ip: string }[] = [];
  for (const field of ['address', 'ipv6Address'] as const) {
    const c = dc[field] === undefined ? null : parseCidr(dc[field]);
    if (c) out.push({ field, ip: c.ip });
  }
  return out;
};

/** Restrictions: the two ends of the data channel need different addresses. */
const dataIpDistinct: Rule = {
  id: 'datachannel.ip-distinct',
  summary: 'The two ends of the data channel have different addresses.',
  severity: 'error',
  reason: "The IP address of the data channel interface must be different from the peer interface's IP address.",
  check: ({ pair }) => {
    const a = dataAddresses(pair, 'a');
    const out: Finding[] = [];
    for (const x of dataAddresses(pair, 'b')) {
      if (!a.some((y) => y.ip === x.ip)) continue;
      out.push({
        path: `devices.b.dataChannel.${x.field}`,
        key: 'same-ip',
        params: { ip: x.ip },
        message: `devices a and b both use ${x.ip} on the data channel interface`,
        fix: 'give each end of the data channel its own address in the shared subnet',
      });
    }
    return out;
  },
};

/**
 * Restrictions: the device picks the data-channel address of the control channel's family, so at
 * least one such address must exist when addresses are given; a Layer 3 data channel is routed and
 * therefore needs one (warning only: it may already be configured on the device).
 */
const dataFamily: Rule = {
  id: 'datachannel.family',
  summary: 'The data channel has an address of the control channel\'s family.',
  severity: 'error',
  reason:
    'The device will select a data channel interface IP address based on the local IP address type of the control channel to establish a connection with the peer.',
  check: ({ pair }) => {
    const fam = controlFamily(pair);
    if (fam === null) return [];
    const out: Finding[] = [];
    for (const k of DEVICE_KEYS) {
      const addrs = dataAddresses(pair, k);
      if (addrs.length > 0 && !addrs.some((x) => familyOf(x.ip) === fam))
        out.push({
          path: `devices.${k}.dataChannel`,
          key: 'no-family-address',
          params: { device: k, family: fam, field: fam === 'ipv4' ? 'address' : 'ipv6Address' },
          message: `the data channel has no ${fam} address, but the control channel is ${fam}`,
          fix: `add an ${fam} address to devices.${k}.dataChannel (${fam === 'ipv4' ? 'address' : 'ipv6Address'})`,
        });
      else if (addrs.length === 0 && pair.dataChannel.transport === 'l3')
        out.push({
          path: `devices.${k}.dataChannel`,
          severity: 'warning',
          key: 'l3-no-address',
          params: { device: k, peer: other(k), family: fam },
          message: `a Layer 3 data channel is routed to ${other(k)}, but no ${fam} address is given for it`,
          fix: `add the data channel interface's ${fam} address, or make sure the device already has one`,
        });
    }
    return out;
  },
};

export const channelRules: Rule[] = [localNePeer, singleFamily, portRange, keepaliveRange, dataIpDistinct, dataFamily];
