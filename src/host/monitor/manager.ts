/**
 * The app's monitor: one core runtime (src/core/monitor/node/runtime.ts) per pair, sharing one
 * history store and core's receivers (one syslog receiver, one /metrics endpoint, opened with the
 * first pair and closed with the last), with everything they produce pushed to the renderer in
 * batches. Pairs come and go while the others keep running.
 */
import { AppError } from '../../core/base/errors';
import { verdict } from '../../core/monitor/health';
import { deviceLink } from '../../core/monitor/node/links';
import { MonitorReceivers, type ReceiverConfig } from '../../core/monitor/node/receivers';
import { startMonitor, type MonitorRuntime } from '../../core/monitor/node/runtime';
import { EventStore } from '../../core/monitor/node/store';
import { refusal } from '../../core/provision/ops';
import { DEFAULT_SETTINGS, MONITOR_OPS, type HostEvent, type MonitorEvent, type MonitorSnapshot, type PairStatus, type ParsedInput, type Settings } from '../../contract/index';
import type { LabAdapter, MonitorHostOptions } from '../types';
import { MonitorBatcher } from './batcher';
import { SampleRing, sampleOf } from './samples';
import { resolveSubject, type MonitorSubject } from './subject';

const sameTargets = (x: MonitorSubject, y: MonitorSubject) => JSON.stringify([x.devices.a.target, x.devices.b.target]) === JSON.stringify([y.devices.a.target, y.devices.b.target]);

interface Watched {
  subject: MonitorSubject;
  runtime: MonitorRuntime;
  samples: SampleRing;
  intervalMs: number;
}

export interface ManagerOptions {
  emit: (e: HostEvent) => void;
  settings: () => Promise<Settings>;
  lab?: LabAdapter;
  options?: MonitorHostOptions;
}

export class MonitorManager {
  private readonly watched = new Map<string, Watched>();
  private readonly starting = new Map<string, Promise<PairStatus>>();
  private store?: EventStore;
  private readonly batcher: MonitorBatcher;
  private readonly receivers: MonitorReceivers;

  constructor(private readonly o: ManagerOptions) {
    this.receivers = new MonitorReceivers({ onChange: () => this.batcher?.receiversUpdated() });
    this.batcher = new MonitorBatcher(o.emit, (pair, now) => this.statusWithSample(pair, now), () => this.receivers.describe());
  }

  private history(): EventStore {
    this.store ??= new EventStore(this.o.options?.dbFile ?? ':memory:', { retentionDays: this.o.options?.retentionDays ?? 90 });
    return this.store;
  }

  private receiverConfig(s: Settings): ReceiverConfig {
    const pick = (over: number | false | undefined, e: Settings['syslog']) => (over === false ? false : { host: e.address, port: over ?? e.port });
    return { syslog: pick(this.o.options?.syslogPort, s.syslog), metrics: pick(this.o.options?.metricsPort, s.metrics) };
  }

  status(name: string): PairStatus | undefined {
    const w = this.watched.get(name);
    const health = w?.runtime.service.pairHealth(name);
    if (!w || !health) return undefined;
    return {
      pair: name,
      source: w.subject.source,
      mode: w.subject.pair.mode,
      verdict: verdict(health),
      health,
      ops: MONITOR_OPS.filter((op) => refusal(w.subject.pair, op) === undefined),
      intervalSeconds: w.intervalMs / 1000,
    };
  }

  private statusWithSample(name: string, now: number) {
    const status = this.status(name);
    const w = this.watched.get(name);
    if (!status || !w) return undefined;
    const sample = sampleOf(status.health, now);
    return { status, ...(w.samples.push(sample, w.intervalMs) ? { sample } : {}) };
  }

  start(input: ParsedInput<'monitor.start'>): Promise<PairStatus> {
    const subject = resolveSubject(input, this.o.lab);
    const name = subject.name;
    const current = this.status(name);
    if (current) {
      if (current.source !== subject.source) throw new AppError('CONFLICT', `A pair named "${name}" is already monitored (from the ${current.source === 'lab' ? 'lab' : 'a pair file'}).`, {
          fix: 'Stop it first.',
          message: { key: 'host.monitor-taken', params: { name, source: current.source === 'lab' ? 'lab' : 'file' } },
        });
      // Same pair, same devices: already watched. Moved devices (a restarted lab gets new ports): watch them instead.
      if (sameTargets(this.watched.get(name)!.subject, subject)) return Promise.resolve(current);
      const p = this.stop(name).then(() => this.launch(subject));
      this.starting.set(name, p);
      return p.finally(() => this.starting.delete(name));
    }
    const pending = this.starting.get(name);
    if (pending) return pending;
    const p = this.launch(subject).finally(() => this.starting.delete(name));
    this.starting.set(name, p);
    return p;
  }

  private async launch(subject: MonitorSubject): Promise<PairStatus> {
    const settings = await this.o.settings().catch(() => DEFAULT_SETTINGS);
    if (!this.receivers.running) await this.receivers.open(this.receiverConfig(settings));
    const name = subject.name;
    const intervalMs = settings.monitorIntervalSeconds * 1000;
    const link = (k: 'a' | 'b') =>
      deviceLink(subject.devices[k].target, subject.devices[k].credentials, { connector: subject.connector, ask: subject.ask });
    const runtime = await startMonitor({
        pairs: [
        {
          name,
          devices: {
            a: { link: link('a'), sysname: subject.devices.a.sysname, addresses: subject.devices.a.addresses },
            b: { link: link('b'), sysname: subject.devices.b.sysname, addresses: subject.devices.b.addresses },
          },
        },
      ],
      intervalMs,
      db: this.history(),
      receivers: this.receivers,
      onEvents: (events) => this.batcher.addEvents(events as MonitorEvent[]),
      onPoll: () => this.batcher.touch(name),
      // One list holds every pair's warnings, so each says which pair it is about.
      onWarning: (m, said) => this.receivers.warn(`${name}: ${m}`, said && { code: 'host.monitor-warning', params: { pair: name, warning: { sep: 'semicolon', items: [said] } } }),
    });
    this.watched.set(name, { subject, runtime, samples: new SampleRing(), intervalMs });
    this.batcher.touch(name);
    return this.status(name)!;
  }

  async stop(name: string): Promise<boolean> {
    const w = this.watched.get(name);
    if (!w) return false;
    this.watched.delete(name);
    await w.runtime.stop();
    this.batcher.pairStopped(name);
    if (this.watched.size === 0) await this.receivers.close();
    return true;
  }

  subject(name: string): MonitorSubject {
    const w = this.watched.get(name);
    if (!w) throw new AppError('NOT_FOUND', `The pair "${name}" is not being monitored.`, { fix: 'Start monitoring it first.', message: { key: 'host.not-monitored', params: { name } } });
    return w.subject;
  }

  snapshot(): MonitorSnapshot {
    const pairs: PairStatus[] = [];
    const samples: MonitorSnapshot['samples'] = {};
    for (const [name, w] of this.watched) {
      const s = this.status(name);
      if (s) pairs.push(s);
      samples[name] = w.samples.all();
    }
    return { pairs, samples, receivers: this.receivers.describe() };
  }

  /** The newest `limit` stored events of a pair since `since` (each at its latest revision), oldest first. */
  /** Events from outside the pollers (a failover drill), stored in the history like any other. */
  recordEvents(events: readonly import('../../core/monitor/types').MonitorEvent[]): void {
    this.history().record(events);
  }

  events(pair: string, since: number | undefined, limit: number): MonitorEvent[] {
    return this.history().history({ pair, ...(since !== undefined ? { since } : {}), limit, newest: true }) as MonitorEvent[];
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.watched.keys()].map((n) => this.stop(n)));
    await this.receivers.close();
    this.batcher.flush();
    this.batcher.dispose();
    this.store?.close();
    this.store = undefined;
  }
}
