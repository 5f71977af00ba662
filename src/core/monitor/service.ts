/**
 * The stateful shell around the pure reducer: holds the current state, feeds it observations one
 * at a time (JS is single-threaded, so poll results and syslog datagrams cannot interleave inside
 * a step) and hands the resulting events to whoever listens — store, view, metrics, webhook.
 */
import { Emitter } from '../base/emitter';
import type { PairHealth } from './health';
import type { MonitorCounters } from './openmetrics';
import { applyObservation, initialState, type MonitorState } from './reducer';
import type { MonitorConfig, MonitorEvent, Observation } from './types';
import type { DeviceKey } from '../model/pair';

export interface PairRef {
  name: string;
  sysnames?: Partial<Record<DeviceKey, string>>;
}

export class MonitorService {
  private state: MonitorState;
  readonly counters: MonitorCounters = { events: {}, alerts: {} };
  /** Fires once per observation that produced events (new ones and revisions, in order). */
  readonly onEvents = new Emitter<MonitorEvent[]>();

  constructor(config: MonitorConfig, pairs: PairRef[]) {
    this.state = initialState(config, pairs);
  }

  observe(obs: Observation): MonitorEvent[] {
    const { state, events } = applyObservation(this.state, obs);
    this.state = state;
    if (events.length === 0) return events;
    for (const e of events) {
      if (e.rev !== 0) continue;
      const byKind = (this.counters.events[e.pair] ??= {});
      byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
      if (e.kind === 'alert') {
        const byRule = (this.counters.alerts[e.pair] ??= {});
        byRule[e.rule] = (byRule[e.rule] ?? 0) + 1;
      }
    }
    this.onEvents.fire(events);
    return events;
  }

  health(): PairHealth[] {
    return Object.values(this.state.pairs).map((p) => p.health);
  }

  pairHealth(name: string): PairHealth | undefined {
    return this.state.pairs[name]?.health;
  }

  snapshot(): MonitorState {
    return this.state;
  }
}
