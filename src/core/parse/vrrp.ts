import type { VrrpFact } from '../model/facts';
import { expandInterfaceName, looksLikeInterface } from './interface-names';
import { cleanLines, isIp, kvPairs, quote, toInt, tokens, type Parsed } from './text';

export interface VrrpGroup extends VrrpFact {
  family: 'ipv4' | 'ipv6';
  virtualIps: string[];
  configPriority?: number;
  adminStatus?: string;
  preempt?: boolean;
  preemptDelay?: number; // centiseconds, as configured
  advertiseTimer?: number; // centiseconds
  authType?: string;
  virtualMac?: string;
  tracks: { object: number; state?: string; reduced?: number }[];
}

export interface VrrpInfo {
  runningMode?: string;
  groups: VrrpGroup[];
}

// Section titles, summary lines and the second header row of the brief table.
const NOISE = /^\s*(?:IPv[46] Virtual Router Information:?|VRRP Track Information:?|-{3,}|Interface\s+VRID\b.*|Pri\s+Timer\b.*|\(?\s*backup only\s*\)?)\s*$/i;

function newGroup(family: VrrpGroup['family'], iface: string, vrid: number): VrrpGroup {
  return { family, interface: iface, vrid, state: 'Unknown', virtualIps: [], tracks: [] };
}

/** "10.1.1.10", "10.1.1.10 (active)" → adds the IP; returns false when the text holds no IP. */
function addVirtualIp(g: VrrpGroup, text: string): boolean {
  const [ip, tag] = tokens(text);
  if (!isIp(ip)) return false;
  g.virtualIps.push(ip);
  g.virtualIp ??= ip;
  const binding = /\b(active|standby)\b/i.exec(tag ?? '')?.[1]?.toLowerCase();
  if (binding === 'active' || binding === 'standby') g.rbmGroup = binding;
  return true;
}

/** One verbose key → group field; false when unknown. */
function setVerbose(g: VrrpGroup, key: string, val: string): boolean {
  switch (key) {
    case 'adver timer':
    case 'adver. timer':
      g.advertiseTimer = toInt(val);
      return true;
    case 'admin status':
      g.adminStatus = val;
      return true;
    case 'state':
      g.state = val;
      return true;
    case 'config pri':
      g.configPriority = toInt(val);
      return true;
    case 'running pri':
      g.priority = toInt(val);
      return true;
    case 'preempt mode':
      g.preempt = /^y/i.test(val);
      return true;
    case 'delay time':
      g.preemptDelay = toInt(val);
      return true;
    case 'auth type':
      g.authType = val;
      return true;
    case 'virtual ip':
      return addVirtualIp(g, val) || val === '';
    case 'virtual mac':
      g.virtualMac = val;
      return true;
    case 'master ip':
      if (isIp(val)) g.masterIp = val;
      return true;
    case 'rbm group':
    case 'remote backup group':
      if (/active|standby/i.test(val)) g.rbmGroup = /standby/i.test(val) ? 'standby' : 'active';
      return true;
    case 'become master':
    case 'key':
    case 'version':
    case 'vrrp version':
    case 'member ip list':
    case 'vrrp type':
      return true;
    default:
      return false;
  }
}

/**
 * Parse `display vrrp` (brief table) or `display vrrp verbose` (per-group blocks with two
 * `key : value` pairs per line), IPv4 or IPv6. Interface names are expanded.
 * `asked`: the family the command asked for (`display vrrp ipv6 …`), for output without its
 * "IPv6 Virtual Router Information" title; a title in the text still decides.
 */
export function parseVrrp(text: string, asked: VrrpGroup['family'] = 'ipv4'): Parsed<VrrpInfo> {
  const value: VrrpInfo = { groups: [] };
  const warnings: string[] = [];
  let family = asked;
  let iface: string | undefined;
  let group: VrrpGroup | undefined;
  let lastKey: string | undefined;
  for (const line of cleanLines(text)) {
    if (line.trim() === '') continue;
    if (/^\s*IPv6 Virtual Router Information/i.test(line)) family = 'ipv6';
    else if (/^\s*IPv4 Virtual Router Information/i.test(line)) family = 'ipv4';
    if (NOISE.test(line)) continue;
    const verboseIface = /^\s*Interface\s*:?\s+(\S+)\s*$/i.exec(line);
    if (verboseIface) {
      iface = expandInterfaceName(verboseIface[1] ?? '');
      group = undefined;
      continue;
    }
    const pairs = kvPairs(line);
    if (pairs.length > 0) {
      const first = pairs[0]?.[0];
      if (first === 'track object' && group) {
        // "Track Object : 1   State : Positive   Pri Reduced : 30" — its State is the track's.
        const kv = new Map(pairs);
        const object = toInt(kv.get('track object'));
        if (object !== undefined) group.tracks.push({ object, state: kv.get('state'), reduced: toInt(kv.get('pri reduced')) });
        continue;
      }
      for (const [key, val] of pairs) {
        lastKey = key;
        if (key === 'running mode') value.runningMode = val;
        else if (key === 'total number of virtual routers') continue;
        else if (key === 'vrid') {
          const vrid = toInt(val);
          if (vrid === undefined || iface === undefined) {
            warnings.push(`display vrrp: VRID ${JSON.stringify(val)} without an interface`);
            group = undefined;
          } else {
            group = newGroup(family, iface, vrid);
            value.groups.push(group);
          }
        } else if (!group || !setVerbose(group, key, val)) {
          warnings.push(`display vrrp: unrecognised ${JSON.stringify(key)} value ${JSON.stringify(val)}`);
        }
      }
      continue;
    }
    const t = tokens(line);
    // Further virtual IPs print alone on the lines under the first one (brief and verbose).
    if (t.length === 1 && isIp(t[0]) && group && (lastKey === 'virtual ip' || lastKey === undefined)) {
      addVirtualIp(group, line);
      continue;
    }
    const row = briefRow(family, t);
    if (row) {
      value.groups.push(row);
      group = row;
      lastKey = undefined;
      continue;
    }
    warnings.push(`display vrrp: unrecognised line ${quote(line)}`);
  }
  return { value, warnings };
}

/** "GE1/0/1  1  Master  150  100  Simple  1.1.1.1" → group; undefined when not a brief row. */
function briefRow(family: VrrpGroup['family'], t: string[]): VrrpGroup | undefined {
  const [name, vridText, state, ...rest] = t;
  const vrid = toInt(vridText);
  if (!name || !looksLikeInterface(name) || vrid === undefined || !/^\d+$/.test(vridText ?? '') || !state || !/^[A-Za-z]+$/.test(state)) return undefined;
  const g = newGroup(family, expandInterfaceName(name), vrid);
  g.state = state;
  const numbers = rest.filter((x) => /^\d+$/.test(x)).map(Number);
  if (numbers[0] !== undefined) g.priority = numbers[0];
  if (numbers[1] !== undefined) g.advertiseTimer = numbers[1];
  const ipIndex = rest.findIndex((x) => isIp(x));
  // The auth type is every word before the virtual IP: "Simple", "MD5", "Not supported".
  const auth = rest.slice(0, ipIndex >= 0 ? ipIndex : undefined).filter((x) => /^[A-Za-z][\w-]*$/.test(x) && !/^(?:active|standby)$/i.test(x));
  if (auth.length > 0) g.authType = auth.join(' ');
  if (ipIndex >= 0) addVirtualIp(g, rest.slice(ipIndex).join(' '));
  return g;
}
