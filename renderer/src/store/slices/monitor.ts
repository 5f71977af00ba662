import type { StateCreator } from 'zustand';
import type { ErrorInfo, HealthSample, MonitorBatch, MonitorEvent, MonitorOp, MonitorSnapshot, PairStatus } from '../../../../src/contract/index';
import type { Message } from '../../../../src/core/base/message';
import { api, newOpId } from '../../services/api';
import { notifyAlerts } from '../../features/monitor/notify';
import type { State } from '../types';

/** The timeline keeps this many events (newest); older ones stay in the host's history. */
export const MAX_TIMELINE = 20_000;
/** Chart points per pair, as the host keeps (src/host/monitor/samples.ts). */
export const MAX_SAMPLES = 1800;
/** History loaded per pair when the screen opens. */
export const HISTORY_LIMIT = 10_000;

export interface MonitorOpState {
  opId: string;
  pair: string;
  op: MonitorOp;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  step?: string;
  verified?: string;
  /** `verified` as core's message, said in the page's language when shown. */
  verifiedSaid?: Message;
  error?: ErrorInfo;
}

export interface MonitorState {
  loaded: boolean;
  pairs: Record<string, PairStatus>;
  /** Every event shown, oldest first, each at its latest revision. */
  events: MonitorEvent[];
  samples: Record<string, HealthSample[]>;
  receivers: MonitorSnapshot['receivers'];
  starting: boolean;
  error?: ErrorInfo;
  op?: MonitorOpState;
}

export interface MonitorSlice {
  monitor: MonitorState;
  loadMonitor(): Promise<void>;
  /** Passwords go to the host with this one call and are never kept in the store. */
  startMonitor(input: { source: 'lab' } | { source: 'file'; text: string; passwords?: { a?: string; b?: string } }): Promise<boolean>;
  stopMonitor(pair: string): Promise<void>;
  runMonitorOp(pair: string, op: MonitorOp): Promise<void>;
  cancelMonitorOp(): Promise<void>;
  dismissMonitorOp(): void;
  applyMonitorBatch(batch: MonitorBatch): void;
}

const EMPTY: MonitorState = { loaded: false, pairs: {}, events: [], samples: {}, receivers: { warnings: [] }, starting: false };

/**
 * Merges events into the timeline: revisions replace their event in place (one pass over the
 * list, only when the batch has any), new ones are appended, and the list is re-sorted only when
 * something arrived out of time order (a late log line), which is rare.
 */
export function mergeEvents(current: readonly MonitorEvent[], incoming: readonly MonitorEvent[], cap = MAX_TIMELINE): MonitorEvent[] {
  if (incoming.length === 0) return current as MonitorEvent[];
  const byId = new Map(incoming.map((e) => [e.id, e]));
  const next = current.map((e) => {
    const r = byId.get(e.id);
    if (!r) return e;
    byId.delete(e.id);
    return r.rev >= e.rev ? r : e;
  });
  let sorted = true;
  for (const e of byId.values()) {
    const last = next[next.length - 1];
    if (last && (e.time < last.time || (e.time === last.time && e.id < last.id))) sorted = false;
    next.push(e);
  }
  if (!sorted) next.sort((x, y) => x.time - y.time || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return next.length > cap ? next.slice(next.length - cap) : next;
}

export const monitorSlice: StateCreator<State, [], [], MonitorSlice> = (set, get) => {
  const patch = (p: Partial<MonitorState>) => set((s) => ({ monitor: { ...s.monitor, ...p } }));
  let loading: Promise<void> | undefined;

  async function load() {
    const snap = await api()['monitor.snapshot']({});
    if (!snap.ok) return patch({ error: snap.error, loaded: true });
    const histories = await Promise.all(snap.data.pairs.map((p) => api()['monitor.history']({ pair: p.pair, limit: HISTORY_LIMIT })));
    const stored = histories.flatMap((h) => (h.ok ? h.data.events : []));
    const m = get().monitor;
    patch({
      loaded: true,
      error: histories.find((h) => !h.ok)?.error,
      pairs: Object.fromEntries(snap.data.pairs.map((p) => [p.pair, p])),
      samples: snap.data.samples,
      receivers: snap.data.receivers,
      // Pushed events that raced the history read merge in by id, so nothing shows twice.
      events: mergeEvents(mergeEvents([], stored), m.events),
    });
  }

  return {
    monitor: EMPTY,
    loadMonitor: () => (loading ??= load().finally(() => (loading = undefined))),

    async startMonitor(input) {
      patch({ starting: true, error: undefined });
      const r = await api()['monitor.start'](input);
      if (!r.ok) {
        patch({ starting: false, error: r.error });
        return false;
      }
      const pairs = { ...get().monitor.pairs, [r.data.pair]: r.data };
      patch({ starting: false, pairs });
      const h = await api()['monitor.history']({ pair: r.data.pair, limit: HISTORY_LIMIT });
      if (h.ok) patch({ events: mergeEvents(get().monitor.events, h.data.events) });
      return true;
    },

    async stopMonitor(pair) {
      const r = await api()['monitor.stop']({ pair });
      if (!r.ok) return patch({ error: r.error });
      const { [pair]: _gone, ...pairs } = get().monitor.pairs;
      patch({ pairs });
    },

    async runMonitorOp(pair, op) {
      if (get().monitor.op?.state === 'running') return;
      const opId = newOpId();
      // No step until the host sends one: the screen says "starting" in the user's language.
      patch({ op: { opId, pair, op, state: 'running' } });
      const r = await api()['monitor.op']({ opId, pair, op, confirmed: true });
      const cur = get().monitor.op;
      if (cur?.opId !== opId) return;
      if (r.ok) patch({ op: { ...cur, state: 'done', verified: r.data.verified, ...(r.data.verifiedSaid ? { verifiedSaid: r.data.verifiedSaid } : {}), step: undefined } });
      else patch({ op: { ...cur, state: r.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: r.error, step: undefined } });
    },

    async cancelMonitorOp() {
      const op = get().monitor.op;
      if (op?.state === 'running') await api()['ops.cancel']({ opId: op.opId });
    },

    dismissMonitorOp: () => patch({ op: undefined }),

    applyMonitorBatch(batch) {
      const m = get().monitor;
      const pairs = { ...m.pairs };
      for (const p of batch.pairs) pairs[p.pair] = p;
      for (const p of batch.stopped) delete pairs[p];
      let samples = m.samples;
      if (batch.samples.length) {
        samples = { ...samples };
        for (const { pair, sample } of batch.samples) {
          const list = [...(samples[pair] ?? []), sample];
          samples[pair] = list.length > MAX_SAMPLES ? list.slice(list.length - MAX_SAMPLES) : list;
        }
      }
      set({ monitor: { ...m, pairs, samples, events: mergeEvents(m.events, batch.events), ...(batch.receivers ? { receivers: batch.receivers } : {}) } });
      // First emissions only: a revision of an alert must not notify twice.
      const alerts = batch.events.filter((e) => e.kind === 'alert' && e.rev === 0);
      if (alerts.length) notifyAlerts(alerts, pairs);
    },
  };
};

/** op.progress for the running manual operation → its step line. */
export function monitorOpProgress(s: State, opId: string, step: string): Partial<State> | undefined {
  const op = s.monitor.op;
  if (!op || op.opId !== opId || op.state !== 'running') return undefined;
  return { monitor: { ...s.monitor, op: { ...op, step } } };
}
