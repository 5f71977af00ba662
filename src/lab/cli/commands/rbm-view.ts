import { defaultRbm } from '../../device/model';
import type { RbmConfig, ActionOutcome, RbmRuntime } from '../../device/seam';
import { fail, type Behaviour, type CommandSpec, type Ctx, type Outcome, type PackBinding, type PackBindings } from '../types';
import type { Args } from '../grammar';

/**
 * RBM view (`remote-backup group`): what every RBM command of the platform pack and its undo form
 * do, bound by command id, plus the manual operations. The syntax and the ranges come from the
 * pack (its params and limits), so the lab and the tool's validator refuse the same values.
 * Restrictions from hot-backup-help.txt ("Mirroring mode restrictions", "Device role") are
 * enforced with free-text refusals.
 */
const D = defaultRbm();

type Setter = (r: RbmConfig, a: Args, ctx: Ctx) => Outcome | void;

/** A configuration command of RBM view: how it changes the RBM section. */
const set = (apply: Setter): Behaviour => ({
  config: true,
  run: (ctx, a) => {
    const r = ctx.cfg.rbm;
    if (!r) return fail('Error: The remote backup group does not exist.');
    return apply(r, a, ctx) ?? undefined;
  },
});

const hasVrrpOrVirtualIp = (ctx: Ctx) => ctx.cfg.interfaces.some((i) => i.vrrp.length || i.vrrp6.length || i.floatingIps.length || i.floatingIpv6.length);

type Flag = 'hotBackup' | 'backupHttp' | 'backupDns' | 'backupAftPortBlock' | 'backupLastHop' | 'autoSync' | 'autoSyncStaticRoutes' | 'switchback';
const flag = (key: Flag): PackBinding => ({ run: set((r) => void (r[key] = true)), undo: set((r) => void (r[key] = false)) });

function remoteIp(r: RbmConfig, ip: string, port: number): Outcome | void {
  if (ip === r.localIp) return fail('Error: The remote IP address cannot be the same as the local IP address.');
  r.remoteIp = ip;
  r.port = port;
}

/** `remote-ip IP [ port PORT ]`: without the port, the default one. */
const remote: PackBinding = {
  run: set((r, a) => remoteIp(r, a.ip as string, a.port === undefined ? D.port : Number(a.port))),
  undo: set((r) => void (delete r.remoteIp, (r.port = D.port))),
};

/** `undo configuration sync-check interval|daily|weekly` drops the schedule only when it is of that kind. */
const undoSchedule = (kind: 'interval' | 'daily' | 'weekly'): Behaviour =>
  set((r) => {
    const s = r.syncCheck.schedule;
    const key = kind === 'interval' ? 'intervalHours' : kind;
    if (s && key in s) delete r.syncCheck.schedule;
  });

export const RBM_BINDINGS: PackBindings = {
  deviceRole: {
    run: set((r, a) => {
      if (r.mode === 'mirroring') return fail('Error: Manual device roles are not supported in mirroring mode. Use device-role auto.');
      r.role = a.role as 'primary' | 'secondary';
    }),
    undo: set((r) => void delete r.role),
  },
  deviceRoleAuto: {
    run: set((r) => {
      if (r.mode === 'dual-active') return fail('Error: Automatic device role assignment is not supported in dual-active mode.');
      r.role = 'auto';
    }),
    undo: set((r) => void delete r.role),
  },
  backupMode: {
    run: set((r, a, ctx) => {
      if (a.mode === 'mirroring') {
        if (!r.localIp || !r.remoteIp || r.role === undefined) return fail('Error: Configure the control channel and the device role before enabling mirroring mode.');
        if (r.role !== 'auto') return fail('Error: Mirroring mode requires device-role auto.');
        if (hasVrrpOrVirtualIp(ctx)) return fail('Error: Mirroring mode cannot be enabled while VRRP or virtual IP addresses are configured.');
      }
      if (a.mode === 'dual-active' && r.role === 'auto') return fail('Error: Dual-active mode does not support automatic device role assignment.');
      r.mode = a.mode as RbmConfig['mode'];
    }),
    undo: set((r) => void (r.mode = 'active-standby')),
  },
  localIp: {
    run: set((r, a) => {
      if (a.ip === r.remoteIp) return fail('Error: The local IP address cannot be the same as the remote IP address.');
      r.localIp = a.ip;
    }),
    undo: set((r) => void delete r.localIp),
  },
  localIpv6: { run: set((r, a) => void (r.localIp = a.ip)), undo: set((r) => void delete r.localIp) },
  remoteIp: remote,
  remoteIpv6: remote,
  keepaliveInterval: {
    run: set((r, a) => void (r.keepaliveInterval = Number(a.seconds))),
    undo: set((r) => void (r.keepaliveInterval = D.keepaliveInterval)),
  },
  keepaliveCount: { run: set((r, a) => void (r.keepaliveCount = Number(a.count))), undo: set((r) => void (r.keepaliveCount = D.keepaliveCount)) },
  dataChannel: {
    run: set((r, a, ctx) => {
      if (!ctx.cfg.interfaces.some((i) => i.name === a.interface)) return fail(`Error: Interface ${a.interface} does not exist.`);
      r.dataChannelInterface = a.interface;
    }),
    undo: set((r) => void delete r.dataChannelInterface),
  },
  dataChannelLayer3: { run: set((r) => void (r.dataChannelLayer3 = true)), undo: set((r) => void (r.dataChannelLayer3 = false)) },
  managementInterface: {
    run: set((r, a) => {
      if (r.mode !== 'mirroring') return fail('Error: The management interface can be configured only in mirroring mode.');
      r.managementInterface = a.interface;
    }),
    undo: set((r) => void delete r.managementInterface),
  },
  hotBackup: flag('hotBackup'),
  backupHttp: flag('backupHttp'),
  backupDns: flag('backupDns'),
  backupAftPortBlock: flag('backupAftPortBlock'),
  backupLastHop: flag('backupLastHop'),
  autoSync: flag('autoSync'),
  autoSyncStaticRoutes: flag('autoSyncStaticRoutes'),
  switchback: flag('switchback'),
  syncCheckEnable: { run: set((r) => void (r.syncCheck.enabled = true)), undo: set((r) => void (r.syncCheck.enabled = false)) },
  syncCheckInterval: { run: set((r, a) => void (r.syncCheck.schedule = { intervalHours: Number(a.hours) })), undo: undoSchedule('interval') },
  syncCheckDaily: { run: set((r, a) => void (r.syncCheck.schedule = { daily: a.time as string })), undo: undoSchedule('daily') },
  syncCheckWeekly: {
    run: set((r, a) => void (r.syncCheck.schedule = { weekly: { day: a.day as string, at: a.time as string } })),
    undo: undoSchedule('weekly'),
  },
  delayTime: { run: set((r, a) => void (r.delaySeconds = Number(a.seconds))), undo: set((r) => void (r.delaySeconds = D.delaySeconds)) },
  rbmTrack: {
    run: set((r, a) => {
      const id = Number(a.id);
      if (!r.tracks.includes(id)) r.tracks.push(id);
    }),
    undo: set((r, a) => void (r.tracks = r.tracks.filter((t) => t !== Number(a.id)))),
  },
  monitorInterface: {
    run: set((r, a, ctx) => {
      if (r.monitorVlans.length) return fail('Error: Interface monitoring cannot be configured together with VLAN monitoring.');
      const target = ctx.cfg.interfaces.find((i) => i.name === a.interface);
      if (!target) return fail(`Error: Interface ${a.interface} does not exist.`);
      // hot-backup-help.txt: "You cannot configure the hot backup system to monitor aggregation member ports."
      if (target.aggregateGroup !== undefined) return fail('Error: Aggregation member ports cannot be monitored.');
      if (!r.monitorInterfaces.includes(a.interface as string)) r.monitorInterfaces.push(a.interface as string);
    }),
    undo: set((r, a) => void (r.monitorInterfaces = r.monitorInterfaces.filter((i) => i !== a.interface))),
  },
  monitorVlan: {
    run: set((r, a) => {
      if (r.monitorInterfaces.length) return fail('Error: VLAN monitoring cannot be configured together with interface monitoring.');
      if (!r.monitorVlans.includes(Number(a.vlan))) r.monitorVlans.push(Number(a.vlan));
    }),
    undo: set((r, a) => void (r.monitorVlans = r.monitorVlans.filter((v) => v !== Number(a.vlan)))),
  },
  // adjust-cost: the cost is optional (65500 absolute, 100 increment), as in the command reference.
  adjustCost: {
    run: set((r, a) => {
      const cost = a.cost !== undefined ? Number(a.cost) : a.kind === 'absolute' ? 65500 : 100;
      r.adjustCost[a.protocol as 'ospf'] = { kind: a.kind as 'absolute' | 'increment', cost };
    }),
    undo: set((r, a) => void delete r.adjustCost[a.protocol as 'ospf']),
  },
  opCheck: { run: { run: op((rt) => rt.manualSyncCheck()) } },
  opSync: { run: { run: op((rt) => rt.manualSync()) } },
  opSwitchover: { run: { run: op((rt) => rt.switchover()) } },
  opPeerActive: { run: { run: op((rt) => rt.peerActive()) } },
  opPeerStandby: { run: { run: op((rt) => rt.peerStandby()) } },
  opReset: { run: { run: op((rt) => rt.resetElection()) } },
};

/** Manual operations: call the runtime and print its outcome (silent on success without text). */
export function op(call: (rt: RbmRuntime) => ActionOutcome): CommandSpec['run'] {
  return (ctx) => {
    const rt = ctx.device.runtime;
    if (!ctx.cfg.rbm || !rt) return fail('Error: The remote backup group is not running.');
    const o = call(rt);
    return o.ok ? (o.message ? [o.message] : []) : fail(o.message);
  };
}
