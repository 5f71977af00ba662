import { parseCidr, sameSubnet } from '../../../core/model/ip';
import { maskToPrefix, prefixToMask as toDotted, type IfConfig } from '../../device/model';
import { fail, type Behaviour, type CommandSpec, type Ctx, type Outcome, type PackBindings } from '../types';
import type { Args } from '../grammar';

/**
 * Interface view: addresses, description, shutdown, RBM-bound VRRP and RBM virtual IPs. The
 * commands the platform pack has are bound by command id (their syntax comes from the pack);
 * the others are written here.
 */
type Apply = (i: IfConfig, a: Args, ctx: Ctx) => Outcome | void;

const on = (apply: Apply): Behaviour => ({
  config: true,
  run: (ctx, a) => {
    const i = ctx.cfg.interfaces.find((x) => x.name === ctx.view.id);
    if (!i) return fail(`Error: Interface ${ctx.view.id} does not exist.`);
    return apply(i, a, ctx) ?? undefined;
  },
});
const ifc = (syntax: string, apply: Apply): CommandSpec => ({ syntax, views: ['interface'], ...on(apply) });

/** hot-backup-help.txt: "You cannot configure VRRP or virtual addresses on the device after enabling the mirroring mode." */
const mirroringRefusal = (ctx: Ctx) =>
  ctx.cfg.rbm?.mode === 'mirroring' ? fail('Error: VRRP and virtual IP addresses cannot be configured in mirroring mode.') : undefined;

export const isLinkLocal = (ip: string) => /^fe[89ab]/i.test(ip);

const vrrp = (key: 'vrrp' | 'vrrp6', linkLocal = false): Apply => (i, a, ctx) => {
  const refused = mirroringRefusal(ctx);
  if (refused) return refused;
  const vrid = Number(a.vrid);
  const group = a.group as 'active' | 'standby' | undefined;
  const list = i[key];
  const v = list.find((x) => x.vrid === vrid && x.ip === a.ip);
  // VRRP configuration guide (the vendor CLI notes): an IPv6 group's first virtual address is link-local.
  if (linkLocal && !isLinkLocal(a.ip as string)) return fail('Error: The specified address is not a link-local address.');
  if (key === 'vrrp6' && !v && !list.some((x) => x.vrid === vrid) && !isLinkLocal(a.ip as string))
    return fail('Error: The first virtual IPv6 address of a VRRP group must be a link-local address.');
  if (v) {
    if (group) v.group = group;
    else delete v.group;
    if (linkLocal) v.linkLocal = true;
  } else list.push({ vrid, ip: a.ip as string, ...(linkLocal ? { linkLocal } : {}), ...(group ? { group } : {}) });
  list.sort((x, y) => x.vrid - y.vrid);
};

/** `undo vrrp [ipv6] vrid N virtual-ip IP`: removing an address that is not there is an error; an IPv6 link-local one goes last. */
const undoVrrp = (key: 'vrrp' | 'vrrp6'): Apply => (i, a) => {
  const vrid = Number(a.vrid);
  if (key === 'vrrp6' && isLinkLocal(a.ip as string) && i[key].some((v) => v.vrid === vrid && v.ip !== a.ip && !isLinkLocal(v.ip)))
    return fail('Error: Remove the other virtual IPv6 addresses of the VRRP group before its link-local address.');
  const before = i[key].length;
  i[key] = i[key].filter((v) => !(v.vrid === vrid && v.ip === a.ip));
  if (i[key].length === before) return fail('Error: The virtual IP address does not exist.');
};

export const INTERFACE_BINDINGS: PackBindings = {
  ipAddress: {
    run: on((i, a) => {
      const prefix = maskToPrefix(a.mask as string) as number;
      // A 32-bit mask is for loopbacks only.
      if (prefix === 0 || (prefix === 32 && !i.name.startsWith('LoopBack'))) return fail('Error: Invalid mask.');
      i.ipv4 = { ip: a.ip as string, mask: toDotted(prefix) };
    }),
    undo: on((i, a) => {
      if (!i.ipv4 || i.ipv4.ip !== a.ip) return fail('Error: The IP address does not exist.');
      delete i.ipv4;
    }),
  },
  ipv6Address: {
    run: on((i, a) => {
      const cidr = `${a.ip}/${a.prefix}`;
      if (!i.ipv6.includes(cidr)) i.ipv6.push(cidr);
    }),
    undo: on((i, a) => void (i.ipv6 = i.ipv6.filter((x) => x !== `${a.ip}/${a.prefix}`))),
  },
  ipv6LinkLocal: {
    run: on((i, a) => {
      if (!a.ip?.toLowerCase().startsWith('fe80')) return fail('Error: The address is not a link-local address.');
      i.ipv6LinkLocal = [a.ip];
    }),
    undo: on((i, a) => void (i.ipv6LinkLocal = i.ipv6LinkLocal.filter((x) => x !== a.ip))),
  },
  description: {
    run: on((i, a) => {
      if ((a.text as string).length > 255) return fail('Error: The description is too long.');
      i.description = a.text as string;
    }),
    undo: on((i) => void delete i.description),
  },
  vrrpBind: { run: on(vrrp('vrrp')), undo: on(undoVrrp('vrrp')) },
  vrrpBindIpv6LinkLocal: { run: on(vrrp('vrrp6', true)), undo: on(undoVrrp('vrrp6')) },
  vrrpBindIpv6: { run: on(vrrp('vrrp6')), undo: on(undoVrrp('vrrp6')) },
  floatingIp: {
    run: on((i, a, ctx) => {
      const refused = mirroringRefusal(ctx);
      if (refused) return refused;
      const mask = toDotted(maskToPrefix(a.mask as string) as number);
      if (!i.floatingIps.some((f) => f.ip === a.ip)) i.floatingIps.push({ ip: a.ip as string, mask });
    }),
    undo: on((i, a) => void (i.floatingIps = i.floatingIps.filter((f) => f.ip !== a.ip))),
  },
  floatingIpv6: {
    run: on((i, a, ctx) => {
      const refused = mirroringRefusal(ctx);
      if (refused) return refused;
      if (!i.floatingIpv6.some((f) => f.ip === a.ip)) i.floatingIpv6.push({ ip: a.ip as string, prefix: Number(a.prefix) });
    }),
    undo: on((i, a) => void (i.floatingIpv6 = i.floatingIpv6.filter((f) => f.ip !== a.ip))),
  },
};

export const INTERFACE_COMMANDS: CommandSpec[] = [
  ifc('undo ip address', (i) => void delete i.ipv4),
  ifc('port link-aggregation group <group:int:1-1024>', (i, a, ctx) => {
    if (!/^(GigabitEthernet|Ten-GigabitEthernet)/.test(i.name)) return fail('Error: Only physical ports can join an aggregation group.');
    if (!ctx.cfg.interfaces.some((x) => x.name === `Route-Aggregation${a.group}`)) return fail(`Error: The aggregate interface Route-Aggregation${a.group} does not exist.`);
    i.aggregateGroup = Number(a.group);
  }),
  ifc('undo port link-aggregation group', (i) => void delete i.aggregateGroup),
  ifc('shutdown', (i) => void (i.shutdown = true)),
  ifc('undo shutdown', (i) => void (i.shutdown = false)),
  ifc('undo vrrp vrid <vrid:int:1-255>', (i, a) => void (i.vrrp = i.vrrp.filter((v) => v.vrid !== Number(a.vrid)))),
  ifc('undo vrrp ipv6 vrid <vrid:int:1-255>', (i, a) => void (i.vrrp6 = i.vrrp6.filter((v) => v.vrid !== Number(a.vrid)))),
];

/** Whether a VRRP virtual IP is a legal host in the interface subnet (else the group stays Initialize). */
export function vipUsable(i: IfConfig, vip: string): boolean {
  if (!i.ipv4) return false;
  const c = parseCidr(`${i.ipv4.ip}/${maskToPrefix(i.ipv4.mask)}`);
  return !!c && sameSubnet(c, vip) && vip !== i.ipv4.ip;
}
