import { isLinkLocalV6, parseCidr, parseIp, prefixToMask } from '../model/ip';
import { expandInterfaceName } from '../parse/interface-names';
import { parseDurationSeconds, peerIp, type ConsistencySchedule, type DeviceKey, type Pair, type VrrpGroup } from '../model/pair';
import type { Block, Cmd } from './emit';
import { renderError, type Stage } from './types';

/**
 * Which command goes to which stage, and why (seed: hot-backup-help.txt, "Configuration backup"
 * and "Mirroring mode restrictions"):
 *
 * - channel: the data/control-channel interface addresses and the RBM view settings the channel
 *   and the mode need (role, local/remote IP and port, keepalive, data channel, backup mode,
 *   management interface). The configuration-synchronisation switches are here too, although the
 *   brief listed them with the local options: the `sync` stage is pushed to the primary only and
 *   reaches the secondary through automatic synchronisation, so auto-sync must be on before it.
 *   Static-route sync is switched on before auto-sync because the seed says that order
 *   synchronises all static routes, the other order only the ones added later.
 * - sync: what the primary backs up to the secondary and the tool renders. In active/standby and
 *   dual-active modes that is nothing: interface addresses "are not backed up in non-mirroring
 *   mode", and RBM, VRRP, track, floating-IP and loghost settings are per device. In mirroring mode
 *   "IP addressing" and "IPv6 basics" are backed up, so the service interfaces' addresses
 *   (same on both devices by rule mirroring.same-ips) are pushed to the primary only — except the
 *   management and RBM-channel interfaces, which the seed excludes. Static routes themselves are
 *   not part of the pair file, so `configSync.staticRoutes` only renders its RBM switch.
 * - local: everything else, per device (tracks, RBM track/monitor/adjust-cost/backup/check/
 *   switchback options, interface descriptions, VRRP bindings, floating IPs, loghost, and
 *   interface addresses outside mirroring mode).
 *
 * The secondary's script therefore has no `sync` lines: it receives them from the primary.
 */

/** The device the `sync` stage is pushed to: the configured primary, else device A (roles: auto). */
export function syncSource(pair: Pair): DeviceKey {
  if (pair.devices.a.role === 'primary') return 'a';
  if (pair.devices.b.role === 'primary') return 'b';
  return 'a';
}

/**
 * Which VRRP active/standby group device k binds a pair.vrrp group to. The seed ("VRRP master
 * election in the hot backup system"): Device A, the master, holds its groups through the VRRP
 * active group; Device B through the VRRP standby group, which becomes master when B takes over.
 *
 * - active/standby: the device that forwards while both are healthy (the primary; device a with
 *   automatic roles) takes the keyword as written, the other device the inverse;
 * - dual-active: pair.vrrp is written from device a's side and b takes the inverse, so each
 *   device masters the groups bound `active` on it and takes over the other's through `standby`.
 */
export function vrrpBinding(pair: Pair, k: DeviceKey, group: VrrpGroup['group']): VrrpGroup['group'] {
  const asWritten: DeviceKey = pair.mode === 'dual-active' ? 'a' : syncSource(pair);
  if (k === asWritten) return group;
  return group === 'active' ? 'standby' : 'active';
}

const PROTOCOLS = ['ospf', 'isis', 'bgp', 'ospfv3'] as const;

/**
 * Blocks of one stage, one block per view in order of first use, so a view is entered once per
 * stage. Views are told apart by a short id ('' system view, 'rbm', 'if:NAME', 'track:N'); the
 * text typed comes from the header's template.
 */
class StageBlocks {
  private readonly blocks: Block[] = [];
  private readonly byView = new Map<string, Block>();
  private readonly seen = new Set<string>();
  constructor(private readonly stage: Stage) {}

  add(view: string, header: Cmd | undefined, cmds: Cmd[]): void {
    let b = this.byView.get(view);
    if (!b) {
      b = header ? { stage: this.stage, header, commands: [] } : { stage: this.stage, commands: [] };
      this.byView.set(view, b);
      this.blocks.push(b);
    }
    for (const c of cmds) {
      // The same address given twice (data channel and interface list) is typed once.
      const id = `${view}\n${c.key}\n${c.negate ? '-' : '+'}${JSON.stringify(c.values ?? {})}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      b.commands.push(c);
    }
  }
  iface(name: string, cmds: Cmd[]): void {
    const full = ifn(name);
    this.add(`if:${full}`, { key: 'interface', values: { interface: full } }, cmds);
  }
  list(): Block[] {
    return this.blocks;
  }
}

function addressCmds(addr: { address?: string; ipv6Address?: string; linkLocal?: string }): Cmd[] {
  const out: Cmd[] = [];
  for (const a of [addr.address, addr.ipv6Address]) {
    const c = a === undefined ? null : parseCidr(a);
    if (!c) continue;
    out.push(c.family === 'ipv4' ? { key: 'ipAddress', values: { ip: c.ip, mask: prefixToMask(c.prefix) } } : { key: 'ipv6Address', values: { ip: c.ip, prefix: c.prefix } });
  }
  if (addr.linkLocal !== undefined) out.push({ key: 'ipv6LinkLocal', values: { ip: canonical(addr.linkLocal) } });
  return out;
}

/**
 * Addresses and interface names are typed in one canonical form (full names, as the device prints
 * them in its configuration) so that the plan compares like with like.
 */
const ifn = expandInterfaceName;
const canonical = (ip: string) => parseIp(ip)?.ip ?? ip;
const hostOf = (cidr: string | undefined) => (cidr === undefined ? undefined : parseCidr(cidr)?.ip);

function scheduleCmd(s: ConsistencySchedule): Cmd {
  if ('daily' in s) return { key: 'syncCheckDaily', values: { time: s.daily } };
  if ('weekly' in s) return { key: 'syncCheckWeekly', values: { day: s.weekly.day, time: s.weekly.at } };
  const hours = parseDurationSeconds(s.every) / 3600;
  if (!Number.isInteger(hours) || hours < 1) throw renderError({ code: 'render.check-interval', params: { every: s.every } }, `consistency check every "${s.every}" is not a whole number of hours`, 'use e.g. every: 1h, 2h or 1d');
  return { key: 'syncCheckInterval', values: { hours } };
}

export function deviceBlocks(pair: Pair, k: DeviceKey): Block[] {
  const dev = pair.devices[k];
  const channel = new StageBlocks('channel');
  const sync = new StageBlocks('sync');
  const local = new StageBlocks('local');
  const mirroring = pair.mode === 'mirroring';
  const localIp = canonical(dev.controlChannel.localIp);
  const v6 = localIp.includes(':');

  // ---- channel: addresses of the data-channel interface and of the interface holding local-ip.
  channel.iface(dev.dataChannel.interface, addressCmds(dev.dataChannel));
  for (const itf of dev.interfaces) {
    const isChannel = ifn(itf.name) === ifn(dev.dataChannel.interface) || hostOf(itf.address) === localIp || hostOf(itf.ipv6Address) === localIp;
    const isMgmt = dev.managementInterface !== undefined && ifn(itf.name) === ifn(dev.managementInterface);
    if (isChannel) channel.iface(itf.name, addressCmds(itf));
    else if (mirroring && !isMgmt) {
      if (k === syncSource(pair)) sync.iface(itf.name, addressCmds(itf));
    } else local.iface(itf.name, addressCmds(itf));
  }

  const rbm: Cmd[] = [];
  if (pair.roles === 'auto') rbm.push({ key: 'deviceRoleAuto' });
  else if (dev.role !== undefined) rbm.push({ key: 'deviceRole', values: { role: dev.role } });
  else throw renderError({ code: 'render.no-role', params: { path: `devices.${k}.role` } }, `devices.${k}.role is missing; manual roles need one primary and one secondary`);
  const peer = canonical(peerIp(pair, k));
  rbm.push(v6 ? { key: 'localIpv6', values: { ip: localIp } } : { key: 'localIp', values: { ip: localIp } });
  rbm.push({ key: v6 ? 'remoteIpv6' : 'remoteIp', values: { ip: peer, port: pair.controlChannel.port } });
  rbm.push({ key: 'keepaliveInterval', values: { seconds: pair.controlChannel.keepalive.intervalSeconds } });
  rbm.push({ key: 'keepaliveCount', values: { count: pair.controlChannel.keepalive.count } });
  rbm.push({ key: 'dataChannel', values: { interface: ifn(dev.dataChannel.interface) } });
  if (pair.dataChannel.transport === 'l3') rbm.push({ key: 'dataChannelLayer3' });
  // Seed: mirroring needs the control channel and the role first; the management interface needs mirroring.
  if (pair.mode !== 'active-standby') rbm.push({ key: 'backupMode', values: { mode: pair.mode } });
  if (dev.managementInterface !== undefined) rbm.push({ key: 'managementInterface', values: { interface: ifn(dev.managementInterface) } });
  if (pair.configSync.staticRoutes) rbm.push({ key: 'autoSyncStaticRoutes' });
  rbm.push(pair.configSync.auto ? { key: 'autoSync' } : { key: 'autoSync', negate: true });
  channel.add('rbm', { key: 'rbmEnter' }, rbm);

  // ---- local: interface descriptions, VRRP bindings and floating IPs, per interface.
  for (const itf of dev.interfaces) {
    // The CLI drops leading/trailing blanks and refuses an empty text, so the line carries the trimmed text or nothing.
    const text = itf.description?.trim();
    if (text) local.iface(itf.name, [{ key: 'description', values: { text } }]);
  }
  // An IPv6 group's link-local address is typed first (the device wants it before any other of
  // comware-cli.md); the rule vrrp.ipv6-link-local-first asks the file to list it first too.
  const linkLocalFirst = [...pair.vrrp].sort((x, y) => Number(isLinkLocalV6(y.virtualIp)) - Number(isLinkLocalV6(x.virtualIp)));
  for (const g of linkLocalFirst) {
    const group = vrrpBinding(pair, k, g.group);
    const key = !g.virtualIp.includes(':') ? 'vrrpBind' : isLinkLocalV6(g.virtualIp) ? 'vrrpBindIpv6LinkLocal' : 'vrrpBindIpv6';
    local.iface(g.interface, [{ key, values: { vrid: g.vrid, ip: canonical(g.virtualIp), group } }]);
  }
  for (const f of pair.floatingIps) {
    const c = parseCidr(f.address);
    if (!c) continue;
    local.iface(f.interface, [c.family === 'ipv4' ? { key: 'floatingIp', values: { ip: c.ip, mask: prefixToMask(c.prefix) } } : { key: 'floatingIpv6', values: { ip: c.ip, prefix: c.prefix } }]);
  }
  for (const t of pair.track) if (t.interface !== undefined) local.add(`track:${t.id}`, { key: 'trackInterface', values: { id: t.id, interface: ifn(t.interface) } }, []);

  const opts: Cmd[] = pair.track.map((t) => ({ key: 'rbmTrack', values: { id: t.id } }));
  for (const i of pair.monitor.interfaces ?? []) opts.push({ key: 'monitorInterface', values: { interface: ifn(i) } });
  for (const v of pair.monitor.vlans ?? []) opts.push({ key: 'monitorVlan', values: { vlan: v } });
  for (const p of PROTOCOLS) {
    const c = pair.routing[p];
    if (c) opts.push({ key: 'adjustCost', values: 'absolute' in c ? { protocol: p, kind: 'absolute', cost: c.absolute } : { protocol: p, kind: 'increment', cost: c.increment } });
  }
  const b = pair.backup;
  opts.push(b.sessions ? { key: 'hotBackup' } : { key: 'hotBackup', negate: true });
  if (b.http) opts.push({ key: 'backupHttp' });
  if (b.dns) opts.push({ key: 'backupDns' });
  if (b.aftPortBlocks) opts.push({ key: 'backupAftPortBlock' });
  if (b.lastHops) opts.push({ key: 'backupLastHop' });
  if (pair.consistencyCheck.enabled) opts.push({ key: 'syncCheckEnable' }, scheduleCmd(pair.consistencyCheck.schedule));
  else opts.push({ key: 'syncCheckEnable', negate: true });
  if (pair.fallback.enabled) opts.push({ key: 'switchback' }, { key: 'delayTime', values: { seconds: pair.fallback.delaySeconds } });
  local.add('rbm', { key: 'rbmEnter' }, opts);

  if (pair.loghost) local.add('', undefined, [{ key: 'loghost', values: { ip: canonical(pair.loghost.address), port: pair.loghost.port } }]);
  return [...channel.list(), ...sync.list(), ...local.list()];
}
