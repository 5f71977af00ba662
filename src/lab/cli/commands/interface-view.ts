import { parseCidr, sameSubnet } from '../../../core/model/ip';
import { maskToPrefix, prefixToMask as toDotted, type IfConfig } from '../../device/model';
import { fail, type CommandSpec, type Ctx, type Outcome } from '../types';
import type { Args } from '../grammar';

/** Interface view: addresses, description, shutdown, RBM-bound VRRP and RBM virtual IPs. */
type Apply = (i: IfConfig, a: Args, ctx: Ctx) => Outcome | void;

const ifc = (syntax: string, apply: Apply): CommandSpec => ({
  syntax,
  views: ['interface'],
  config: true,
  run: (ctx, a) => {
    const i = ctx.cfg.interfaces.find((x) => x.name === ctx.view.id);
    if (!i) return fail(`Error: Interface ${ctx.view.id} does not exist.`);
    return apply(i, a, ctx) ?? undefined;
  },
});

/** hot-backup-help.txt: "You cannot configure VRRP or virtual addresses on the device after enabling the mirroring mode." */
const mirroringRefusal = (ctx: Ctx) =>
  ctx.cfg.rbm?.mode === 'mirroring' ? fail('Error: VRRP and virtual IP addresses cannot be configured in mirroring mode.') : undefined;

const vrrp = (key: 'vrrp' | 'vrrp6'): Apply => (i, a, ctx) => {
  const refused = mirroringRefusal(ctx);
  if (refused) return refused;
  const vrid = Number(a.vrid);
  const group = a.group as 'active' | 'standby' | undefined;
  const list = i[key];
  const v = list.find((x) => x.vrid === vrid && x.ip === a.ip);
  if (v) {
    if (group) v.group = group;
    else delete v.group;
  } else list.push({ vrid, ip: a.ip as string, ...(group ? { group } : {}) });
  list.sort((x, y) => x.vrid - y.vrid);
};

/** `undo vrrp [ipv6] vrid N virtual-ip IP`: removing an address that is not there is an error. */
const undoVrrp = (key: 'vrrp' | 'vrrp6'): Apply => (i, a) => {
  const before = i[key].length;
  i[key] = i[key].filter((v) => !(v.vrid === Number(a.vrid) && v.ip === a.ip));
  if (i[key].length === before) return fail('Error: The virtual IP address does not exist.');
};

export const INTERFACE_COMMANDS: CommandSpec[] = [
  ifc('ip address <ip:ipv4> <mask:mask>', (i, a) => {
    const prefix = maskToPrefix(a.mask as string) as number;
    // A 32-bit mask is for loopbacks only.
    if (prefix === 0 || (prefix === 32 && !i.name.startsWith('LoopBack'))) return fail('Error: Invalid mask.');
    i.ipv4 = { ip: a.ip as string, mask: toDotted(prefix) };
  }),
  ifc('undo ip address <ip:ipv4> <mask:mask>', (i, a) => {
    if (!i.ipv4 || i.ipv4.ip !== a.ip) return fail('Error: The IP address does not exist.');
    delete i.ipv4;
  }),
  ifc('undo ip address', (i) => void delete i.ipv4),
  ifc('ipv6 address <cidr:ipv6cidr>', (i, a) => {
    if (!i.ipv6.includes(a.cidr as string)) i.ipv6.push(a.cidr as string);
  }),
  ifc('undo ipv6 address <cidr:ipv6cidr>', (i, a) => void (i.ipv6 = i.ipv6.filter((x) => x !== a.cidr))),
  ifc('ipv6 address <ip:ipv6> link-local', (i, a) => {
    if (!a.ip?.toLowerCase().startsWith('fe80')) return fail('Error: The address is not a link-local address.');
    i.ipv6LinkLocal = [a.ip];
  }),
  ifc('undo ipv6 address <ip:ipv6> link-local', (i, a) => void (i.ipv6LinkLocal = i.ipv6LinkLocal.filter((x) => x !== a.ip))),
  ifc('description <text:text>', (i, a) => {
    if ((a.text as string).length > 255) return fail('Error: The description is too long.');
    i.description = a.text as string;
  }),
  ifc('undo description', (i) => void delete i.description),
  ifc('port link-aggregation group <group:int:1-1024>', (i, a, ctx) => {
    if (!/^(GigabitEthernet|Ten-GigabitEthernet)/.test(i.name)) return fail('Error: Only physical ports can join an aggregation group.');
    if (!ctx.cfg.interfaces.some((x) => x.name === `Route-Aggregation${a.group}`)) return fail(`Error: The aggregate interface Route-Aggregation${a.group} does not exist.`);
    i.aggregateGroup = Number(a.group);
  }),
  ifc('undo port link-aggregation group', (i) => void delete i.aggregateGroup),
  ifc('shutdown', (i) => void (i.shutdown = true)),
  ifc('undo shutdown', (i) => void (i.shutdown = false)),
  ifc('vrrp vrid <vrid:int:1-255> virtual-ip <ip:ipv4> {group=active|standby}', vrrp('vrrp')),
  ifc('vrrp vrid <vrid:int:1-255> virtual-ip <ip:ipv4>', vrrp('vrrp')),
  ifc('undo vrrp vrid <vrid:int:1-255> virtual-ip <ip:ipv4>', undoVrrp('vrrp')),
  ifc('undo vrrp vrid <vrid:int:1-255>', (i, a) => void (i.vrrp = i.vrrp.filter((v) => v.vrid !== Number(a.vrid)))),
  ifc('vrrp ipv6 vrid <vrid:int:1-255> virtual-ip <ip:ipv6> {group=active|standby}', vrrp('vrrp6')),
  ifc('vrrp ipv6 vrid <vrid:int:1-255> virtual-ip <ip:ipv6>', vrrp('vrrp6')),
  ifc('undo vrrp ipv6 vrid <vrid:int:1-255> virtual-ip <ip:ipv6>', undoVrrp('vrrp6')),
  ifc('undo vrrp ipv6 vrid <vrid:int:1-255>', (i, a) => void (i.vrrp6 = i.vrrp6.filter((v) => v.vrid !== Number(a.vrid)))),
  ifc('remote-backup virtual-ip <ip:ipv4> <mask:mask>', (i, a, ctx) => {
    const refused = mirroringRefusal(ctx);
    if (refused) return refused;
    const mask = toDotted(maskToPrefix(a.mask as string) as number);
    if (!i.floatingIps.some((f) => f.ip === a.ip)) i.floatingIps.push({ ip: a.ip as string, mask });
  }),
  ifc('undo remote-backup virtual-ip <ip:ipv4> <mask:mask>', (i, a) => void (i.floatingIps = i.floatingIps.filter((f) => f.ip !== a.ip))),
  ifc('remote-backup virtual-ipv6 <ip:ipv6> <prefix:int:1-128>', (i, a, ctx) => {
    const refused = mirroringRefusal(ctx);
    if (refused) return refused;
    if (!i.floatingIpv6.some((f) => f.ip === a.ip)) i.floatingIpv6.push({ ip: a.ip as string, prefix: Number(a.prefix) });
  }),
  ifc('undo remote-backup virtual-ipv6 <ip:ipv6> <prefix:int:1-128>', (i, a) => void (i.floatingIpv6 = i.floatingIpv6.filter((f) => f.ip !== a.ip))),
];

/** Whether a VRRP virtual IP is a legal host in the interface subnet (else the group stays Initialize, §2.1). */
export function vipUsable(i: IfConfig, vip: string): boolean {
  if (!i.ipv4) return false;
  const c = parseCidr(`${i.ipv4.ip}/${maskToPrefix(i.ipv4.mask)}`);
  return !!c && sameSubnet(c, vip) && vip !== i.ipv4.ip;
}
