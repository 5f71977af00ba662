import { defaultRbm, maskToPrefix } from '../../device/model';
import { fail, type Behaviour, type CommandSpec, type PackBindings } from '../types';

/**
 * System-view commands: sysname, entering sub-views (interface, track, local user, RBM), loghosts,
 * static routes, SSH server and commit-confirmed. Creating views that hold configuration
 * (track, local-user, remote-backup group) is itself a configuration change. The commands the
 * platform pack has are bound by command id; their syntax comes from the pack.
 */
const sys = (syntax: string, run: CommandSpec['run'], config = true): CommandSpec => ({ syntax, views: ['system'], run, config });
const does = (run: CommandSpec['run'], config = true): Behaviour => ({ run, config });

function networkOf(ip: string, prefix: number): string {
  const n = ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const net = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.');
}

export const SYSTEM_BINDINGS: PackBindings = {
  sysname: {
    run: does((ctx, a) => {
      if (!/^[^\s<>[\]?]{1,64}$/.test(a.name as string)) return fail('Error: Invalid device name.');
      ctx.cfg.sysname = a.name as string;
    }),
    undo: does((ctx) => void (ctx.cfg.sysname = 'H3C')),
  },
  // Entering a logical interface (LoopBack, Route-Aggregation, Vlan-interface) creates it.
  interface: {
    run: does((ctx, a) => {
      const r = ctx.device.createInterface(a.interface as string);
      if (!r) return fail(`Error: Interface ${a.interface} does not exist.`);
      if (r === 'created') ctx.changed([`interface ${a.interface}`]);
      ctx.enter({ kind: 'interface', id: a.interface as string });
    }, false),
  },
  trackInterface: {
    run: does((ctx, a) => {
      const id = Number(a.id);
      if (!ctx.cfg.interfaces.some((i) => i.name === a.interface)) return fail(`Error: Interface ${a.interface} does not exist.`);
      const existing = ctx.cfg.tracks.find((t) => t.id === id);
      if (existing && existing.interface !== a.interface) return fail(`Error: Track entry ${id} already exists with a different tracked object.`);
      if (!existing) ctx.cfg.tracks.push({ id, interface: a.interface as string });
      ctx.cfg.tracks.sort((x, y) => x.id - y.id);
      ctx.enter({ kind: 'track', id: String(id) });
    }),
    undo: does((ctx, a) => void (ctx.cfg.tracks = ctx.cfg.tracks.filter((t) => t.id !== Number(a.id)))),
  },
  // Without `port`, the loghost gets the syslog port.
  loghost: {
    run: does((ctx, a) => loghost(ctx.cfg.loghosts, a.ip as string, a.port === undefined ? 514 : Number(a.port))),
    undo: does((ctx, a) => void (ctx.cfg.loghosts = ctx.cfg.loghosts.filter((h) => h.ip !== a.ip))),
  },
  rbmEnter: {
    run: does((ctx) => {
      ctx.cfg.rbm ??= defaultRbm();
      ctx.enter({ kind: 'rbm' });
    }),
    undo: does((ctx) => void delete ctx.cfg.rbm),
  },
};

/** Commit-confirmed (pack.commitDelay): a rollback point now, reverted unless confirmed in time. */
export const COMMIT_DELAY_BINDINGS = {
  start: does((ctx, a) => void ctx.device.startCommitDelay(Number(a.minutes)), false),
  confirm: does((ctx) => {
    if (!ctx.device.confirmCommit()) return fail('Error: No configuration commit delay is in progress.');
  }, false),
};

export const SYSTEM_COMMANDS: CommandSpec[] = [
  sys('undo interface <interface:interface>', (ctx, a) => {
    if (!ctx.device.removeInterface(a.interface as string)) return fail('Error: Physical interfaces cannot be removed.');
  }),
  sys('ip route-static <dest:ipv4> <mask:mask> <nexthop:ipv4>', (ctx, a) => {
    const prefix = maskToPrefix(a.mask as string) as number;
    const dest = networkOf(a.dest as string, prefix);
    if (!ctx.cfg.routes.some((r) => r.dest === dest && r.prefix === prefix && r.nextHop === a.nexthop)) ctx.cfg.routes.push({ dest, prefix, nextHop: a.nexthop as string });
  }),
  sys('undo ip route-static <dest:ipv4> <mask:mask> <nexthop:ipv4>', (ctx, a) => {
    const prefix = maskToPrefix(a.mask as string) as number;
    const dest = networkOf(a.dest as string, prefix);
    ctx.cfg.routes = ctx.cfg.routes.filter((r) => !(r.dest === dest && r.prefix === prefix && r.nextHop === a.nexthop));
  }),
  sys('undo ip route-static <dest:ipv4> <mask:mask>', (ctx, a) => {
    const prefix = maskToPrefix(a.mask as string) as number;
    const dest = networkOf(a.dest as string, prefix);
    ctx.cfg.routes = ctx.cfg.routes.filter((r) => !(r.dest === dest && r.prefix === prefix));
  }),
  sys('ssh server enable', (ctx) => void (ctx.cfg.sshServer = true)),
  sys('undo ssh server enable', (ctx) => void (ctx.cfg.sshServer = false)),
  sys('local-user <name:word> class manage', (ctx, a) => {
    const name = a.name as string;
    if (!/^[^\s\\/:*?"<>|@]{1,55}$/.test(name)) return fail('Error: Invalid user name.');
    if (!ctx.cfg.users.some((u) => u.name === name)) ctx.cfg.users.push({ name, serviceTypes: [], roles: [] });
    ctx.enter({ kind: 'luser', id: name });
  }),
  sys('undo local-user <name:word> class manage', (ctx, a) => {
    if (!ctx.cfg.users.some((u) => u.name === a.name)) return fail(`Error: The local user ${a.name} does not exist.`);
    ctx.cfg.users = ctx.cfg.users.filter((u) => u.name !== a.name);
  }),
];

function loghost(list: { ip: string; port: number }[], ip: string, port: number): void {
  const h = list.find((x) => x.ip === ip);
  if (h) h.port = port;
  else list.push({ ip, port });
}

/** Local user view (`local-user NAME class manage`). */
const luser = (syntax: string, run: CommandSpec['run']): CommandSpec => ({ syntax, views: ['luser'], run, config: true });
const userOf = (ctx: Parameters<CommandSpec['run']>[0]) => ctx.cfg.users.find((u) => u.name === ctx.view.id);
const SERVICES = 'ssh|terminal|telnet|http|https';

export const LUSER_COMMANDS: CommandSpec[] = [
  {
    ...luser('password simple <password:word>', (ctx, a) => {
      const u = userOf(ctx);
      if (u) u.passwordHash = ctx.device.hashPassword(a.password as string);
    }),
    event: (ctx) => `password hash ${userOf(ctx)?.passwordHash ?? ''}`,
  },
  luser('password hash <hash:word>', (ctx, a) => {
    const u = userOf(ctx);
    if (!/^\$h\$6\$[^$]+\$[^$]+$/.test(a.hash as string)) return fail('Error: Invalid password hash.');
    if (u) u.passwordHash = a.hash as string;
  }),
  luser('undo password', (ctx) => {
    const u = userOf(ctx);
    if (u) delete u.passwordHash;
  }),
  ...[`{s1=${SERVICES}}`, `{s1=${SERVICES}} {s2=${SERVICES}}`, `{s1=${SERVICES}} {s2=${SERVICES}} {s3=${SERVICES}}`].flatMap((tail) => [
    luser(`service-type ${tail}`, (ctx, a) => {
      const u = userOf(ctx);
      for (const s of [a.s1, a.s2, a.s3]) if (u && s && !u.serviceTypes.includes(s)) u.serviceTypes.push(s);
    }),
    luser(`undo service-type ${tail}`, (ctx, a) => {
      const u = userOf(ctx);
      if (u) u.serviceTypes = u.serviceTypes.filter((s) => ![a.s1, a.s2, a.s3].includes(s));
    }),
  ]),
  luser('authorization-attribute user-role <role:word>', (ctx, a) => {
    const u = userOf(ctx);
    if (u && !u.roles.includes(a.role as string)) u.roles.push(a.role as string);
  }),
  luser('undo authorization-attribute user-role <role:word>', (ctx, a) => {
    const u = userOf(ctx);
    if (u) u.roles = u.roles.filter((r) => r !== a.role);
  }),
];
