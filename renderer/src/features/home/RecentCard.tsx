import { useEffect } from 'react';
import type { RunSummary } from '../../../../src/contract/index';
import { useStore } from '../../store/index';

/** Outcomes as an engineer reads them; anything new from the core shows as it is. */
const OUTCOME: Record<string, string> = {
  success: 'verified and saved',
  'nothing-to-do': 'already configured',
  'dry-run': 'dry run',
  'rolled-back': 'failed, rolled back',
  'rollback-incomplete': 'failed, rollback incomplete',
  'failed-kept': 'failed, changes kept',
  recovered: 'recovered',
  declined: 'declined',
};

function outcomeText(r: RunSummary): string {
  // A run without its end record was killed mid-push: the one case that needs an action.
  if (r.interrupted) return 'interrupted — finish its rollback with hotpair recover (path below)';
  return OUTCOME[r.outcome ?? ''] ?? r.outcome ?? 'unknown';
}

// Journals stamp UTC; said so, since a field laptop's clock is often on another zone.
const when = (iso?: string) => (iso ? `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC` : '');

/** Recent commissioning runs (from the journals the wizard and `hotpair pair` share) and the last bundle made here. */
export function RecentCard() {
  const runs = useStore((s) => s.runs);
  const error = useStore((s) => s.runsError);
  const created = useStore((s) => s.created);
  const loadRuns = useStore((s) => s.loadRuns);
  // Reloaded on every visit to Home: a run finished on Pairing should be listed on return.
  useEffect(() => void loadRuns(), [loadRuns]);
  return (
    <section className="card" aria-label="Recent runs and bundles">
      <h2>Recent runs and bundles</h2>
      {error && (
        <p className="error-text" role="alert">
          Could not read the run journals: {error.message}
        </p>
      )}
      {runs.length === 0 && !error && <p className="muted">No commissioning runs yet. Start the lab pair, then Pairing walks you through one.</p>}
      {runs.length > 0 && (
        <ul className="examples recent-runs">
          {runs.map((r) => (
            <li key={r.journal}>
              <strong>{r.pair}</strong> <span className="muted">{when(r.startedAt)}</span>
              <span className={`badge${r.interrupted || /fail|incomplete/.test(r.outcome ?? '') ? ' badge-bad' : ''}`}>{outcomeText(r)}</span>
              <span className="muted small"> {r.applied.a + r.applied.b} lines applied</span>
              {r.interrupted && <code className="small journal-path">{r.journal}</code>}
            </li>
          ))}
        </ul>
      )}
      {created && (
        <p className="small">
          Last bundle made here: <strong>{created.name}</strong>
          {created.count > 1 ? ` (${created.count} pairs)` : created.manifest ? ` (${created.manifest.pair.name})` : ''}
        </p>
      )}
    </section>
  );
}
