/**
 * Changes: what a poll (compared with the previous poll of the same device) or a log line says has
 * changed. Polls are diffed against the previous *poll*, not against the health view, because a
 * log line may already have moved the view; the diff is the poll's own report of the change.
 */
import type { RbmFact, VrrpFact } from '../model/facts';
import type { DeviceKey } from '../model/pair';
import type { Report } from './correlate';
import type { LogObservation, PollObservation, RunningStatus } from './types';

export type Change =
  | (Report & { what: 'running'; from: RunningStatus; cause: string })
  | (Report & { what: 'control' | 'data' })
  | (Report & { what: 'consistency'; detail?: string })
  | (Report & { what: 'vrrp'; interface?: string; vrid: number; from: string });

/** What the previous poll of a device said (only what later polls are compared with). */
export interface PollMemory {
  running?: RunningStatus;
  control?: string;
  data?: string;
  consistency?: string;
  /** Keys of the switchover records seen; undefined until a poll carried a record list. */
  records?: string[];
  vrrp?: Record<string, string>;
  /** Set after the device was unreachable: it may have rebooted, so a bare status change proves nothing. */
  afterGap?: boolean;
}

const STATUSES: readonly RunningStatus[] = ['Initial', 'Active', 'Standby'];

export function asRunningStatus(text: string | undefined): RunningStatus | undefined {
  if (!text) return undefined;
  return STATUSES.find((s) => s.toLowerCase() === text.trim().toLowerCase());
}

const recordKey = (r: { time: string; from: string; to: string; cause: string }) => `${r.time}|${r.from}|${r.to}|${r.cause}`;
const vrrpKey = (v: VrrpFact) => `${v.interface}#${v.vrid}`;

export function pollChanges(mem: PollMemory, obs: PollObservation): { changes: Change[]; mem: PollMemory } {
  const changes: Change[] = [];
  const base = { device: obs.device, time: obs.time, source: 'poll' as const };
  const next: PollMemory = { ...mem, afterGap: false };
  const rbm: RbmFact | undefined = obs.rbm;
  if (rbm) {
    if (rbm.controlChannel) {
      if (mem.control !== undefined && mem.control !== rbm.controlChannel) changes.push({ ...base, what: 'control', subject: 'control', to: rbm.controlChannel });
      next.control = rbm.controlChannel;
    }
    if (rbm.dataChannelState) {
      if (mem.data !== undefined && mem.data !== rbm.dataChannelState) changes.push({ ...base, what: 'data', subject: 'data', to: rbm.dataChannelState });
      next.data = rbm.dataChannelState;
    }
    if (rbm.consistency) {
      if (mem.consistency !== undefined && mem.consistency !== rbm.consistency && rbm.consistency !== 'Not Performed')
        changes.push({ ...base, what: 'consistency', subject: 'consistency', to: rbm.consistency });
      next.consistency = rbm.consistency;
    }
    changes.push(...runningChanges(mem, rbm, base, next));
  }
  if (obs.vrrp) {
    const now: Record<string, string> = {};
    for (const v of obs.vrrp) {
      now[vrrpKey(v)] = v.state;
      const before = mem.vrrp?.[vrrpKey(v)];
      if (before !== undefined && before !== v.state)
        changes.push({ ...base, what: 'vrrp', subject: `vrrp:${v.vrid}`, to: v.state, interface: v.interface, vrid: v.vrid, from: before });
    }
    next.vrrp = now;
  }
  return { changes, mem: next };
}

/**
 * Switchovers from a poll: new entries in the device's switchover records when it prints them
 * (they carry the cause and the device time); otherwise a change of running status between two
 * polls, unless the device was unreachable in between (a reboot is not a switchover).
 */
function runningChanges(mem: PollMemory, rbm: RbmFact, base: { device: DeviceKey; time: number; source: 'poll' }, next: PollMemory): Change[] {
  const out: Change[] = [];
  const status = asRunningStatus(rbm.runningStatus);
  if (rbm.switchovers) {
    const keys = rbm.switchovers.map(recordKey);
    if (mem.records !== undefined) {
      const seen = new Set(mem.records);
      const fresh = rbm.switchovers.filter((r) => !seen.has(recordKey(r)));
      fresh.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
      for (const r of fresh) {
        const from = asRunningStatus(r.from);
        const to = asRunningStatus(r.to);
        if (!from || !to) continue;
        out.push({ ...base, what: 'running', subject: 'running', from, to, cause: r.cause || 'unknown', deviceTime: r.time });
      }
    }
    // A status change no new record explains (first record list, a release that does not record
    // every change): still a switchover, with the cause left for a log line to supply.
    if (mem.running !== undefined && status && status !== mem.running && !mem.afterGap && !out.some((c) => c.to === status))
      out.push({ ...base, what: 'running', subject: 'running', from: mem.running, to: status, cause: 'unknown' });
    next.records = keys;
  } else if (status && mem.running !== undefined && status !== mem.running && !mem.afterGap) {
    out.push({ ...base, what: 'running', subject: 'running', from: mem.running, to: status, cause: 'unknown' });
  }
  if (status) next.running = status;
  return out;
}

export function logChange(obs: LogObservation): Change | undefined {
  const base = { device: obs.device, time: obs.time, source: 'log' as const, deviceTime: obs.deviceTime };
  const f = obs.fact;
  switch (f.type) {
    case 'switchover':
      return { ...base, what: 'running', subject: 'running', from: f.from, to: f.to, cause: f.cause };
    case 'channel':
      return { ...base, what: f.channel, subject: f.channel, to: f.channel === 'control' ? f.status : f.status === 'Connected' ? 'Up' : 'Down' };
    case 'consistency':
      return f.result === 'Not Performed' ? undefined : { ...base, what: 'consistency', subject: 'consistency', to: f.result, detail: f.detail };
    case 'vrrp':
      return { ...base, what: 'vrrp', subject: `vrrp:${f.vrid}`, to: f.to, interface: f.interface, vrid: f.vrid, from: f.from };
    case 'config-sync':
      return undefined;
  }
}
