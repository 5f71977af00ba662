/**
 * applyObservation(state, observation) → {state, events}: the whole monitor logic as a pure
 * function. The input state is never mutated (the touched pair is cloned), so callers may keep old
 * states, replay observations in tests, and run it in any runtime.
 */
import type { DeviceKey } from '../model/pair';
import { type AlertMemory, emptyAlertMemory, evaluateAlerts } from './alerts';
import { type Change, logChange, type PollMemory, pollChanges } from './changes';
import { addStamp, findMatch, isRepeat, type OpenReport, pruneOpen } from './correlate';
import { type DeviceHealth, emptyPair, type PairHealth } from './health';
import type { ConsistencyResult, LogObservation, MonitorConfig, MonitorEvent, Observation, PollObservation, RunningStatus, SeenBy } from './types';

export interface PairState {
  health: PairHealth;
  polled: Record<DeviceKey, PollMemory>;
  open: OpenReport<MonitorEvent>[];
  alerts: AlertMemory;
  /** Newest observation time seen for the pair (the pruning horizon). */
  newest: number;
}

export interface MonitorState {
  config: MonitorConfig;
  seq: number;
  pairs: Record<string, PairState>;
}

export interface Step {
  state: MonitorState;
  /** New events (rev 0) and revisions of earlier ones (same id, rev > 0), in order. */
  events: MonitorEvent[];
}

export function initialState(config: MonitorConfig, pairs: { name: string; sysnames?: Partial<Record<DeviceKey, string>> }[] = []): MonitorState {
  const state: MonitorState = { config, seq: 0, pairs: {} };
  for (const p of pairs) {
    const ps = emptyPairState(p.name);
    if (p.sysnames?.a) ps.health.devices.a.sysname = p.sysnames.a;
    if (p.sysnames?.b) ps.health.devices.b.sysname = p.sysnames.b;
    state.pairs[p.name] = ps;
  }
  return state;
}

const emptyPairState = (name: string): PairState => ({ health: emptyPair(name), polled: { a: {}, b: {} }, open: [], alerts: emptyAlertMemory(), newest: 0 });

export function applyObservation(state: MonitorState, obs: Observation): Step {
  if (obs.kind === 'tick') {
    let s = state;
    const events: MonitorEvent[] = [];
    for (const name of Object.keys(state.pairs)) {
      const r = step(s, name, obs.time, () => []);
      s = r.state;
      events.push(...r.events);
    }
    return { state: s, events };
  }
  return step(state, obs.pair, obs.time, (ctx) => {
    if (obs.kind === 'poll') return onPoll(ctx, obs);
    if (obs.kind === 'log') return onLog(ctx, obs);
    const d = ctx.pair.health.devices[obs.device];
    d.lastError = obs.error;
    ctx.pair.polled[obs.device] = { ...ctx.pair.polled[obs.device], afterGap: true };
    if (d.reachable === false) return [];
    d.reachable = false;
    d.unreachableSince = obs.time;
    return [ctx.emit({ kind: 'device-unreachable', pair: ctx.pair.health.pair, time: obs.time, device: obs.device, error: obs.error })];
  });
}

interface Ctx {
  pair: PairState;
  config: MonitorConfig;
  emit: <E extends DistributiveOmit<MonitorEvent, 'id' | 'rev'>>(e: E) => MonitorEvent;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Clones the pair, lets `body` mutate the clone, then runs correlation-independent upkeep and alerts. */
function step(state: MonitorState, name: string, time: number, body: (ctx: Ctx) => MonitorEvent[]): Step {
  const pair = structuredClone(state.pairs[name] ?? emptyPairState(name));
  let seq = state.seq;
  const ctx: Ctx = {
    pair,
    config: state.config,
    emit: (e) => ({ ...e, id: `${state.config.runId}-${++seq}`, rev: 0 }) as MonitorEvent,
  };
  pair.newest = Math.max(pair.newest, time);
  const events = body(ctx);
  updateChannelDown(pair.health, time);
  pair.open = pruneOpen(pair.open, pair.newest, state.config.correlationWindowMs);
  const fresh = events.filter((e) => e.rev === 0);
  const a = evaluateAlerts(pair.alerts, pair.health, fresh, time, state.config.alerts);
  pair.alerts = a.mem;
  for (const d of a.alerts) events.push(ctx.emit({ kind: 'alert', pair: name, ...d }));
  return { state: { ...state, seq, pairs: { ...state.pairs, [name]: pair } }, events };
}

function onPoll(ctx: Ctx, obs: PollObservation): MonitorEvent[] {
  const events: MonitorEvent[] = [];
  const d = ctx.pair.health.devices[obs.device];
  if (d.reachable === false) {
    events.push(ctx.emit({ kind: 'device-back', pair: obs.pair, time: obs.time, device: obs.device, downForMs: obs.time - (d.unreachableSince ?? obs.time) }));
  }
  d.reachable = true;
  d.lastSeen = obs.time;
  delete d.unreachableSince;
  delete d.lastError;
  if (obs.sysname) d.sysname = obs.sysname;
  const r = obs.rbm;
  if (r) {
    if (r.role) d.role = r.role;
    if (r.runningStatus) d.runningStatus = r.runningStatus;
    if (r.controlChannel) d.controlChannel = r.controlChannel;
    if (r.dataChannelInterface) d.dataChannelInterface = r.dataChannelInterface;
    if (r.dataChannelState) d.dataChannelState = r.dataChannelState;
    if (r.keepaliveInterval !== undefined && r.keepaliveCount !== undefined) d.keepalive = { interval: r.keepaliveInterval, count: r.keepaliveCount };
    if (r.consistency && r.consistency !== d.consistency?.result) d.consistency = { result: r.consistency, time: obs.time };
  }
  if (obs.vrrp) d.vrrp = obs.vrrp.map((v) => ({ interface: v.interface, vrid: v.vrid, state: v.state }));
  if (obs.tracks) d.tracks = obs.tracks.map((t) => ({ id: t.id, state: t.state }));
  if (obs.sessions) d.sessions = obs.sessions;
  const pc = pollChanges(ctx.pair.polled[obs.device], obs);
  ctx.pair.polled[obs.device] = pc.mem;
  for (const c of pc.changes) events.push(...absorb(ctx, c));
  return events;
}

function onLog(ctx: Ctx, obs: LogObservation): MonitorEvent[] {
  const f = obs.fact;
  const d = ctx.pair.health.devices[obs.device];
  if (f.type === 'config-sync') return [ctx.emit({ kind: 'config-sync', pair: obs.pair, time: obs.time, device: obs.device, status: f.status, detail: f.detail })];
  // The view follows the log at once; polls later confirm (or correct) it.
  if (f.type === 'switchover') d.runningStatus = f.to;
  if (f.type === 'channel' && f.channel === 'control') d.controlChannel = f.status;
  if (f.type === 'channel' && f.channel === 'data') d.dataChannelState = f.status === 'Connected' ? 'Up' : 'Down';
  if (f.type === 'consistency' && f.result !== 'Not Performed') d.consistency = { result: f.result, time: obs.time };
  if (f.type === 'vrrp') {
    const g = d.vrrp.find((v) => v.vrid === f.vrid && (!f.interface || v.interface === f.interface));
    if (g) g.state = f.to;
  }
  const c = logChange(obs);
  return c ? absorb(ctx, c) : [];
}

/** A change either opens a new event or merges into an open one (re-emitted as a revision). */
function absorb(ctx: Ctx, c: Change): MonitorEvent[] {
  const pair = ctx.pair;
  const match = findMatch(pair.open, c, ctx.config.correlationWindowMs);
  if (!match && isRepeat(pair.open, c, ctx.config.correlationWindowMs)) return [];
  if (match) {
    match.sources.push(c.source);
    match.deviceTime ??= c.deviceTime;
    addStamp(match, c.deviceTime);
    const merged = mergeEvent(match.event, c);
    match.event = merged;
    const last = pair.health.lastSwitchover;
    if (merged.kind === 'switchover' && last && last.device === merged.device && last.to === merged.to) last.cause = merged.cause;
    return [merged];
  }
  const event = ctx.emit(toEvent(pair.health.pair, c));
  const open: OpenReport<MonitorEvent> = { event, device: c.device, subject: c.subject, to: c.to, time: c.time, sources: [c.source], deviceTime: c.deviceTime };
  addStamp(open, c.deviceTime);
  pair.open.push(open);
  if (event.kind === 'switchover') countSwitchover(pair.health, event);
  return [event];
}

function toEvent(pair: string, c: Change): DistributiveOmit<MonitorEvent, 'id' | 'rev'> {
  const seenBy: SeenBy = c.source;
  const base = { pair, time: c.time, device: c.device, seenBy };
  switch (c.what) {
    case 'running':
      return { ...base, kind: 'switchover', from: c.from, to: c.to as RunningStatus, cause: c.cause, ...(c.deviceTime ? { deviceTime: c.deviceTime } : {}) };
    case 'control':
      return { ...base, kind: c.to === 'Connected' ? 'channel-up' : 'channel-down', channel: 'control' as const };
    case 'data':
      return { ...base, kind: c.to === 'Up' ? 'channel-up' : 'channel-down', channel: 'data' as const };
    case 'consistency':
      return { ...base, kind: 'consistency', result: c.to as ConsistencyResult, ...(c.detail ? { detail: c.detail } : {}) };
    case 'vrrp':
      return { pair, time: c.time, device: c.device, kind: 'vrrp', vrid: c.vrid, from: c.from, to: c.to, ...(c.interface ? { interface: c.interface } : {}) };
  }
}

/** Merge keeps the earliest time, the union of sources and the first known cause/detail. */
function mergeEvent(prev: MonitorEvent, c: Change): MonitorEvent {
  const next = { ...prev, rev: prev.rev + 1, time: Math.min(prev.time, c.time) } as MonitorEvent;
  if ('seenBy' in next && next.seenBy !== c.source) next.seenBy = 'both';
  if (next.kind === 'switchover' && c.what === 'running') {
    if ((next.cause === 'unknown' || !next.cause) && c.cause && c.cause !== 'unknown') next.cause = c.cause;
    if (!next.deviceTime && c.deviceTime) next.deviceTime = c.deviceTime;
  }
  if (next.kind === 'consistency' && c.what === 'consistency' && !next.detail && c.detail) next.detail = c.detail;
  if (next.kind === 'vrrp' && c.what === 'vrrp' && !next.interface && c.interface) next.interface = c.interface;
  return next;
}

function countSwitchover(h: PairHealth, e: Extract<MonitorEvent, { kind: 'switchover' }>): void {
  const d: DeviceHealth = h.devices[e.device];
  d.switchoverCount += 1;
  d.lastSwitchover = Math.max(d.lastSwitchover ?? 0, e.time);
  if (!h.lastSwitchover || h.lastSwitchover.time <= e.time) h.lastSwitchover = { time: e.time, device: e.device, from: e.from, to: e.to, cause: e.cause };
}

/** Channel "down since": any side still answering says Disconnected; cleared when they say Connected. */
function updateChannelDown(h: PairHealth, time: number): void {
  const sides = [h.devices.a, h.devices.b].filter((d) => d.reachable !== false && d.controlChannel !== undefined);
  if (sides.length === 0) return;
  if (sides.some((d) => d.controlChannel === 'Disconnected')) h.channelDownSince ??= time;
  else delete h.channelDownSince;
}
