/**
 * The lab pair commissioned for monitoring proofs and benchmarks: the built-in lab pair file
 * rendered by src/core/render and typed into each simulated device's CLI, the devices' loghost
 * pointed at the monitor's syslog receiver, and a monitor polling both over real SSH sessions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPairText } from '../../../../src/core/model/load';
import type { Pair } from '../../../../src/core/model/pair';
import { deviceLink } from '../../../../src/core/monitor/node/links';
import { DeviceConnector, type ConnectAsk } from '../../../../src/core/session/node/connect';
import { MonitorReceivers } from '../../../../src/core/monitor/node/receivers';
import { type MonitorRuntime, startMonitor, type RuntimeOptions } from '../../../../src/core/monitor/node/runtime';
import { EventStore } from '../../../../src/core/monitor/node/store';
import type { MonitorEvent } from '../../../../src/core/monitor/types';
import { comware7 } from '../../../../src/core/platforms/comware7';
import { renderPair, scriptText } from '../../../../src/core/render/index';
import { CliSession } from '../../../../src/lab/cli/engine';
import { LAB_PASSWORD, type Lab, startLab } from '../../../../src/lab/lab';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export function labPair(over: (p: Record<string, unknown>) => void = () => undefined): Pair {
  const text = readFileSync(join(ROOT, 'resources', 'examples', 'lab.yaml'), 'utf8');
  const r = loadPairText(text, 'lab.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const raw = structuredClone(r.pair) as unknown as Record<string, unknown>;
  over(raw);
  return raw as unknown as Pair;
}

/** Types lines into a device's CLI; returns the lines it refused. */
export function typeLines(lab: Lab, key: string, lines: readonly string[]): string[] {
  const s = new CliSession(lab.member(key).device);
  const refused: string[] = [];
  for (const l of lines) {
    const o = s.execute(l);
    if (o.failed || (o.lines ?? []).some((x) => /^\s*%/.test(x))) refused.push(`${l}: ${(o.lines ?? []).join(' ')}`);
  }
  return refused;
}

export interface LabMonitor {
  lab: Lab;
  runtime: MonitorRuntime;
  /** The syslog receiver and /metrics the monitor's pairs are attached to. */
  receivers: MonitorReceivers;
  store: EventStore;
  dir: string;
  /** Latest revision of every stored event, in time order. */
  events(): MonitorEvent[];
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
}

export interface LabMonitorOptions {
  net: number;
  pair?: Pair;
  intervalMs?: number;
  /** Many-pair lab (RBM already running in each pair) instead of the commissioned single pair. */
  pairs?: number;
  syslog?: boolean;
  monitor?: Partial<RuntimeOptions>;
}

export async function startLabMonitor(o: LabMonitorOptions): Promise<LabMonitor> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpair-monitor-lab-'));
  const many = (o.pairs ?? 1) > 1;
  const pair = many ? undefined : (o.pair ?? labPair());
  const lab = await startLab({ stateDir: join(dir, 'lab'), sshPortBase: 0, console: false, stateFile: false, pairIndexBase: o.net, ...(pair ? { pair } : { pairs: o.pairs }) });
  const store = new EventStore(join(dir, 'monitor.sqlite'), { retentionDays: 0 });
  const connector = new DeviceConnector({ knownHostsFile: join(dir, 'known_hosts') });
  const trustLab: ConnectAsk = { missing: (what) => new Error(`no ${what}`) as never, confirmHostKey: async () => true };
  const desc = lab.describe();
  const groups = new Map<string, { a?: (typeof desc.devices)[number]; b?: (typeof desc.devices)[number] }>();
  desc.devices.forEach((d, i) => {
    const name = many ? `pair-${Math.floor(i / 2) + 1}` : pair!.name;
    const g = groups.get(name) ?? {};
    g[i % 2 === 0 ? 'a' : 'b'] = d;
    groups.set(name, g);
  });
  const link = (d: (typeof desc.devices)[number]) =>
    deviceLink({ kind: 'ssh', host: d.ssh.host, port: d.ssh.port, username: d.ssh.username }, { username: d.ssh.username, password: LAB_PASSWORD }, { connector, ask: trustLab, loginTimeoutMs: 10_000 });
  let runtime: MonitorRuntime;
  const receivers = new MonitorReceivers();
  try {
    await receivers.open({ syslog: o.syslog === false ? false : { host: '127.0.0.1', port: 0 }, metrics: { host: '127.0.0.1', port: 0 } }, { strict: true });
    if (pair) {
      const scripts = renderPair(pair, comware7);
      for (const k of ['a', 'b'] as const) {
        const refused = typeLines(lab, k, scriptText(scripts[k]));
        if (refused.length) throw new Error(`lab refused the rendered script on ${k}: ${refused.join('; ')}`);
        // Saved, so a power cycle comes back commissioned (as `save force` would on the box).
        lab.member(k).device.save();
      }
    }
    runtime = await startMonitor({
      pairs: [...groups].map(([name, g]) => ({
        name,
        devices: {
          a: { link: link(g.a!), sysname: g.a!.sysname, addresses: ['127.0.0.1'] },
          b: { link: link(g.b!), sysname: g.b!.sysname, addresses: ['127.0.0.1'] },
        },
      })),
      intervalMs: o.intervalMs ?? 1000,
      db: store,
      receivers,
      ...o.monitor,
    });
  } catch (e) {
    await receivers.close();
    store.close();
    await lab.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  if (receivers.syslogPort !== undefined) {
    const port = receivers.syslogPort;
    for (const m of lab.members) {
      const refused = typeLines(lab, m.key, ['system-view', `info-center loghost 127.0.0.1 port ${port}`, 'return']);
      if (refused.length) throw new Error(`loghost refused: ${refused.join('; ')}`);
      m.device.save();
    }
  }
  const events = () => {
    const seen = new Map<string, MonitorEvent>();
    for (const e of store.history()) seen.set(e.id, e);
    return [...seen.values()];
  };
  return {
    lab,
    runtime,
    receivers,
    store,
    dir,
    events,
    async waitFor(what, probe, timeoutMs) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const v = probe();
        if (v !== undefined && v !== false) return v as never;
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; events: ${JSON.stringify(events().map((e) => ({ k: e.kind, d: 'device' in e ? e.device : undefined, ...('cause' in e ? { c: e.cause } : {}), ...('to' in e ? { to: e.to } : {}), ...('seenBy' in e ? { s: e.seenBy } : {}), ...('error' in e ? { err: e.error } : {}), t: e.time % 100000 })))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await runtime.stop();
      await receivers.close();
      store.close();
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
