import { join } from 'node:path';
import type { Command } from 'commander';
import { readPairDocFile, readTextFile } from '../../core/model/node/read-pair';
import { MAX_INVENTORY_BYTES } from '../../core/model/text-guards';
import { dataDir } from '../../core/base/node/paths';
import type { DeviceKey } from '../../core/model/pair';
import { parseDurationMs } from '../../core/monitor/duration';
import { deviceLink } from '../../core/monitor/node/links';
import { DEFAULT_METRICS } from '../../core/monitor/node/metrics-server';
import { MonitorReceivers } from '../../core/monitor/node/receivers';
import { type MonitoredPair, startMonitor } from '../../core/monitor/node/runtime';
import { DEFAULT_SYSLOG, parseHostPort } from '../../core/monitor/node/syslog';
import type { DeviceLink } from '../../core/monitor/poller';
import { type MonitorTarget, type TargetsResult, targetsFromInventory, targetsFromPairText } from '../../core/monitor/targets';
import type { MonitorEvent } from '../../core/monitor/types';
import { eventLine, screen } from '../../core/monitor/view';
import { cliCore } from '../../i18n/node/cli-core';
import { parseConnectUrl } from '../../core/model/connect';
import { cliConnector } from '../connect-session';
import { addConnectOptions, type CliConnectFlags, effectiveSettings, loginInput, type PromptIo, type TargetFlags, terminalAsk, terminalPromptIo } from '../credentials';
import { t } from '../i18n';
import { connectUrlRefusal, errorMessage } from '../error-text';
import type { LoadError } from '../../core/model/load';
import { formatLoadError, isRefusal } from './validate';
import type { Message } from '../../core/base/message';

export const defaultDbFile = (): string => join(dataDir(), 'monitor.sqlite');

export interface MonitorCliOptions extends CliConnectFlags, TargetFlags {
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
  const inventory = /\.csv$/i.test(file);
  const read = readTextFile(file, inventory ? { maxBytes: MAX_INVENTORY_BYTES, what: 'inventory' } : {});
  if (!read.ok) return { ok: false, errors: [loadErrorLine(file, read.error)] };
  if (!inventory) return inRunLanguage(targetsFromPairText(read.text, file));
  const template = templateFile ? readPairDocFile(templateFile) : { ok: true as const, doc: {} };
  if (!template.ok) return { ok: false, errors: template.errors.map((e) => loadErrorLine(templateFile!, e)) };
  return inRunLanguage(targetsFromInventory(read.text, file, template.doc));
}

/** The targets' problems in the run's language. */
const inRunLanguage = (r: TargetsResult): ReturnType<typeof readTargets> => (r.ok ? r : { ok: false, errors: r.said.map((m, i) => cliCore().text(m.code, m.params, r.errors[i] ?? m.code)) });

/** A load error in the run's language as `validate` prints it; a refused file is the sentence alone, since the list has its own "hotpair monitor:" head. */
const loadErrorLine = (file: string, e: LoadError): string =>
  isRefusal([e]) ? (e.key === undefined ? e.message : cliCore().text(e.key, e.params, e.message)) : formatLoadError(file, e).trimEnd();

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
 * `--a/--b` replace the device URLs of the one pair in the file, as for `hotpair pair`, so a pair
 * commissioned with them can be monitored the same way. An inventory names many pairs: refused.
 */
export function withTargetFlags(targets: MonitorTarget[], o: TargetFlags): MonitorTarget[] {
  if (o.a === undefined && o.b === undefined) return targets;
  if (targets.length !== 1) throw new Error(t('monitor.onePair', { count: targets.length }));
  const target = targets[0]!;
  const devices = { ...target.devices };
  for (const k of ['a', 'b'] as const) {
    const url = effectiveSettings(o, {}, k).url;
    if (url === undefined) continue;
    const r = parseConnectUrl(url);
    if (!r.ok) throw new Error(`--${k}: ${connectUrlRefusal(r)}`);
    devices[k] = { ...devices[k], connect: r.target };
  }
  return [{ ...target, devices }];
}

/**
 * Sessions for every device, credentials resolved once up front (a prompt, if any, comes before the
 * live view takes the screen), with the precedence of every device command: a command-line flag,
 * else the device's own passwordEnv / identityFile in the file, else a prompt.
 */
async function realLinks(targets: MonitorTarget[], o: MonitorCliOptions, prompt: PromptIo): Promise<(t: MonitorTarget) => Record<DeviceKey, DeviceLink>> {
  const connector = cliConnector(o);
  const byPair = new Map<string, Record<DeviceKey, DeviceLink>>();
  for (const t of targets) {
    const link = async (k: DeviceKey) => {
      const d = t.devices[k];
      const e = effectiveSettings(o, { ...(d.passwordEnv ? { passwordEnv: d.passwordEnv } : {}), ...(d.identityFile ? { identityFile: d.identityFile } : {}) }, k);
      const creds = await connector.credentials(d.connect, loginInput(e), terminalAsk(e, prompt));
      return deviceLink(d.connect, creds, { connector, ask: terminalAsk(o, prompt) });
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
    io.err(`${t('commandError', { command: 'monitor', message: msg })}\n`);
    return 2;
  };
  const intervalMs = parseDurationMs(o.interval);
  if (!(intervalMs >= 500)) return fail(t('monitor.badInterval', { value: o.interval }));
  const channelDown = parseDurationMs(o.channelDown);
  if (!Number.isFinite(channelDown)) return fail(t('monitor.badChannelDown', { value: o.channelDown }));
  const flap = parseFlap(o.flap);
  if (!flap) return fail(t('monitor.badFlap', { value: o.flap }));
  const retentionDays = Number(o.retention.replace(/d$/i, ''));
  if (!Number.isFinite(retentionDays) || retentionDays < 0) return fail(t('monitor.badRetention', { value: o.retention }));
  const duration = o.duration !== undefined ? parseDurationMs(o.duration) : undefined;
  if (duration !== undefined && !Number.isFinite(duration)) return fail(t('monitor.badDuration', { value: o.duration ?? '' }));
  let syslog: ReturnType<typeof endpoint>;
  let metrics: ReturnType<typeof endpoint>;
  try {
    syslog = endpoint(o.syslog, DEFAULT_SYSLOG);
    metrics = endpoint(o.metrics, DEFAULT_METRICS);
  } catch (e) {
    return fail(errorMessage(e));
  }
  const loaded = readTargets(file, o.template);
  if (!loaded.ok) return fail(`\n  ${loaded.errors.join('\n  ')}`);
  try {
    loaded.targets = withTargetFlags(loaded.targets, o);
  } catch (e) {
    return fail((e as Error).message);
  }
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
  const warn = (m: string, said?: Message) => io.err(`${t('commandError', { command: 'monitor', message: said ? cliCore().text(said.code, said.params, m) : m })}\n`);
  // The user named the ports (or took the defaults): one that cannot be bound ends the run.
  const receivers = new MonitorReceivers({ onWarning: warn });
  const opened = await receivers.open({ syslog, metrics }, { strict: true }).catch((e: Error) => e);
  if (opened instanceof Error) return fail(errorMessage(opened));
  const runtime = await startMonitor({
    pairs,
    intervalMs,
    db,
    retentionDays,
    receivers,
    ...(o.webhook ? { webhookUrl: o.webhook } : {}),
    alerts: { channelDownSeconds: channelDown / 1000, ...flap },
    onEvents: (events) => {
      for (const e of events) {
        const i = recent.findIndex((r) => r.id === e.id);
        if (i >= 0) recent[i] = e;
        else recent.push(e);
        if (!io.tty) io.out(`${eventLine(e, false, true, cliCore())}\n`);
      }
      if (recent.length > 500) recent.splice(0, recent.length - 500);
      dirty = true;
    },
    onWarning: warn,
  }).catch((e: Error) => e);
  if (runtime instanceof Error) {
    await receivers.close();
    return fail(errorMessage(runtime));
  }

  const listening = receivers.describe();
  const where = [
    t('monitor.history', { path: db }),
    listening.syslog ? t('monitor.syslog', { address: listening.syslog }) : t('monitor.syslogOff'),
    listening.metrics ? t('monitor.metrics', { address: listening.metrics }) : t('monitor.metricsOff'),
  ].join(' · ');
  const title = t('monitor.title', { count: pairs.length, interval: o.interval, where });
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
  await receivers.close();
  if (!io.tty) io.out(`${t('monitor.stopped', { count: recent.length, path: db })}\n`);
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
    .description(t('monitor.desc'))
    .option('--interval <duration>', t('monitor.interval'), '5s')
    .option('--db <file>', t('monitor.db', { path: defaultDbFile() }))
    .option('--syslog <host:port|off>', t('monitor.syslog'), `${DEFAULT_SYSLOG.host}:${DEFAULT_SYSLOG.port}`)
    .option('--metrics <host:port|off>', t('monitor.metrics'), `${DEFAULT_METRICS.host}:${DEFAULT_METRICS.port}`)
    .option('--webhook <url>', t('monitor.webhook'))
    .option('--retention <days>', t('monitor.retention'), '90')
    .option('--channel-down <duration>', t('monitor.channelDown'), '30s')
    .option('--flap <K/duration>', t('monitor.flap'), '3/10m')
    .option('--duration <duration>', t('monitor.duration'))
    .option('--template <file>', t('monitor.template'))
    .option('--no-color', t('noColor'));
  addConnectOptions(cmd, 'pair file').action(async (file: string, o: MonitorCliOptions) => {
      process.exitCode = await runMonitor(file, o, {
        out: (s) => process.stdout.write(s),
        err: (s) => process.stderr.write(s),
        tty: process.stdout.isTTY === true,
        rows: process.stdout.rows ?? 40,
      });
    });
}
