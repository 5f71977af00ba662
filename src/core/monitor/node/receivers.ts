/**
 * The monitor's listening side, owned in one place: one syslog receiver (UDP and TCP on one port)
 * and one /metrics endpoint for every pair watched, whichever runtime watches it. `hotpair monitor`
 * opens them for its run; the app opens them with its first pair and closes them with its last.
 * Runtimes attach their pairs; log lines are routed to the service of the pair they concern.
 */
import { AppError } from '../../base/errors';
import type { Message } from '../../base/message';
import type { DeviceKey } from '../../model/pair';
import type { PairHealth } from '../health';
import { LogRouter, type DeviceAddress } from '../log-router';
import type { MonitorCounters } from '../openmetrics';
import type { MonitorService } from '../service';
import { startMetricsServer, type MetricsServer } from './metrics-server';
import { startSyslog, type SyslogReceiver } from './syslog';

export interface Endpoint {
  host: string;
  port: number;
}

export interface ReceiverConfig {
  syslog: Endpoint | false;
  metrics: Endpoint | false;
}

export interface ReceiverOptions {
  /** Problems that do not stop the monitor (a socket error, a port taken when not strict); `said` is the warning as a message of the core catalogue. */
  onWarning?: (message: string, said?: Message) => void;
  /** Opened, closed, or a new warning: for a view that shows where the monitor listens. */
  onChange?: () => void;
}

export interface ReceiversDescription {
  syslog?: string;
  metrics?: string;
  /** In English, each after the time (UTC) it was raised. */
  warnings: string[];
  warningsSaid?: (Message | null)[];
}

/** Warnings kept for describe(): the newest, enough to see a pattern, never unbounded. */
const MAX_WARNINGS = 20;

export class MonitorReceivers {
  private syslogRx?: SyslogReceiver;
  private metricsServer?: MetricsServer;
  private readonly services = new Map<string, MonitorService>();
  private devices: DeviceAddress[] = [];
  private router = new LogRouter([]);
  readonly warnings: string[] = [];
  /** `warnings` as messages of the core catalogue, index for index; null where a warning came without one. */
  readonly warningsSaid: (Message | null)[] = [];

  constructor(private readonly o: ReceiverOptions = {}) {}

  get running(): boolean {
    return this.syslogRx !== undefined || this.metricsServer !== undefined;
  }

  get syslog(): SyslogReceiver | undefined {
    return this.syslogRx;
  }

  get metrics(): MetricsServer | undefined {
    return this.metricsServer;
  }

  /** The syslog port in use (the devices' loghost must point here), if the receiver runs. */
  get syslogPort(): number | undefined {
    return this.syslogRx?.udpPort ?? this.syslogRx?.tcpPort;
  }

  /** Where it listens and its warnings; `warningsSaid` only when some warning has a message, so readers of the older shape see none. */
  describe(): ReceiversDescription {
    return {
      ...(this.syslogRx ? { syslog: `udp+tcp ${this.syslogRx.host}:${this.syslogPort}` } : {}),
      ...(this.metricsServer ? { metrics: this.metricsServer.url } : {}),
      warnings: [...this.warnings],
      ...(this.warningsSaid.some((m) => m !== null) ? { warningsSaid: [...this.warningsSaid] } : {}),
    };
  }

  warn(message: string, said?: Message): void {
    const time = `${new Date().toISOString().slice(11, 19)}Z`;
    this.warnings.push(`${time} ${message}`);
    this.warningsSaid.push(said ? { code: 'host.receiver.warning-at', params: { time, warning: { sep: 'semicolon', items: [said] } } } : null);
    if (this.warnings.length > MAX_WARNINGS) {
      this.warnings.splice(0, this.warnings.length - MAX_WARNINGS);
      this.warningsSaid.splice(0, this.warningsSaid.length - MAX_WARNINGS);
    }
    this.o.onWarning?.(message, said);
    this.o.onChange?.();
  }

  /**
   * Starts what the config asks for. `strict`: a port that cannot be bound fails the call (the
   * CLI, where the user named the port); otherwise it is a warning and polling carries on.
   */
  async open(cfg: ReceiverConfig, o: { strict?: boolean } = {}): Promise<void> {
    if (this.running) return;
    try {
      if (cfg.syslog) {
        const { host, port } = cfg.syslog;
        try {
          this.syslogRx = await startSyslog({ host, port, onMessage: (m) => this.route(m.text, m.from, m.time), onError: (e) => this.warn(`syslog: ${e.message}`, { code: 'host.receiver.syslog-error', params: { reason: e.message } }) });
        } catch (e) {
          const params = { host, port: String(port), reason: (e as Error).message };
          if (o.strict) throw new AppError('CONFLICT', `syslog receiver on ${host}:${port}: ${params.reason}`, { cause: e, message: { key: 'host.receiver.syslog-failed', params } });
          this.warn(`syslog receiver not started on ${host}:${port} (${params.reason}); polling only — choose another port.`, { code: 'host.receiver.syslog-not-started', params });
        }
      }
      if (cfg.metrics) {
        const { host, port } = cfg.metrics;
        try {
          this.metricsServer = await startMetricsServer(this.fleet(), { host, port });
        } catch (e) {
          const params = { host, port: String(port), reason: (e as Error).message };
          if (o.strict) throw new AppError('CONFLICT', `/metrics on ${host}:${port}: ${params.reason}`, { cause: e, message: { key: 'host.receiver.metrics-failed', params } });
          this.warn(`/metrics not served on ${host}:${port} (${params.reason}).`, { code: 'host.receiver.metrics-not-served', params });
        }
      }
    } catch (e) {
      await this.close();
      throw e;
    }
    this.o.onChange?.();
  }

  /** A runtime's pairs join the routing and /metrics; the returned function takes them out again. */
  attach(service: MonitorService, devices: readonly DeviceAddress[]): () => void {
    const pairs = new Set(devices.map((d) => d.pair));
    for (const p of pairs) this.services.set(p, service);
    this.devices.push(...devices);
    for (const d of devices) this.router.add(d);
    return () => {
      for (const p of pairs) if (this.services.get(p) === service) this.services.delete(p);
      // LogRouter has no removal: rebuild it from the pairs still watched.
      this.devices = this.devices.filter((d) => !pairs.has(d.pair));
      this.router = new LogRouter(this.devices);
    };
  }

  learnSysname(pair: string, device: DeviceKey, sysname: string): void {
    this.router.learnSysname(pair, device, sysname);
  }

  private route(text: string, from: string, time: number): void {
    const obs = this.router.route(text, from, time);
    if (obs) this.services.get(obs.pair)?.observe(obs);
  }

  /** Every attached service's health and counters as one service-shaped view, so /metrics covers the fleet. */
  private fleet(): { health(): PairHealth[]; counters: MonitorCounters } {
    const distinct = () => new Set(this.services.values());
    return {
      health: () => [...distinct()].flatMap((s) => s.health()),
      get counters(): MonitorCounters {
        const c: MonitorCounters = { events: {}, alerts: {} };
        for (const s of distinct()) {
          Object.assign(c.events, s.counters.events);
          Object.assign(c.alerts, s.counters.alerts);
        }
        return c;
      },
    };
  }

  async close(): Promise<void> {
    const s = this.syslogRx;
    const m = this.metricsServer;
    this.syslogRx = undefined;
    this.metricsServer = undefined;
    await Promise.all([s?.close(), m?.close()]);
    if (s || m) this.o.onChange?.();
  }
}
