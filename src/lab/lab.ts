import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Pair } from '../core/model/pair';
import type { PlatformPack } from '../core/platforms/pack';
import type { Disposable } from '../core/base/emitter';
import { blueprintLines, BASE_INTERFACES, defaultBlueprints, manyPairBlueprints, pairBlueprints, type DeviceBlueprint } from './blueprints';
import { LabDevice, openTerminal } from './device';
import { applyFault, type FaultTarget } from './lab-faults';
import { checkFaultArg, startFaultServer, type FaultKind } from './faults';
import { AuthorizedKeys } from './hosts/authorized-keys';
import { ConsoleHost } from './hosts/console-host';
import { loadOrCreateHostKey } from './hosts/host-key';
import { SshHost } from './hosts/ssh-server';
import { findFreePortPair } from './ports';
import { RbmEngine } from './rbm/engine';
import { PairNet } from './rbm/pair-net';
import { claimStateDir, defaultStateDir, removeState, writeState } from './state-dir';
import { SyslogForwarder } from './syslog';
import { describeLab, type LabDescription } from './lab-description';
import { layCable, moveCable, removeCable, type CableEnd } from './one-cable';
import { startDataPlane, type DataPlane } from './dataplane';

export const LAB_USERNAME = 'admin';
/** Stated in the lab's description; 10+ characters without the user name, so password-control accepts it. */
export const LAB_PASSWORD = 'hotpair-lab';
export const DEFAULT_SSH_PORT_BASE = 2201;
/** The lab's stand-in for the minutes a real reboot takes. */
export const DEFAULT_REBOOT_MS = 3_000;

export interface StartLabOptions {
  pair?: Pair;
  /** A many-pair lab (RBM configured and running in every pair); ignored with `pair`. */
  pairs?: number;
  baud?: number;
  /** Host keys, PTY links, the state file; default the lab's folder in the tool's state folder (defaultStateDir). */
  stateDir?: string;
  /** First SSH port (A = base, B = base + 1, …); 0 = any free port. Default 2201. */
  sshPortBase?: number;
  /** Override the configured keepalive (tests). */
  keepalive?: { intervalMs?: number; count?: number };
  /** Serial consoles on PTYs (needs socat). Default true. */
  console?: boolean;
  username?: string;
  password?: string;
  authorizedKeys?: Record<string, string[]>;
  rebootMs?: number;
  /** First 127.10.<n>.x network (tests running in parallel use different ones). Default 0. */
  pairIndexBase?: number;
  /** Publish lab.json so `hotpair lab fault` finds this lab. Default true. */
  stateFile?: boolean;
  /** SFTP on the devices' SSH servers, reading their flash (<stateDir>/flash/<key>). Default true; false = subsystem refused. */
  sftp?: boolean;
  /** The dialect the devices' CLI speaks (`--pack`); default the built-in Comware V7 pack. */
  pack?: PlatformPack;
  /** One console cable (`<stateDir>/console`, one-cable.ts) plugged into this device at the start; needs the consoles. */
  oneCable?: CableEnd;
}

export interface LabMember {
  key: string;
  device: LabDevice;
  engine: RbmEngine;
  net: PairNet;
  ssh: SshHost;
  console?: ConsoleHost;
  blueprint: DeviceBlueprint;
  rbmPort?: number;
}

/** A running lab: its devices, how to reach them, fault injection, internal state readers. */
export class Lab {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly subs: Disposable[] = [];
  private stopping?: Promise<void>;
  private faultServer?: { port: number; close(): Promise<void> };
  /** Loopback stand-ins for the pair's virtual IPs, answering only on the device that owns each (dataplane.ts). */
  dataPlane?: DataPlane;

  constructor(
    readonly members: LabMember[],
    readonly options: StartLabOptions & { username: string; password: string; stateDir: string },
    private readonly syslog: SyslogForwarder,
  ) {}

  get devices(): Record<string, LabDevice> {
    return Object.fromEntries(this.members.map((m) => [m.key, m.device]));
  }

  member(key: string): LabMember {
    const m = this.members.find((x) => x.key === key);
    if (!m) throw new Error(`no device ${key} in this lab (${this.members.map((x) => x.key).join(', ')})`);
    return m;
  }

  engine(key: string): RbmEngine {
    return this.member(key).engine;
  }

  describe(): LabDescription {
    return describeLab(this);
  }

  /** Applies a fault to a device; resolves to a one-line account of it. */
  async inject(deviceKey: string, kind: FaultKind, arg?: string): Promise<string> {
    const bad = checkFaultArg(kind, arg);
    if (bad) throw new Error(bad);
    const m = this.member(deviceKey);
    const target: FaultTarget = { device: m.device, engine: m.engine, net: m.net, rebootMs: this.options.rebootMs ?? DEFAULT_REBOOT_MS, timers: this.timers };
    return applyFault(target, kind, arg);
  }

  /**
   * Which devices answer ARP for a virtual IP: the VRRP masters of the RBM-bound groups that carry it,
   * and for a floating IP (`remote-backup virtual-ip`) the Active device, since the seed has only the
   * primary respond and the secondary stay silent. Normally one; two during a split brain, or
   * between steps 2 and 4 of a switchover.
   */
  whoAnswers(virtualIp: string): string[] {
    const answers = (m: LabMember): boolean =>
      m.device.vrrpGroups().some((g) => g.group && g.virtualIp === virtualIp && m.engine.vrrpState(g.group) === 'Master') ||
      (m.device.floatingIps().includes(virtualIp) && m.engine.runningStatus() === 'Active');
    return this.members.filter((m) => m.device.powered() && answers(m)).map((m) => m.key);
  }

  /** Moves the single console cable (a lab started with `oneCable`); resolves once it is plugged in again. */
  cable(to: CableEnd, gapMs?: number): Promise<string> {
    return moveCable(this.options.stateDir, to, gapMs);
  }

  /** Internal: wires SSH suspension to power and publishes the fault socket. */
  async open(): Promise<void> {
    for (const m of this.members) {
      this.subs.push(
        m.device.on((e) => {
          if (e.kind !== 'power' || this.stopping) return;
          // A device without power does not answer on its SSH port; with power back it listens again.
          if (e.on) void m.ssh.start().catch(() => undefined);
          else void m.ssh.stop();
        }),
      );
    }
    this.dataPlane = await startDataPlane(this);
    if (this.options.stateFile === false) return;
    const token = randomBytes(16).toString('hex');
    this.faultServer = await startFaultServer(token, (dev, kind, arg) => this.inject(dev, kind, arg));
    writeState(this.options.stateDir, { pid: process.pid, controlPort: this.faultServer.port, token, startedAt: new Date().toISOString(), description: this.describe() });
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const t of this.timers) clearTimeout(t);
      this.timers.clear();
      for (const s of this.subs) s.dispose();
      await this.faultServer?.close();
      await this.dataPlane?.stop();
      removeState(this.options.stateDir);
      if (this.options.oneCable !== undefined) removeCable(this.options.stateDir);
      // A failed start may leave members half-built: every part is optional here.
      await Promise.all(this.members.map(async (m) => Promise.all([m.ssh?.stop(), m.console?.stop()])));
      for (const m of this.members) m.engine?.dispose();
      this.syslog.close();
    })();
    return this.stopping;
  }
}

/** Starts the lab: one pair (default FW1/FW2 or from a pair file) or `pairs` pairs with RBM running. */
export async function startLab(options: StartLabOptions): Promise<Lab> {
  const o = { ...options, stateDir: options.stateDir ?? defaultStateDir() };
  const opts = { ...o, username: o.username ?? LAB_USERNAME, password: o.password ?? LAB_PASSWORD };
  claimStateDir(o.stateDir);
  const many = !o.pair && (o.pairs ?? 1) > 1;
  const count = o.pair ? 1 : Math.max(1, o.pairs ?? 1);
  const base = o.pairIndexBase ?? 0;
  if (base + count > 256) throw new Error(`at most ${256 - base} pairs (one 127.10.<n>.0/24 loopback network each)`);
  const syslog = new SyslogForwarder();
  const keys = new AuthorizedKeys(join(o.stateDir, 'authorized_keys'), o.authorizedKeys);
  const members: LabMember[] = [];
  const lab = new Lab(members, opts, syslog);
  try {
    for (let p = 0; p < count; p++) {
      const net = new PairNet(base + p);
      let bps: [DeviceBlueprint, DeviceBlueprint];
      let rbmPort: number | undefined;
      if (o.pair) bps = pairBlueprints(o.pair);
      else if (many) {
        // Each pair gets its own free port pair (control P, data P+1) on its loopback addresses.
        rbmPort = await findFreePortPair([`127.10.${base + p}.1`, `127.10.${base + p}.2`], 60064);
        bps = manyPairBlueprints(p + 1, rbmPort, { interval: 1, count: 10 });
      } else bps = defaultBlueprints();
      for (const bp of bps) {
        const device = buildDevice(bp, { ...opts, flashDir: join(o.stateDir, 'flash', bp.key) });
        net.add(device);
        const member = { key: bp.key, device, net, blueprint: bp, rbmPort } as LabMember;
        members.push(member);
        syslog.attach(device);
      }
      // Engines after both devices are on the wire, so the first connect finds its peer.
      for (const m of members.slice(-2)) m.engine = new RbmEngine(m.device, net, { keepalive: o.keepalive });
    }
    const hostKeys = await Promise.all(members.map((m) => loadOrCreateHostKey(join(o.stateDir, 'ssh', `${m.key}_host_rsa_key`))));
    members.forEach((m, idx) => {
      m.ssh = new SshHost({
        host: '127.0.0.1',
        port: o.sshPortBase === 0 ? 0 : (o.sshPortBase ?? DEFAULT_SSH_PORT_BASE) + idx,
        hostKey: hostKeys[idx] as string,
        checkPassword: (u, pw) => ['ok', 'change-required'].includes(m.device.authenticate(u, pw, 'ssh')),
        keys,
        open: (t) => openTerminal(m.device, t),
        ...(o.sftp === false || m.device.flash.dir === undefined ? {} : { flashDir: m.device.flash.dir }),
      });
    });
    await Promise.all(members.map((m) => m.ssh.start()));
    if (o.console !== false) {
      for (const m of members) {
        m.console = new ConsoleHost({
          clientPath: join(o.stateDir, `${m.key}.console`),
          labPath: join(o.stateDir, `${m.key}.lab`),
          baud: o.baud,
          open: () => openTerminal(m.device, { kind: 'console' }),
        });
      }
      await inBatches(members, CONSOLE_START_CONCURRENCY, (m) => m.console?.start());
      if (o.oneCable !== undefined) layCable(o.stateDir, { a: lab.member('a').console!.path, b: lab.member('b').console!.path }, o.oneCable);
    } else if (o.oneCable !== undefined) throw new Error('one console cable needs the consoles (drop --no-console)');
    await lab.open();
    return lab;
  } catch (e) {
    await lab.stop();
    throw e;
  }
}

/** socat children started at once: enough to hide their start-up latency, few enough not to swamp 2 cores. */
const CONSOLE_START_CONCURRENCY = 16;

async function inBatches<T>(items: T[], size: number, f: (t: T) => Promise<unknown> | undefined): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(f));
}

function buildDevice(bp: DeviceBlueprint, o: { username: string; password: string; flashDir: string; pack?: PlatformPack | undefined }): LabDevice {
  const names = [...new Set([...BASE_INTERFACES, ...bp.interfaces.map((i) => i.name)])];
  const device = new LabDevice({ key: bp.key, sysname: bp.sysname, interfaces: names, users: [{ username: o.username, password: o.password }], flashDir: o.flashDir, ...(o.pack ? { pack: o.pack } : {}) });
  const refused = device.applyConfig(blueprintLines(bp));
  if (refused.length) throw new Error(`${bp.sysname}: the lab's own setup was refused: ${refused.join('; ')}`);
  device.save(); // a power cycle comes back addressed
  return device;
}
