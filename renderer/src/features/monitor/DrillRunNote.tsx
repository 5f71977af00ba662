import type { RunSummary } from '../../../../src/contract/index';

const SAYS: Record<NonNullable<RunSummary['drill']>['outcome'], string> = {
  passed: 'drill passed',
  failed: 'drill failed',
  refused: 'drill refused',
  declined: 'drill not confirmed',
};

/** A drill in Recent runs: what it moved and the interruption it measured, not a commissioning outcome. */
export function DrillRunNote({ drill }: { drill: NonNullable<RunSummary['drill']> }) {
  const what = drill.kind === 'link' ? `link drill (${drill.interface ?? 'interface'})` : 'switchover drill';
  const figures = [
    drill.switchoverMs !== null && `switchover ${Math.round(drill.switchoverMs)} ms`,
    drill.interruptionMs !== null ? `interruption ${Math.round(drill.interruptionMs)} ms` : drill.outcome === 'passed' && 'interruption not probed',
    drill.failedProbes !== null && drill.failedProbes > 0 && `${drill.failedProbes} failed probes`,
  ].filter(Boolean);
  return (
    <>
      <span className={`badge${drill.outcome === 'failed' ? ' badge-bad' : ''}`}>{SAYS[drill.outcome]}</span>
      <span className="muted small drill-run">
        {' '}
        {what}
        {figures.length ? `: ${figures.join(', ')}` : ''}
      </span>
    </>
  );
}
