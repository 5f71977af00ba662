import type { Message } from '../base/message';
import type { RbmFact } from '../model/facts';
import { parseCurrentConfig, type ConfigNode } from '../parse/current-config';
import { expandInterfaceName } from '../parse/interface-names';

/** What discovery reads from `display current-configuration` that no display table gives. */
export interface ConfigInterface {
  name: string;
  /** Primary IPv4 as CIDR (the brief table prints the bare address only). */
  address?: string;
  ipv6Addresses: string[];
  description?: string;
  /** Full name of the aggregate interface this port is a member of. */
  aggregateMember?: string;
  /** RBM-bound VRRP groups: vrid → active/standby. */
  vrrpBindings: Map<number, 'active' | 'standby'>;
}

export interface ConfigFacts {
  sysname?: string;
  interfaces: Map<string, ConfigInterface>;
  /** The RBM view as configured, for devices whose status display is missing or rejected. */
  rbm?: RbmFact;
  warnings: Note[];
}

/** A warning: its English and the same as a core message. */
export interface Note {
  text: string;
  said: Message;
}

function prefixLength(mask: string): number | undefined {
  if (/^\d{1,2}$/.test(mask)) return Number(mask) <= 32 ? Number(mask) : undefined;
  const octets = mask.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return undefined;
  const bits = octets.map((o) => o.toString(2).padStart(8, '0')).join('');
  // A mask must be contiguous ones then zeros; anything else is not a prefix.
  if (!/^1*0*$/.test(bits)) return undefined;
  const firstZero = bits.indexOf('0');
  return firstZero === -1 ? 32 : firstZero;
}

function readInterface(node: ConfigNode, name: string, warnings: Note[]): ConfigInterface & { group?: number; bridge: boolean } {
  const out: ConfigInterface & { group?: number; bridge: boolean } = { name, ipv6Addresses: [], vrrpBindings: new Map(), bridge: false };
  for (const child of node.children) {
    const t = child.text;
    let m: RegExpExecArray | null;
    if ((m = /^ip address (\S+) (\S+)$/.exec(t))) {
      const len = prefixLength(m[2] ?? '');
      if (len === undefined) warnings.push({ text: `current-configuration: ${name}: bad mask in "${t}"`, said: { code: 'discover.warning.bad-mask', params: { interface: name, line: t } } });
      else out.address = `${m[1]}/${len}`;
    } else if ((m = /^ipv6 address (\S+?)(?:\/(\d+)| (\d+))?( link-local)?$/.exec(t))) {
      const len = m[4] ? '10' : (m[2] ?? m[3]);
      if (len !== undefined) out.ipv6Addresses.push(`${m[1]}/${len}`);
    } else if ((m = /^description (.+)$/.exec(t))) out.description = m[1];
    else if ((m = /^port link-aggregation group (\d+)/.exec(t))) out.group = Number(m[1]);
    else if (t === 'port link-mode bridge') out.bridge = true;
    else if ((m = /^vrrp vrid (\d+) virtual-ip \S+ (active|standby)$/.exec(t))) out.vrrpBindings.set(Number(m[1]), m[2] as 'active' | 'standby');
  }
  return out;
}

function readRbm(node: ConfigNode): RbmFact {
  const rbm: RbmFact = { configured: true, mode: 'active-standby' };
  for (const { text: t } of node.children) {
    let m: RegExpExecArray | null;
    if ((m = /^device-role (primary|secondary)$/.exec(t))) rbm.role = m[1] as 'primary' | 'secondary';
    else if ((m = /^backup-mode (dual-active|mirroring)$/.exec(t))) rbm.mode = m[1] as 'dual-active' | 'mirroring';
    else if ((m = /^local-ipv?6? (\S+)$/.exec(t))) rbm.localIp = m[1];
    else if ((m = /^remote-ipv?6? (\S+)(?: port (\d+))?$/.exec(t))) {
      rbm.remoteIp = m[1];
      if (m[2] !== undefined) rbm.port = Number(m[2]);
    } else if ((m = /^keepalive interval (\d+)$/.exec(t))) rbm.keepaliveInterval = Number(m[1]);
    else if ((m = /^keepalive count (\d+)$/.exec(t))) rbm.keepaliveCount = Number(m[1]);
    else if ((m = /^data-channel interface (.+)$/.exec(t))) rbm.dataChannelInterface = expandInterfaceName(m[1] ?? '');
    else if (t === 'hot-backup enable') rbm.hotBackup = true;
    else if (t === 'configuration auto-sync enable') rbm.autoSync = true;
  }
  return rbm;
}

/**
 * Sysname, per-interface CIDR/IPv6/description/aggregation membership, RBM-bound VRRP keywords
 * and the RBM view, from the running configuration. Aggregation membership is only printed
 * here (`port link-aggregation group N` under the member), so discovery needs this text.
 */
export function configFacts(text: string): ConfigFacts {
  const warnings: Note[] = [];
  const tree = parseCurrentConfig(text);
  const read: (ConfigInterface & { group?: number; bridge: boolean })[] = [];
  const facts: ConfigFacts = { interfaces: new Map(), warnings };
  for (const node of tree.nodes) {
    const sysname = /^sysname (.+)$/.exec(node.text);
    if (sysname) facts.sysname = sysname[1];
    const iface = /^interface (.+)$/.exec(node.text);
    if (iface) read.push(readInterface(node, expandInterfaceName(iface[1] ?? ''), warnings));
    if (node.text === 'remote-backup group') facts.rbm = readRbm(node);
  }
  const names = new Set(read.map((i) => i.name));
  for (const { group, bridge, ...i } of read) {
    if (group !== undefined) {
      // The aggregate's own type decides (Layer 3 Route- vs Layer 2 Bridge-Aggregation); the
      // member's link mode is the fallback when the aggregate is missing from the text.
      const route = `Route-Aggregation${group}`;
      const l2 = `Bridge-Aggregation${group}`;
      i.aggregateMember = names.has(route) ? route : names.has(l2) ? l2 : bridge ? l2 : route;
      if (!names.has(route) && !names.has(l2))
        warnings.push({
          text: `current-configuration: ${i.name} is in aggregation group ${group} but ${i.aggregateMember} is not configured`,
          said: { code: 'discover.warning.no-aggregate', params: { interface: i.name, group: String(group), aggregate: i.aggregateMember } },
        });
    }
    facts.interfaces.set(i.name, i);
  }
  return facts;
}
