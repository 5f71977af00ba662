import { comware7 } from '../../../core/platforms/comware7';
import { defaultRbm } from '../../device/model';
import type { RbmConfig, ActionOutcome, RbmRuntime } from '../../device/seam';
import { fail, type CommandSpec, type Ctx, type Outcome } from '../types';
import type { Args } from '../grammar';

/**
 * RBM view (`remote-backup group`): every RBM command of the platform pack and its undo form, plus
 * the manual operations. Ranges come from the pack's limits so the lab and the tool's validator
 * refuse the same values. Restrictions from hot-backup-help.txt ("Mirroring mode restrictions",
 * "Device role") are enforced with free-text refusals.
 */
const L = comware7.limits;
const range = (r: readonly [number, number]) => `${r[0]}-${r[1]}`;
const D = defaultRbm();

type Setter = (r: RbmConfig, a: Args, ctx: Ctx) => Outcome | void;

/** A configuration command of RBM view: syntax, and how it changes the RBM section. */
const set = (syntax: string, apply: Setter): CommandSpec => ({
  syntax,
  views: ['rbm'],
  config: true,
  run: (ctx, a) => {
    const r = ctx.cfg.rbm;
    if (!r) return fail('Error: The remote backup group does not exist.');
    return apply(r, a, ctx) ?? undefined;
  },
});

const hasVrrpOrVirtualIp = (ctx: Ctx) => ctx.cfg.interfaces.some((i) => i.vrrp.length || i.vrrp6.length || i.floatingIps.length || i.floatingIpv6.length);
const ADJUST = 'adjust-cost {protocol=ospf|isis|bgp|ospfv3} enable';

const CONFIG: CommandSpec[] = [
  set('device-role {role=primary|secondary}', (r, a) => {
    if (r.mode === 'mirroring') return fail('Error: Manual device roles are not supported in mirroring mode. Use device-role auto.');
    r.role = a.role as 'primary' | 'secondary';
  }),
  set('device-role auto', (r) => {
    if (r.mode === 'dual-active') return fail('Error: Automatic device role assignment is not supported in dual-active mode.');
    r.role = 'auto';
  }),
  set('undo device-role', (r) => void delete r.role),
  set('backup-mode {mode=dual-active|mirroring}', (r, a, ctx) => {
    if (a.mode === 'mirroring') {
      if (!r.localIp || !r.remoteIp || r.role === undefined) return fail('Error: Configure the control channel and the device role before enabling mirroring mode.');
      if (r.role !== 'auto') return fail('Error: Mirroring mode requires device-role auto.');
      if (hasVrrpOrVirtualIp(ctx)) return fail('Error: Mirroring mode cannot be enabled while VRRP or virtual IP addresses are configured.');
    }
    if (a.mode === 'dual-active' && r.role === 'auto') return fail('Error: Dual-active mode does not support automatic device role assignment.');
    r.mode = a.mode as RbmConfig['mode'];
  }),
  set('undo backup-mode', (r) => void (r.mode = 'active-standby')),
  set('local-ip <ip:ipv4>', (r, a) => {
    if (a.ip === r.remoteIp) return fail('Error: The local IP address cannot be the same as the remote IP address.');
    r.localIp = a.ip;
  }),
  set('undo local-ip', (r) => void delete r.localIp),
  set('local-ipv6 <ip:ipv6>', (r, a) => void (r.localIp = a.ip)),
  set('undo local-ipv6', (r) => void delete r.localIp),
  ...(['remote-ip <ip:ipv4>', 'remote-ipv6 <ip:ipv6>'] as const).flatMap((base) => [
    set(`${base} port <port:int:${range(L.controlPort)}>`, (r, a) => remoteIp(r, a.ip as string, Number(a.port))),
    set(base, (r, a) => remoteIp(r, a.ip as string, D.port)),
  ]),
  set('undo remote-ip', (r) => void (delete r.remoteIp, (r.port = D.port))),
  set('undo remote-ipv6', (r) => void (delete r.remoteIp, (r.port = D.port))),
  set(`keepalive interval <seconds:int:${range(L.keepaliveInterval)}>`, (r, a) => void (r.keepaliveInterval = Number(a.seconds))),
  set('undo keepalive interval', (r) => void (r.keepaliveInterval = D.keepaliveInterval)),
  set(`keepalive count <count:int:${range(L.keepaliveCount)}>`, (r, a) => void (r.keepaliveCount = Number(a.count))),
  set('undo keepalive count', (r) => void (r.keepaliveCount = D.keepaliveCount)),
  set('data-channel interface <interface:interface>', (r, a, ctx) => {
    if (!ctx.cfg.interfaces.some((i) => i.name === a.interface)) return fail(`Error: Interface ${a.interface} does not exist.`);
    r.dataChannelInterface = a.interface;
  }),
  set('undo data-channel interface', (r) => void delete r.dataChannelInterface),
  set('data-channel transport-mode layer3', (r) => void (r.dataChannelLayer3 = true)),
  set('undo data-channel transport-mode', (r) => void (r.dataChannelLayer3 = false)),
  set('management-interface <interface:interface>', (r, a) => {
    if (r.mode !== 'mirroring') return fail('Error: The management interface can be configured only in mirroring mode.');
    r.managementInterface = a.interface;
  }),
  set('undo management-interface', (r) => void delete r.managementInterface),
  ...flag('hot-backup enable', 'hotBackup'),
  ...flag('hot-backup http enable', 'backupHttp'),
  ...flag('hot-backup dns enable', 'backupDns'),
  ...flag('hot-backup aft-port-block enable', 'backupAftPortBlock'),
  ...flag('hot-backup last-hop enable', 'backupLastHop'),
  ...flag('configuration auto-sync enable', 'autoSync'),
  ...flag('configuration auto-sync enable route-static', 'autoSyncStaticRoutes'),
  ...flag('switchback enable', 'switchback'),
  set('configuration sync-check enable', (r) => void (r.syncCheck.enabled = true)),
  set('undo configuration sync-check enable', (r) => void (r.syncCheck.enabled = false)),
  set(`configuration sync-check interval <hours:int:${range(L.consistencyIntervalHours)}>`, (r, a) => void (r.syncCheck.schedule = { intervalHours: Number(a.hours) })),
  set('configuration sync-check daily <time:hhmm>', (r, a) => void (r.syncCheck.schedule = { daily: a.time as string })),
  set('configuration sync-check weekly <day:weekday> <time:hhmm>', (r, a) => void (r.syncCheck.schedule = { weekly: { day: a.day as string, at: a.time as string } })),
  ...(['interval', 'daily', 'weekly'] as const).map((kind) =>
    set(`undo configuration sync-check ${kind}`, (r) => {
      const s = r.syncCheck.schedule;
      const key = kind === 'interval' ? 'intervalHours' : kind;
      if (s && key in s) delete r.syncCheck.schedule;
    }),
  ),
  set(`delay-time <seconds:int:${range(L.fallbackDelaySeconds)}>`, (r, a) => void (r.delaySeconds = Number(a.seconds))),
  set('undo delay-time', (r) => void (r.delaySeconds = D.delaySeconds)),
  set('track <id:int:1-1024>', (r, a) => {
    const id = Number(a.id);
    if (!r.tracks.includes(id)) r.tracks.push(id);
  }),
  set('undo track <id:int:1-1024>', (r, a) => void (r.tracks = r.tracks.filter((t) => t !== Number(a.id)))),
  set('track interface <interface:interface>', (r, a, ctx) => {
    if (r.monitorVlans.length) return fail('Error: Interface monitoring cannot be configured together with VLAN monitoring.');
    const target = ctx.cfg.interfaces.find((i) => i.name === a.interface);
    if (!target) return fail(`Error: Interface ${a.interface} does not exist.`);
    // hot-backup-help.txt: "You cannot configure the hot backup system to monitor aggregation member ports."
    if (target.aggregateGroup !== undefined) return fail('Error: Aggregation member ports cannot be monitored.');
    if (!r.monitorInterfaces.includes(a.interface as string)) r.monitorInterfaces.push(a.interface as string);
  }),
  set('undo track interface <interface:interface>', (r, a) => void (r.monitorInterfaces = r.monitorInterfaces.filter((i) => i !== a.interface))),
  set('track vlan <vlan:int:2-4094>', (r, a) => {
    if (r.monitorInterfaces.length) return fail('Error: VLAN monitoring cannot be configured together with interface monitoring.');
    if (!r.monitorVlans.includes(Number(a.vlan))) r.monitorVlans.push(Number(a.vlan));
  }),
  set('undo track vlan <vlan:int:2-4094>', (r, a) => void (r.monitorVlans = r.monitorVlans.filter((v) => v !== Number(a.vlan)))),
  // adjust-cost: syntax verbatim from the command reference; the cost is optional (65500 / 100).
  set(`${ADJUST} {kind=absolute|increment} <cost:int:1-65535>`, (r, a) => adjust(r, a, Number(a.cost))),
  set(`${ADJUST} {kind=absolute|increment}`, (r, a) => adjust(r, a, a.kind === 'absolute' ? 65500 : 100)),
  set('undo adjust-cost {protocol=ospf|isis|bgp|ospfv3} enable', (r, a) => void delete r.adjustCost[a.protocol as 'ospf']),
];

function flag(syntax: string, key: 'hotBackup' | 'backupHttp' | 'backupDns' | 'backupAftPortBlock' | 'backupLastHop' | 'autoSync' | 'autoSyncStaticRoutes' | 'switchback'): CommandSpec[] {
  return [set(syntax, (r) => void (r[key] = true)), set(`undo ${syntax}`, (r) => void (r[key] = false))];
}

function remoteIp(r: RbmConfig, ip: string, port: number): Outcome | void {
  if (ip === r.localIp) return fail('Error: The remote IP address cannot be the same as the local IP address.');
  r.remoteIp = ip;
  r.port = port;
}

function adjust(r: RbmConfig, a: Args, cost: number): void {
  r.adjustCost[a.protocol as 'ospf'] = { kind: a.kind as 'absolute' | 'increment', cost };
}

/** Manual operations: call the runtime and print its outcome (silent on success without text). */
export function op(call: (rt: RbmRuntime) => ActionOutcome): CommandSpec['run'] {
  return (ctx) => {
    const rt = ctx.device.runtime;
    if (!ctx.cfg.rbm || !rt) return fail('Error: The remote backup group is not running.');
    const o = call(rt);
    return o.ok ? (o.message ? [o.message] : []) : fail(o.message);
  };
}

const OPS: CommandSpec[] = [
  { syntax: 'configuration manual-sync-check', views: ['rbm'], run: op((rt) => rt.manualSyncCheck()) },
  { syntax: 'configuration manual-sync', views: ['rbm'], run: op((rt) => rt.manualSync()) },
  { syntax: 'switchover request', views: ['rbm'], run: op((rt) => rt.switchover()) },
  { syntax: 'switchover peer-active', views: ['rbm'], run: op((rt) => rt.peerActive()) },
  { syntax: 'switchover peer-standby', views: ['rbm'], run: op((rt) => rt.peerStandby()) },
  { syntax: 'reset remote-backup-group election', views: ['user'], run: op((rt) => rt.resetElection()) },
];

export const RBM_COMMANDS: CommandSpec[] = [...CONFIG, ...OPS];
