/** A drill as an event of the monitor's history: the outcome and the switchover's figures (the journal keeps the rest). */
import type { MonitorEvent } from '../monitor/types';
import type { DrillRecord } from './types';

export function drillEvent(r: DrillRecord, journal?: string): MonitorEvent {
  const f = r.switchover;
  const num = (k: 'switchoverMs' | 'interruptionMs' | 'failedProbes' | 'sessionsPreservedPct') => (f && f[k] !== null ? { [k]: f[k] } : {});
  return {
    id: `drill:${r.runId}`,
    rev: 0,
    pair: r.pair,
    time: Date.parse(r.endedAt),
    kind: 'drill',
    drill: r.kind.kind,
    ...(r.kind.kind === 'link' ? { interface: r.kind.interface } : {}),
    outcome: r.outcome,
    message: r.message,
    ...(r.said ? { said: r.said } : {}),
    ...num('switchoverMs'),
    ...num('interruptionMs'),
    ...num('failedProbes'),
    ...num('sessionsPreservedPct'),
    ...(journal ? { journal } : {}),
  };
}
