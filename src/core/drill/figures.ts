/**
 * The drill's figures, computed from what was recorded (probe samples, status polls, session
 * counters) and nothing else, so the same record always gives the same figures.
 */
import type { DeviceKey, Pair } from '../model/pair';
import type { DeviceReading, DrillRecord, DrillSummary, PhaseFigures, ProbeSample, Sentence, StatusPoll, TargetFigures } from './types';
import { readingError } from './run-text';

/**
 * One target's outages within [from, to): each run of failed probes between two answered ones.
 * An edge is placed midway between the last probe on one side and the first on the other, so
 * with probes every P ms each edge is off by at most P/2. A run still failing at `to` lasts until
 * `to` and is not recovered; a run already failing at `from` starts at its first probe.
 */
export function targetFigures(samples: readonly ProbeSample[], target: string, from: number, to: number): TargetFigures {
  const mine = samples.filter((s) => s.target === target).sort((x, y) => x.start - y.start);
  const inside = mine.filter((s) => s.start >= from && s.start < to);
  const out: TargetFigures = { target, probes: inside.length, failed: inside.filter((s) => !s.ok).length, interruptionMs: 0, recovered: true };
  let i = 0;
  while (i < inside.length) {
    if (inside[i]?.ok) {
      i++;
      continue;
    }
    const first = inside[i] as ProbeSample;
    let j = i;
    while (j + 1 < inside.length && !inside[j + 1]?.ok) j++;
    const last = inside[j] as ProbeSample;
    const before = [...mine].reverse().find((s) => s.start < first.start && s.ok);
    const after = inside[j + 1];
    const stoppedAt = before ? (before.start + first.start) / 2 : first.start;
    const resumedAt = after ? (last.start + after.start) / 2 : undefined;
    const length = Math.round((resumedAt ?? to) - stoppedAt);
    if (length > out.interruptionMs || resumedAt === undefined) {
      out.interruptionMs = Math.max(length, out.interruptionMs);
      out.stoppedAt = Math.round(stoppedAt);
      if (resumedAt === undefined) delete out.resumedAt;
      else out.resumedAt = Math.round(resumedAt);
    }
    if (resumedAt === undefined) out.recovered = false;
    i = j + 1;
  }
  return out;
}

/** Whether a target answered at its last probe before `at` (a dead service makes the drill meaningless). */
export function answeringBefore(samples: readonly ProbeSample[], target: string, at: number): boolean {
  const mine = samples.filter((s) => s.target === target && s.start < at).sort((x, y) => x.start - y.start);
  return mine.length > 0 && mine[mine.length - 1]?.ok === true;
}

/** Sessions the new Active holds after the move as a share of what the old Active held before, capped at 100 %. */
export function sessionsPreservedPct(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined || after === undefined || before <= 0) return null;
  return Math.round((Math.min(after, before) / before) * 1000) / 10;
}

/** Every RBM-bound VRRP group of the pair file, as (interface, vrid). */
export function pairGroups(pair: Pair): { interface: string; vrid: number }[] {
  const seen = new Set<string>();
  return pair.vrrp.filter((g) => !seen.has(`${g.interface}#${g.vrid}`) && seen.add(`${g.interface}#${g.vrid}`)).map((g) => ({ interface: g.interface, vrid: g.vrid }));
}

/**
 * The Active role has moved to `to`: it reports Active, the other device does not, and every
 * group is Master on `to` and not on the other. Floating IPs have no display of their own: they
 * follow the running status, so the status is what shows them moved.
 */
export function hasMoved(poll: StatusPoll, to: DeviceKey, groups: readonly { interface: string; vrid: number }[]): boolean {
  const from: DeviceKey = to === 'a' ? 'b' : 'a';
  const n = poll[to];
  const o = poll[from];
  if (n.error || o.error || n.runningStatus !== 'Active' || o.runningStatus === 'Active') return false;
  const state = (r: DeviceReading, g: { interface: string; vrid: number }) => r.vrrp.find((v) => v.interface === g.interface && v.vrid === g.vrid)?.state;
  return groups.every((g) => state(n, g) === 'Master' && state(o, g) !== 'Master');
}

/** Trigger until the first poll that showed the move (its end: the moment it was known), or null. */
export function switchoverMs(polls: readonly StatusPoll[], triggeredAt: number, to: DeviceKey, groups: readonly { interface: string; vrid: number }[]): number | null {
  const seen = polls.filter((p) => p.start >= triggeredAt && hasMoved(p, to, groups)).sort((x, y) => x.end - y.end)[0];
  return seen ? Math.max(0, seen.end - triggeredAt) : null;
}

/** A phase's figures over the probe samples taken from its trigger to `until`. */
export function phaseFigures(o: {
  phase: PhaseFigures['phase'];
  trigger: PhaseFigures['trigger'];
  from: DeviceKey;
  to: DeviceKey;
  triggeredAt: number;
  until: number;
  polls: readonly StatusPoll[];
  samples: readonly ProbeSample[];
  targets: readonly string[];
  groups: readonly { interface: string; vrid: number }[];
  sessionsBefore?: number;
  sessionsAfter?: number;
  delayMs?: number;
}): PhaseFigures {
  const targets = o.targets.map((t) => targetFigures(o.samples, t, o.triggeredAt, o.until));
  const probing = targets.length > 0;
  return {
    phase: o.phase,
    trigger: o.trigger,
    from: o.from,
    to: o.to,
    triggeredAt: o.triggeredAt,
    switchoverMs: switchoverMs(o.polls, o.triggeredAt, o.to, o.groups),
    interruptionMs: probing ? Math.max(...targets.map((t) => t.interruptionMs)) : null,
    failedProbes: probing ? targets.reduce((n, t) => n + t.failed, 0) : null,
    sessionsPreservedPct: sessionsPreservedPct(o.sessionsBefore, o.sessionsAfter),
    ...(o.sessionsBefore !== undefined ? { sessionsBefore: o.sessionsBefore } : {}),
    ...(o.sessionsAfter !== undefined ? { sessionsAfter: o.sessionsAfter } : {}),
    ...(o.delayMs !== undefined ? { delayMs: o.delayMs } : {}),
    targets,
  };
}

/**
 * What changed between two readings of the pair that a drill does not expect: a device that
 * stopped answering, a control channel that went down, a consistency result that changed, more
 * switchovers than the drill caused. `expectedSwitchovers` is how many records each device may
 * have gained since `base`.
 */
export function unexpectedChanges(base: StatusPoll, now: StatusPoll, expectedSwitchovers: number): ({ device: DeviceKey } & Sentence)[] {
  const out: ({ device: DeviceKey } & Sentence)[] = [];
  for (const k of ['a', 'b'] as const) {
    const b = base[k];
    const n = now[k];
    const D = k.toUpperCase();
    if (n.error) {
      out.push({ device: k, text: `device ${D} unreachable: ${n.error}`, code: 'drillRun.unexpected.unreachable', params: { device: D, error: readingError(n) } });
      continue;
    }
    if (b.controlChannel === 'Connected' && n.controlChannel !== 'Connected') out.push({ device: k, text: `device ${D}: control channel ${n.controlChannel ?? 'not shown'}`, code: 'drillRun.unexpected.channel', params: { device: D, channel: n.controlChannel ?? 'none' } });
    if (b.consistency !== undefined && n.consistency !== undefined && n.consistency !== b.consistency && n.consistency !== 'Not Performed')
      out.push({ device: k, text: `device ${D}: configuration consistency changed from ${b.consistency} to ${n.consistency}`, code: 'drillRun.unexpected.consistency', params: { device: D, from: b.consistency, to: n.consistency } });
    if (b.switchovers !== undefined && n.switchovers !== undefined && n.switchovers - b.switchovers > expectedSwitchovers)
      out.push({ device: k, text: `device ${D}: ${n.switchovers - b.switchovers} running-status changes where the drill caused ${expectedSwitchovers} (a flap)`, code: 'drillRun.unexpected.flaps', params: { device: D, count: n.switchovers - b.switchovers, expected: expectedSwitchovers } });
  }
  return out;
}

/** The figures `--json` prints: the switchover's at top level, the switchback's beneath. */
export function summarize(r: DrillRecord): DrillSummary {
  const pick = (p: PhaseFigures | undefined) => ({
    switchoverMs: p?.switchoverMs ?? null,
    interruptionMs: p?.interruptionMs ?? null,
    failedProbes: p?.failedProbes ?? null,
    sessionsPreservedPct: p?.sessionsPreservedPct ?? null,
  });
  return { pair: r.pair, outcome: r.outcome, message: r.message, ...(r.said ? { said: r.said } : {}), ...pick(r.switchover), ...(r.switchback ? { switchback: pick(r.switchback) } : {}) };
}
