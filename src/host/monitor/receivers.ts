/**
 * One syslog receiver and one /metrics endpoint for every pair the app monitors (each pair's
 * runtime runs without its own: they would all want the same port). Started with the first pair,
 * closed with the last. A port already taken is a warning on the Monitor screen, not a failure:
 * polling still works without syslog.
 */
import type { LogObservation } from '../../core/monitor/types';
import { LogRouter, type DeviceAddress } from '../../core/monitor/log-router';
import type { MonitorService } from '../../core/monitor/service';
import type { MonitorCounters } from '../../core/monitor/openmetrics';
import type { PairHealth } from '../../core/monitor/health';
import { startMetricsServer, type MetricsServer } from '../../core/monitor/node/metrics-server';
import { startSyslog, type SyslogReceiver } from '../../core/monitor/node/syslog';

export interface Endpoint {
  address: string;
  port: number;
}

export interface ReceiverConfig {
  syslog: Endpoint | false;
  metrics: Endpoint | false;
}

const MAX_WARNINGS = 20;

export class SharedReceivers {
  private syslog?: SyslogReceiver;
  private metrics?: MetricsServer;
  private router = new LogRouter([]);
  private devices: DeviceAddress[] = [];
  readonly warnings: string[] = [];

  constructor(
    /** Every monitored pair's service, for routing log lines and rendering /metrics. */
    private readonly services: () => Map<string, MonitorService>,
    private readonly onChange: () => void,
  ) {}

  warn(message: string): void {
    this.warnings.push(`${new Date().toISOString().slice(11, 19)}Z ${message}`);
    if (this.warnings.length > MAX_WARNINGS) this.warnings.splice(0, this.warnings.length - MAX_WARNINGS);
    this.onChange();
  }

  get running(): boolean {
    return this.syslog !== undefined || this.metrics !== undefined;
  }

  describe(): { syslog?: string; metrics?: string; warnings: string[] } {
    const s = this.syslog;
    return {
      ...(s ? { syslog: `udp+tcp ${s.host}:${s.udpPort ?? s.tcpPort}` } : {}),
      ...(this.metrics ? { metrics: this.metrics.url } : {}),
      warnings: [...this.warnings],
    };
  }

  /** The syslog port in use (devices' loghost must point here), if the receiver runs. */
  get syslogPort(): number | undefined {
    return this.syslog?.udpPort ?? this.syslog?.tcpPort;
  }

  async open(cfg: ReceiverConfig): Promise<void> {
    if (this.running) return;
    if (cfg.syslog) {
      try {
        this.syslog = await startSyslog({
          host: cfg.syslog.address,
          port: cfg.syslog.port,
          onMessage: (m) => this.route(this.router.route(m.text, m.from, m.time)),
          onError: (e) => this.warn(`syslog: ${e.message}`),
        });
      } catch (e) {
        this.warn(`syslog receiver not started on ${cfg.syslog.address}:${cfg.syslog.port} (${(e as Error).message}); polling only — change the port in Settings.`);
      }
    }
    if (cfg.metrics) {
      try {
        this.metrics = await startMetricsServer(this.fleet(), { host: cfg.metrics.address, port: cfg.metrics.port });
      } catch (e) {
        this.warn(`/metrics not served on ${cfg.metrics.address}:${cfg.metrics.port} (${(e as Error).message}).`);
      }
    }
    this.onChange();
  }

  addDevices(list: DeviceAddress[]): void {
    this.devices.push(...list);
    for (const d of list) this.router.add(d);
  }

  removePair(pair: string): void {
    // LogRouter has no removal: rebuild it from the pairs still watched.
    this.devices = this.devices.filter((d) => d.pair !== pair);
    this.router = new LogRouter(this.devices);
  }

  learnSysname(pair: string, device: 'a' | 'b', sysname: string): void {
    this.router.learnSysname(pair, device, sysname);
  }

  private route(obs: LogObservation | undefined): void {
    if (obs) this.services().get(obs.pair)?.observe(obs);
  }

  /** Every pair's health and counters as one service-shaped view, so /metrics covers the fleet. */
  private fleet(): { health(): PairHealth[]; counters: MonitorCounters } {
    const services = this.services;
    return {
      health: () => [...services().values()].flatMap((s) => s.health()),
      get counters(): MonitorCounters {
        const c: MonitorCounters = { events: {}, alerts: {} };
        for (const s of services().values()) {
          Object.assign(c.events, s.counters.events);
          Object.assign(c.alerts, s.counters.alerts);
        }
        return c;
      },
    };
  }

  async close(): Promise<void> {
    const s = this.syslog;
    const m = this.metrics;
    this.syslog = undefined;
    this.metrics = undefined;
    await Promise.all([s?.close(), m?.close()]);
    this.onChange();
  }
}
