import type { LabDevice } from '../../device/device';
import { shortName } from '../../device/interfaces';
import type { IfConfig } from '../../device/model';
import { isLinkLocal, vipUsable } from '../commands/interface-view';
import type { CommandSpec } from '../types';

/** Interfaces, VRRP, track and session displays (the vendor CLI notes). */
function interfaceBrief(d: LabDevice): string[] {
  const row = (name: string, link: string, proto: string, ip: string, desc = '') =>
    `${name.padEnd(21)}${link.padEnd(5)}${proto.padEnd(9)}${ip.padEnd(18)}${desc.slice(0, 27)}`.trimEnd();
  const out = [
    'Brief information on interfaces in route mode:',
    'Link: ADM - administratively down; Stby - standby',
    'Protocol: (s) - spoofing',
    'Interface            Link Protocol Primary IP        Description',
  ];
  for (const i of d.running.interfaces) {
    const link = i.shutdown ? 'ADM' : d.interfaceUp(i.name) ? 'UP' : 'DOWN';
    out.push(row(shortName(i.name), link, link === 'UP' ? 'UP' : 'DOWN', i.ipv4?.ip ?? '--', i.description));
  }
  out.push(row('InLoop0', 'UP', 'UP(s)', '--'), row('NULL0', 'UP', 'UP(s)', '--'));
  return out;
}

type VrrpState = 'Master' | 'Backup' | 'Initialize';

/** RBM decides mastership of bound groups; an unbound group is master alone on its link. */
function vrrpState(d: LabDevice, i: IfConfig, v: IfConfig['vrrp'][number], f: Family): VrrpState {
  // An IPv6 group needs a link-local virtual address or a global address on the interface.
  const usable = f === 'ipv4' ? vipUsable(i, v.ip) : v.ip.toLowerCase().startsWith('fe80') || i.ipv6.length > 0;
  if (!d.interfaceUp(i.name) || !usable) return 'Initialize';
  if (!v.group) return 'Master';
  return d.runtime ? d.runtime.vrrpState(v.group) : 'Initialize';
}

type Family = 'ipv4' | 'ipv6';

/**
 * One entry per group: the configuration holds one entry per virtual address, the device prints
 * a group once with its addresses (an IPv6 group's link-local first). The first entry's binding
 * stands for the group's.
 */
function vrrpGroups(d: LabDevice, f: Family) {
  return d.running.interfaces.flatMap((i) => {
    const entries = f === 'ipv4' ? i.vrrp : i.vrrp6;
    const vrids = [...new Set(entries.map((v) => v.vrid))];
    return vrids.map((vrid) => {
      const all = entries.filter((v) => v.vrid === vrid);
      const ips = f === 'ipv6' ? [...all.filter((v) => isLinkLocal(v.ip)), ...all.filter((v) => !isLinkLocal(v.ip))].map((v) => v.ip) : all.map((v) => v.ip);
      const v = all.find((x) => x.ip === ips[0]) ?? (all[0] as IfConfig['vrrp'][number]);
      return { i, v, ips, state: vrrpState(d, i, v, f) };
    });
  });
}

/** Further virtual addresses print alone, under the first one's value column. */
const moreIps = (ips: string[], column: number) => ips.slice(1).map((ip) => `${' '.repeat(column)}${ip}`);

const vrrpHeader = (n: number, f: Family) => [`${f === 'ipv4' ? 'IPv4' : 'IPv6'} Virtual Router Information:`, ' Running Mode      : Standard', ` Total number of virtual routers : ${n}`];

function vrrpBrief(d: LabDevice, f: Family): string[] {
  const groups = vrrpGroups(d, f);
  return [
    ...vrrpHeader(groups.length, f),
    ' Interface          VRID  State        Running Adver   Auth     Virtual',
    '                                       Pri     Timer   Type        IP',
    ' ---------------------------------------------------------------------',
    ...groups.flatMap(({ i, v, ips, state }) => [
      ` ${shortName(i.name).padEnd(19)}${String(v.vrid).padEnd(6)}${state.padEnd(13)}${'100'.padEnd(8)}${'100'.padEnd(8)}${'None'.padEnd(9)}${ips[0]}`,
      ...moreIps(ips, 64),
    ]),
  ];
}

function vrrpVerbose(d: LabDevice, f: Family): string[] {
  const pair = (k1: string, v1: string, k2?: string, v2?: string) =>
    k2 === undefined ? `     ${k1.padEnd(17)}: ${v1}` : `     ${k1.padEnd(17)}: ${v1.padEnd(16)}${k2.padEnd(13)}: ${v2}`;
  const groups = vrrpGroups(d, f);
  const out = vrrpHeader(groups.length, f);
  for (const { i, v, ips, state } of groups) {
    out.push(
      `   Interface ${i.name}`,
      pair('VRID', String(v.vrid), 'Adver Timer', '100'),
      pair('Admin Status', 'Up', 'State', state),
      pair('Config Pri', '100', 'Running Pri', '100'),
      pair('Preempt Mode', 'Yes', 'Delay Time', '0'),
      pair('Auth Type', 'None'),
      // VRRPv3 is the only IPv6 version, so the IPv6 form is taken to print no Version line (unverified).
      ...(f === 'ipv4' ? [pair('Version', '2')] : []),
      pair('Virtual IP', ips[0] ?? v.ip),
      ...moreIps(ips, 24),
      pair('Virtual MAC', `0000-5e00-0${f === 'ipv4' ? 1 : 2}${v.vrid.toString(16).padStart(2, '0')}`),
    );
    const own = f === 'ipv4' ? i.ipv4?.ip : (i.ipv6LinkLocal[0] ?? i.ipv6[0]?.split('/')[0]);
    if (state === 'Master' && own) out.push(pair('Master IP', own));
    // How RBM-bound groups are marked is unverified (vendor CLI notes); the lab names the bound group kind.
    if (v.group) out.push(pair('RBM Group', v.group === 'active' ? 'Active' : 'Standby'));
  }
  return out;
}

function trackAll(d: LabDevice, only?: number): string[] {
  const ids = [...new Set(d.running.tracks.map((t) => t.id))].filter((id) => only === undefined || id === only);
  const out: string[] = [];
  for (const id of ids) {
    const t = d.running.tracks.find((x) => x.id === id);
    out.push(
      `Track ID: ${id}`,
      `  State: ${d.trackState(id)}`,
      '  Notification delay: Positive 0, Negative 0 (in seconds)',
      '  Tracked object:',
      `    Interface status: ${t?.interface ?? '--'}`,
    );
  }
  return out;
}

function sessionStatistics(d: LabDevice): string[] {
  const s = d.runtime?.sessions() ?? { total: 0, createdLocally: 0, receivedFromPeer: 0, sentToPeer: 0 };
  return [
    'Slot 1:',
    `Current sessions: ${s.total}`,
    `          TCP sessions:        ${String(s.total).padStart(10)}`,
    `          UDP sessions:        ${'0'.padStart(10)}`,
    `         ICMP sessions:        ${'0'.padStart(10)}`,
    `Sessions created locally:      ${String(s.createdLocally).padStart(10)}`,
    `Sessions received from peer:   ${String(s.receivedFromPeer).padStart(10)}`,
    `Sessions sent to peer:         ${String(s.sentToPeer).padStart(10)}`,
  ];
}

export const NETWORK_DISPLAYS: CommandSpec[] = [
  { syntax: 'display interface brief', views: 'any', run: (ctx) => interfaceBrief(ctx.device) },
  { syntax: 'display vrrp', views: 'any', run: (ctx) => vrrpBrief(ctx.device, 'ipv4') },
  { syntax: 'display vrrp verbose', views: 'any', run: (ctx) => vrrpVerbose(ctx.device, 'ipv4') },
  { syntax: 'display vrrp ipv6', views: 'any', run: (ctx) => vrrpBrief(ctx.device, 'ipv6') },
  { syntax: 'display vrrp ipv6 verbose', views: 'any', run: (ctx) => vrrpVerbose(ctx.device, 'ipv6') },
  { syntax: 'display track all', views: 'any', run: (ctx) => trackAll(ctx.device) },
  {
    syntax: 'display track <id:int:1-1024>',
    views: 'any',
    run: (ctx, a) => (ctx.device.running.tracks.some((t) => t.id === Number(a.id)) ? trackAll(ctx.device, Number(a.id)) : [`The track entry ${a.id} does not exist.`]),
  },
  { syntax: 'display session statistics', views: 'any', run: (ctx) => sessionStatistics(ctx.device) },
];
