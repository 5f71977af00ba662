/**
 * A running monitor: the service (pure state) wired to the store, the webhook, one poller per pair
 * and a 1 s tick for time-based alerts, its pairs attached to the receivers (syslog, /metrics)
 * their owner opened. Used the same way by `hotpair monitor`, the app's host, the benchmarks and
 * the lab proofs.
 */
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Message } from '../../base/message';
import type { DeviceKey } from '../../model/pair';
import { type DeviceLink, pollPair, type PollParsers } from '../poller';
import { MonitorService } from '../service';
import { type AlertConfig, DEFAULT_ALERTS, defaultCorrelationWindowMs, type MonitorEvent, type Observation } from '../types';
import type { MonitorReceivers } from './receivers';
import { EventStore } from './store';
import { Webhook, WebhookStatusError } from './webhook';

export interface MonitoredDevice {
  link: DeviceLink;
  sysname?: string;
  /** Addresses its log lines may come from (the management IP): used when a line names no known host. */
  addresses?: string[];
}

export interface MonitoredPair {
  name: string;
  devices: Record<DeviceKey, MonitoredDevice>;
}

export interface RuntimeOptions {
  pairs: MonitoredPair[];
  intervalMs: number;
  /** A path, or an open store (tests, benchmarks); undefined: no history is kept. */
  db?: string | EventStore;
  retentionDays?: number;
  /** Where log lines come in and /metrics is served; absent: polling only, nothing served. */
  receivers?: MonitorReceivers;
  webhookUrl?: string;
  alerts?: Partial<AlertConfig>;
  correlationWindowMs?: number;
  commandTimeoutMs?: number;
  parsers?: PollParsers;
  /** Every poll result and failure as it comes in (progress displays, benchmarks). */
  onPoll?: (obs: Observation) => void;
  /** Every batch of events, after it is stored. */
  onEvents?: (events: MonitorEvent[]) => void;
  /** Problems that do not stop the monitor (store full, webhook down); `said` is the warning as a message of the core catalogue. */
  onWarning?: (message: string, said?: Message) => void;
}

export interface MonitorRuntime {
  readonly service: MonitorService;
  readonly store?: EventStore;
  readonly runId: string;
  stop(): Promise<void>;
}

export function newRunId(now = Date.now()): string {
  return `${now.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A failed alert post in the reader's words. The webhook's own refusal is an HTTP status; anything
 * else is the system's or fetch's text, kept as it is.
 */
function webhookSaid(e: Error, rule: string, pair: string): Message {
  return e instanceof WebhookStatusError
    ? { code: 'monitor.warning.webhook-status', params: { status: String(e.status), rule, pair } }
    : { code: 'monitor.warning.webhook-failed', params: { reason: e.message, rule, pair } };
}

export async function startMonitor(o: RuntimeOptions): Promise<MonitorRuntime> {
  const warn = o.onWarning ?? (() => undefined);
  const runId = newRunId();
  const service = new MonitorService(
    {
      runId,
      correlationWindowMs: o.correlationWindowMs ?? defaultCorrelationWindowMs(o.intervalMs),
      alerts: { ...DEFAULT_ALERTS, ...o.alerts },
    },
    o.pairs.map((p) => ({ name: p.name, sysnames: { a: p.devices.a.sysname, b: p.devices.b.sysname } })),
  );
  const ownStore = typeof o.db === 'string';
  const store = typeof o.db === 'string' ? new EventStore(o.db, { retentionDays: o.retentionDays }) : o.db;
  store?.recordRun({ id: runId, started: Date.now(), host: hostname(), pairs: o.pairs.map((p) => p.name) });
  const webhook = o.webhookUrl ? new Webhook({ url: o.webhookUrl, onError: (e, a) => warn(`webhook: ${e.message} (alert ${a.rule} on ${a.pair})`, webhookSaid(e, a.rule, a.pair)) }) : undefined;

  service.onEvents.on((events) => {
    // Stored first: the live view, metrics and webhook may fail, the history must not.
    try {
      store?.record(events);
    } catch (e) {
      warn(`store: ${reasonOf(e)}`, { code: 'monitor.warning.store', params: { reason: reasonOf(e) } });
    }
    webhook?.send(events);
    o.onEvents?.(events);
  });

  const detach = o.receivers?.attach(
    service,
    o.pairs.flatMap((p) => (['a', 'b'] as const).map((k) => ({ pair: p.name, device: k, sysname: p.devices[k].sysname, addresses: p.devices[k].addresses }))),
  );
  const ctrl = new AbortController();
  // Every poller's sleep and command listens on this one signal: hundreds with many pairs, by design.
  setMaxListeners(0, ctrl.signal);

  const tick = setInterval(() => service.observe({ kind: 'tick', time: Date.now() }), 1000);
  // A monitor left running for weeks keeps the retention too, not only at start.
  const prune = setInterval(() => {
    try {
      store?.prune();
    } catch (e) {
      warn(`store: ${reasonOf(e)}`, { code: 'monitor.warning.store', params: { reason: reasonOf(e) } });
    }
  }, 3_600_000);
  prune.unref();
  const pollers = o.pairs.map((p, i) =>
    pollPair(
      { a: p.devices.a.link, b: p.devices.b.link },
      {
        pair: p.name,
        intervalMs: o.intervalMs,
        signal: ctrl.signal,
        // Spread many pairs over the interval instead of polling them all at the same instant.
        startDelayMs: o.pairs.length > 1 ? Math.floor((i * o.intervalMs) / o.pairs.length) : 0,
        ...(o.commandTimeoutMs !== undefined ? { commandTimeoutMs: o.commandTimeoutMs } : {}),
        ...(o.parsers ? { parsers: o.parsers } : {}),
        onObservation: (obs) => {
          if (obs.kind === 'poll' && obs.sysname) o.receivers?.learnSysname(obs.pair, obs.device, obs.sysname);
          service.observe(obs);
          o.onPoll?.(obs);
        },
      },
    ).catch((e: unknown) => warn(`poller ${p.name}: ${reasonOf(e)}`, { code: 'monitor.warning.poller', params: { pair: p.name, reason: reasonOf(e) } })),
  );

  let stopped = false;
  return {
    service,
    store,
    runId,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(tick);
      clearInterval(prune);
      ctrl.abort();
      await Promise.all(pollers);
      detach?.();
      await webhook?.drain();
      if (ownStore) store?.close();
    },
  };
}
