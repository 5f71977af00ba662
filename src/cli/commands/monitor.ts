import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { dataDir } from '../../core/base/node/paths';
import type { DeviceKey } from '../../core/model/pair';
import { parseDurationMs } from '../../core/monitor/duration';
import { deviceLink, serialisedKnownHosts } from '../../core/monitor/node/links';
import { DEFAULT_METRICS } from '../../core/monitor/node/metrics-server';
import { type MonitoredPair, startMonitor } from '../../core/monitor/node/runtime';
import { DEFAULT_SYSLOG, parseHostPort } from '../../core/monitor/node/syslog';
import type { DeviceLink } from '../../core/monitor/poller';
import { type MonitorTarget, targetsFromInventory, targetsFromPairText } from '../../core/monitor/targets';
import type { MonitorEvent } from '../../core/monitor/types';
import { eventLine, screen } from '../../core/monitor/view';
import { addConnectOptions, type CliConnectFlags, hostKeyPolicy, type PromptIo, resolveCredentials, terminalPromptIo } from '../credentials';

export const defaultDbFile = (): string => join(dataDir(), 'monitor.sqlite');

export interface MonitorCliOptions extends CliConnectFlags {
  interval: string;
  db?: string;
  syslog: string;
  metrics: string;
  webhook?: string;
  retention: string;
  channelDown: string;
  flap: string;
  duration?: string;
  template?: string;
  color?: boolean;
}

export interface MonitorIo {
  out: (s: string) => void;
  err: (s: string) => void;
  tty: boolean;
  rows: number;
  /** Replaces real sessions (tests). */
  links?: (t: MonitorTarget) => Record<DeviceKey, DeviceLink>;
  /** Password and host-key questions; default the terminal. */
  prompt?: PromptIo;
  /** Resolves when the user asks to stop (Ctrl-C); default: SIGINT/SIGTERM. */
  stopSignal?: Promise<void>;
}

export function readTargets(file: string, templateFile: string | undefined): { ok: true; targets: MonitorTarget[] } | { ok: false; errors: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  if (!/\.csv$/i.test(file)) return targetsFromPairText(text, file);
  let template: Record<string, unknown> = {};
  if (templateFile) {
    try {
      const t: unknown = parseYaml(readFileSync(templateFile, 'utf8'));
      if (t === null || typeof t !== 'object' || Array.isArray(t)) throw new Error('expected a mapping (a partial pair file)');
      template = t as Record<string, unknown>;
    } catch (e) {
      return { ok: false, errors: [`template ${templateFile}: ${(e as Error).message}`] };
    }
  }
  return targetsFromInventory(text, file, template);
}

/** "3/10m" → more than 3 switchovers within 10 minutes. */
export function parseFlap(text: string): { flapCount: number; flapMinutes: number } | undefined {
  const m = /^(\d+)\/(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const ms = parseDurationMs(m[2]!);
  return Number.isFinite(ms) && ms > 0 ? { flapCount: Number(m[1]), flapMinutes: ms / 60_000 } : undefined;
}

function endpoint(text: string, fallback: { host: string; port: number }): { host: string; port: number } | false {
  return /^(off|no|none|false)$/i.test(text.trim()) ? false : parseHostPort(text, fallback);
}

/**
 * Sessions for every device, credentials resolved once up front (a prompt, if any, comes before the
 * live view takes the screen). A device's own passwordEnv / identityFile in the pair file wins over
 * the command-line flags, so one inventory can mix sites with different secrets.
 */
async function realLinks(targets: MonitorTarget[], o: MonitorCliOptions, prompt: PromptIo): Promise<(t: MonitorTarget) => Record<DeviceKey, DeviceLink>> {
  const knownHosts = serialisedKnownHosts(o.knownHosts);
  const policy = hostKeyPolicy(o, prompt);
  const byPair = new Map<string, Record<DeviceKey, DeviceLink>>();
  for (const t of targets) {
    const link = async (k: DeviceKey) => {
      const d = t.devices[k];
      const flags: CliConnectFlags = { ...o, ...(d.passwordEnv ? { passwordEnv: d.passwordEnv } : {}), ...(d.identityFile ? { identity: d.identityFile } : {}) };
      const creds = await resolveCredentials(d.connect, flags, prompt);
      return deviceLink(d.connect, creds, { knownHosts, hostKeyPolicy: policy });
    };
    byPair.set(t.name, { a: await link('a'), b: await link('b') });
  }
  return (t) => byPair.get(t.name)!;
}

function addresses(t: MonitorTarget, k: DeviceKey): string[] {
  const c = t.devices[k].connect;
  return c.kind === 'ssh' ? [c.host] : [];
}

/** Runs until stopped (or --duration); returns the exit code. */
export async function runMonitor(file: string, o: MonitorCliOptions, io: MonitorIo): Promise<number> {
  const fail = (msg: string) => {
    io.err(`hotpair monitor: ${msg}\n`);
    return 2;
  };
  const intervalMs = parseDurationMs(o.interval);
  if (!(intervalMs >= 500)) return fail(`--interval "${o.interval}": expected a duration of at least 500ms, e.g. 5s`);
  const channelDown = parseDurationMs(o.channelDown);
  if (!Number.isFinite(channelDown)) return fail(`--channel-down "${o.channelDown}": expected a duration such as 30s`);
  const flap = parseFlap(o.flap);
  if (!flap) return fail(`--flap "${o.flap}": expected K/duration, e.g. 3/10m`);
  const retentionDays = Number(o.retention.replace(/d$/i, ''));
  if (!Number.isFinite(retentionDays) || retentionDays < 0) return fail(`--retention "${o.retention}": expected days, e.g. 90 (0 keeps everything)`);
  const duration = o.duration !== undefined ? parseDurationMs(o.duration) : undefined;
  if (duration !== undefined && !Number.isFinite(duration)) return fail(`--duration "${o.duration}": expected a duration`);
  let syslog: ReturnType<typeof endpoint>;
  let metrics: ReturnType<typeof endpoint>;
  try {
    syslog = endpoint(o.syslog, DEFAULT_SYSLOG);
    metrics = endpoint(o.metrics, DEFAULT_METRICS);
  } catch (e) {
    return fail((e as Error).message);
  }
  const loaded = readTargets(file, o.template);
  if (!loaded.ok) return fail(`\n  ${loaded.errors.join('\n  ')}`);
  let links = io.links;
  if (!links) {
    try {
      links = await realLinks(loaded.targets, o, io.prompt ?? terminalPromptIo());
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  const pairs: MonitoredPair[] = loaded.targets.map((t) => {
    const l = links(t);
    return {
      name: t.name,
      devices: {
        a: { link: l.a, sysname: t.devices.a.sysname, addresses: addresses(t, 'a') },
        b: { link: l.b, sysname: t.devices.b.sysname, addresses: addresses(t, 'b') },
      },
    };
  });
  const db = o.db ?? defaultDbFile();
  const colour = o.color !== false && io.tty;
  const recent: MonitorEvent[] = [];
  let dirty = true;
  const runtime = await startMonitor({
    pairs,
    intervalMs,
    db,
    retentionDays,
    syslog,
    metrics,
    ...(o.webhook ? { webhookUrl: o.webhook } : {}),
    alerts: { channelDownSeconds: channelDown / 1000, ...flap },
    onEvents: (events) => {
      for (const e of events) {
        const i = recent.findIndex((r) => r.id === e.id);
        if (i >= 0) recent[i] = e;
        else recent.push(e);
        if (!io.tty) io.out(`${eventLine(e, false)}\n`);
      }
      if (recent.length > 500) recent.splice(0, recent.length - 500);
      dirty = true;
    },
    onWarning: (m) => io.err(`hotpair monitor: ${m}\n`),
  }).catch((e: Error) => e);
  if (runtime instanceof Error) return fail(runtime.message);

  const where = [
    `history ${db}`,
    runtime.syslog ? `syslog udp+tcp ${runtime.syslog.host}:${runtime.syslog.udpPort ?? runtime.syslog.tcpPort}` : 'syslog off',
    runtime.metrics ? `metrics ${runtime.metrics.url}` : 'metrics off',
  ].join(' · ');
  const title = `hotpair monitor · ${pairs.length} pair${pairs.length === 1 ? '' : 's'} every ${o.interval} · ${where} · Ctrl-C to stop`;
  if (!io.tty) io.out(`${title}\n`);
  const draw = () => {
    if (!io.tty || !dirty) return;
    dirty = false;
    io.out(`\x1b[H\x1b[2J${screen(runtime.service.health(), recent, { colour, now: Date.now(), rows: io.rows, title })}\n`);
  };
  // Redraw each second (ages change) and soon after events, never more than 5 times a second.
  const timer = setInterval(() => {
    dirty = dirty || Date.now() % 1000 < 200;
    draw();
  }, 200);

  const stops: Promise<unknown>[] = [io.stopSignal ?? signalled()];
  if (duration !== undefined) stops.push(new Promise((r) => setTimeout(r, duration).unref()));
  await Promise.race(stops);
  clearInterval(timer);
  dirty = true;
  draw();
  await runtime.stop();
  if (!io.tty) io.out(`stopped; ${recent.length} event(s) this run in ${db}\n`);
  return 0;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const on = () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve();
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export function registerMonitor(program: Command): void {
  const cmd = program
    .command('monitor <file>')
    .description('watch RBM pairs (a pair file or an inventory .csv): live view, history, alerts, /metrics')
    .option('--interval <duration>', 'poll interval', '5s')
    .option('--db <file>', `history database (default ${defaultDbFile()})`)
    .option('--syslog <host:port|off>', 'syslog receiver, UDP and TCP', `${DEFAULT_SYSLOG.host}:${DEFAULT_SYSLOG.port}`)
    .option('--metrics <host:port|off>', 'OpenMetrics endpoint /metrics', `${DEFAULT_METRICS.host}:${DEFAULT_METRICS.port}`)
    .option('--webhook <url>', 'POST each alert as JSON to this URL')
    .option('--retention <days>', 'delete history older than this many days (0 keeps all)', '90')
    .option('--channel-down <duration>', 'alert when the control channel stays down this long', '30s')
    .option('--flap <K/duration>', 'alert on more than K switchovers within the duration', '3/10m')
    .option('--duration <duration>', 'stop after this long (scripts)')
    .option('--template <file>', 'partial pair file (YAML/JSON) the inventory .csv rows are laid over')
    .option('--no-color', 'plain text');
  addConnectOptions(cmd).action(async (file: string, o: MonitorCliOptions) => {
      process.exitCode = await runMonitor(file, o, {
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
        tty: process.stdout.isTTY === true,
        rows: process.stdout.rows ?? 40,
      });
    });
}
