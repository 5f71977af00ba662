/**
 * Journal text → the report's input: a commissioning run (the records runPair writes) and a drill
 * (the record a drill run writes). Torn lines are skipped, as summarizeJournal does.
 */
import type { DeviceKey } from '../model/pair';
import { summarizeJournal, type JournalRecord } from '../provision/journal';
import type { DrillRecord, PhaseFigures } from '../drill/types';
import type { CommissioningRun, DrillFigures, DrillReport, DrillTimelineEntry } from './model';

const KEYS: readonly DeviceKey[] = ['a', 'b'];

function records(text: string): unknown[] {
  const out: unknown[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      out.push(JSON.parse(raw));
    } catch {
      // a torn last write: summarizeJournal counts it
    }
  }
  return out;
}

/** The commissioning run of a journal, or undefined for any other journal (a drill's, a torn one). */
export function commissioningFromJournal(text: string, journal: string): CommissioningRun | undefined {
  const s = summarizeJournal(text);
  const rs = records(text) as JournalRecord[];
  const start = rs.find((r) => r.type === 'run-start');
  // Drills journal a run-start too; only a commissioning run plans (right after its run-start).
  if (!start || start.type !== 'run-start' || !rs.some((r) => r.type === 'plan') || (rs as { type: string }[]).some((r) => r.type === 'drill')) return undefined;
  const run: CommissioningRun = {
    runId: start.runId,
    pair: start.pair,
    journal,
    startedAt: start.time,
    interrupted: s.interrupted,
    targets: start.targets,
    tool: start.tool,
    facts: {},
    probe: [],
    health: {},
    plans: {},
    applied: { a: s.applied.a.map(({ line, stage }) => ({ line, stage })), b: s.applied.b.map(({ line, stage }) => ({ line, stage })) },
    stages: [],
    verify: [],
    commitDelay: {},
    saves: {},
    rolledBack: s.rolledBack,
    savedConfig: {},
    transcripts: [],
  };
  if (start.pairFile !== undefined) run.pairFile = start.pairFile;
  if (start.pack) run.pack = start.pack;
  if (s.outcome) run.outcome = s.outcome;
  for (const k of KEYS) {
    const c = s.savedConfig[k];
    if (c) run.savedConfig[k] = { method: c.method, bytes: c.bytes, ...(c.file ? { file: c.file } : {}), ...(c.sha256 ? { sha256: c.sha256 } : {}) };
  }
  for (const r of rs) {
    switch (r.type) {
      case 'facts':
        run.facts[r.device] = r.facts;
        break;
      case 'preflight':
        run.preflight = { rules: r.rules, findings: r.findings };
        break;
      case 'health':
        run.health[r.when] = r.checks;
        break;
      case 'plan':
        run.plans[r.device] = { add: r.add, remove: r.remove };
        break;
      case 'probe':
        if (r.phase === 'done' || r.phase === 'skipped' || r.phase === 'forced') run.probe.push({ phase: r.phase, time: r.time, ...(r.device ? { device: r.device } : {}), ...(r.unconfirmed ? { unconfirmed: r.unconfirmed } : {}), ...(r.reason ? { reason: r.reason } : {}) });
        break;
      case 'stage':
        if (r.phase === 'begin') run.stages.push({ name: r.name, begin: r.time });
        else {
          const open = [...run.stages].reverse().find((x) => x.name === r.name && x.done === undefined);
          if (open) open.done = r.time;
        }
        break;
      case 'verify':
        run.verify.push({ ok: r.ok, time: r.time, ...(r.failures ? { failures: r.failures } : {}) });
        break;
      case 'commit-delay':
        run.commitDelay[r.device] = r.phase === 'start' ? { ...(r.minutes !== undefined ? { minutes: r.minutes } : {}), confirmed: false } : { ...run.commitDelay[r.device], confirmed: true };
        break;
      case 'save':
        run.saves[r.device] = { ok: r.ok, ...(r.error ? { error: r.error } : {}) };
        break;
      case 'transcript':
        run.transcripts.push({ device: r.device, file: r.file, sha256: r.sha256, bytes: r.bytes });
        break;
      case 'run-end':
        run.endedAt = r.time;
        if (r.message) run.message = r.message;
        break;
      default:
        break;
    }
  }
  return run;
}

function figures(p: PhaseFigures | undefined): DrillFigures | undefined {
  if (!p) return undefined;
  return {
    switchoverMs: p.switchoverMs,
    interruptionMs: p.interruptionMs,
    failedProbes: p.failedProbes,
    sessionsPreservedPct: p.sessionsPreservedPct,
    trigger: p.trigger,
    from: p.from,
    to: p.to,
    targets: (p.targets ?? []).map(({ target, probes, failed, interruptionMs, recovered }) => ({ target, probes, failed, interruptionMs, recovered })),
    ...(p.sessionsBefore !== undefined ? { sessionsBefore: p.sessionsBefore } : {}),
    ...(p.sessionsAfter !== undefined ? { sessionsAfter: p.sessionsAfter } : {}),
    ...(p.delayMs !== undefined ? { delayMs: p.delayMs } : {}),
  };
}

/** A drill record (as the drill journals it) in the report's terms: probes and events on one timeline. */
export function drillReport(r: DrillRecord, journal?: string): DrillReport {
  const timeline: DrillTimelineEntry[] = [
    ...(r.samples ?? []).map((x) => ({ t: x.start, kind: 'probe' as const, target: x.target, ok: x.ok })),
    ...(r.timeline ?? []).map((e) => ({ t: e.at, kind: 'event' as const, text: `${e.device ? `${e.device.toUpperCase()}: ` : ''}${e.text}`, ...(e.unexpected ? { unexpected: true } : {}) })),
  ].sort((x, y) => x.t - y.t || (x.kind === y.kind ? 0 : x.kind === 'event' ? -1 : 1));
  const over = figures(r.switchover);
  const back = figures(r.switchback);
  return {
    runId: r.runId,
    pair: r.pair,
    kind: r.kind.kind,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    outcome: r.outcome,
    message: r.message,
    probes: r.probes ?? [],
    timeline,
    standing: r.standing,
    ...(r.kind.kind === 'link' ? { interface: r.kind.interface } : {}),
    ...(journal !== undefined ? { journal } : {}),
    ...(over ? { figures: over } : {}),
    ...(back ? { switchback: back } : {}),
    ...(r.restored !== undefined ? { restored: r.restored } : {}),
    ...(r.releaseNote !== undefined ? { releaseNote: r.releaseNote } : {}),
  };
}

/** The drill recorded in a journal (its `drill` record), or undefined for any other journal. */
export function drillFromJournal(text: string, journal?: string): DrillReport | undefined {
  const rs = records(text);
  for (let i = rs.length - 1; i >= 0; i--) {
    const r = rs[i] as { type?: unknown; drill?: DrillRecord } | null;
    if (r?.type === 'drill' && r.drill && typeof r.drill === 'object' && typeof r.drill.runId === 'string') return drillReport(r.drill, journal);
  }
  return undefined;
}
