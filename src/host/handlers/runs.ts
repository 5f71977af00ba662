import { summarize } from '../../core/drill/figures';
import type { DrillRecord } from '../../core/drill/types';
import { listJournals } from '../../core/provision/node/journal-file';
import type { Handlers } from '../types';

/**
 * pair.runs: the journals the wizard and `hotpair pair` write, newest first, so Home can show
 * recent runs (and an interrupted one, which needs `hotpair recover`). Only counts leave the
 * host: a journal's pre-push copies are whole device configurations.
 */
/** What Recent runs shows of a drill: its kind and the switchover's figures (the report has the rest). */
function drillSummary(d: DrillRecord) {
  const { outcome, switchoverMs, interruptionMs, failedProbes, sessionsPreservedPct } = summarize(d);
  return { kind: d.kind.kind, ...(d.kind.kind === 'link' ? { interface: d.kind.interface } : {}), outcome, switchoverMs, interruptionMs, failedProbes, sessionsPreservedPct };
}

export function runsHandlers(journalBase: string): Handlers {
  return {
    'pair.runs': ({ limit }) => ({
      runs: listJournals(journalBase)
        .slice(0, limit)
        .map(({ path, mtime, summary: s }) => ({
          pair: s.pair ?? path.replace(/^.*[\\/]/, '').replace(/-\d{4}-\d\d-\d\dT.*$/, ''),
          startedAt: s.startedAt ?? mtime.toISOString(),
          ...(s.outcome ? { outcome: s.outcome } : {}),
          interrupted: s.interrupted,
          applied: { a: s.applied.a.length, b: s.applied.b.length },
          journal: path,
          ...(s.drill ? { drill: drillSummary(s.drill) } : {}),
        })),
    }),
  };
}
